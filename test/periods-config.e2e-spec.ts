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
