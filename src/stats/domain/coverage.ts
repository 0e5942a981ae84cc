import type { LocalDate } from '../../common/local-date';
import { ratio } from './inequality';

/** One defendant as the coverage statistics see it. */
export interface CoverageCase {
  route: 'appointed_defence' | 'duty_lawyer_help' | 'none';
  routeReason: 'retained_counsel' | 'mandatory_ground' | 'refused_aid' | 'procedure';
  status: string;
  appointBy: LocalDate;
  /** Court-local date of the first appointment, if any (Art 6 deadline check). */
  firstAppointedOn: LocalDate | null;
  /** A duty lawyer recorded legal help for this defendant in the ledger (Art 2). */
  helpRecorded: boolean;
}

export interface CoverageReport {
  defendants: number;
  byRoute: Record<CoverageCase['route'], number>;
  outcomes: {
    appointed: number;
    awaitingAppointment: number;
    dutyHelpRecorded: number;
    dutyHelpPending: number;
    retainedCounsel: number;
    refusedAid: number;
    terminated: number;
  };
  /** Defendants with a lawyer (retained, appointed, or duty help given) ÷ those who did not refuse; null when none. */
  coverageRate: number | null;
  /** Art 6: appointment within 3 days of receipt, among defendants who were appointed. */
  deadlineCompliance: { appointments: number; onTime: number; rate: number | null };
}

/**
 * "Full coverage" (全覆盖) means every defendant has a defender or a duty lawyer's help unless
 * they refused it (Art 3); that is the rate the bureau reports.
 */
export function coverageReport(cases: readonly CoverageCase[]): CoverageReport {
  const byRoute = { appointed_defence: 0, duty_lawyer_help: 0, none: 0 };
  const o = {
    appointed: 0,
    awaitingAppointment: 0,
    dutyHelpRecorded: 0,
    dutyHelpPending: 0,
    retainedCounsel: 0,
    refusedAid: 0,
    terminated: 0,
  };
  let onTime = 0;
  for (const c of cases) {
    byRoute[c.route] += 1;
    if (c.status === 'terminated') o.terminated += 1;
    if (c.route === 'none') {
      if (c.routeReason === 'retained_counsel') o.retainedCounsel += 1;
      else o.refusedAid += 1;
    } else if (c.route === 'appointed_defence') {
      if (c.firstAppointedOn) o.appointed += 1;
      else if (c.status !== 'terminated') o.awaitingAppointment += 1;
    } else if (c.helpRecorded) {
      o.dutyHelpRecorded += 1;
    } else {
      o.dutyHelpPending += 1;
    }
    if (c.firstAppointedOn && c.firstAppointedOn <= c.appointBy) onTime += 1;
  }
  const covered = o.appointed + o.dutyHelpRecorded + o.retainedCounsel;
  return {
    defendants: cases.length,
    byRoute,
    outcomes: o,
    coverageRate: ratio(covered, cases.length - o.refusedAid),
    deadlineCompliance: { appointments: o.appointed, onTime, rate: ratio(onTime, o.appointed) },
  };
}

/** Coverage inside each route (Art 2): appointed defence with a lawyer; duty-help defendants helped. */
export function routeRates(r: CoverageReport): { appointedDefence: number | null; dutyHelp: number | null } {
  return {
    appointedDefence: ratio(r.outcomes.appointed, r.byRoute.appointed_defence),
    dutyHelp: ratio(r.outcomes.dutyHelpRecorded, r.byRoute.duty_lawyer_help),
  };
}
