import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { toZonedIso } from '../common/local-date';
import { chunks } from '../database/columns';
import { Transactions } from '../database/transactions';
import { Lawyer } from '../lawyers/lawyer.entity';
import { currentFairness, currentWarnings } from './domain/roster-status';
import { Roster } from './roster.entity';
import { Shift } from './shift.entity';
import { shiftView, ShiftView } from './shift-view';
import { activeMembers } from './station-members';
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
      const members = await activeMembers(m, station.id);
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
    const missing = [...new Set(ids.filter((x): x is string => !!x && !names.has(x)))];
    for (const part of chunks(missing)) for (const l of await m.findBy(Lawyer, { id: In(part) })) names.set(l.id, l.name);
    return names;
  }
}
