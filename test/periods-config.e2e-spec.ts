import { caseSetup, CaseSetup } from './helpers/case-setup';

/** DESIGN rule 7 / CPL Art 105: the holiday extension is configuration, per period (issue 12 item 8). */
describe('holiday extension per period, as configured (e2e)', () => {
  let strict: CaseSetup;
  beforeAll(async () => {
    strict = await caseSetup({ env: { PERIOD_EXTEND_APPOINT_BY: 'false', PERIOD_EXTEND_CONTACT_JUDGE_BY: 'false' } });
  });
  afterAll(() => strict.t.close());

  it('Art 6 with PERIOD_EXTEND_APPOINT_BY=false: received 09-28, due on the holiday 10-01 itself', async () => {
    const c = await strict.notice({ receivedAt: '2026-09-28T09:00:00+08:00', trialAt: '2026-11-20T09:00:00+08:00' });
    expect(c.deadlines.appointBy).toBe('2026-10-01');
  });

  it('Art 12 with PERIOD_EXTEND_CONTACT_JUDGE_BY=false: appointed 09-28, judge contacted by 10-01; file review (not set) still extends to 10-08', async () => {
    strict.t.clock.set('2026-09-28T02:00:00Z');
    await strict.lawyer();
    const c = await strict.notice({ offenceDate: '2026-05-01', trialAt: '2026-11-20T09:00:00+08:00' });
    const res = await strict.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    expect(res.body.assignment).toMatchObject({ contactJudgeBy: '2026-10-01', fileReviewBy: '2026-10-08' });
  });
});

/** The other five settings, each through the route that uses it; the default (extend) is in holiday-extension.spec.ts. */
describe('the Art 12, Art 18 and restoration periods, as configured (e2e)', () => {
  let s: CaseSetup;
  beforeAll(async () => {
    const off = ['FILE_REVIEW_BY', 'OBJECTION_BY', 'OBJECTION_REVIEW_BY', 'RETAIN_COUNSEL_BY', 'RENOTIFY_BY'];
    s = await caseSetup({ env: Object.fromEntries(off.map((p) => [`PERIOD_EXTEND_${p}`, 'false'])) });
    await s.lawyer({ juvenileExperience: true });
  });
  afterAll(() => s.t.close());

  it('Art 12 with PERIOD_EXTEND_FILE_REVIEW_BY=false: appointed 09-24, file reading and meeting by the holiday 10-01', async () => {
    s.t.clock.set('2026-09-24T02:00:00Z');
    const c = await s.notice({ offenceDate: '2026-05-01', trialAt: '2026-11-20T09:00:00+08:00' });
    const res = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    expect(res.body.assignment).toMatchObject({ fileReviewBy: '2026-10-01' });
  });

  it('Art 18 with PERIOD_EXTEND_OBJECTION_BY / _OBJECTION_REVIEW_BY=false: decision received 09-16, filed 09-26 → both due 10-01', async () => {
    s.t.clock.set('2026-09-26T02:00:00Z');
    const c = await s.notice({ defendant: { refusedAid: true } });
    const supervisor = s.t.as(await s.t.tokenFor('supervisor'));
    const o = await supervisor
      .post(`/api/v1/cases/${c.caseId}/objections`)
      .send({ decisionReceivedOn: '2026-09-16', grounds: '不服' })
      .expect(201);
    expect(o.body).toMatchObject({ fileBy: '2026-10-01', reviewBy: '2026-10-01', late: false });
  });

  it('LAL Art 48 / SPC Art 50 with PERIOD_EXTEND_RETAIN_COUNSEL_BY / _RENOTIFY_BY=false: ended 09-26 → retain by 10-01, re-notify by 10-04', async () => {
    s.t.clock.set('2026-09-26T02:00:00Z');
    const c = await s.notice({ offenceDate: '2026-06-01', defendant: { birthDate: '2009-01-01' }, trialAt: '2026-11-20T09:00:00+08:00' });
    await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    const ended = await s.dispatcher
      .post(`/api/v1/cases/${c.caseId}/terminate`)
      .send({ ground: 'defendant_request', note: '要求更换律师' })
      .expect(201);
    expect(ended.body).toMatchObject({
      status: 'awaiting_defender',
      deadlines: { retainCounselBy: '2026-10-01', renotifyBy: '2026-10-04' },
    });
  });
});
