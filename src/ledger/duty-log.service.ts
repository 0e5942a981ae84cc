import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors';
import { localDateOf, toZonedIso } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { insertRows, iso, sortableId } from '../database/columns';
import { Transactions } from '../database/transactions';
import type { Shift } from '../stations/shift.entity';
import { attendanceOf, checkInRefusal, type DutyLogKind, shiftSpan as span } from './domain/duty-rules';
import { DutyBackfillDto, DutyCorrectionDto } from './dto/ledger.dto';
import { LedgerAccess } from './ledger-access';
import { DutyLogEntry } from './ledger.entities';

/** A filled shift: the entry belongs to it and to its holder. */
type DutyLogOwner = Shift & { lawyerId: string };

/** Check-in and check-out on a published shift by the lawyer holding it; corrections by the dispatcher (Art 2). */
/** The loser of a race to insert the shift's check-in or check-out reruns and meets ALREADY_CHECKED_IN/OUT. */
const RACE_TO_INSERT = { retryUniqueViolation: true };

@Injectable()
export class DutyLogService {
  constructor(
    private readonly access: LedgerAccess,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async checkIn(shiftId: string, actor: Actor) {
    const { shift, station } = await this.access.ownShift(shiftId, actor);
    const now = this.clock.now();
    const refusal = checkInRefusal(span(shift), now, this.config.ledger.earlyCheckInMin);
    if (refusal) throw conflict(refusal.code, refusal.message);
    const entry = await this.tx.run(async (m) => {
      if (await m.existsBy(DutyLogEntry, { shiftId, kind: 'check_in' }))
        throw conflict('ALREADY_CHECKED_IN', 'this shift is already checked in');
      return this.append(m, shift, 'check_in', now, actor);
    }, RACE_TO_INSERT);
    const attendance = attendanceOf(span(shift), now, now, this.config.ledger.lateGraceMin);
    return { ...this.view(entry, station.timezone), ...attendance };
  }

  async checkOut(shiftId: string, actor: Actor) {
    const { shift, station } = await this.access.ownShift(shiftId, actor);
    const now = this.clock.now();
    const entry = await this.tx.run(async (m) => {
      if (!(await m.existsBy(DutyLogEntry, { shiftId, kind: 'check_in' })))
        throw conflict('NOT_CHECKED_IN', 'check in before checking out');
      if (await m.existsBy(DutyLogEntry, { shiftId, kind: 'check_out' }))
        throw conflict('ALREADY_CHECKED_OUT', 'this shift is already checked out');
      return this.append(m, shift, 'check_out', now, actor);
    }, RACE_TO_INSERT);
    return this.view(entry, station.timezone);
  }

  /**
   * The dispatcher records a check-in or check-out the lawyer could not (a dead phone, a
   * network outage), with the time and why; the entry shows who recorded it. The same rules
   * as the lawyer's own: once per shift, out only after in, on the shift's day, not ahead.
   */
  async backfill(shiftId: string, dto: DutyBackfillDto, actor: Actor) {
    const { shift, station } = await this.access.publishedShift(shiftId);
    if (!shift.lawyerId) throw conflict('SHIFT_UNFILLED', 'nobody holds this shift');
    const at = new Date(dto.at);
    const now = this.clock.now();
    if (localDateOf(at, station.timezone) !== shift.date) throw badRequest('at', `must be on the shift's day ${shift.date}`);
    if (at > now) throw badRequest('at', 'must not be in the future');
    return this.tx.run(async (m) => {
      if (await m.existsBy(DutyLogEntry, { shiftId, kind: dto.kind })) {
        throw conflict(
          dto.kind === 'check_in' ? 'ALREADY_CHECKED_IN' : 'ALREADY_CHECKED_OUT',
          `this shift already has a ${dto.kind}; correct it instead`,
        );
      }
      if (dto.kind === 'check_out' && !(await m.existsBy(DutyLogEntry, { shiftId, kind: 'check_in' }))) {
        throw conflict('NOT_CHECKED_IN', 'record the check-in first');
      }
      const entry = this.entry(shift as DutyLogOwner, dto.kind, at, actor, now);
      entry.note = dto.reason;
      await insertRows(m, DutyLogEntry, entry);
      await this.audit.record(m, actor, 'ledger.duty_backfill', 'shift', shiftId, {
        entryId: entry.id,
        kind: dto.kind,
        at: iso(at),
        reason: dto.reason,
      });
      return this.view(entry, station.timezone);
    }, RACE_TO_INSERT);
  }

  /**
   * A new entry with the right time, naming the one it corrects; the original stays. Only the
   * latest entry of a chain may be corrected (the unique index on corrects_id settles races).
   */
  async correct(entryId: string, dto: DutyCorrectionDto, actor: Actor) {
    const at = new Date(dto.at);
    const now = this.clock.now();
    return this.tx.run(async (m) => {
      const target = await m.findOneBy(DutyLogEntry, { id: entryId });
      if (!target) throw notFound('DutyLogEntry', entryId);
      const station = await this.access.station(target.stationId);
      if (localDateOf(at, station.timezone) !== target.date) throw badRequest('at', `must be on the shift's day ${target.date}`);
      if (at > now) throw badRequest('at', 'must not be in the future');
      const later = await m.findOneBy(DutyLogEntry, { correctsId: entryId });
      if (later)
        throw conflict('ALREADY_CORRECTED', 'this entry is already corrected; correct the latest entry', { correctedById: later.id });
      const entry = this.entry(target, 'correction', at, actor, now);
      entry.correctsId = entryId;
      entry.note = dto.reason;
      await insertRows(m, DutyLogEntry, entry);
      await this.audit.record(m, actor, 'ledger.duty_correction', 'shift', target.shiftId, {
        entryId: entry.id,
        correctsId: entryId,
        at: iso(at),
        reason: dto.reason,
      });
      return this.view(entry, station.timezone);
    });
  }

  private async append(m: EntityManager, shift: Shift, kind: DutyLogKind, now: Date, actor: Actor) {
    const entry = this.entry(shift as DutyLogOwner, kind, now, actor, now);
    await insertRows(m, DutyLogEntry, entry);
    await this.audit.record(m, actor, `ledger.${kind}`, 'shift', shift.id, { entryId: entry.id, at: entry.at });
    return entry;
  }

  private entry(on: DutyLogOwner | DutyLogEntry, kind: DutyLogKind, at: Date, actor: Actor, now: Date): DutyLogEntry {
    return Object.assign(new DutyLogEntry(), {
      id: sortableId(now),
      shiftId: 'shiftId' in on ? on.shiftId : on.id,
      stationId: on.stationId,
      lawyerId: on.lawyerId,
      date: on.date,
      kind,
      at: iso(at),
      correctsId: null,
      note: null,
      recordedBy: actor.id,
      recordedAt: iso(now),
    });
  }

  private view(e: DutyLogEntry, timezone: string) {
    return {
      id: e.id,
      shiftId: e.shiftId,
      kind: e.kind,
      at: toZonedIso(new Date(e.at), timezone),
      correctsId: e.correctsId,
      note: e.note,
      recordedBy: e.recordedBy,
    };
  }
}
