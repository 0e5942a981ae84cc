import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createShift } from './factories/shift.factory';
import { createStation, stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

/**
 * A lawyer acts for themselves (API.md v1.1): own shifts, cases, letters, leave, swaps; another
 * lawyer's object by id → 404 (cases) or 403 (a lawyer id in the path), never its content.
 */
describe('lawyer self-service (e2e)', () => {
  let t: TestApp;
  let stationId: string;
  let dispatcher: Agent;
  let clerk: Agent;
  const lawyers: { id: string; name: string; as: Agent }[] = [];
  const at = (local: string) => t.clock.set(`${local}+08:00`);

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T00:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    clerk = t.as(await t.tokenFor('court_clerk'));
    const members = await stationWithLawyers(dispatcher, 3, lawyerBody);
    stationId = members.stationId;
    for (const l of members.lawyers) lawyers.push({ id: l.id, name: l.name, as: t.as(await t.tokenFor('lawyer', l.id)) });
  });
  afterAll(() => t.close());

  describe('GET /api/v1/lawyers/:id/shifts (我的值班)', () => {
    it('lists own shifts at every station with the check-in/out state and the one action open now (Art 2)', async () => {
      const other = (await createStation(t, { name: '第二值班点' })).id;
      const morning = await createShift(t.app, { stationId, date: '2026-10-13', lawyerId: lawyers[0].id });
      const afternoon = await createShift(t.app, {
        stationId: other,
        date: '2026-10-13',
        startTime: '13:30',
        endTime: '17:00',
        lawyerId: lawyers[0].id,
      });
      await createShift(t.app, { stationId, date: '2026-10-14', lawyerId: lawyers[1].id });
      const url = `/api/v1/lawyers/${lawyers[0].id}/shifts?from=2026-10-13&to=2026-10-14`;
      at('2026-10-13T08:30:00');
      const before = await lawyers[0].as.get(url).expect(200);
      expect(before.body.map((s: { id: string }) => s.id)).toEqual([morning.id, afternoon.id]);
      expect(before.body[0]).toMatchObject({
        date: '2026-10-13',
        start: '09:00',
        startsAt: '2026-10-13T09:00:00+08:00',
        station: { id: stationId, fallbackPhone: '0519-12348' },
        checkedInAt: null,
        attendance: 'upcoming',
        action: 'check_in',
      });
      expect(before.body[1]).toMatchObject({ station: { id: other, name: '第二值班点' }, action: null });
      await lawyers[0].as.post(`/api/v1/shifts/${morning.id}/check-in`).expect(201);
      const after = await lawyers[0].as.get(url).expect(200);
      expect(after.body[0]).toMatchObject({ checkedInAt: '2026-10-13T08:30:00+08:00', attendance: 'on_time', action: 'check_out' });
      await dispatcher.get(url).expect(200);
    });

    it("refuses another lawyer's shifts (403) and other roles, names a bad range, 404 for no such lawyer", async () => {
      const url = `/api/v1/lawyers/${lawyers[0].id}/shifts?from=2026-10-01&to=2026-10-31`;
      expect((await lawyers[1].as.get(url).expect(403)).body.code).toBe('NOT_OWN_LAWYER_ID');
      await clerk.get(url).expect(403);
      await t
        .as(await t.tokenFor('reception'))
        .get(url)
        .expect(403);
      await t.http.get(url).expect(401);
      const bad = await lawyers[0].as.get(`/api/v1/lawyers/${lawyers[0].id}/shifts?from=2026-10-31&to=2026-10-01`).expect(400);
      expect(bad.body.details).toEqual([{ field: 'to', reason: expect.any(String) }]);
      const missing = await lawyers[0].as.get(`/api/v1/lawyers/${lawyers[0].id}/shifts?from=2026-10-01`).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('to');
      await dispatcher.get('/api/v1/lawyers/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/shifts?from=2026-10-01&to=2026-10-31').expect(404);
    });
  });

  describe('leave 请假 (POST/GET/DELETE /api/v1/lawyers/:id/unavailability)', () => {
    it('a lawyer reports, reads and withdraws their own leave; the dispatcher sees it and the published-shift warning', async () => {
      const mine = `/api/v1/lawyers/${lawyers[2].id}/unavailability`;
      const held = await createShift(t.app, { stationId, date: '2026-10-20', lawyerId: lawyers[2].id });
      const res = await lawyers[2].as.post(mine).send({ from: '2026-10-19', to: '2026-10-21', reason: '出差' }).expect(201);
      expect(res.body.warnings).toEqual([
        expect.objectContaining({ code: 'PUBLISHED_SHIFTS_DURING_LEAVE', shifts: [expect.objectContaining({ id: held.id })] }),
      ]);
      expect((await lawyers[2].as.get(mine).expect(200)).body).toEqual([expect.objectContaining({ id: res.body.id, reason: '出差' })]);
      // The dispatcher's list carries the warning as long as the shift is still the lawyer's.
      const seen = (await dispatcher.get(mine).expect(200)).body;
      expect(seen).toEqual([expect.objectContaining({ id: res.body.id, warnings: res.body.warnings })]);
      await dispatcher.patch(`/api/v1/shifts/${held.id}`).send({ lawyerId: lawyers[1].id, reason: '原值班律师请假' }).expect(200);
      expect((await dispatcher.get(mine).expect(200)).body).toEqual([expect.objectContaining({ id: res.body.id, warnings: [] })]);
      await lawyers[2].as.delete(`${mine}/${res.body.id}`).expect(204);
      expect((await lawyers[2].as.get(mine).expect(200)).body).toEqual([]);
    });

    it("refuses another lawyer's leave by id (403), bad dates by field (400), other roles (403)", async () => {
      const theirs = `/api/v1/lawyers/${lawyers[0].id}/unavailability`;
      const entry = await dispatcher.post(theirs).send({ from: '2026-11-02', to: '2026-11-03', reason: '病假' }).expect(201);
      await lawyers[1].as.post(theirs).send({ from: '2026-11-04', to: '2026-11-04', reason: 'x' }).expect(403);
      await lawyers[1].as.get(theirs).expect(403);
      await lawyers[1].as.delete(`${theirs}/${entry.body.id}`).expect(403);
      await lawyers[0].as.delete(`/api/v1/lawyers/${lawyers[0].id}/unavailability/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01`).expect(404);
      const bad = await lawyers[0].as.post(theirs).send({ from: '2026-11-05', to: '2026-11-04', reason: 'x' }).expect(400);
      expect(bad.body.details).toEqual([{ field: 'to', reason: expect.any(String) }]);
      expect(
        (await lawyers[0].as.post(theirs).send({ from: '2026-11-05' }).expect(400)).body.details.map((d: { field: string }) => d.field),
      ).toEqual(expect.arrayContaining(['to', 'reason']));
      await clerk.post(theirs).send({ from: '2026-11-05', to: '2026-11-05', reason: 'x' }).expect(403);
      await t
        .as(await t.tokenFor('supervisor'))
        .delete(`${theirs}/${entry.body.id}`)
        .expect(403);
      expect((await dispatcher.get(theirs).expect(200)).body).toHaveLength(1);
    });
  });

  describe('own cases and letters (我的案件)', () => {
    let caseId: string;
    let otherCaseId: string;

    beforeAll(async () => {
      at('2026-10-12T10:00:00');
      caseId = (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201)).body.caseId;
      otherCaseId = (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201)).body.caseId;
      await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ lawyerId: lawyers[0].id, reason: '熟悉本案' }).expect(201);
      await dispatcher.post(`/api/v1/cases/${otherCaseId}/assign`).send({ lawyerId: lawyers[1].id, reason: '熟悉本案' }).expect(201);
    });

    it('lists only own cases, whatever lawyerId is asked for, with the Art 12 deadlines', async () => {
      const own = await lawyers[0].as.get('/api/v1/cases').expect(200);
      expect(own.body.map((c: { id: string }) => c.id)).toEqual([caseId]);
      // Appointed Monday 2026-10-12: the judge within 3 days, file and meeting within 7 (Art 12), counted from the server's today.
      expect(own.body[0].deadlines).toMatchObject({ contactJudgeBy: '2026-10-15', fileReviewAndMeetingBy: '2026-10-19' });
      expect(own.body[0].daysLeft).toEqual({ appointBy: null, contactJudgeBy: 3, fileReviewAndMeetingBy: 7 });
      at('2026-10-16T10:00:00');
      expect((await lawyers[0].as.get('/api/v1/cases').expect(200)).body[0].daysLeft).toMatchObject({
        contactJudgeBy: -1,
        fileReviewAndMeetingBy: 3,
      });
      at('2026-10-12T10:00:00');
      const asked = await lawyers[0].as.get(`/api/v1/cases?lawyerId=${lawyers[1].id}`).expect(200);
      expect(asked.body.map((c: { id: string }) => c.id)).toEqual([caseId]);
    });

    it("reads an own case by id without the dispatchers' audit trail or the pick's ranking of colleagues; another's → 404", async () => {
      const own = await lawyers[0].as.get(`/api/v1/cases/${caseId}`).expect(200);
      expect(own.body).toMatchObject({ id: caseId, currentLawyer: { id: lawyers[0].id }, audit: [] });
      expect(own.body.assignments).toEqual([expect.objectContaining({ lawyerId: lawyers[0].id, explanation: null })]);
      expect((await dispatcher.get(`/api/v1/cases/${caseId}`).expect(200)).body.audit.length).toBeGreaterThan(0);
      const theirs = await lawyers[0].as.get(`/api/v1/cases/${otherCaseId}`).expect(404);
      expect(JSON.stringify(theirs.body)).not.toContain(lawyers[1].name);
      await lawyers[2].as.get(`/api/v1/cases/${caseId}`).expect(404);
      await lawyers[0].as.get('/api/v1/cases/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').expect(404);
    });

    it("downloads the own 法律援助公函 (Art 6); another lawyer's → 404; a replaced lawyer's is no longer theirs", async () => {
      const letter = await lawyers[0].as.get(`/api/v1/cases/${caseId}/appointment-letter`).responseType('blob').expect(200);
      expect(letter.headers['content-type']).toContain('officedocument');
      await lawyers[1].as.get(`/api/v1/cases/${caseId}/appointment-letter`).expect(404);
      await lawyers[0].as.get(`/api/v1/cases/${otherCaseId}/appointment-letter`).expect(404);
      await dispatcher.post(`/api/v1/cases/${otherCaseId}/assign`).send({ lawyerId: lawyers[2].id, reason: '原律师回避' }).expect(201);
      await lawyers[1].as.get(`/api/v1/cases/${otherCaseId}/appointment-letter`).expect(404);
      await lawyers[1].as.get(`/api/v1/cases/${otherCaseId}`).expect(200);
      await lawyers[2].as.get(`/api/v1/cases/${otherCaseId}/appointment-letter`).responseType('blob').expect(200);
    });

    it('other roles: reception is refused the case and the letter', async () => {
      const reception = t.as(await t.tokenFor('reception'));
      await reception.get(`/api/v1/cases/${caseId}`).expect(403);
      await reception.get('/api/v1/cases').expect(403);
      await reception.get(`/api/v1/cases/${caseId}/appointment-letter`).expect(403);
    });
  });

  it("GET /api/v1/console/config gives every role the court's zone and the server's now and today", async () => {
    at('2026-10-13T23:30:00');
    for (const agent of [lawyers[0].as, clerk, t.as(await t.tokenFor('reception'))]) {
      expect((await agent.get('/api/v1/console/config').expect(200)).body).toEqual({
        timezone: 'Asia/Shanghai',
        now: '2026-10-13T23:30:00+08:00',
        today: '2026-10-13',
      });
    }
    await t.http.get('/api/v1/console/config').expect(401);
  });

  describe('swaps 换班 with names, and declining an offer', () => {
    it('lists swaps with the shift, station and both names; the colleague declines, the shift stays', async () => {
      at('2026-10-12T10:00:00');
      const s = await createShift(t.app, { stationId, date: '2026-10-22', lawyerId: lawyers[0].id });
      const colleagues = await lawyers[0].as.get(`/api/v1/stations/${stationId}/members`).expect(200);
      expect(colleagues.body).toEqual(expect.arrayContaining([{ id: lawyers[1].id, name: lawyers[1].name, firm: expect.any(String) }]));
      expect(Object.keys(colleagues.body[0]).sort()).toEqual(['firm', 'id', 'name']);
      const swap = await lawyers[0].as.post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[1].id }).expect(201);
      const listed = await lawyers[1].as.get('/api/v1/swap-requests?status=pending').expect(200);
      expect(listed.body).toEqual([
        expect.objectContaining({
          id: swap.body.id,
          fromLawyerName: lawyers[0].name,
          toLawyerName: lawyers[1].name,
          shift: expect.objectContaining({ date: '2026-10-22', start: '09:00', end: '12:00' }),
          station: expect.objectContaining({ id: stationId }),
        }),
      ]);
      expect((await lawyers[2].as.get('/api/v1/swap-requests').expect(200)).body).toEqual([]);
      await lawyers[0].as.post(`/api/v1/swap-requests/${swap.body.id}/decline`).expect(403);
      await lawyers[2].as.post(`/api/v1/swap-requests/${swap.body.id}/decline`).expect(403);
      await dispatcher.post(`/api/v1/swap-requests/${swap.body.id}/decline`).expect(403);
      expect((await lawyers[1].as.post(`/api/v1/swap-requests/${swap.body.id}/decline`).expect(200)).body.status).toBe('declined');
      expect((await lawyers[1].as.post(`/api/v1/swap-requests/${swap.body.id}/accept`).expect(409)).body.code).toBe('SWAP_NOT_PENDING');
      expect((await lawyers[1].as.post(`/api/v1/swap-requests/${swap.body.id}/decline`).expect(409)).body.code).toBe('SWAP_NOT_PENDING');
      const after = await lawyers[0].as.get(`/api/v1/lawyers/${lawyers[0].id}/shifts?from=2026-10-22&to=2026-10-22`).expect(200);
      expect(after.body.map((x: { lawyerId: string }) => x.lawyerId)).toEqual([lawyers[0].id]);
      // Declined, the holder may offer it again.
      await lawyers[0].as.post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[2].id }).expect(201);
    });

    it('a lawyer sees the colleagues of their own stations only', async () => {
      const elsewhere = (await createStation(t)).id;
      expect((await lawyers[0].as.get(`/api/v1/stations/${elsewhere}/members`).expect(403)).body.code).toBe('NOT_STATION_MEMBER');
      await t
        .as(await t.tokenFor('reception'))
        .get(`/api/v1/stations/${stationId}/members`)
        .expect(403);
      await dispatcher.get('/api/v1/stations/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/members').expect(404);
    });
  });
});
