import { LocalDate, weekday } from '../../common/local-date';
import { BusySlot, dutyDates, overlaps, RosterInput, RosterLawyer, RosterPlan, ShiftTemplateInput } from './roster-generator';

/** Shared by the roster generator's table tests and its property test. */
export const MORNING: ShiftTemplateInput = { name: '上午', start: '09:00', end: '12:00' };
export const AFTERNOON: ShiftTemplateInput = { name: '下午', start: '13:30', end: '17:00' };
export const FULL_DAY: ShiftTemplateInput = { name: '全天', start: '09:00', end: '17:00' };
export const TWO_SLOTS = [MORNING, AFTERNOON];
export const mondayToFriday = { isWorkday: (d: LocalDate) => weekday(d) <= 5 };

export function team(n: number, leave: (i: number) => RosterLawyer['unavailable'] = () => []): RosterLawyer[] {
  return Array.from({ length: n }, (_, i) => ({ id: `L${String(i + 1).padStart(2, '0')}`, unavailable: leave(i) }));
}
export const days = (from: LocalDate, to: LocalDate) => dutyDates(from, to, true, mondayToFriday);
export const assigned = (plan: RosterPlan, id: string) => plan.shifts.filter((s) => s.lawyerId === id);
export const codes = (plan: RosterPlan) => plan.warnings.map((w) => w.code);

/** The hard rules of DESIGN rule 10, checked on any plan: leave, blocked weekdays, overlaps, every slot planned. */
export function expectHardRulesKept(plan: RosterPlan, input: RosterInput): void {
  const byId = new Map(input.lawyers.map((l) => [l.id, l]));
  const held = [...plan.shifts.filter((s) => s.lawyerId), ...(input.existingBusy ?? [])] as BusySlot[];
  for (const s of plan.shifts) {
    if (!s.lawyerId) continue;
    const lawyer = byId.get(s.lawyerId)!;
    expect(lawyer.unavailable.some((r) => r.from <= s.date && s.date <= r.to)).toBe(false);
    expect(lawyer.blockedWeekdays ?? []).not.toContain(weekday(s.date));
    const clashes = held.filter((o) => o !== s && o.lawyerId === s.lawyerId && overlaps(s, o));
    expect(clashes).toEqual([]);
  }
  expect(plan.shifts).toHaveLength(input.dates.length * input.templates.length);
}
