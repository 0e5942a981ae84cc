import { clerkAccess, noticeCourtProblem } from './clerk-court';

const COURT = '溧阳市人民法院';

describe("a court clerk's court (issue 11; Art 4 notices come from the court, Art 6 the court learns the lawyer)", () => {
  it.each([
    ['a dispatcher is no clerk', { role: 'dispatcher', courtName: null }, COURT, 'not_a_clerk'],
    ['a clerk of the same court', { role: 'court_clerk', courtName: COURT }, COURT, 'own_court'],
    ['a clerk of another court', { role: 'court_clerk', courtName: '常州市中级人民法院' }, COURT, 'other_court'],
    ['a clerk integration bound to no court (API v1 token)', { role: 'court_clerk', courtName: null }, COURT, 'unbound'],
    ['a clerk whose court is not set at all', { role: 'court_clerk' }, COURT, 'unbound'],
  ] as const)('%s', (_name, actor, court, expected) => expect(clerkAccess(actor, court)).toBe(expected));

  it.each([
    ["a clerk's notice for their own court", { role: 'court_clerk', courtName: COURT }, COURT, null],
    [
      "a clerk's notice for another court",
      { role: 'court_clerk', courtName: COURT },
      '常州市中级人民法院',
      `must be the clerk's own court (${COURT})`,
    ],
    ['an unbound clerk integration names any court', { role: 'court_clerk', courtName: null }, '常州市中级人民法院', null],
    ['a dispatcher enters a paper notice of any court', { role: 'dispatcher', courtName: null }, '常州市中级人民法院', null],
  ] as const)('%s', (_name, actor, court, expected) => expect(noticeCourtProblem(actor, court)).toBe(expected));
});
