/**
 * Roster generation at scale (issue #3): one station × one year × two slots a day × 40 lawyers,
 * and 50 stations × one year × 20 lawyers each, on the official 2026 calendar. The baseline is
 * a round-robin over the same slots (the least any generator must do), measured in this run.
 */
import { performance } from 'node:perf_hooks';
import { addDays, LocalDate } from '../src/common/local-date';
import { dutyDates, generateRoster, RosterLawyer, RosterPlan, ShiftTemplateInput } from '../src/stations/domain/roster-generator';
import { WorkdayCalendar } from '../src/workdays/domain/workday-calendar';

const TEMPLATES: ShiftTemplateInput[] = [
  { name: '上午', start: '09:00', end: '12:00' },
  { name: '下午', start: '13:30', end: '17:00' },
];

function lawyers(n: number, prefix: string): RosterLawyer[] {
  // Every fifth lawyer takes a week of leave, spread over the year, as real rosters have.
  return Array.from({ length: n }, (_, i) => {
    const from = addDays('2026-01-05', (i * 37) % 350);
    return { id: `${prefix}-${i}`, unavailable: i % 5 === 0 ? [{ from, to: addDays(from, 6) }] : [] };
  });
}

function roundRobin(dates: readonly LocalDate[], team: readonly RosterLawyer[]): number {
  let k = 0;
  const counts = new Map<string, number>();
  for (const _date of dates) {
    for (const _t of TEMPLATES) {
      const id = team[k++ % team.length].id;
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
  }
  return counts.size;
}

function time<T>(work: () => T, repeat = 1): { ms: number; result: T } {
  let result = work(); // warm-up
  const started = performance.now();
  for (let i = 0; i < repeat; i++) result = work();
  return { ms: (performance.now() - started) / repeat, result };
}

const spread = (plan: RosterPlan) => plan.fairness.max - plan.fairness.min;
const unfilled = (plan: RosterPlan) => plan.shifts.filter((s) => !s.lawyerId).length;

export async function run(): Promise<string[]> {
  const calendar = new WorkdayCalendar();
  const dates = dutyDates('2026-01-01', '2026-12-31', true, calendar);
  const slots = dates.length * TEMPLATES.length;
  const team40 = lawyers(40, 'L');
  const baseline = time(() => roundRobin(dates, team40), 20);

  const one = time(() => generateRoster({ dates, templates: TEMPLATES, lawyers: team40 }), 5);
  const teams = Array.from({ length: 50 }, (_, s) => lawyers(20, `S${s}`));
  const fifty = time(() => teams.map((team) => generateRoster({ dates, templates: TEMPLATES, lawyers: team })));
  const worst = Math.max(...fifty.result.map(spread));

  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  return [
    `calendar 2026: ${dates.length} working days, ${slots} slots per station`,
    `baseline round-robin over the slots (40 lawyers): ${f(baseline.ms)}`,
    `1 station × 1 year × 2 slots × 40 lawyers: ${f(one.ms)} (${(one.ms / baseline.ms).toFixed(0)}× baseline), ` +
      `fairness max − min = ${spread(one.result)} (min ${one.result.fairness.min}, max ${one.result.fairness.max}), unfilled ${unfilled(one.result)}`,
    `50 stations × 1 year × 2 slots × 20 lawyers: ${f(fifty.ms)} (${(fifty.ms / baseline.ms).toFixed(0)}× baseline, ` +
      `${f(fifty.ms / 50)} per station), worst fairness max − min = ${worst}, unfilled ${fifty.result.reduce((n, p) => n + unfilled(p), 0)}`,
  ];
}
