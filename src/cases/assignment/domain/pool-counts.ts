import { LocalDate } from '../../../common/local-date';
import { ExclusionReason, REASON_PRIORITY } from './exclusion-reasons';
import { CandidateLawyer } from './types';

/** The whole pool in numbers: eligible lawyers and the excluded ones by headline reason. */
export interface PoolCounts {
  eligible: number;
  excluded: number;
  excludedByReason: Partial<Record<ExclusionReason, number>>;
}

/** Lawyers alike for every rule that reads only the lawyer's own columns. */
export interface PoolClassKey {
  /** Active and not suspended (DESIGN rule 5). */
  appointable: boolean;
  juvenileExperience: boolean;
  /** Criminal practice began after the seniority cutoff; always false when the case needs no senior lawyer. */
  junior: boolean;
  atCapacity: boolean;
}

export interface PoolClass extends PoolClassKey {
  lawyers: number;
}

/** What the case asks of the lawyer's own columns. */
export interface OwnRules {
  requiresJuvenileExperience: boolean;
  requiresSeniorLawyer: boolean;
}

/** A named lawyer (leave, conflict, refusal, decline, a co-defendant's firm): its class and its headline reason in full. */
export interface NamedLawyer {
  class: PoolClassKey;
  /** The first reason in REASON_PRIORITY that excludes the lawyer, '' when eligible. */
  reason: ExclusionReason | '';
}

/** Lawyers a rule of the case or the date reaches (leave, a co-defendant's firm), counted by class, not loaded. */
export interface CaseGroup extends PoolClass {
  /** The reasons beyond the class's own that hold for every lawyer of the group. */
  also: ExclusionReason[];
}

export interface PoolCountInput {
  /** Every lawyer by `appointable` and `juvenileExperience` (the maintained lawyer_pool_classes). */
  totals: { appointable: boolean; juvenileExperience: boolean; lawyers: number }[];
  /** The appointable lawyers that are junior or at capacity, one group per class, each lawyer once (indexed counts). */
  marked: PoolClass[];
  /** Disjoint from `named`. */
  groups: CaseGroup[];
  named: NamedLawyer[];
}

/** A class's headline reason among the own-column rules and `also`, in REASON_PRIORITY order; '' when none holds. */
export function classReason(c: PoolClassKey, rules: OwnRules, also: readonly ExclusionReason[] = []): ExclusionReason | '' {
  const holds: Partial<Record<ExclusionReason, boolean>> = {
    ...Object.fromEntries(also.map((r) => [r, true])),
    INACTIVE: !c.appointable,
    NO_JUVENILE_EXPERIENCE: rules.requiresJuvenileExperience && !c.juvenileExperience,
    INSUFFICIENT_EXPERIENCE: rules.requiresSeniorLawyer && c.junior,
    AT_CAPACITY: c.atCapacity,
  };
  return REASON_PRIORITY.find((r) => holds[r]) ?? '';
}

/** The class of a loaded lawyer; `seniorCutoff` null when the case needs no senior lawyer (see eligibilityContext). */
export function classOf(l: CandidateLawyer, seniorCutoff: LocalDate | null): PoolClassKey {
  return {
    appointable: l.active && l.suspended !== true,
    juvenileExperience: l.juvenileExperience,
    junior: seniorCutoff !== null && l.criminalPracticeSince > seniorCutoff,
    atCapacity: l.openCases >= l.maxOpenCases,
  };
}

const keyOf = (c: PoolClassKey) => (c.appointable ? `${+c.juvenileExperience}${+c.junior}${+c.atCapacity}` : 'inactive');

/**
 * The pool counted without visiting every lawyer: each class counts by its own-column
 * reason, except the lawyers the case or the date reaches, who are taken out of their class
 * and counted by their full reason: the groups (leave, a co-defendant's firm) by their class
 * and `also`, the named lawyers (conflicts, refusals, declines) as the JS rules classified them. A class is
 * never below zero: the inputs are read by separate statements, and a lawyer moving class
 * between them (a concurrent claim) must not make a negative count.
 */
export function poolCounts(input: PoolCountInput, rules: OwnRules): PoolCounts {
  const classes = new Map<string, PoolClass>();
  const add = (c: PoolClass) => {
    const k = keyOf(c);
    const had = classes.get(k);
    const { appointable, juvenileExperience, junior, atCapacity } = c;
    classes.set(k, { appointable, juvenileExperience, junior, atCapacity, lawyers: (had?.lawyers ?? 0) + c.lawyers });
  };
  for (const t of input.totals) {
    const rest = { ...t, junior: false, atCapacity: false };
    if (t.appointable) {
      const marked = input.marked.filter((c) => c.appointable && c.juvenileExperience === t.juvenileExperience);
      rest.lawyers = Math.max(0, t.lawyers - marked.reduce((n, c) => n + c.lawyers, 0));
    }
    add(rest);
  }
  for (const c of input.marked) add(c);
  for (const g of input.groups) add({ ...g, lawyers: -g.lawyers });
  for (const n of input.named) add({ ...n.class, lawyers: -1 });

  const counts: PoolCounts = { eligible: 0, excluded: 0, excludedByReason: {} };
  const count = (reason: ExclusionReason | '', lawyers: number) => {
    if (lawyers <= 0) return;
    if (reason === '') counts.eligible += lawyers;
    else {
      counts.excludedByReason[reason] = (counts.excludedByReason[reason] ?? 0) + lawyers;
      counts.excluded += lawyers;
    }
  };
  for (const c of classes.values()) count(classReason(c, rules), c.lawyers);
  for (const g of input.groups) count(classReason(g, rules, g.also), g.lawyers);
  for (const n of input.named) count(n.reason, 1);
  return counts;
}
