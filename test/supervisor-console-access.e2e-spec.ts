import { lawyerBody } from './factories/lawyer.factory';
import { startApp, TestApp } from './helpers/app';

type Who = 'court_clerk' | 'reception' | 'lawyer' | 'dispatcher' | 'admin' | 'supervisor';

/**
 * Every API call the supervisor's screens make (web/src/api/stats.ts, web/src/api/audit.ts),
 * asked by every other role: the statistics and the audit trail are the bureau's and the
 * centre's staff's (API.md: stats for supervisor, dispatcher, admin; the route map gives
 * /audit to dispatchers too), refused 403 to clerks, reception and lawyers. The browser spec
 * checks the console routes.
 */
describe('supervisor console access (e2e)', () => {
  let t: TestApp;
  let as: Record<Who, ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' });
    const lawyerId = (await t.admin.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
    as = {
      court_clerk: t.as(await t.tokenFor('court_clerk')),
      reception: t.as(await t.tokenFor('reception')),
      lawyer: t.as(await t.tokenFor('lawyer', lawyerId)),
      dispatcher: t.as(await t.tokenFor('dispatcher')),
      admin: t.admin,
      supervisor: t.as(await t.tokenFor('supervisor')),
    };
  });
  afterAll(() => t.close());

  const range = 'from=2026-10-01&to=2026-10-31';
  const calls: Array<[string, string]> = [
    ['监督看板: coverage by month', `/api/v1/stats/coverage/monthly?${range}`],
    ['监督看板: deadlines', `/api/v1/stats/deadlines?${range}`],
    ['监督看板: fairness', `/api/v1/stats/fairness?${range}`],
    ['监督看板: objections', `/api/v1/stats/objections?${range}`],
    ['监督看板: CSV', `/api/v1/stats/export?report=coverage&format=csv&${range}`],
    ['监督看板: Excel', `/api/v1/stats/export?report=shifts&format=xlsx&${range}`],
    ['审计日志: search', '/api/v1/audit?order=desc&limit=20&offset=0'],
    ['审计日志: actors', '/api/v1/audit/actors'],
  ];

  it.each(calls)('%s: refused to clerks, reception and lawyers; open to the bureau and the centre', async (_name, url) => {
    for (const who of ['court_clerk', 'reception', 'lawyer'] as const) {
      const res = await as[who].get(url);
      expect([who, res.status]).toEqual([who, 403]);
    }
    for (const who of ['supervisor', 'dispatcher', 'admin'] as const) {
      expect([who, (await as[who].get(url)).status]).toEqual([who, 200]);
    }
    await t.http.get(url).expect(401);
  });
});
