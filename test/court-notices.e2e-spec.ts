import { CaseViewsService } from '../src/cases/case-views.service';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

describe('court notices 通知辩护函: intake, routing, periods (e2e)', () => {
  let t: TestApp;
  let clerk: Agent;
  let dispatcher: Agent;
  let stationId: string;
  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' }); // Monday 10:00 in Shanghai
    clerk = t.as(await t.tokenFor('court_clerk'));
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    stationId = (await createStation(t)).id;
  });
  afterAll(() => t.close());

  it('routes a complete ordinary notice to appointed defence, ready, with Art 6 and Art 4 deadlines', async () => {
    const res = await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201);
    expect(res.body).toMatchObject({
      route: 'appointed_defence',
      status: 'ready',
      juvenile: false,
      missingFields: [],
      warnings: [],
      deadlines: { appointBy: '2026-10-15', materialsDueBy: '2026-10-20' },
    });
    const got = await dispatcher.get(`/api/v1/cases/${res.body.caseId}`).expect(200);
    expect(got.body).toMatchObject({ status: 'ready', trialAt: '2026-10-30T09:00:00+08:00', receivedAt: '2026-10-12T10:00:00+08:00' });
    expect(got.body.audit.map((a: { action: string }) => a.action)).toEqual(['case.receive']);
  });

  it('extends appointBy over National Day 2026 to the first working day (CPL Art 105)', async () => {
    t.clock.set('2026-10-12T02:00:00Z');
    const res = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { receivedAt: '2026-09-28T09:00:00+08:00', trialAt: '2026-11-20T09:00:00+08:00' }))
      .expect(201);
    // 09-28 + 3 = 10-01 (holiday until 10-07) → 10-08.
    expect(res.body.deadlines.appointBy).toBe('2026-10-08');
  });

  it("follows the admins' calendar overrides: a day declared a holiday moves appointBy on (CPL Art 105)", async () => {
    t.clock.set('2026-10-12T02:00:00Z');
    await t.admin.post('/api/v1/workdays/overrides').send({ date: '2026-10-08', workday: false, note: '演练：临时休息' }).expect(201);
    const res = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { receivedAt: '2026-10-05T09:00:00+08:00', trialAt: '2026-11-20T09:00:00+08:00' }))
      .expect(201);
    // 10-05 + 3 = 10-08, declared a rest day → 10-09.
    expect(res.body.deadlines.appointBy).toBe('2026-10-09');
    await t.admin.delete('/api/v1/workdays/overrides/2026-10-08').expect(204);
  });

  it('routes simplified and fast-track notices to duty-lawyer help, listed as pending help at the station (Art 2)', async () => {
    const res = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { procedure: 'fast_track', trialAt: undefined }))
      .expect(201);
    expect(res.body).toMatchObject({ route: 'duty_lawyer_help', status: 'duty_help', missingFields: [] });
    const pending = await t.app.get(CaseViewsService).pendingHelpForStation(stationId);
    expect(pending.map((c) => c.id)).toContain(res.body.caseId);
    await dispatcher.post(`/api/v1/cases/${res.body.caseId}/assign`).send({}).expect(409);
    await dispatcher.get(`/api/v1/cases/${res.body.caseId}/appointment-letter`).expect(409);
  });

  it('sends a fast-track notice for a minor to appointed defence and warns PROCEDURE_NOT_ALLOWED (CPL Art 223)', async () => {
    const res = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { procedure: 'fast_track', offenceDate: '2026-06-01', defendant: { birthDate: '2009-01-01' } }))
      .expect(201);
    expect(res.body).toMatchObject({ route: 'appointed_defence', juvenile: true, mandatoryGrounds: ['minor'] });
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['PROCEDURE_NOT_ALLOWED']);
  });

  it('Art 2: routes a defendant with retained counsel to none', async () => {
    const res = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { defendant: { hasRetainedCounsel: true } }))
      .expect(201);
    expect(res.body).toMatchObject({ route: 'none', status: 'no_aid' });
  });

  it('Art 3: a refusal in an ordinary case is recorded and routes to none; Art 5: a minor’s refusal still gets a defender, with REFUSAL_NEEDS_REASON', async () => {
    const plain = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { defendant: { refusedAid: true } }))
      .expect(201);
    expect(plain.body).toMatchObject({ route: 'none', status: 'no_aid' });
    const minor = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { offenceDate: '2026-06-01', defendant: { birthDate: '2010-01-01', refusedAid: true } }))
      .expect(201);
    expect(minor.body).toMatchObject({ route: 'appointed_defence' });
    expect(minor.body.warnings.map((w: { code: string }) => w.code)).toContain('REFUSAL_NEEDS_REASON');
  });

  it('accepts an incomplete, late notice: missingFields, NOTICE_LATE and POSTPONEMENT_ADVISED (Art 4, 7)', async () => {
    const body = noticeBody(stationId, {
      judge: { name: '李法官' },
      trialAt: '2026-10-19T09:00:00+08:00',
      trialPlace: undefined,
      indictmentAttached: false,
      defendant: { detained: false, detentionPlace: undefined, address: '溧阳市燕山路1号' },
    });
    const res = await clerk.post('/api/v1/court-notices').send(body).expect(201);
    expect(res.body.status).toBe('incomplete');
    expect(res.body.missingFields).toEqual(['judge.phone', 'trialPlace', 'defendant.phone', 'indictmentAttached']);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['NOTICE_LATE', 'POSTPONEMENT_ADVISED']);

    const supplemented = await clerk
      .patch(`/api/v1/cases/${res.body.caseId}/notice`)
      .send({ judge: { phone: '0519-87000002' }, trialPlace: '第一法庭', phone: '13900000000', indictmentAttached: true })
      .expect(200);
    expect(supplemented.body).toMatchObject({ status: 'ready', missingFields: [] });
    expect(supplemented.body.warnings.map((w: { code: string }) => w.code)).toEqual(['NOTICE_LATE']);
  });

  it('answers 400 naming each bad field, never half-writing', async () => {
    const before = Number((await dispatcher.get('/api/v1/cases').expect(200)).headers['x-total-count']);
    const bad = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { procedure: 'summary', offenceDate: '2026-02-30', trialAt: 'tomorrow' }))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['offenceDate', 'procedure', 'trialAt']);
    const order = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { offenceDate: '2026-12-01', defendant: { birthDate: '2027-01-01' } }))
      .expect(400);
    expect(order.body.details).toEqual([
      { field: 'offenceDate', reason: 'must not be in the future' },
      { field: 'defendant.birthDate', reason: 'must be before offenceDate' },
      { field: 'trialAt', reason: 'must not be before offenceDate' },
    ]);
    const station = await clerk.post('/api/v1/court-notices').send(noticeBody('6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01')).expect(400);
    expect(station.body.details[0].field).toBe('stationId');
    const nested = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { defendant: { disabilities: ['lame'], detained: 'yes' } }))
      .expect(400);
    expect(nested.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['defendant.detained', 'defendant.disabilities']);
    expect(Number((await dispatcher.get('/api/v1/cases').expect(200)).headers['x-total-count'])).toBe(before);
  });

  it('honours Idempotency-Key: same body → first answer, other body → 409', async () => {
    const body = noticeBody(stationId);
    const first = await clerk.post('/api/v1/court-notices').set('Idempotency-Key', 'court-sys-1').send(body).expect(201);
    const again = await clerk.post('/api/v1/court-notices').set('Idempotency-Key', 'court-sys-1').send(body).expect(201);
    expect(again.body.caseId).toBe(first.body.caseId);
    const other = await clerk
      .post('/api/v1/court-notices')
      .set('Idempotency-Key', 'court-sys-1')
      .send({ ...body, charges: ['诈骗罪'] })
      .expect(409);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const listed = await dispatcher.get(`/api/v1/cases?courtCaseNo=${encodeURIComponent(String(body.courtCaseNo))}`).expect(200);
    expect(listed.body).toHaveLength(1);
  });

  it('401 without a token, 403 for a lawyer or reception, 404 for an unknown case', async () => {
    await t.http.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(401);
    const reception = t.as(await t.tokenFor('reception'));
    await reception.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(403);
    await clerk.get('/api/v1/cases').expect(403);
    await dispatcher.get('/api/v1/cases/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').expect(404);
    await dispatcher.get('/api/v1/cases/not-a-uuid').expect(404);
  });

  it('filters cases by route, status, received dates and overdue appointment', async () => {
    t.clock.set('2026-10-12T02:00:00Z');
    const fresh = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { trialAt: '2026-11-30T09:00:00+08:00' }))
      .expect(201);
    const byRoute = await dispatcher.get('/api/v1/cases?route=duty_lawyer_help').expect(200);
    expect(byRoute.body.every((c: { route: string }) => c.route === 'duty_lawyer_help')).toBe(true);
    const sept = await dispatcher.get('/api/v1/cases?from=2026-09-01&to=2026-09-30').expect(200);
    expect(sept.body.map((c: { receivedAt: string }) => c.receivedAt)).toEqual(['2026-09-28T09:00:00+08:00']);
    expect((await dispatcher.get('/api/v1/cases?overdue=true').expect(200)).body.map((c: { id: string }) => c.id)).not.toContain(
      fresh.body.caseId,
    );
    t.clock.set('2026-10-16T02:00:00Z'); // appointBy 10-15 has passed
    const overdue = await dispatcher.get('/api/v1/cases?overdue=true&status=ready').expect(200);
    expect(overdue.body.map((c: { id: string }) => c.id)).toContain(fresh.body.caseId);
    expect(overdue.body.find((c: { id: string }) => c.id === fresh.body.caseId).overdue).toMatchObject({ appointBy: true });
    await dispatcher.get('/api/v1/cases?status=lost').expect(400);
  });
  it('lists the to-do: appointed defence awaiting appointment, earliest appointBy first, with the days left (Art 6)', async () => {
    t.clock.set('2026-10-12T02:00:00Z');
    const later = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { courtCaseNo: '(2026)苏0481刑初901号', trialAt: '2026-11-30T09:00:00+08:00' }))
      .expect(201);
    const earlier = await clerk
      .post('/api/v1/court-notices')
      .send(
        noticeBody(stationId, {
          courtCaseNo: '(2026)苏0481刑初902号',
          receivedAt: '2026-10-09T09:00:00+08:00',
          trialAt: '2026-11-30T09:00:00+08:00',
        }),
      )
      .expect(201);
    const help = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { procedure: 'fast_track', trialAt: undefined }))
      .expect(201);
    const todo = (await dispatcher.get('/api/v1/cases?awaiting=true&sort=appointBy').expect(200)).body as {
      id: string;
      appointBy?: string;
      deadlines: { appointBy: string };
      daysLeft: { appointBy: number | null };
    }[];
    const ids = todo.map((c) => c.id);
    expect(ids).not.toContain(help.body.caseId);
    expect(ids.indexOf(earlier.body.caseId)).toBeLessThan(ids.indexOf(later.body.caseId));
    const dues = todo.map((c) => c.deadlines.appointBy);
    expect(dues).toEqual([...dues].sort());
    expect(todo.find((c) => c.id === later.body.caseId)!.daysLeft).toEqual({
      appointBy: 3,
      contactJudgeBy: null,
      fileReviewAndMeetingBy: null,
    });
    const rest = (await dispatcher.get('/api/v1/cases?awaiting=false').expect(200)).body as {
      id: string;
      daysLeft: { appointBy: number | null };
    }[];
    expect(rest.find((c) => c.id === help.body.caseId)!.daysLeft).toEqual({
      appointBy: null,
      contactJudgeBy: null,
      fileReviewAndMeetingBy: null,
    });
    expect(rest.map((c) => c.id)).not.toContain(later.body.caseId);
    await dispatcher.get('/api/v1/cases?sort=name').expect(400);
  });
});
