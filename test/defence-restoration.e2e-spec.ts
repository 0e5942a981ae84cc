import { caseSetup, CaseSetup } from './helpers/case-setup';

const MINOR = { offenceDate: '2026-06-01', defendant: { birthDate: '2009-01-01' } };
const codes = (ws: { code: string }[]) => ws.map((w) => w.code);

/** Issue 12 items 2, 3, 6, 9: ending and restoring a defence, a bureau's order, a conversion, changes of defender. */
describe('restoring a defence (e2e)', () => {
  let s: CaseSetup;
  beforeAll(async () => {
    s = await caseSetup(); // Monday 2026-10-12, 10:00 in Shanghai
    for (let i = 0; i < 5; i++) await s.lawyer({ juvenileExperience: true });
  });
  afterAll(() => s.t.close());
  const assign = (id: string, body: object = {}) => s.dispatcher.post(`/api/v1/cases/${id}/assign`).send(body);

  it('LAL Art 48 / SPC Art 50: a minor’s request needs a reason, then the case waits 5 + 3 days and the centre re-appoints (Art 5)', async () => {
    const c = await s.notice(MINOR);
    const first = (await assign(c.caseId).expect(201)).body;
    const noReason = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/terminate`).send({ ground: 'defendant_request' }).expect(400);
    expect(noReason.body.details).toEqual([{ field: 'note', reason: expect.stringContaining('LAL Art 48') }]);
    const ended = await s.dispatcher
      .post(`/api/v1/cases/${c.caseId}/terminate`)
      .send({ ground: 'defendant_request', note: '被告人与律师存在利益冲突' })
      .expect(201);
    expect(ended.body).toMatchObject({
      status: 'awaiting_defender',
      deadlines: { retainCounselBy: '2026-10-19', renotifyBy: '2026-10-22' },
    });
    const got = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(got).toMatchObject({
      status: 'awaiting_defender',
      currentLawyerId: null,
      terminationGround: 'defendant_request',
      deadlines: { retainCounselBy: '2026-10-19', renotifyBy: '2026-10-22' },
    });
    expect(got.overdue).toMatchObject({ renotifyBy: false });
    s.t.clock.set('2026-10-23T02:00:00Z');
    expect((await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body.overdue).toMatchObject({ renotifyBy: true });
    s.t.clock.set('2026-10-12T02:00:00Z');
    const again = (await assign(c.caseId).expect(201)).body;
    expect(again.case.status).toBe('assigned');
    expect(again.assignment.lawyerId).not.toBe(first.assignment.lawyerId);
  });

  it('Art 17(2): in a non-mandatory case the request ends the aid at once; self-retained ends a waiting case', async () => {
    const plain = await s.notice();
    await assign(plain.caseId).expect(201);
    const ended = await s.dispatcher.post(`/api/v1/cases/${plain.caseId}/terminate`).send({ ground: 'defendant_request' }).expect(201);
    expect(ended.body.status).toBe('terminated');
    const minor = await s.notice(MINOR);
    await s.dispatcher.post(`/api/v1/cases/${minor.caseId}/terminate`).send({ ground: 'defendant_request', note: '要求更换' }).expect(201);
    const retained = await s.dispatcher.post(`/api/v1/cases/${minor.caseId}/terminate`).send({ ground: 'self_retained' }).expect(201);
    expect(retained.body.status).toBe('terminated');
  });

  it('Art 18 / LAL Art 49: "aid ordered" reopens a terminated case, due 3 days from the decision; "upheld" does not', async () => {
    const c = await s.notice();
    await s.dispatcher.post(`/api/v1/cases/${c.caseId}/terminate`).send({ ground: 'concealment' }).expect(201);
    await assign(c.caseId).expect(409);
    const supervisor = s.t.as(await s.t.tokenFor('supervisor'));
    const upheldCase = await s.notice({ defendant: { refusedAid: true } });
    const o1 = await supervisor
      .post(`/api/v1/cases/${upheldCase.caseId}/objections`)
      .send({ decisionReceivedOn: '2026-10-12', grounds: '不服' })
      .expect(201);
    await supervisor.post(`/api/v1/objections/${o1.body.id}/decision`).send({ outcome: 'upheld', note: '维持' }).expect(201);
    expect((await s.dispatcher.get(`/api/v1/cases/${upheldCase.caseId}`).expect(200)).body.status).toBe('no_aid');

    s.t.clock.set('2026-10-16T02:00:00Z'); // Friday: +3 days = Monday 10-19
    const o2 = await supervisor
      .post(`/api/v1/cases/${c.caseId}/objections`)
      .send({ decisionReceivedOn: '2026-10-12', grounds: '隐瞒事实不成立' })
      .expect(201);
    const decided = await supervisor
      .post(`/api/v1/objections/${o2.body.id}/decision`)
      .send({ outcome: 'aid_ordered', note: '责令提供法律援助' })
      .expect(201);
    expect(decided.body.case).toMatchObject({ status: 'ready', route: 'appointed_defence', deadlines: { appointBy: '2026-10-19' } });
    const got = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(got).toMatchObject({
      status: 'ready',
      routeReason: 'aid_ordered',
      terminationGround: null,
      deadlines: { appointBy: '2026-10-19' },
    });
    expect(got.audit.map((a: { action: string }) => a.action)).toContain('case.reopen');
    await assign(c.caseId).expect(201);
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('CPL Art 221, 226: a fast-track duty-help case converted to ordinary re-routes to appointed defence, due 3 days from the conversion', async () => {
    const c = await s.notice({ procedure: 'fast_track', trialAt: undefined });
    expect(c).toMatchObject({ route: 'duty_lawyer_help', status: 'duty_help' });
    const converted = await s.clerk.patch(`/api/v1/cases/${c.caseId}/notice`).send({ procedure: 'ordinary' }).expect(200);
    expect(converted.body).toMatchObject({ route: 'appointed_defence', deadlines: { appointBy: '2026-10-15' } });
    s.t.clock.set('2026-10-14T02:00:00Z'); // later supplements keep the conversion's appointBy
    const supplemented = await s.clerk
      .patch(`/api/v1/cases/${c.caseId}/notice`)
      .send({ trialAt: '2026-11-20T09:00:00+08:00', trialPlace: '第一法庭' })
      .expect(200);
    expect(supplemented.body).toMatchObject({
      route: 'appointed_defence',
      status: 'ready',
      deadlines: { appointBy: '2026-10-15', materialsDueBy: '2026-11-10' },
    });
    const got = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(got.procedure).toBe('ordinary');
    expect(got.audit.map((a: { action: string }) => a.action)).toContain('case.convert');
    await assign(c.caseId).expect(201);
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('CPL Art 221: converting the other way is refused (409), bad values 400', async () => {
    const c = await s.notice();
    const back = await s.clerk.patch(`/api/v1/cases/${c.caseId}/notice`).send({ procedure: 'simplified' });
    expect(back.status).toBe(409);
    expect(back.body.code).toBe('PROCEDURE_CONVERSION_NOT_ALLOWED');
    await s.clerk.patch(`/api/v1/cases/${c.caseId}/notice`).send({ procedure: 'summary' }).expect(400);
  });

  it('SPC Art 311: the third change of defender warns DEFENCE_CHANGED_TWICE', async () => {
    const c = await s.notice();
    const first = await assign(c.caseId).expect(201);
    expect(codes(first.body.warnings)).toEqual([]);
    const change = () => assign(c.caseId, { reason: '律师回避' }).expect(201);
    expect(codes((await change()).body.warnings)).toEqual([]);
    expect(codes((await change()).body.warnings)).toEqual([]);
    const third = await change();
    expect(codes(third.body.warnings)).toEqual(['DEFENCE_CHANGED_TWICE']);
    const got = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(codes(got.warnings)).toContain('DEFENCE_CHANGED_TWICE');
  });
});
