import {
  allowedEvents,
  CASE_EVENTS,
  CASE_STATES,
  CaseEvent,
  CaseState,
  canTransition,
  initialState,
  InvalidTransitionError,
  isTerminal,
  isTerminationGround,
  TERMINATION_GROUND_CODES,
  TERMINATION_GROUNDS,
  terminationGround,
  transition,
} from './case-state';
import { Route } from './routing';

/** Every legal move; anything not listed here must throw. */
const LEGAL: [string, CaseState, CaseEvent, CaseState][] = [
  ['Art 7: received → court supplies nothing missing → ready', 'received', 'complete', 'ready'],
  ['Art 7: received → fields missing → incomplete', 'received', 'flag_incomplete', 'incomplete'],
  ['Art 6: received → assign', 'received', 'assign', 'assigned'],
  ['Art 17: received → terminate', 'received', 'terminate', 'terminated'],
  ['Art 7: incomplete → court completes → ready', 'incomplete', 'complete', 'ready'],
  ['Art 7: incomplete → still incomplete', 'incomplete', 'flag_incomplete', 'incomplete'],
  ['Art 6/7: incomplete → assign within 3 days regardless', 'incomplete', 'assign', 'assigned'],
  ['Art 17(1): incomplete → self_retained termination', 'incomplete', 'terminate', 'terminated'],
  ['Art 7: ready → court withdraws a field → incomplete', 'ready', 'flag_incomplete', 'incomplete'],
  ['Art 6: ready → assign', 'ready', 'assign', 'assigned'],
  ['Art 17: ready → terminate', 'ready', 'terminate', 'terminated'],
  ['Art 7: assigned → papers arrive, stays assigned', 'assigned', 'complete', 'assigned'],
  ['Art 7: assigned → a field goes missing, stays assigned', 'assigned', 'flag_incomplete', 'assigned'],
  ['Art 5: assigned → justified refusal → refused', 'assigned', 'refuse_justified', 'refused'],
  ['Art 5: assigned → unjustified refusal → stays assigned', 'assigned', 'refuse_unjustified', 'assigned'],
  ['Art 6: assigned → lawyer replaced', 'assigned', 'reassign', 'assigned'],
  ['Art 17: assigned → terminate', 'assigned', 'terminate', 'terminated'],
  ['Art 22: assigned → case finished → closed', 'assigned', 'close', 'closed'],
  ['Art 5: refused, no counsel retained → another lawyer', 'refused', 'reassign', 'assigned'],
  ['Art 5 + Art 17(1): refused, counsel retained → terminated', 'refused', 'terminate', 'terminated'],
  ['Art 2 para 2: duty help given → closed', 'duty_help', 'close', 'closed'],
  ['Art 2 + CPL Art 221/226: duty help, trial turned ordinary → assign', 'duty_help', 'assign', 'assigned'],
  ['CPL Art 221/226: duty help, procedure converted → ready for appointment', 'duty_help', 'convert', 'ready'],
  [
    'LAL Art 48, SPC Art 50: received → ended at the defendant’s request → awaiting a defender',
    'received',
    'end_at_request',
    'awaiting_defender',
  ],
  ['LAL Art 48, SPC Art 50: incomplete → ended at request → awaiting a defender', 'incomplete', 'end_at_request', 'awaiting_defender'],
  ['LAL Art 48, SPC Art 50: ready → ended at request → awaiting a defender', 'ready', 'end_at_request', 'awaiting_defender'],
  ['LAL Art 48, SPC Art 50: assigned → ended at request → awaiting a defender', 'assigned', 'end_at_request', 'awaiting_defender'],
  ['Art 5: awaiting a defender, none retained → the centre re-appoints', 'awaiting_defender', 'reassign', 'assigned'],
  ['Art 17(1): awaiting a defender, counsel retained → terminated', 'awaiting_defender', 'terminate', 'terminated'],
  ['Art 18, LAL Art 49: terminated, the bureau orders aid → ready', 'terminated', 'reopen', 'ready'],
  ['Art 18, LAL Art 49: no aid, the bureau orders aid → ready', 'no_aid', 'reopen', 'ready'],
  ['Art 6: received → offered to a lawyer', 'received', 'offer', 'offered'],
  ['Art 6: incomplete → offered', 'incomplete', 'offer', 'offered'],
  ['Art 6: ready → offered', 'ready', 'offer', 'offered'],
  ['Art 5: refused → the next lawyer offered', 'refused', 'offer', 'offered'],
  ['SPC Art 50: awaiting a defender → offered', 'awaiting_defender', 'offer', 'offered'],
  ['Art 6: offered → declined or expired → the next lawyer offered', 'offered', 'offer', 'offered'],
  ['Art 6: offered → accepted → assigned', 'offered', 'accept_offer', 'assigned'],
  ['Art 6: offered → nobody left → ready (appoint directly)', 'offered', 'withdraw_offer', 'ready'],
  ['Art 7: offered → papers arrive, stays offered', 'offered', 'complete', 'offered'],
  ['Art 7: offered → a field goes missing, stays offered', 'offered', 'flag_incomplete', 'offered'],
  ['Art 17: offered → terminate', 'offered', 'terminate', 'terminated'],
];

describe('transition (Art 5, 6, 7, 17)', () => {
  it.each(LEGAL)('%s', (_name, from, event, to) => {
    expect(transition(from, event)).toBe(to);
    expect(canTransition(from, event)).toBe(true);
  });

  const legal = new Set(LEGAL.map(([, from, event]) => `${from}:${event}`));
  const illegal = CASE_STATES.flatMap((s) => CASE_EVENTS.map((e) => [s, e] as const)).filter(([s, e]) => !legal.has(`${s}:${e}`));

  it('the illegal list is not empty and covers the whole remaining matrix', () => {
    expect(illegal.length + LEGAL.length).toBe(CASE_STATES.length * CASE_EVENTS.length);
  });

  it.each(illegal.map(([s, e]) => [`Art 5/17: ${e} from ${s} → INVALID_TRANSITION`, s, e] as const))('%s', (_name, from, event) => {
    expect(canTransition(from, event)).toBe(false);
    let caught: unknown;
    try {
      transition(from, event);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidTransitionError);
    expect(caught).toMatchObject({ code: 'INVALID_TRANSITION', from, event });
  });

  it.each([
    ['Art 17: terminated is terminal', 'terminated', true],
    ['Art 22: closed is terminal', 'closed', true],
    ['Art 2/3: no_aid is terminal', 'no_aid', true],
    ['Art 5: refused is not terminal', 'refused', false],
    ['SPC Art 50: awaiting a defender is not terminal', 'awaiting_defender', false],
    ['Art 6: assigned is not terminal', 'assigned', false],
  ] as const)('%s', (_name, state, expected) => {
    expect(isTerminal(state)).toBe(expected);
  });

  it('Art 5: from refused only reassign, terminate, or an offer', () => {
    expect(allowedEvents('refused')).toEqual(['reassign', 'terminate', 'offer']);
  });
});

describe('initialState (Art 2, Art 7)', () => {
  it.each<[string, Route, string[], CaseState]>([
    ['Art 2: appointed defence, complete → ready', 'appointed_defence', [], 'ready'],
    ['Art 7: appointed defence, fields missing → incomplete', 'appointed_defence', ['judge.phone'], 'incomplete'],
    ['Art 2 para 2: duty lawyer help → duty_help (missing fields do not matter)', 'duty_lawyer_help', ['trialPlace'], 'duty_help'],
    ['Art 2/3: route none → no_aid', 'none', [], 'no_aid'],
  ])('%s', (_name, route, missing, expected) => {
    expect(initialState(route, missing)).toBe(expected);
  });
});

describe('TERMINATION_GROUNDS (Art 17)', () => {
  it.each([
    ['Art 17(1) self_retained', 'self_retained', 1, '自行委托'],
    ['Art 17(2) defendant_request', 'defendant_request', 2, '要求终止'],
    ['Art 17(3) case_closed', 'case_closed', 3, '撤销起诉'],
    ['Art 17(4) concealment', 'concealment', 4, '隐瞒'],
    ['Art 17(5) illegal_use', 'illegal_use', 5, '违法活动'],
    ['Art 17(6) other_law', 'other_law', 6, '其他情形'],
  ] as const)('%s', (_name, code, item, words) => {
    const g = terminationGround(code);
    expect(g.item).toBe(item);
    expect(g.label).toContain(words);
    expect(g.basis).toContain('第十七条');
    expect(isTerminationGround(code)).toBe(true);
  });

  it('Art 17: six grounds in item order, nothing else accepted', () => {
    expect(TERMINATION_GROUNDS.map((g) => g.code)).toEqual([...TERMINATION_GROUND_CODES]);
    expect(TERMINATION_GROUNDS.map((g) => g.item)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(isTerminationGround('bored')).toBe(false);
    expect(isTerminationGround(3)).toBe(false);
  });
});
