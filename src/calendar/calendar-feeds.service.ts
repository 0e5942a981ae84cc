import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { hashToken } from '../auth/tokens';
import type { Role } from '../common/actor';
import { ApiTokensService } from '../auth/api-tokens.service';
import { CasesQuery } from '../cases/cases.query';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { addDays, instantAt, localDateOf, toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso } from '../database/columns';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { ShiftsQuery } from '../stations/shifts.query';
import { feedEtag, matchesIfNoneMatch } from './domain/feed-etag';
import { FeedEvent, FeedWindow, feedWindowDates, lawyerFeedEvents, seeSystem, stationFeedEvents } from './domain/feed-events';
import { FeedHeader, writeIcs } from './domain/ics-calendar';
import { BuiltFeed, FeedCache } from './feed-cache';
import { FeedStateQuery } from './feed-state.query';

/** Court staff who may subscribe to a station's roster with their bearer token. */
const STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'dispatcher', 'court_clerk', 'reception', 'supervisor']);
/** Of those, the center's own staff, whose feed carries the lawyers' mobile numbers. */
const PHONE_ROLES: ReadonlySet<Role> = new Set<Role>(['admin', 'dispatcher']);

export type FeedReply = { etag: string; notModified: true } | ({ etag: string; notModified: false } & BuiltFeed);

/** Unknown, revoked or unfit credentials and unknown feeds all look the same: no hint. */
const noSuchFeed = (): DomainError => new DomainError('not_found', 'FEED_NOT_FOUND', 'no such calendar feed');

/**
 * Serves calendar feeds cheaply: each request costs one aggregate query; the body is built
 * only when the ETag it yields has not been built on this instance yet (see FeedCache).
 */
@Injectable()
export class CalendarFeedsService {
  private readonly cache: FeedCache;
  private lastWindow?: { today: string; window: FeedWindow };

  constructor(
    private readonly state: FeedStateQuery,
    private readonly shifts: ShiftsQuery,
    private readonly tokens: ApiTokensService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesQuery,
    private readonly lawyers: LawyersQuery,
    private readonly ds: DataSource,
  ) {
    this.cache = new FeedCache(config.calendar.cacheMb * 1024 * 1024);
  }

  async lawyerFeed(token: string, ifNoneMatch: string | undefined): Promise<FeedReply> {
    const window = this.window();
    const state = await this.state.lawyer(hashToken(token), window);
    if (!state) throw noSuchFeed();
    return this.reply(feedEtag(state.parts), ifNoneMatch, async () => {
      const header = {
        name: `法律援助日程 · ${state.lawyerName}`,
        description: `${state.lawyerName}的值班、开庭与期限。${seeSystem(this.config.publicBaseUrl)}`,
      };
      return [header, await this.lawyerEvents(state.lawyerId, window)];
    });
  }

  async stationFeed(stationId: string, staffToken: string | undefined, ifNoneMatch: string | undefined): Promise<FeedReply> {
    const actor = staffToken ? await this.tokens.actorForToken(staffToken) : null;
    if (!actor || !STAFF_ROLES.has(actor.role)) throw noSuchFeed();
    const window = this.window();
    const state = await this.state.station(stationId, window);
    if (!state) throw noSuchFeed();
    const withPhones = PHONE_ROLES.has(actor.role);
    return this.reply(feedEtag([...state.parts, withPhones ? 'phones' : 'names']), ifNoneMatch, async () => {
      const station = await this.shifts.findStation(stationId);
      if (!station) throw noSuchFeed();
      const shifts = await this.shifts.publishedShiftsOfStation(stationId, window.from, window.to);
      const lawyers = await this.lawyers.byIds(
        this.ds.manager,
        shifts.map((s) => s.lawyerId),
      );
      const contents = withPhones ? '值班律师与联系电话' : '值班律师与值班时间';
      const header = {
        name: `值班表 · ${station.courtName} ${station.name}`,
        description: `${contents}。${seeSystem(this.config.publicBaseUrl)}`,
      };
      const events = stationFeedEvents({ station, shifts, lawyers: byId(lawyers), detailsUrl: this.config.publicBaseUrl, withPhones });
      return [header, events];
    });
  }

  private async reply(etag: string, ifNoneMatch: string | undefined, build: () => Promise<[FeedHeader, FeedEvent[]]>): Promise<FeedReply> {
    if (matchesIfNoneMatch(ifNoneMatch, etag)) return { etag, notModified: true };
    let feed = this.cache.get(etag);
    if (!feed) {
      // Rows read after the aggregates can only be newer: at worst the next poll rebuilds once more.
      const [header, events] = await build();
      const lastModified = events.reduce((max, e) => (e.stamp > max ? e.stamp : max), '1970-01-01T00:00:00.000Z');
      feed = { body: Buffer.from(writeIcs(header, events), 'utf8'), lastModified };
      this.cache.set(etag, feed);
    }
    return { etag, notModified: false, ...feed };
  }

  private async lawyerEvents(lawyerId: string, window: FeedWindow): Promise<FeedEvent[]> {
    const shifts = await this.shifts.shiftsOfLawyer(lawyerId, window.from, window.to);
    const stations = await this.shifts.findStations(shifts.map((s) => s.stationId));
    const assignments = await this.cases.activeAssignmentsOf(lawyerId);
    const caseIds = assignments.map((a) => a.caseId);
    const [cases, hearings, fileReadings] = await Promise.all([
      this.cases.casesByIds(caseIds),
      this.cases.hearingsOf(caseIds),
      this.cases.unarrangedFileReadings(lawyerId, caseIds),
    ]);
    return lawyerFeedEvents({
      shifts,
      stations: byId(stations),
      assignments,
      cases: byId(cases),
      hearings,
      fileReadings,
      window,
      courtTimezone: this.config.courtTimezone,
      detailsUrl: this.config.publicBaseUrl,
    });
  }

  /** 90 days back to a year ahead of today in the court's zone; it moves at local midnight. */
  private window(): FeedWindow {
    const tz = this.config.courtTimezone;
    // The local date through the cached zone offset; the window's luxon conversions once a day.
    const now = this.clock.now();
    const today = now.getTime() >= 0 && tz !== 'UTC' ? toZonedIso(now, tz).slice(0, 10) : localDateOf(now, tz);
    if (this.lastWindow?.today !== today) {
      const { from, to } = feedWindowDates(today);
      const window = { from, to, fromInstant: iso(instantAt(from, '00:00', tz)), toInstant: iso(instantAt(addDays(to, 1), '00:00', tz)) };
      this.lastWindow = { today, window };
    }
    return this.lastWindow.window;
  }
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}
