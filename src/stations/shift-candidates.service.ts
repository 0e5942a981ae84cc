import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors';
import { Transactions } from '../database/transactions';
import { shiftCandidates, ShiftCandidate } from './domain/shift-candidates';
import { Shift } from './shift.entity';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { neighbourShifts } from './neighbour-shifts';
import { StationMembersQuery } from './station-members.query';

/** GET /api/v1/shifts/:id/candidates: the station's active members judged for one slot (rule 10). */
@Injectable()
export class ShiftCandidatesService {
  constructor(
    private readonly tx: Transactions,
    private readonly lawyers: LawyersQuery,
    private readonly members: StationMembersQuery,
  ) {}

  async list(
    id: string,
  ): Promise<{ shiftId: string; date: string; start: string; end: string; lawyerId: string | null; candidates: ShiftCandidate[] }> {
    return this.tx.run(async (m) => {
      const shift = await m.findOneBy(Shift, { id });
      if (!shift) throw notFound('Shift', id);
      const members = await this.members.active(m, shift.stationId);
      const ids = members.map((l) => l.id);
      const leave = await this.lawyers.leaveOf(m, ids, shift.date, shift.date);
      const around = await neighbourShifts(m, ids, shift);
      const inRoster = await m.find(Shift, { select: { id: true, lawyerId: true }, where: { rosterId: shift.rosterId } });
      const slot = { date: shift.date, start: shift.startTime, end: shift.endTime };
      const candidates = shiftCandidates(
        slot,
        shift.lawyerId,
        members.map((l) => ({
          lawyerId: l.id,
          name: l.name,
          otherShifts: around.filter((s) => s.lawyerId === l.id).map((s) => ({ date: s.date, start: s.startTime, end: s.endTime })),
          unavailable: leave.filter((u) => u.lawyerId === l.id),
          blockedWeekdays: l.blockedWeekdays,
          shiftsInRoster: inRoster.filter((s) => s.lawyerId === l.id).length,
        })),
      );
      return { shiftId: shift.id, ...slot, lawyerId: shift.lawyerId, candidates };
    });
  }
}
