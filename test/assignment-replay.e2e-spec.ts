import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

describe('GET /api/v1/assignments/:id/replay (issue 12 item 11, e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('Art 18 objections: replays a pick from its snapshot and answers why not another lawyer (ranked lower, or excluded under LAL Art 26)', async () => {
    const dispatcher = t.as(await t.tokenFor('dispatcher'));
    const supervisor = t.as(await t.tokenFor('supervisor'));
    const clerk = t.as(await t.tokenFor('court_clerk'));
    const stationId = (await createStation(t)).id;
    const first = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name: '甲律师', licenseNo: '19000000000000001' }))
        .expect(201)
    ).body;
    const second = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name: '乙律师', licenseNo: '19000000000000002' }))
        .expect(201)
    ).body;
    const junior = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name: '丙律师', criminalPracticeSince: '2025-01-01' }))
        .expect(201)
    ).body;
    const c = (
      await clerk
        .post('/api/v1/court-notices')
        .send(noticeBody(stationId, { possibleSentence: 'life' }))
        .expect(201)
    ).body;
    const pick = (await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201)).body;
    expect(pick.assignment.lawyerId).toBe(first.id);

    const replay = (await supervisor.get(`/api/v1/assignments/${pick.assignment.id}/replay`).expect(200)).body;
    expect(replay).toMatchObject({
      same: true,
      algorithmVersion: 2,
      original: { chosen: { lawyerId: first.id, decidedBy: 'stable_key' } },
    });
    expect(replay.recomputed).toEqual(replay.original);

    const whyNot = (id: string) => supervisor.get(`/api/v1/assignments/${pick.assignment.id}/replay?lawyerId=${id}`).expect(200);
    expect((await whyNot(second.id)).body.lawyer).toMatchObject({
      status: 'ranked_lower',
      name: '乙律师',
      rank: 2,
      beatenOn: 'stable_key',
    });
    expect((await whyNot(junior.id)).body.lawyer).toMatchObject({ status: 'excluded', reason: 'INSUFFICIENT_EXPERIENCE', name: '丙律师' });
    await supervisor.get(`/api/v1/assignments/${pick.assignment.id}/replay?lawyerId=nope`).expect(400);
    await supervisor.get('/api/v1/assignments/00000000-0000-4000-8000-000000000000/replay').expect(404);
  });
});
