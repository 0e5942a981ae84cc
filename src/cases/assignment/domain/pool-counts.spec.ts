import { classOf, classReason, NamedLawyer, PoolClass, poolCounts, PoolCountInput } from './pool-counts';
import { candidate } from './pick.fixtures';

const none = { requiresJuvenileExperience: false, requiresSeniorLawyer: false };
const juvenile = { requiresJuvenileExperience: true, requiresSeniorLawyer: false };
const senior = { requiresJuvenileExperience: false, requiresSeniorLawyer: true };
const both = { requiresJuvenileExperience: true, requiresSeniorLawyer: true };

const key = (appointable: boolean, juvenileExperience: boolean, junior = false, atCapacity = false) => ({
  appointable,
  juvenileExperience,
  junior,
  atCapacity,
});

describe('classReason: the headline among the own-column rules, REASON_PRIORITY order', () => {
  it.each([
    ['inactive or suspended first, whatever else holds (DESIGN rule 5)', key(false, false, true, true), both, 'INACTIVE'],
    ['no juvenile experience for a juvenile case (seed Art 8)', key(true, false), juvenile, 'NO_JUVENILE_EXPERIENCE'],
    ['juvenile experience not asked for → eligible (seed Art 8)', key(true, false), none, ''],
    ['junior for a possible life sentence (Legal Aid Law 2021 Art 26)', key(true, true, true), senior, 'INSUFFICIENT_EXPERIENCE'],
    ['no juvenile experience outranks junior (seed Art 8 before LAL Art 26)', key(true, false, true), both, 'NO_JUVENILE_EXPERIENCE'],
    ['junior outranks at capacity (LAL Art 26 before DESIGN rule 5)', key(true, true, true, true), senior, 'INSUFFICIENT_EXPERIENCE'],
    ['at capacity (DESIGN rule 5)', key(true, true, false, true), none, 'AT_CAPACITY'],
    ['nothing holds → eligible', key(true, true), both, ''],
  ])('%s', (_name, c, rules, reason) => {
    expect(classReason(c, rules)).toBe(reason);
  });
});

describe('classOf: a loaded lawyer’s class', () => {
  it.each([
    ['suspended is not appointable (DESIGN rule 5)', { suspended: true }, null, key(false, false)],
    ['inactive is not appointable (DESIGN rule 5)', { active: false }, null, key(false, false)],
    ['practice after the cutoff is junior (LAL Art 26)', { criminalPracticeSince: '2023-10-13' }, '2023-10-12', key(true, false, true)],
    ['practice on the cutoff is not (LAL Art 26)', { criminalPracticeSince: '2023-10-12' }, '2023-10-12', key(true, false)],
    ['no senior rule → never junior', { criminalPracticeSince: '2026-01-01' }, null, key(true, false)],
    ['open cases at the maximum is at capacity (DESIGN rule 5)', { openCases: 3, maxOpenCases: 3 }, null, key(true, false, false, true)],
  ])('%s', (_name, over, cutoff, expected) => {
    expect(classOf(candidate('L1', { juvenileExperience: false, ...over }), cutoff)).toEqual(expected);
  });
});

const totals = (inactive: number, appointableJuvenile: number, appointableOther: number): PoolCountInput['totals'] => [
  { appointable: false, juvenileExperience: false, lawyers: inactive },
  { appointable: true, juvenileExperience: true, lawyers: appointableJuvenile },
  { appointable: true, juvenileExperience: false, lawyers: appointableOther },
];
const group = (juvenileExperience: boolean, junior: boolean, atCapacity: boolean, lawyers: number): PoolClass => ({
  ...key(true, juvenileExperience, junior, atCapacity),
  lawyers,
});
const named = (c: NamedLawyer['class'], reason: NamedLawyer['reason']): NamedLawyer => ({ class: c, reason });

describe('poolCounts: the whole pool from classes and the lawyers a case names', () => {
  it.each<[string, PoolCountInput, typeof none, ReturnType<typeof poolCounts>]>([
    [
      'nothing marked, nobody named: all appointable are eligible',
      { totals: totals(5, 30, 70), marked: [], groups: [], named: [] },
      none,
      {
        eligible: 100,
        excluded: 5,
        excludedByReason: { INACTIVE: 5 },
      },
    ],
    [
      'a juvenile case excludes the appointable without experience (seed Art 8)',
      { totals: totals(0, 30, 70), marked: [], groups: [], named: [] },
      juvenile,
      {
        eligible: 30,
        excluded: 70,
        excludedByReason: { NO_JUVENILE_EXPERIENCE: 70 },
      },
    ],
    [
      'juniors and full lawyers are taken out of their rest class (LAL Art 26, DESIGN rule 5)',
      {
        totals: totals(0, 30, 70),
        marked: [group(true, true, false, 4), group(false, true, true, 2), group(false, false, true, 6)],
        groups: [],
        named: [],
      },
      senior,
      { eligible: 88, excluded: 12, excludedByReason: { INSUFFICIENT_EXPERIENCE: 6, AT_CAPACITY: 6 } },
    ],
    [
      'a named lawyer counts by the full reason, once, not by the class (SPC CPL interpretation 2021 Art 43)',
      {
        totals: totals(1, 10, 10),
        marked: [group(false, false, true, 1)],
        groups: [],
        named: [named(key(true, false, false, true), 'CONFLICT_CO_DEFENDANT'), named(key(true, true), 'UNAVAILABLE')],
      },
      none,
      { eligible: 18, excluded: 3, excludedByReason: { INACTIVE: 1, CONFLICT_CO_DEFENDANT: 1, UNAVAILABLE: 1 } },
    ],
    [
      'a named inactive lawyer stays INACTIVE (first in REASON_PRIORITY)',
      { totals: totals(2, 0, 3), marked: [], groups: [], named: [named(key(false, false), 'INACTIVE')] },
      none,
      { eligible: 3, excluded: 2, excludedByReason: { INACTIVE: 2 } },
    ],
    [
      'a named lawyer who passes every rule is eligible (a same-firm lawyer when the rule is off, bar rules 2017 Art 13)',
      { totals: totals(0, 0, 3), marked: [], groups: [], named: [named(key(true, false), '')] },
      none,
      { eligible: 3, excluded: 0, excludedByReason: {} },
    ],
    [
      'a lawyer who changed class between the reads never makes a count negative',
      { totals: totals(0, 0, 3), marked: [], groups: [], named: [named(key(true, false, false, true), 'DECLINED_OFFER')] },
      none,
      { eligible: 3, excluded: 1, excludedByReason: { DECLINED_OFFER: 1 } },
    ],
    [
      'on leave: UNAVAILABLE, unless a qualification fails first (seed Art 8 before DESIGN rule 5)',
      {
        totals: totals(0, 10, 10),
        marked: [group(true, false, true, 2)],
        groups: [
          { ...group(true, false, false, 3), also: ['UNAVAILABLE'] },
          { ...group(false, false, false, 4), also: ['UNAVAILABLE'] },
          { ...group(true, false, true, 1), also: ['UNAVAILABLE'] },
        ],
        named: [],
      },
      juvenile,
      { eligible: 5, excluded: 15, excludedByReason: { NO_JUVENILE_EXPERIENCE: 10, UNAVAILABLE: 4, AT_CAPACITY: 1 } },
    ],
    [
      'a co-defendant’s firm: SAME_FIRM last, after leave and capacity (bar criminal-case rules 2017 Art 13)',
      {
        totals: totals(0, 0, 10),
        marked: [group(false, false, true, 1)],
        groups: [
          { ...group(false, false, false, 2), also: ['SAME_FIRM_AS_CO_DEFENDANT'] },
          { ...group(false, false, false, 1), also: ['UNAVAILABLE', 'SAME_FIRM_AS_CO_DEFENDANT'] },
          { ...group(false, false, true, 1), also: ['SAME_FIRM_AS_CO_DEFENDANT'] },
        ],
        named: [],
      },
      none,
      { eligible: 6, excluded: 4, excludedByReason: { SAME_FIRM_AS_CO_DEFENDANT: 2, UNAVAILABLE: 1, AT_CAPACITY: 1 } },
    ],
  ])('%s', (_name, input, rules, expected) => {
    expect(poolCounts(input, rules)).toEqual(expected);
  });
});
