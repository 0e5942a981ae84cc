import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, forbidden } from '../common/errors';
import { toZonedIso } from '../common/local-date';
import { insertRows, iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { ShiftsQuery } from '../stations/shifts.query';
import { SignOffDto } from './dto/ledger.dto';
import { LedgerAccess } from './ledger-access';
import { DutyLogEntry, LedgerSignOff } from './ledger.entities';

/**
 * The lawyer signs a day of the ledger at a station (Art 2): from then on that day's help
 * records are append-only (corrections only). A day is signed once its shifts are over and
 * every check-in has its check-out.
 */
@Injectable()
export class SignOffService {
  constructor(
    private readonly shifts: ShiftsQuery,
    private readonly access: LedgerAccess,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async signOff(dto: SignOffDto, actor: Actor) {
    if (!actor.lawyerId) throw forbidden('only a duty lawyer signs off a day', 'NOT_A_LAWYER');
    const lawyerId = actor.lawyerId;
    const station = await this.access.station(dto.stationId);
    const shifts = (await this.shifts.shiftsOfLawyer(lawyerId, dto.date, dto.date)).filter((s) => s.stationId === station.id);
    if (!shifts.length) throw badRequest('date', 'you hold no published shift at this station on this day');
    const now = this.clock.now();
    const lastEnd = shifts
      .map((s) => s.endsAt)
      .sort()
      .pop()!;
    if (iso(now) < lastEnd)
      throw conflict('DAY_NOT_OVER', `sign off after your last shift ends (${toZonedIso(new Date(lastEnd), station.timezone)})`);
    return this.tx.run(async (m) => {
      const entries = await m.findBy(DutyLogEntry, { shiftId: In(shifts.map((s) => s.id)) });
      const open = shifts.filter(
        (s) =>
          entries.some((e) => e.shiftId === s.id && e.kind === 'check_in') &&
          !entries.some((e) => e.shiftId === s.id && e.kind === 'check_out'),
      );
      if (open.length) throw conflict('SHIFT_STILL_OPEN', 'check out of every shift of the day first', { shiftIds: open.map((s) => s.id) });
      if (await this.access.isSignedOff(m, lawyerId, station.id, dto.date))
        throw conflict('ALREADY_SIGNED_OFF', `${dto.date} is already signed off`);
      const signOff: LedgerSignOff = {
        id: newId(),
        lawyerId,
        stationId: station.id,
        date: dto.date,
        signedAt: iso(now),
        signedBy: actor.id,
      };
      await insertRows(m, LedgerSignOff, signOff);
      await this.audit.record(m, actor, 'ledger.sign_off', 'ledger_signoff', signOff.id, { stationId: station.id, date: dto.date });
      return { ...signOff, signedAt: toZonedIso(now, station.timezone) };
    });
  }
}
