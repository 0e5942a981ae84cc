import { caseSetup } from './helpers/case-setup';
import { docxText } from './helpers/documents';

const setup = (now = '2026-10-12T02:00:00Z') => caseSetup({ now });

describe('the pick and a case’s life: notice → pick → letter → hearing → refusal → re-pick → termination (e2e)', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s.t.close());

  it('walks a juvenile case end to end: Art 8 juvenile lawyers, Art 9 pool tiers, Art 6 / Art 12 periods, Art 11 short notice, Art 5 refusals', async () => {
    const { t, clerk, dispatcher } = s;
    const a = await s.lawyer({ name: '甲律师', firm: '天目律师事务所', juvenileExperience: true, licenseNo: '10000000000000001' });
    const b = await s.lawyer({ name: '乙律师', firm: '南渡律师事务所', juvenileExperience: true, licenseNo: '10000000000000002' });
    const noJuvenile = await s.lawyer({ name: '丙律师', juvenileExperience: false });
    const reserve = await s.lawyer({ name: '丁律师', poolTier: 'reserve', juvenileExperience: true });
    await s.lawyer({ name: '戊律师', juvenileExperience: true, active: false });
    const c = await s.notice({ offenceDate: '2026-03-01', defendant: { name: '王小明', birthDate: '2008-06-01' } });
    expect(c).toMatchObject({ juvenile: true, route: 'appointed_defence' });

    const pick = await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    // Both core juvenile lawyers are tied at zero: never appointed, so the licence number decides.
    expect(pick.body.explanation.chosen).toMatchObject({ lawyerId: a.id, rank: 1, decidedBy: 'stable_key' });
    expect(pick.body.explanation.candidates.map((x: { lawyerId: string }) => x.lawyerId)).toEqual([a.id, b.id, reserve.id]);
    const excluded = Object.fromEntries(
      pick.body.explanation.excluded.map((x: { lawyerId: string; reason: string }) => [x.lawyerId, x.reason]),
    );
    // Lawyers outside the appointable pool (inactive) are only counted; the nearest excluded ones are listed by name.
    expect(excluded).toEqual({ [noJuvenile.id]: 'NO_JUVENILE_EXPERIENCE' });
    expect(pick.body.explanation).toMatchObject({
      eligibleCount: 3,
      excludedCount: 2,
      excludedByReason: { NO_JUVENILE_EXPERIENCE: 1, INACTIVE: 1 },
      algorithmVersion: 2,
    });
    expect(pick.body.explanation.excluded[0].name).toBe(noJuvenile.name);
    expect(pick.body.explanation.candidates[0].name).toBe(a.name);
    expect(pick.body.assignment).toMatchObject({
      lawyerId: a.id,
      kind: 'pick',
      status: 'active',
      contactJudgeBy: '2026-10-15',
      fileReviewBy: '2026-10-19',
    });
    await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(409);

    const letter = await clerk.get(`/api/v1/cases/${c.caseId}/appointment-letter`).responseType('blob').expect(200);
    expect(letter.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(letter.body as Buffer);
    for (const part of [
      '法律援助公函',
      t.config.legalAidCenter.name,
      '溧阳市人民法院',
      '王小明',
      '盗窃罪',
      '甲律师',
      '天目律师事务所',
      a.phone,
      '二〇二六年十月十二日',
      '援函〔2026〕第1号',
    ]) {
      expect(text).toContain(part);
    }

    t.clock.set('2026-10-13T02:00:00Z');
    const hearing = await clerk
      .post(`/api/v1/cases/${c.caseId}/hearings`)
      .send({ kind: 'pretrial_meeting', at: '2026-10-15T09:00:00+08:00', place: '第二法庭' })
      .expect(201);
    expect(hearing.body).toMatchObject({ kind: 'pretrial_meeting', shortNotice: true, sequence: 0, at: '2026-10-15T09:00:00+08:00' });
    expect(hearing.body.warnings.map((w: { code: string }) => w.code)).toEqual(['SHORT_NOTICE']);
    const moved = await clerk.patch(`/api/v1/hearings/${hearing.body.id}`).send({ at: '2026-10-20T09:00:00+08:00' }).expect(200);
    expect(moved.body).toMatchObject({ shortNotice: false, sequence: 1, warnings: [] });
    await clerk.post(`/api/v1/cases/${c.caseId}/hearings`).send({ kind: 'trial' }).expect(400);

    const unjustified = await clerk.post(`/api/v1/cases/${c.caseId}/refusal`).send({ justified: false, reason: '想换律师' }).expect(201);
    expect(unjustified.body.case).toMatchObject({ status: 'assigned', currentLawyerId: a.id });
    const justified = await clerk
      .post(`/api/v1/cases/${c.caseId}/refusal`)
      .send({ justified: true, reason: '律师与被害人系亲属，法院准许' })
      .expect(201);
    expect(justified.body.case).toMatchObject({ status: 'refused', currentLawyerId: null });
    await clerk.get(`/api/v1/cases/${c.caseId}/appointment-letter`).expect(409);

    const repick = await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    expect(repick.body.assignment.lawyerId).toBe(b.id);
    expect(repick.body.explanation.excluded).toContainEqual({
      lawyerId: a.id,
      name: '甲律师',
      reason: 'REFUSED_BY_DEFENDANT',
      reasons: ['REFUSED_BY_DEFENDANT'],
    });
    expect((await dispatcher.get(`/api/v1/lawyers/${a.id}`).expect(200)).body.openCases).toBe(0);
    expect((await dispatcher.get(`/api/v1/lawyers/${b.id}`).expect(200)).body.openCases).toBe(1);

    await dispatcher.post(`/api/v1/cases/${c.caseId}/terminate`).send({ ground: 'fled' }).expect(400);
    const ended = await dispatcher
      .post(`/api/v1/cases/${c.caseId}/terminate`)
      .send({ ground: 'self_retained', note: '家属另行委托' })
      .expect(201);
    expect(ended.body).toMatchObject({ status: 'terminated', lawyerId: b.id });
    expect((await dispatcher.get(`/api/v1/lawyers/${b.id}`).expect(200)).body.openCases).toBe(0);
    await dispatcher.post(`/api/v1/cases/${c.caseId}/terminate`).send({ ground: 'case_closed' }).expect(409);

    const view = await dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200);
    expect(view.body.status).toBe('terminated');
    expect(view.body.assignments.map((x: { lawyerId: string; status: string }) => [x.lawyerId, x.status])).toEqual([
      [a.id, 'refused'],
      [b.id, 'terminated'],
    ]);
    expect(view.body.assignments[0].explanation.chosen.why).toContain('甲律师');
    expect(view.body.refusals).toHaveLength(2);
    expect(view.body.hearings).toHaveLength(1);
    expect(view.body.audit.map((e: { action: string }) => e.action)).toEqual([
      'case.receive',
      'case.assign',
      'hearing.add',
      'hearing.update',
      'case.refusal',
      'case.refusal',
      'case.reassign',
      'case.terminate',
    ]);
  });

  it('DESIGN rule 6: a manual override needs a reason, is audited, and cannot break a hard rule (LAL Art 26)', async () => {
    const { dispatcher } = s;
    const c = await s.notice({ possibleSentence: 'life' });
    const junior = await s.lawyer({ criminalPracticeSince: '2025-01-01' });
    const senior = await s.lawyer({ criminalPracticeSince: '2000-01-01', poolTier: 'reserve' });
    const noReason = await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ lawyerId: senior.id }).expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const hard = await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ lawyerId: junior.id, reason: '熟悉案情' }).expect(409);
    expect(hard.body).toMatchObject({ code: 'OVERRIDE_NOT_ALLOWED', reason: 'INSUFFICIENT_EXPERIENCE' });
    const ok = await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ lawyerId: senior.id, reason: '熟悉案情' }).expect(201);
    expect(ok.body.assignment).toMatchObject({ kind: 'manual', reason: '熟悉案情', lawyerId: senior.id });
    expect(ok.body.explanation.chosen.decidedBy).toBe('manual_override');
    const view = await dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200);
    expect(view.body.audit[1]).toMatchObject({ action: 'case.assign', summary: { kind: 'manual', reason: '熟悉案情' } });
  });

  it('keeps co-defendants apart: never the same lawyer, by default not the same firm (SPC interp. Art 43)', async () => {
    const { dispatcher } = s;
    const courtCaseNo = '（2026）苏0481刑初9001号';
    const first = await s.notice({ courtCaseNo });
    const second = await s.notice({ courtCaseNo });
    const p1 = await dispatcher.post(`/api/v1/cases/${first.caseId}/assign`).send({}).expect(201);
    const p2 = await dispatcher.post(`/api/v1/cases/${second.caseId}/assign`).send({}).expect(201);
    expect(p2.body.assignment.lawyerId).not.toBe(p1.body.assignment.lawyerId);
    expect(p2.body.explanation.excluded).toContainEqual(
      expect.objectContaining({ lawyerId: p1.body.assignment.lawyerId, reason: 'CONFLICT_CO_DEFENDANT' }),
    );
    const related = await s.notice({ relatedCaseNos: [courtCaseNo] });
    const p3 = await dispatcher.post(`/api/v1/cases/${related.caseId}/assign`).send({}).expect(201);
    expect([p1.body.assignment.lawyerId, p2.body.assignment.lawyerId]).not.toContain(p3.body.assignment.lawyerId);
  });

  it('lets only the appointed lawyer record a refusal themselves (Art 16)', async () => {
    const c = await s.notice();
    const pick = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    const other = await s.lawyer();
    const otherToken = s.t.as(await s.t.tokenFor('lawyer', other.id));
    await otherToken.post(`/api/v1/cases/${c.caseId}/refusal`).send({ justified: false, reason: '被告人不同意' }).expect(403);
    const own = s.t.as(await s.t.tokenFor('lawyer', pick.body.assignment.lawyerId));
    const res = await own
      .post(`/api/v1/cases/${c.caseId}/refusal`)
      .send({ justified: false, reason: '被告人不同意，未说明理由' })
      .expect(201);
    expect(res.body.case.status).toBe('assigned');
    await own.post(`/api/v1/cases/${c.caseId}/terminate`).send({ ground: 'defendant_request' }).expect(403);
  });

  it('closes a duty-help case', async () => {
    const c = await s.notice({ procedure: 'simplified', trialAt: undefined });
    const closed = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/close`).send({ note: '已提供法律帮助' }).expect(201);
    expect(closed.body.status).toBe('closed');
  });
});

describe('the pick under concurrency (e2e)', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup();
  });
  afterAll(() => s.t.close());

  it('never pushes a lawyer past maxOpenCases nor assigns one case twice', async () => {
    const { dispatcher } = s;
    const only = await s.lawyer({ maxOpenCases: 2 });
    const cases = await Promise.all(Array.from({ length: 5 }, () => s.notice()));
    const results = await Promise.all(cases.map((c) => dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({})));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toMatch(/NO_ELIGIBLE_LAWYER|ASSIGNMENT_RACE_LOST/);
    expect((await dispatcher.get(`/api/v1/lawyers/${only.id}`).expect(200)).body.openCases).toBe(2);

    await dispatcher.patch(`/api/v1/lawyers/${only.id}`).send({ maxOpenCases: 10 }).expect(200);
    const one = await s.notice();
    const twice = await Promise.all([1, 2, 3].map(() => dispatcher.post(`/api/v1/cases/${one.caseId}/assign`).send({})));
    expect(twice.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const view = await dispatcher.get(`/api/v1/cases/${one.caseId}`).expect(200);
    expect(view.body.assignments).toHaveLength(1);
    expect((await dispatcher.get(`/api/v1/lawyers/${only.id}`).expect(200)).body.openCases).toBe(3);
  });

  it('409 NO_ELIGIBLE_LAWYER carries the explanation', async () => {
    const c = await s.notice({ offenceDate: '2026-01-01', defendant: { birthDate: '2009-01-01' } });
    const res = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(409);
    expect(res.body.code).toBe('NO_ELIGIBLE_LAWYER');
    expect(res.body.explanation.chosen).toBeNull();
    expect(res.body.explanation.excluded.map((x: { reason: string }) => x.reason)).toContain('NO_JUVENILE_EXPERIENCE');
  });
});

describe('objections 异议 (Art 18) (e2e)', () => {
  let s: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    s = await setup('2026-09-20T02:00:00Z');
  });
  afterAll(() => s.t.close());

  it('Art 18: files within 15 days, due for review 5 days later, decided once by a supervisor', async () => {
    const supervisor = s.t.as(await s.t.tokenFor('supervisor'));
    const c = await s.notice({ offenceDate: '2026-05-01', defendant: { refusedAid: true } });
    expect(c.status).toBe('no_aid');
    const live = await s.notice();
    await s.dispatcher.post(`/api/v1/cases/${live.caseId}/objections`).send({ decisionReceivedOn: '2026-09-18', grounds: 'x' }).expect(409);
    // Received 09-16: 09-16 + 15 = 10-01 (National Day) → 10-08.
    const o = await s.dispatcher
      .post(`/api/v1/cases/${c.caseId}/objections`)
      .send({ decisionReceivedOn: '2026-09-16', grounds: '符合法律援助条件' })
      .expect(201);
    expect(o.body).toMatchObject({ fileBy: '2026-10-08', filedOn: '2026-09-20', late: false, reviewBy: '2026-09-28', status: 'pending' });
    // Filed 09-20: + 5 = 09-25 (Mid-Autumn), then a weekend → 09-28.
    s.t.clock.set('2026-09-29T02:00:00Z');
    const overdue = await supervisor.get('/api/v1/objections?overdue=true').expect(200);
    expect(overdue.body.map((x: { id: string }) => x.id)).toEqual([o.body.id]);
    await s.dispatcher.post(`/api/v1/objections/${o.body.id}/decision`).send({ outcome: 'upheld', note: 'x' }).expect(403);
    const decided = await supervisor
      .post(`/api/v1/objections/${o.body.id}/decision`)
      .send({ outcome: 'aid_ordered', note: '责令提供法律援助' })
      .expect(201);
    expect(decided.body).toMatchObject({ status: 'aid_ordered', reviewedLate: true });
    await supervisor.post(`/api/v1/objections/${o.body.id}/decision`).send({ outcome: 'upheld', note: 'again' }).expect(409);
  });
});
