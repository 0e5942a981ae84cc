import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { stationBody } from './factories/station.factory';
import { ADMIN_TOKEN } from './helpers/app';
import { ChildServer, startChildServer } from './helpers/child-server';

const PARALLEL = 50;
const LAWYERS = 6;
const MAX_OPEN = 4;
const SHUTDOWN_TIMEOUT_MS = 10_000;
/** Assignment states that hold a unit of the lawyer's capacity (as GET /cases/:id shows them). */
const HOLDING = new Set(['offered', 'active', 'accepted']);

interface Pool {
  dispatcher: string;
  lawyers: string[];
  cases: string[];
}

/** LAWYERS lawyers of capacity MAX_OPEN and PARALLEL ready cases: more cases than capacity. */
async function pool(s: ChildServer): Promise<Pool> {
  const user = async (role: string) => (await s.call(ADMIN_TOKEN, 'POST', '/api/v1/users', { name: role, role })).body.token as string;
  const clerk = await user('court_clerk');
  const dispatcher = await user('dispatcher');
  const stationId = (await s.call(ADMIN_TOKEN, 'POST', '/api/v1/stations', stationBody())).body.id as string;
  const lawyers: string[] = [];
  for (let i = 0; i < LAWYERS; i++)
    lawyers.push((await s.call(dispatcher, 'POST', '/api/v1/lawyers', lawyerBody({ maxOpenCases: MAX_OPEN }))).body.id);
  const cases: string[] = [];
  for (let i = 0; i < PARALLEL; i++) cases.push((await s.call(clerk, 'POST', '/api/v1/court-notices', noticeBody(stationId))).body.caseId);
  // The pick chooses among these lawyers only (the server started on an empty database).
  expect((await s.call(dispatcher, 'GET', '/api/v1/lawyers?limit=1')).headers.get('x-total-count')).toBe(String(LAWYERS));
  return { dispatcher, lawyers, cases };
}

/** No 5xx but a 503 carrying Retry-After. */
function expectNo5xxBut503(replies: { status: number; headers: Headers }[], allowed: number[]): void {
  expect(replies.map((r) => r.status).filter((x) => ![...allowed, 503].includes(x))).toEqual([]);
  for (const r of replies.filter((x) => x.status === 503)) expect(r.headers.get('retry-after')).toBeTruthy();
}

/**
 * What the database says, through the API: each lawyer's open_cases, and the cases with their
 * assignments. Capacity is exact: a lawyer's open_cases is the number of assignments holding it.
 */
async function expectCapacityExact(s: ChildServer, p: Pool) {
  const views = await Promise.all(p.cases.map(async (id) => (await s.call(p.dispatcher, 'GET', `/api/v1/cases/${id}`)).body));
  const open = await Promise.all(
    p.lawyers.map(async (id) => (await s.call(p.dispatcher, 'GET', `/api/v1/lawyers/${id}`)).body.openCases as number),
  );
  const assignments = views.flatMap((v) => v.assignments as { id: string; lawyerId: string; status: string }[]);
  const held = p.lawyers.map((id) => assignments.filter((a) => a.lawyerId === id && HOLDING.has(a.status)).length);
  expect(open).toEqual(held);
  for (const n of open) expect(n).toBeLessThanOrEqual(MAX_OPEN);
  for (const v of views) expect((v.assignments as { status: string }[]).filter((a) => HOLDING.has(a.status)).length).toBeLessThanOrEqual(1);
  return { views, assignments };
}

/**
 * Fault test (issue 13, item 1), on the real server process. On PostgreSQL, 10 parallel
 * assigns used to take the pool's 10 connections with transactions that each waited for an
 * 11th (a global read inside them): the server froze, /health hung and SIGTERM was ignored.
 * Once that was gone, the same load deadlocked on the lawyers' rows (500s). Every 201 is an
 * appointment that stuck: the case names the lawyer and the lawyer's capacity counts it.
 */
describe('50 parallel assigns on the real server (e2e, fault test on PostgreSQL)', () => {
  it('all finish: none over capacity, no 5xx but 503, health stays OK, SIGTERM ends the server in time', async () => {
    const s = await startChildServer({ SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    try {
      const p = await pool(s);
      const [replies, during] = await Promise.all([
        Promise.all(p.cases.map((id) => s.call(p.dispatcher, 'POST', `/api/v1/cases/${id}/assign`, {}))),
        s.call('', 'GET', '/api/v1/health'),
      ]);
      expectNo5xxBut503(replies, [201, 409]);
      expect([200, 503]).toContain(during.status);
      const assigned = replies.filter((x) => x.status === 201).length;
      expect(assigned).toBeGreaterThan(0);

      const { views } = await expectCapacityExact(s, p);
      p.cases.forEach((id, i) => {
        const v = views[i];
        if (replies[i].status === 201) {
          expect(p.lawyers).toContain(replies[i].body.assignment.lawyerId);
          expect([v.status, v.currentLawyerId]).toEqual(['assigned', replies[i].body.assignment.lawyerId]);
        } else expect(v.status).toBe('ready');
      });
      expect((await s.call('', 'GET', '/api/v1/health')).status).toBe(200);
    } finally {
      const { code, ms } = await s.stop('SIGTERM');
      expect(code).toBe(0);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    }
  }, 180_000);

  it('offers under the same load: each offer is answered once (accept racing accept and decline), an accepted offer claims exactly once', async () => {
    const s = await startChildServer({ SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    try {
      const p = await pool(s);
      const offers = await Promise.all(p.cases.map((id) => s.call(p.dispatcher, 'POST', `/api/v1/cases/${id}/assign`, { mode: 'offer' })));
      expectNo5xxBut503(offers, [201, 409]);
      const offered = offers.filter((r) => r.status === 201).map((r) => r.body.assignment as { id: string; lawyerId: string });
      expect(offered.length).toBeGreaterThan(0);

      // Every offer answered at once: twice accepted, and every third one declined as well.
      const answers = await Promise.all(
        offered.map((a, i) =>
          Promise.all([
            s.call(p.dispatcher, 'POST', `/api/v1/assignments/${a.id}/accept`),
            s.call(p.dispatcher, 'POST', `/api/v1/assignments/${a.id}/accept`),
            ...(i % 3 === 0 ? [s.call(p.dispatcher, 'POST', `/api/v1/assignments/${a.id}/decline`, { reason: '开庭冲突' })] : []),
          ]),
        ),
      );
      expectNo5xxBut503(answers.flat(), [200, 409]);

      const { views, assignments } = await expectCapacityExact(s, p);
      offered.forEach((a, i) => {
        const won = answers[i].filter((r) => r.status === 200);
        expect(won.length).toBeLessThanOrEqual(1);
        const status = assignments.find((x) => x.id === a.id)!.status;
        const v = views.find((c) => (c.assignments as { id: string }[]).some((x) => x.id === a.id));
        if (won.length === 0) expect(status).toBe('offered');
        else if (won[0].body.assignment.status === 'accepted') {
          expect(status).toBe('accepted');
          expect([v.status, v.currentLawyerId]).toEqual(['assigned', a.lawyerId]);
        } else expect(status).toBe('declined');
      });
      expect((await s.call('', 'GET', '/api/v1/health')).status).toBe(200);
    } finally {
      const { code, ms } = await s.stop('SIGTERM');
      expect(code).toBe(0);
      expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    }
  }, 180_000);
});
