import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { toZonedIso } from '../common/local-date';
import { chunks } from '../database/columns';
import { Transactions } from '../database/transactions';
import type { Lawyer } from '../lawyers/lawyer.entity';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { currentFairness, currentWarnings } from './domain/roster-status';
import { Roster } from './roster.entity';
import { Shift } from './shift.entity';
import { shiftView, ShiftView } from './shift-view';
import { StationMembersQuery } from './station-members.query';
import { Station } from './station.entity';
import { SwapRequest } from './swap-request.entity';

export interface RosterChange {
  shiftId: string;
  action: string;
  at: string;
  fromLawyerId: string | null;
  fromLawyerName: string | null;
  toLawyerId: string | null;
  toLawyerName: string | null;
  reason: string | null;
  actorRole: string | null;
}

/**
 * One roster for a screen (GET /api/v1/rosters/:id): its shifts with the holders' names, the
 * fairness figures and warnings as they stand now, the station's members by name, the pending
 * swap requests and the changes made since generation (overrides, swaps), oldest first.
 */
@Injectable()
export class RosterDetails {
  constructor(
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly lawyers: LawyersQuery,
    private readonly members: StationMembersQuery,
  ) {}

  async get(id: string) {
    return this.tx.run(async (m) => {
      const roster = await m.findOneBy(Roster, { id });
      if (!roster) throw notFound('Roster', id);
      const station = await m.findOneByOrFail(Station, { id: roster.stationId });
      const rows = await m.find(Shift, { where: { rosterId: id }, order: { startsAt: 'ASC', templateName: 'ASC' } });
      const slots = rows.map((s) => ({ ...s, start: s.startTime, end: s.endTime }));
      const fairness = currentFairness(roster.fairness, slots);
      const swaps = await this.pendingSwaps(
        m,
        rows.map((s) => s.id),
      );
      const entries = await this.audit.ofEntities(
        m,
        'shift',
        rows.map((s) => s.id),
        ['shift.override', 'shift.swap'],
      );
      const members = await this.members.active(m, station.id);
      const ids = [...Object.keys(fairness.perLawyer), ...rows.map((s) => s.lawyerId), ...swaps.map((s) => s.toLawyerId)];
      const names = await this.names(m, ids, members);
      const name = (lawyerId: string | null) => (lawyerId ? (names.get(lawyerId) ?? null) : null);
      const zoned = (at: string) => toZonedIso(new Date(at), station.timezone);
      const shifts: (ShiftView & { lawyerName: string | null })[] = rows.map((s) => ({
        ...shiftView(s, station.timezone),
        lawyerName: name(s.lawyerId),
      }));
      return {
        ...roster,
        fairness,
        warnings: currentWarnings(roster.warnings, slots, fairness),
        station: { id: station.id, name: station.name, courtName: station.courtName, timezone: station.timezone },
        members: members.map((l) => ({ id: l.id, name: l.name })),
        lawyerNames: Object.fromEntries(names),
        shifts,
        swapRequests: swaps.map((s) => ({
          ...s,
          createdAt: zoned(s.createdAt),
          fromLawyerName: name(s.fromLawyerId),
          toLawyerName: name(s.toLawyerId),
        })),
        changes: entries.map((e): RosterChange => {
          const summary = (e.summary ?? {}) as Record<string, string | null | undefined>;
          return {
            shiftId: e.entityId,
            action: e.action,
            at: zoned(e.at),
            fromLawyerId: summary.fromLawyerId ?? null,
            fromLawyerName: summary.fromLawyerName ?? null,
            toLawyerId: summary.toLawyerId ?? null,
            toLawyerName: summary.toLawyerName ?? null,
            reason: summary.reason ?? null,
            actorRole: e.actorRole,
          };
        }),
      };
    });
  }

  private async pendingSwaps(m: EntityManager, shiftIds: string[]): Promise<SwapRequest[]> {
    const out: SwapRequest[] = [];
    for (const part of chunks(shiftIds)) out.push(...(await m.findBy(SwapRequest, { shiftId: In(part), status: 'pending' })));
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Names of every lawyer the roster mentions (holders, fairness keys, swap partners, members). */
  private async names(m: EntityManager, ids: (string | null)[], members: Lawyer[]): Promise<Map<string, string>> {
    const names = new Map(members.map((l) => [l.id, l.name]));
    for (const [id, name] of await this.lawyers.names(
      m,
      ids.filter((x) => !!x && !names.has(x)),
    ))
      names.set(id, name);
    return names;
  }
}
