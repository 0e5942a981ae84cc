import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { User } from '../auth/user.entity';
import { Case } from '../cases/case.entity';
import { Clock } from '../common/clock';
import { toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { chunks } from '../database/columns';
import { Lawyer } from '../lawyers/lawyer.entity';
import { Shift } from '../stations/shift.entity';
import { attendanceOf, effectiveTimes, shiftSpan as span } from './domain/duty-rules';
import type { DutyRecordView, HelpRecordView, OnBehalf } from './domain/ledger-views';
import { DutyLogEntry, HelpRecord, LedgerSignOff } from './ledger.entities';

/** A ledger read: one station over local dates, optionally one lawyer's entries only. */
export interface LedgerScope {
  stationId: string;
  from: string;
  to: string;
  timezone: string;
  lawyerId?: string;
}

/** Rows per query while streaming: bounded memory whatever the period, few round trips for a year. */
const PAGE = 2000;

const zoned = (instant: string | null, timezone: string): string | null => (instant ? toZonedIso(new Date(instant), timezone) : null);

/** The scope's rows of a table carrying station_id, date and lawyer_id. */
function inScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, scope: LedgerScope): SelectQueryBuilder<T> {
  qb.where(`${alias}.station_id = :sid AND ${alias}.date >= :from AND ${alias}.date <= :to`, {
    sid: scope.stationId,
    from: scope.from,
    to: scope.to,
  });
  return scope.lawyerId ? qb.andWhere(`${alias}.lawyer_id = :lid`, { lid: scope.lawyerId }) : qb;
}

/**
 * Pages of a query in (key, id) order, each query starting after the last row of the one before
 * (keyset paging: no OFFSET, so the 100th page costs what the first does).
 */
async function* keysetPages<T extends ObjectLiteral & { id: string }>(
  query: () => SelectQueryBuilder<T>,
  alias: string,
  keyColumn: string,
  keyOf: (row: T) => string,
  fetch: (qb: SelectQueryBuilder<T>) => Promise<T[]> = (qb) => qb.getMany(),
): AsyncGenerator<T[]> {
  const key = `${alias}.${keyColumn}`;
  let after: { k: string; id: string } | null = null;
  for (;;) {
    const qb = query();
    if (after) qb.andWhere(`(${key} > :k OR (${key} = :k AND ${alias}.id > :id))`, after);
    const page = await fetch(qb.orderBy(key, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(PAGE));
    if (!page.length) return;
    yield page;
    const last = page[page.length - 1];
    after = { k: keyOf(last), id: last.id };
  }
}

/** help_records columns by property: read raw, since entity hydration was the export's largest cost per row. */
const HELP_FIELDS: Record<keyof HelpRecord, string> = {
  id: 'id',
  shiftId: 'shift_id',
  stationId: 'station_id',
  lawyerId: 'lawyer_id',
  date: 'date',
  caseId: 'case_id',
  courtCaseNo: 'court_case_no',
  defendantName: 'defendant_name',
  helpType: 'help_type',
  summary: 'summary',
  startedAt: 'started_at',
  endedAt: 'ended_at',
  correctsId: 'corrects_id',
  correctionReason: 'correction_reason',
  afterSignOff: 'after_sign_off',
  createdBy: 'created_by',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

async function rawHelpRecords(qb: SelectQueryBuilder<HelpRecord>): Promise<HelpRecord[]> {
  const rows = await qb.select(Object.entries(HELP_FIELDS).map(([prop, column]) => `h.${column} AS "${prop}"`)).getRawMany<HelpRecord>();
  for (const r of rows) r.afterSignOff = Boolean(r.afterSignOff); // SQLite answers 0/1
  return rows;
}

/**
 * Reads the ledger page by page (keyset on the (station_id, date…) indexes), yielding one view
 * at a time, so a year of a busy station streams out without being held in memory.
 */
@Injectable()
export class LedgerReader {
  constructor(
    @InjectRepository(Shift) private readonly shifts: Repository<Shift>,
    @InjectRepository(DutyLogEntry) private readonly log: Repository<DutyLogEntry>,
    @InjectRepository(HelpRecord) private readonly help: Repository<HelpRecord>,
    @InjectRepository(LedgerSignOff) private readonly signOffs: Repository<LedgerSignOff>,
    @InjectRepository(Lawyer) private readonly lawyers: Repository<Lawyer>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Every published shift of the scope with its corrected check-in/out, attendance and sign-off. */
  async *dutyRows(scope: LedgerScope): AsyncGenerator<DutyRecordView> {
    const now = this.clock.now();
    const query = () => inScope(this.shifts.createQueryBuilder('s'), 's', scope).andWhere("s.status = 'published'");
    const names = new Map<string, Lawyer>();
    for await (const page of keysetPages(query, 's', 'starts_at', (s) => s.startsAt)) {
      const entries = new Map<string, DutyLogEntry[]>();
      const log = (
        await Promise.all(chunks(page.map((s) => s.id)).map((ids) => this.log.find({ where: { shiftId: In(ids) }, order: { id: 'ASC' } })))
      ).flat();
      for (const e of log) {
        entries.set(e.shiftId, [...(entries.get(e.shiftId) ?? []), e]);
      }
      await this.lawyerNames(
        page.map((s) => s.lawyerId),
        names,
      );
      const onBehalf = await this.onBehalfOf(page, entries);
      const signed = await this.signOffs.find({
        where: { stationId: scope.stationId, date: Between(page[0].date, page[page.length - 1].date) },
      });
      for (const s of page) {
        const times = effectiveTimes(entries.get(s.id) ?? []);
        const checkIn = times.checkIn ? new Date(times.checkIn.at) : null;
        const lawyer = s.lawyerId ? names.get(s.lawyerId) : undefined;
        const signOff = signed.find((x) => x.lawyerId === s.lawyerId && x.date === s.date);
        const { status, lateByMinutes } = attendanceOf(span(s), checkIn, now, this.config.ledger.lateGraceMin);
        yield {
          shiftId: s.id,
          date: s.date,
          templateName: s.templateName,
          start: s.startTime,
          end: s.endTime,
          lawyerId: s.lawyerId,
          lawyerName: lawyer?.name ?? null,
          firm: lawyer?.firm ?? null,
          checkedInAt: zoned(times.checkIn?.at ?? null, scope.timezone),
          checkedOutAt: zoned(times.checkOut?.at ?? null, scope.timezone),
          checkInEntryId: times.checkIn?.entryId ?? null,
          checkOutEntryId: times.checkOut?.entryId ?? null,
          checkInCorrected: times.checkIn?.corrected ?? false,
          checkOutCorrected: times.checkOut?.corrected ?? false,
          checkInOnBehalf: times.checkIn ? (onBehalf.get(times.checkIn.entryId) ?? null) : null,
          checkOutOnBehalf: times.checkOut ? (onBehalf.get(times.checkOut.entryId) ?? null) : null,
          attendance: status,
          lateByMinutes,
          signedOffAt: zoned(signOff?.signedAt ?? null, scope.timezone),
        };
      }
    }
  }

  /** Every help record of the scope in (date, recording) order, corrected ones included and marked. */
  async *helpRows(scope: LedgerScope): AsyncGenerator<HelpRecordView> {
    const query = () => inScope(this.help.createQueryBuilder('h'), 'h', scope);
    const names = new Map<string, Lawyer>(); // a station's few lawyers, looked up once for the whole export
    for await (const page of keysetPages(query, 'h', 'date', (h) => h.date, rawHelpRecords)) {
      const { correctedBy } = await this.helpContext(page, names);
      for (const r of page) yield this.toHelpView(r, scope.timezone, names, correctedBy);
    }
  }

  async helpRecordView(record: HelpRecord, timezone: string): Promise<HelpRecordView> {
    const names = new Map<string, Lawyer>();
    const { correctedBy } = await this.helpContext([record], names);
    return this.toHelpView(record, timezone, names, correctedBy);
  }

  /** duty_lawyer_help cases of the station still waiting for their first help record (Art 2). */
  async pendingHelp(stationId: string, timezone: string) {
    const rows = await this.cases
      .createQueryBuilder('c')
      .where("c.station_id = :sid AND c.route = 'duty_lawyer_help' AND c.status = 'duty_help'", { sid: stationId })
      .andWhere('NOT EXISTS (SELECT 1 FROM help_records h WHERE h.case_id = c.id)')
      .orderBy('c.received_at', 'ASC')
      .getMany();
    return rows.map((c) => ({
      caseId: c.id,
      courtCaseNo: c.courtCaseNo,
      courtName: c.courtName,
      procedure: c.procedure,
      charges: c.charges,
      defendantName: c.defendantName,
      juvenile: c.juvenile,
      detained: c.defendant.detained,
      detentionPlace: c.defendant.detentionPlace ?? null,
      trialAt: zoned(c.trialAt, timezone),
      receivedAt: zoned(c.receivedAt, timezone),
    }));
  }

  async signOffList(scope: LedgerScope) {
    const rows = await this.signOffs.find({
      where: { stationId: scope.stationId, date: Between(scope.from, scope.to), ...(scope.lawyerId ? { lawyerId: scope.lawyerId } : {}) },
      order: { date: 'ASC', signedAt: 'ASC' },
    });
    return rows.map((s) => ({ ...s, signedAt: zoned(s.signedAt, scope.timezone) }));
  }

  private async helpContext(page: HelpRecord[], names: Map<string, Lawyer>) {
    await this.lawyerNames(
      page.map((r) => r.lawyerId),
      names,
    );
    const corrections = (
      await Promise.all(
        chunks(page.map((r) => r.id)).map((ids) =>
          this.help.find({ select: { id: true, correctsId: true }, where: { correctsId: In(ids) } }),
        ),
      )
    ).flat();
    return { correctedBy: new Map(corrections.map((c) => [c.correctsId!, c.id])) };
  }

  private toHelpView(r: HelpRecord, timezone: string, names: Map<string, Lawyer>, correctedBy: Map<string, string>): HelpRecordView {
    const correctedById = correctedBy.get(r.id) ?? null;
    return {
      ...r,
      lawyerName: names.get(r.lawyerId)?.name ?? null,
      startedAt: zoned(r.startedAt, timezone)!,
      endedAt: zoned(r.endedAt, timezone)!,
      createdAt: zoned(r.createdAt, timezone)!,
      updatedAt: zoned(r.updatedAt, timezone)!,
      correctedById,
      current: correctedById === null,
    };
  }

  /**
   * Check-ins and check-outs someone other than the shift's lawyer recorded (the dispatcher's
   * backfill), by entry id: a user not linked to that lawyer recorded it.
   */
  private async onBehalfOf(page: Shift[], entries: Map<string, DutyLogEntry[]>): Promise<Map<string, OnBehalf>> {
    const originals = page.flatMap((s) =>
      (entries.get(s.id) ?? []).filter((e) => e.kind !== 'correction').map((e) => ({ e, lawyerId: s.lawyerId })),
    );
    const recorders = [...new Set(originals.map((o) => o.e.recordedBy))];
    const users = recorders.length
      ? await this.users.find({ select: { id: true, name: true, lawyerId: true }, where: { id: In(recorders) } })
      : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const out = new Map<string, OnBehalf>();
    for (const { e, lawyerId } of originals) {
      const user = byId.get(e.recordedBy);
      if (user?.lawyerId === lawyerId) continue;
      out.set(e.id, { recordedBy: e.recordedBy, recordedByName: user?.name ?? null, reason: e.note });
    }
    return out;
  }

  /** Names (and firms) of the lawyers, added to `known`: only those not in it yet are queried. */
  private async lawyerNames(ids: (string | null)[], known = new Map<string, Lawyer>()): Promise<Map<string, Lawyer>> {
    const missing = [...new Set(ids.filter((id): id is string => !!id && !known.has(id)))];
    for (const part of chunks(missing)) {
      for (const l of await this.lawyers.find({ select: { id: true, name: true, firm: true }, where: { id: In(part) } }))
        known.set(l.id, l);
    }
    return known;
  }
}
