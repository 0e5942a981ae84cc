import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

describe('statistics for the justice bureau (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  let supervisor: ReturnType<TestApp['as']>;
  let lawyers: { id: string }[];

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    supervisor = t.as(await t.tokenFor('supervisor'));
    const clerk = t.as(await t.tokenFor('court_clerk'));
    const station = await stationWithLawyers(dispatcher, 3, lawyerBody);
    lawyers = station.lawyers;
    const notice = (over: Record<string, unknown>) =>
      clerk
        .post('/api/v1/court-notices')
        .send(noticeBody(station.stationId, { receivedAt: '2026-10-12T09:00:00+08:00', ...over }))
        .expect(201);
    const appointed = await notice({});
    await notice({ receivedAt: '2026-10-12T10:00:00+08:00' }); // still waiting for a lawyer
    await notice({ procedure: 'fast_track', trialAt: undefined }); // duty help, not yet given
    await notice({ defendant: { hasRetainedCounsel: true } });
    await notice({ defendant: { refusedAid: true } });
    await notice({ receivedAt: '2026-08-01T09:00:00+08:00', trialAt: '2026-09-30T09:00:00+08:00' }); // outside the period
    await dispatcher.post(`/api/v1/cases/${appointed.body.caseId}/assign`).send({}).expect(201);
  });
  afterAll(() => t.close());

  it('reports coverage by route and outcome, refusals outside the rate (Art 2, 3)', async () => {
    const res = await supervisor.get('/api/v1/stats/coverage?from=2026-10-01&to=2026-10-31').expect(200);
    expect(res.body).toEqual({
      from: '2026-10-01',
      to: '2026-10-31',
      defendants: 5,
      byRoute: { appointed_defence: 2, duty_lawyer_help: 1, none: 2 },
      outcomes: {
        appointed: 1,
        awaitingAppointment: 1,
        dutyHelpRecorded: 0,
        dutyHelpPending: 1,
        retainedCounsel: 1,
        refusedAid: 1,
        terminated: 0,
      },
      coverageRate: 0.5,
      deadlineCompliance: { appointments: 1, onTime: 1, rate: 1 },
    });
  });

  it('reports workload per lawyer with the top-10% share and Gini', async () => {
    const res = await dispatcher.get('/api/v1/stats/workload?from=2026-10-01&to=2026-10-31').expect(200);
    expect(res.body).toMatchObject({ totalAppointments: 1, top10Share: 1 });
    expect(res.body.lawyers).toHaveLength(3);
    expect(res.body.lawyers[0]).toMatchObject({ appointments: 1 });
    expect(lawyers.map((l) => l.id)).toContain(res.body.lawyers[0].lawyerId);
    // One of three holds everything: Gini (n−1)/n.
    expect(res.body.gini).toBeCloseTo(2 / 3, 4);
  });

  it('defaults to the last 365 days and rejects a backwards or impossible period', async () => {
    const res = await supervisor.get('/api/v1/stats/coverage').expect(200);
    expect(res.body).toMatchObject({ from: '2025-10-13', to: '2026-10-12', defendants: 6 });
    const backwards = await supervisor.get('/api/v1/stats/coverage?from=2026-10-31&to=2026-10-01').expect(400);
    expect(backwards.body.details).toEqual([{ field: 'to', reason: 'must not be before from' }]);
    await supervisor.get('/api/v1/stats/workload?from=2026-02-30').expect(400);
    await supervisor.get('/api/v1/stats/workload?colour=red').expect(400);
  });

  it('is for supervisors, dispatchers and admins only', async () => {
    await t
      .as(await t.tokenFor('court_clerk'))
      .get('/api/v1/stats/coverage')
      .expect(403);
    await t.http.get('/api/v1/stats/workload').expect(401);
  });
});
