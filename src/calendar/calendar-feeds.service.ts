import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository } from 'typeorm';
import { Assignment } from '../assignment/assignment.entity';
import { hashToken } from '../auth/tokens';
import type { Role } from '../common/actor';
import { ApiTokensService } from '../auth/api-tokens.service';
import { Case } from '../cases/case.entity';
import { FileReadingRequest } from '../cases/file-reading-request.entity';
import { Hearing } from '../cases/hearing.entity';
import { Clock } from '../common/clock';
import { DomainError } from '../common/errors';
import { addDays, instantAt, localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso } from '../database/columns';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Station } from '../stations/station.entity';
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

  constructor(
    private readonly state: FeedStateQuery,
    private readonly shifts: ShiftsQuery,
    private readonly tokens: ApiTokensService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(Station) private readonly stations: Repository<Station>,
    @InjectRepository(Lawyer) private readonly lawyers: Repository<Lawyer>,
    @InjectRepository(Assignment) private readonly assignments: Repository<Assignment>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(Hearing) private readonly hearings: Repository<Hearing>,
    @InjectRepository(FileReadingRequest) private readonly fileReadings: Repository<FileReadingRequest>,
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
      const station = await this.stations.findOneByOrFail({ id: stationId });
      const shifts = await this.shifts.publishedShiftsOfStation(stationId, window.from, window.to);
      const lawyerIds = [...new Set(shifts.flatMap((s) => (s.lawyerId ? [s.lawyerId] : [])))];
      const lawyers = lawyerIds.length ? await this.lawyers.findBy({ id: In(lawyerIds) }) : [];
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
    const stationIds = [...new Set(shifts.map((s) => s.stationId))];
    const stations = stationIds.length ? await this.stations.findBy({ id: In(stationIds) }) : [];
    const assignments = await this.assignments.findBy({ lawyerId, status: 'active' });
    const caseIds = [...new Set(assignments.map((a) => a.caseId))];
    const [cases, hearings, fileReadings] = caseIds.length
      ? await Promise.all([
          this.cases.findBy({ id: In(caseIds) }),
          this.hearings.findBy({ caseId: In(caseIds) }),
          this.fileReadings.findBy({ caseId: In(caseIds), lawyerId, arrangedAt: IsNull() }),
        ])
      : [[], [], []];
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
    const { from, to } = feedWindowDates(localDateOf(this.clock.now(), tz));
    return { from, to, fromInstant: iso(instantAt(from, '00:00', tz)), toInstant: iso(instantAt(addDays(to, 1), '00:00', tz)) };
  }
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}
