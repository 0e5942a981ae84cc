import { addDays, eachDate, isLocalDate, LocalDate, weekday } from '../../common/local-date';
import { WorkdayLookup } from '../../workdays/domain/workday-lookup';
import { closingWarnings, fairnessOf } from './roster-fairness';
import { addToSpread, emptySpread, Half, halfOf, halvesComparable, LawyerSpread } from './roster-spread';
import { improveSpread } from './roster-swaps';
import type { PlannedShift, RosterFairness, RosterWarning } from './roster-plan';
import { DateRange, isUnavailableOn, SlotTime, slotMinutes } from './shift-rules';

export { checkAssignment, overlaps } from './shift-rules';
export type { AssignmentCheck, DateRange, HardViolation, SlotTime, SoftViolation } from './shift-rules';
export type { PlannedShift, RosterFairness, RosterWarning, RosterWarningCode, UnfilledReason } from './roster-plan';

/**
 * Duty roster generation (DESIGN rule 10, 工作要求 4). Pure and deterministic: a greedy pass
 * over the dates in order, each slot going to the best eligible lawyer by
 *   1. no shift yet that day (at most one a day while enough lawyers can serve),
 *   2. fewest shifts counting history (balance, max − min ≤ 1; an uneven history is evened
 *      out by filling the lowest first),
 *   3. a weekday the lawyer prefers, when they named any (preferredWeekdays: soft),
 *   4. spread (roster-spread.ts): fewest shifts on this weekday in the period, then the
 *      half-day (morning / afternoon) they hold fewer of, so nobody keeps every Tuesday afternoon,
 *   5. not on duty the day before / after (consecutive days avoided where possible),
 *   6. longest since the last duty, 7. input order.
 * Balance ranks above consecutive days: picking the lowest count at every step is what keeps
 * max − min ≤ 1; skipping a lawyer to spare them a second day in a row could leave them
 * behind when the period ends. Spread ranks below balance for the same reason. Hard rules
 * (leave, blocked weekdays — a recurring unavailability such as a standing court date
 * elsewhere every Wednesday — and overlapping shifts here or at another station) are never broken:
 * a slot nobody can take stays empty with a reason.
 * A shift the lawyer holds at another station (`existingBusy`) counts for the soft rules
 * too: it is that day's shift, and a duty the day before or after.
 * Within a day the most constrained slot is filled first (a heuristic, not a full matching).
 * Counters are kept per lawyer, so a station-year costs O(days × slots² × lawyers).
 */

export interface ShiftTemplateInput {
  name: string;
  /** Local wall-clock `HH:mm`; templates may overlap each other. */
  start: string;
  end: string;
}

export interface RosterLawyer {
  id: string;
  unavailable: readonly DateRange[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) the lawyer never serves: honoured like leave. */
  blockedWeekdays?: readonly number[];
  /** ISO weekdays the lawyer would rather serve on: preferred when balance allows, never a reason to leave a slot empty. */
  preferredWeekdays?: readonly number[];
}

/** A shift the lawyer already holds elsewhere (another station's roster). */
export interface BusySlot extends SlotTime {
  lawyerId: string;
}

export interface RosterInput {
  /** The period's duty days, ascending (see `dutyDates`). */
  dates: readonly LocalDate[];
  templates: readonly ShiftTemplateInput[];
  /** Active members of the station, in a stable order (the last tie-break). */
  lawyers: readonly RosterLawyer[];
  /** Shifts each lawyer holds in this station's earlier published rosters. */
  history?: Readonly<Record<string, number>>;
  /** Each lawyer's last duty date at this station, so consecutive days are seen across rosters. */
  lastDutyDate?: Readonly<Record<string, LocalDate>>;
  existingBusy?: readonly BusySlot[];
}

export interface RosterPlan {
  shifts: PlannedShift[];
  fairness: RosterFairness;
  warnings: RosterWarning[];
}

/** The duty days of a period: every date, or only working days for a `workdaysOnly` station. */
export function dutyDates(from: LocalDate, to: LocalDate, workdaysOnly: boolean, calendar: WorkdayLookup): LocalDate[] {
  const all = eachDate(from, to);
  return workdaysOnly ? all.filter((d) => calendar.isWorkday(d)) : all;
}

interface Interval {
  start: number;
  end: number;
}

interface LawyerState {
  id: string;
  index: number;
  unavailable: readonly DateRange[];
  blocked: ReadonlySet<number>;
  preferred: ReadonlySet<number>;
  spread: LawyerSpread;
  total: number;
  period: number;
  /** Last duty date at this station (updated as shifts are placed). */
  last: LocalDate | undefined;
  /** `last` as it stood before the date being planned. */
  lastBefore: LocalDate | undefined;
  busy: Map<LocalDate, Interval[]>;
  /** Intervals held on the date being planned (busy elsewhere + placed here). */
  held: Interval[];
  /** On duty (here or elsewhere) the day before, or elsewhere the day after, the date being planned. */
  consecutive: boolean;
}

const clash = (held: readonly Interval[], slot: Interval) => held.some((h) => slot.start < h.end && h.start < slot.end);

function validate(input: RosterInput): Interval[] {
  input.dates.forEach((d, i) => {
    if (!isLocalDate(d)) throw new RangeError(`dates[${i}] is not a local date: ${String(d)}`);
    if (i > 0 && d <= input.dates[i - 1]) throw new RangeError(`dates must be ascending without repeats: ${d}`);
  });
  const names = new Set<string>();
  const minutes = input.templates.map((t) => {
    if (names.has(t.name)) throw new RangeError(`duplicate shift template name: ${t.name}`);
    names.add(t.name);
    return slotMinutes(t.start, t.end);
  });
  const ids = new Set<string>();
  for (const l of input.lawyers) {
    if (ids.has(l.id)) throw new RangeError(`duplicate lawyer: ${l.id}`);
    ids.add(l.id);
    const h = input.history?.[l.id] ?? 0;
    if (!Number.isInteger(h) || h < 0) throw new RangeError(`history of ${l.id} must be a whole number ≥ 0: ${h}`);
  }
  return minutes;
}

/** The slot being filled: its weekday (index 0 = Monday) and half-day. */
interface SlotKey {
  weekday: number;
  half: Half;
}

/** 1 when the lawyer named preferred weekdays and this is not one of them. */
const notPreferred = (s: LawyerState, key: SlotKey): number => (s.preferred.size > 0 && !s.preferred.has(key.weekday + 1) ? 1 : 0);
/** How far taking this half-day would tip the lawyer's mornings against afternoons. */
const halfLead = (s: LawyerState, key: SlotKey): number =>
  key.half === 'morning' ? s.spread.morning - s.spread.afternoon : s.spread.afternoon - s.spread.morning;

/** Sort key of a candidate: lower wins, compared field by field (rule order in the header). */
function better(a: LawyerState, b: LawyerState, key: SlotKey): boolean {
  const secondA = a.held.length > 0 ? 1 : 0;
  const secondB = b.held.length > 0 ? 1 : 0;
  if (secondA !== secondB) return secondA < secondB;
  if (a.total !== b.total) return a.total < b.total;
  if (notPreferred(a, key) !== notPreferred(b, key)) return notPreferred(a, key) < notPreferred(b, key);
  if (a.spread.byWeekday[key.weekday] !== b.spread.byWeekday[key.weekday])
    return a.spread.byWeekday[key.weekday] < b.spread.byWeekday[key.weekday];
  if (halfLead(a, key) !== halfLead(b, key)) return halfLead(a, key) < halfLead(b, key);
  if (a.consecutive !== b.consecutive) return b.consecutive;
  if (a.lastBefore !== b.lastBefore) {
    if (a.lastBefore === undefined) return true; // never on duty here: longest since
    if (b.lastBefore === undefined) return false;
    return a.lastBefore < b.lastBefore;
  }
  return a.index < b.index;
}

export function generateRoster(input: RosterInput): RosterPlan {
  const templateMinutes = validate(input);
  const states = lawyerStates(input);
  const byId = new Map(states.map((s) => [s.id, s]));
  const shifts: PlannedShift[] = [];
  const warnings: RosterWarning[] = [];
  /** Shifts that drew a soft-rule warning: the spread pass leaves them where they are. */
  const warned = new Set<PlannedShift>();
  for (const date of input.dates) {
    const day = planDay(date, input.templates, templateMinutes, states);
    shifts.push(...day.shifts);
    warnings.push(...day.warnings);
    for (const w of day.warned) warned.add(w);
  }

  const halvesApply = halvesComparable(input.templates.map((t) => t.start));
  const weekdays = new Map(input.dates.map((d) => [d, weekday(d)]));
  const servesOn = (s: LawyerState, date: LocalDate) => !s.blocked.has(weekdays.get(date)!) && !isUnavailableOn(date, s.unavailable);
  const busyDates = new Map(states.map((s) => [s.id, new Set(s.busy.keys())]));
  improveSpread(shifts, warned, {
    canServe: (id, date) => servesOn(byId.get(id)!, date),
    busyElsewhere: (id) => busyDates.get(id)!,
    lastDutyDate: (id) => input.lastDutyDate?.[id],
    preferred: (id) => byId.get(id)!.preferred,
    halvesApply,
  });
  const fairness = fairnessOf(states, shifts, halvesApply);
  return { shifts, fairness, warnings: [...warnings, ...closingWarnings(fairness, states)] };
}

/** Each member's counters at the start of the period: history, last duty here, shifts held elsewhere. */
function lawyerStates(input: RosterInput): LawyerState[] {
  const states: LawyerState[] = input.lawyers.map((l, index) => ({
    id: l.id,
    index,
    unavailable: l.unavailable,
    blocked: new Set(l.blockedWeekdays ?? []),
    preferred: new Set(l.preferredWeekdays ?? []),
    spread: emptySpread(),
    total: input.history?.[l.id] ?? 0,
    period: 0,
    last: input.lastDutyDate?.[l.id],
    lastBefore: undefined,
    busy: new Map(),
    held: [],
    consecutive: false,
  }));
  const byId = new Map(states.map((s) => [s.id, s]));
  for (const b of input.existingBusy ?? []) {
    const s = byId.get(b.lawyerId);
    if (!s) continue; // not a member of this station: cannot collide
    const list = s.busy.get(b.date) ?? [];
    list.push(slotMinutes(b.start, b.end));
    s.busy.set(b.date, list);
  }
  return states;
}

interface DayPlan {
  /** In template order. */
  shifts: PlannedShift[];
  warnings: RosterWarning[];
  /** The day's shifts that drew a soft-rule warning. */
  warned: PlannedShift[];
}

/** One duty day: its slots filled most constrained first, each by the best free lawyer who may serve that day. */
function planDay(
  date: LocalDate,
  templates: readonly ShiftTemplateInput[],
  templateMinutes: readonly Interval[],
  states: LawyerState[],
): DayPlan {
  startDay(states, date);
  const dayOfWeek = weekday(date);
  const available = states.filter((s) => !s.blocked.has(dayOfWeek) && !isUnavailableOn(date, s.unavailable));
  const plan: DayPlan = { shifts: new Array(templateMinutes.length), warnings: [], warned: [] };
  const open = templateMinutes.map((_, i) => i);
  while (open.length > 0) {
    const i = open.splice(mostConstrained(open, templateMinutes, available), 1)[0];
    const t = templates[i];
    const slot = templateMinutes[i];
    const key: SlotKey = { weekday: dayOfWeek - 1, half: halfOf(t.start) };
    const best = bestCandidate(available, slot, key);
    const planned: PlannedShift = { date, templateName: t.name, start: t.start, end: t.end, lawyerId: best?.id ?? null };
    plan.shifts[i] = planned;
    if (!best) {
      planned.reason = states.length === 0 ? 'NO_LAWYERS' : 'NO_ELIGIBLE_LAWYER';
      plan.warnings.push(unfilledWarning(planned, states.length, available.length));
      continue;
    }
    const soft = softWarning(best, date);
    if (soft) {
      plan.warnings.push(soft);
      plan.warned.push(planned);
    }
    place(best, slot, date, key);
  }
  return plan;
}

/** Where each lawyer stands on the morning of `date`: shifts held elsewhere that day, duty the day before or after. */
function startDay(states: LawyerState[], date: LocalDate): void {
  const prev = addDays(date, -1);
  const next = addDays(date, 1);
  for (const s of states) {
    s.lastBefore = s.last;
    s.held = [...(s.busy.get(date) ?? [])];
    s.consecutive = s.last === prev || s.busy.has(prev) || s.busy.has(next);
  }
}

/**
 * The position in `open` of the slot fewest lawyers could still take (then template order),
 * re-judged after each placement: with 09–12, 13:30–17 and an overlapping 09–17 slot, two
 * lawyers can cover all three only if the long slot is filled early.
 */
function mostConstrained(open: readonly number[], templateMinutes: readonly Interval[], available: readonly LawyerState[]): number {
  let pick = 0;
  let fewest = Infinity;
  open.forEach((i, k) => {
    const free = available.reduce((n, s) => (clash(s.held, templateMinutes[i]) ? n : n + 1), 0);
    if (free < fewest) [pick, fewest] = [k, free];
  });
  return pick;
}

/** The best lawyer by the header's order among those free for the slot (hard rules: available that day, no overlap). */
function bestCandidate(available: readonly LawyerState[], slot: Interval, key: SlotKey): LawyerState | undefined {
  let best: LawyerState | undefined;
  for (const s of available) {
    if (clash(s.held, slot)) continue;
    if (!best || better(s, best, key)) best = s;
  }
  return best;
}

function unfilledWarning(shift: PlannedShift, members: number, available: number): RosterWarning {
  const why =
    members === 0
      ? 'the station has no active duty lawyers'
      : `${members - available} of ${members} lawyers on leave or not serving on this weekday, the others in an overlapping shift`;
  return {
    code: 'UNFILLED_SHIFT',
    date: shift.date,
    message: `${shift.date} ${shift.templateName} ${shift.start}–${shift.end} 无人可排 / unfilled: ${why}`,
  };
}

/** The soft rule the pick had to break (rules 1 and 5 of the header), if any: a second shift that day outranks consecutive days. */
function softWarning(best: LawyerState, date: LocalDate): RosterWarning | undefined {
  if (best.held.length > 0) {
    return {
      code: 'SECOND_SHIFT_SAME_DAY',
      date,
      lawyerId: best.id,
      message: `${best.id}: 同日第二个班次 / second shift on ${date}: too few lawyers free that day`,
    };
  }
  if (best.consecutive) {
    return {
      code: 'CONSECUTIVE_DAYS',
      date,
      lawyerId: best.id,
      message: `${best.id}: 连续值班 / on duty on consecutive days around ${date}`,
    };
  }
  return undefined;
}

/** The lawyer takes the slot: their counters move for the rest of the period. */
function place(s: LawyerState, slot: Interval, date: LocalDate, key: SlotKey): void {
  s.held.push(slot);
  addToSpread(s.spread, date, key.half);
  s.total++;
  s.period++;
  s.last = date;
}
