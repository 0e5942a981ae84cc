import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IANAZone } from 'luxon';
import { Between, Repository } from 'typeorm';
import { CasesQuery } from '../cases/cases.query';
import { Clock } from '../common/clock';
import { toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { attendanceOf, effectiveTimes, shiftSpan as span } from './domain/duty-rules';
import type { DutyRecordView, HelpRecordView, OnBehalf } from './domain/ledger-views';
import { offsetSteps, zonedIsoFormatter } from './domain/zoned-instants';
import { DutyLogEntry, HelpRecord, LedgerSignOff } from './ledger.entities';
import { HelpRow, LedgerPagesQuery, LedgerScope, ShiftRow } from './ledger-pages.query';
import { LedgerPeopleQuery, Recorder } from './ledger-people.query';
import { LawyersQuery } from '../lawyers/lawyers.query';

const DAY_MS = 86_400_000;
/** Records are often made or edited after their day: the offset table reaches a month past the period. */
const LATE_EDITS_DAYS = 32;

type ZonedText = (instant: string | null) => string | null;

const zoned: (timezone: string) => ZonedText = (timezone) => (instant) => (instant ? toZonedIso(new Date(instant), timezone) : null);

/**
 * The period's instants as the API writes them: by arithmetic from a table of the zone's
 * offsets over the period (built once: a year of Asia/Shanghai is one step), the zone
 * database for anything outside it (and for `UTC`, which luxon writes with `Z`).
 */
function periodText(scope: LedgerScope): ZonedText {
  const zone = IANAZone.create(scope.timezone);
  const from = Math.max(0, Date.parse(`${scope.from}T00:00:00Z`) - DAY_MS);
  const to = Date.parse(`${scope.to}T00:00:00Z`) + LATE_EDITS_DAYS * DAY_MS;
  const fallback = zoned(scope.timezone);
  if (scope.timezone === 'UTC' || !zone.isValid || !(from < to)) return fallback;
  const format = zonedIsoFormatter(offsetSteps((ms) => zone.offset(ms), from, to));
  // A record's createdAt and updatedAt are mostly the same instant.
  let lastInstant = '';
  let lastText = '';
  return (instant) => {
    if (!instant) return null;
    if (instant !== lastInstant) {
      lastText = format(instant) ?? fallback(instant)!;
      lastInstant = instant;
    }
    return lastText;
  };
}

/** A stored help record as the API shows it, its instants in the station's zone (key order as the API has always written it). */
function helpView(r: HelpRow, text: ZonedText): HelpRecordView {
  return {
    id: r.id,
    shiftId: r.shiftId,
    stationId: r.stationId,
    lawyerId: r.lawyerId,
    date: r.date,
    caseId: r.caseId,
    courtCaseNo: r.courtCaseNo,
    defendantName: r.defendantName,
    helpType: r.helpType,
    summary: r.summary,
    startedAt: text(r.startedAt)!,
    endedAt: text(r.endedAt)!,
    correctsId: r.correctsId,
    correctionReason: r.correctionReason,
    afterSignOff: Boolean(r.afterSignOff), // SQLite answers 0/1
    createdBy: r.createdBy,
    createdAt: text(r.createdAt)!,
    updatedAt: text(r.updatedAt)!,
    lawyerName: r.lawyerName ?? null,
    correctedById: r.correctedById ?? null,
    current: !r.correctedById,
  };
}

/**
 * Reads the ledger page by page (keyset on the (station_id, date…) indexes, or a cursor), yielding a
 * page of views at a time, so a year of a busy station streams out without being held in memory.
 */
@Injectable()
export class LedgerReader {
  constructor(
    @InjectRepository(DutyLogEntry) private readonly log: Repository<DutyLogEntry>,
    @InjectRepository(HelpRecord) private readonly help: Repository<HelpRecord>,
    @InjectRepository(LedgerSignOff) private readonly signOffs: Repository<LedgerSignOff>,
    private readonly pages: LedgerPagesQuery,
    private readonly people: LedgerPeopleQuery,
    private readonly lawyers: LawyersQuery,
    private readonly cases: CasesQuery,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every published shift of the scope with its corrected check-in/out, attendance and sign-off, a page at a time. */
  async *dutyPages(scope: LedgerScope): AsyncGenerator<DutyRecordView[]> {
    const now = this.clock.now();
    const text = periodText(scope);
    const recorders = new Map<string, Recorder>(); // a station's few dispatchers and lawyers, looked up once
    for await (const page of this.pages.shiftPages(scope)) {
      const between = { stationId: scope.stationId, date: Between(page[0].date, page[page.length - 1].date) };
      const entries = new Map<string, DutyLogEntry[]>();
      for (const e of await this.log.find({ where: between, order: { id: 'ASC' } })) {
        const list = entries.get(e.shiftId);
        if (list) list.push(e);
        else entries.set(e.shiftId, [e]);
      }
      const onBehalf = await this.onBehalfOf(page, entries, recorders);
      const signed = new Map((await this.signOffs.find({ where: between })).map((x) => [`${x.lawyerId}|${x.date}`, x.signedAt]));
      yield page.map((s) => {
        const times = effectiveTimes(entries.get(s.id) ?? []);
        const checkIn = times.checkIn ? new Date(times.checkIn.at) : null;
        const { status, lateByMinutes } = attendanceOf(span(s), checkIn, now, this.config.ledger.lateGraceMin);
        return {
          shiftId: s.id,
          date: s.date,
          templateName: s.templateName,
          start: s.startTime,
          end: s.endTime,
          lawyerId: s.lawyerId,
          lawyerName: s.lawyerName ?? null,
          firm: s.firm ?? null,
          checkedInAt: text(times.checkIn?.at ?? null),
          checkedOutAt: text(times.checkOut?.at ?? null),
          checkInEntryId: times.checkIn?.entryId ?? null,
          checkOutEntryId: times.checkOut?.entryId ?? null,
          checkInCorrected: times.checkIn?.corrected ?? false,
          checkOutCorrected: times.checkOut?.corrected ?? false,
          checkInOnBehalf: times.checkIn ? (onBehalf.get(times.checkIn.entryId) ?? null) : null,
          checkOutOnBehalf: times.checkOut ? (onBehalf.get(times.checkOut.entryId) ?? null) : null,
          attendance: status,
          lateByMinutes,
          signedOffAt: text(s.lawyerId ? (signed.get(`${s.lawyerId}|${s.date}`) ?? null) : null),
        };
      });
    }
  }

  /**
   * Every help record of the scope in (date, recording) order, corrected ones included and
   * marked, a page at a time (one await per page, not per row: the export's per-row promises
   * were a fifth of its time).
   */
  async *helpPages(scope: LedgerScope): AsyncGenerator<HelpRecordView[]> {
    const text = periodText(scope);
    for await (const page of this.pages.helpPages(scope)) yield page.map((r) => helpView(r, text));
  }

  /** One help record as the API shows it (after it is written). */
  async helpRecordView(record: HelpRecord, timezone: string): Promise<HelpRecordView> {
    const [lawyerName, correction] = await Promise.all([
      this.lawyers.names(this.help.manager, [record.lawyerId]).then((names) => names.get(record.lawyerId) ?? null),
      this.help.findOne({ select: { id: true }, where: { correctsId: record.id } }),
    ]);
    return helpView({ ...record, lawyerName, correctedById: correction?.id ?? null }, zoned(timezone));
  }

  /** duty_lawyer_help cases of the station still waiting for their first help record (Art 2). */
  async pendingHelp(stationId: string, timezone: string) {
    const text = zoned(timezone);
    return (await this.cases.awaitingDutyHelp(stationId)).map((c) => ({
      caseId: c.id,
      courtCaseNo: c.courtCaseNo,
      courtName: c.courtName,
      procedure: c.procedure,
      charges: c.charges,
      defendantName: c.defendantName,
      juvenile: c.juvenile,
      detained: c.defendant.detained,
      detentionPlace: c.defendant.detentionPlace ?? null,
      trialAt: text(c.trialAt),
      receivedAt: text(c.receivedAt),
    }));
  }

  async signOffList(scope: LedgerScope) {
    const rows = await this.signOffs.find({
      where: { stationId: scope.stationId, date: Between(scope.from, scope.to), ...(scope.lawyerId ? { lawyerId: scope.lawyerId } : {}) },
      order: { date: 'ASC', signedAt: 'ASC' },
    });
    const text = zoned(scope.timezone);
    return rows.map((s) => ({ ...s, signedAt: text(s.signedAt) }));
  }

  /**
   * Check-ins and check-outs someone other than the shift's lawyer recorded (the dispatcher's
   * backfill), by entry id: a user not linked to that lawyer recorded it.
   */
  private async onBehalfOf(
    page: ShiftRow[],
    entries: Map<string, DutyLogEntry[]>,
    known: Map<string, Recorder>,
  ): Promise<Map<string, OnBehalf>> {
    const originals = page.flatMap((s) =>
      (entries.get(s.id) ?? []).filter((e) => e.kind !== 'correction').map((e) => ({ e, lawyerId: s.lawyerId })),
    );
    const missing = [...new Set(originals.map((o) => o.e.recordedBy).filter((id) => !known.has(id)))];
    if (missing.length) for (const u of await this.people.recorders(missing)) known.set(u.id, u);
    const out = new Map<string, OnBehalf>();
    for (const { e, lawyerId } of originals) {
      const user = known.get(e.recordedBy);
      if (user?.lawyerId === lawyerId) continue;
      out.set(e.id, { recordedBy: e.recordedBy, recordedByName: user?.name ?? null, reason: e.note });
    }
    return out;
  }
}
