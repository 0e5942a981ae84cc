import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

const OWN = '溧阳市人民法院';
const OTHER = '常州市中级人民法院';

/**
 * The court clerk's console calls (issue 11): a clerk belongs to a court, reads that court's
 * cases only (another court's by id → 404), and can check a notice before sending it
 * (POST /court-notices/validate: the same 400s, the same missing fields and warnings, no write).
 */
describe('court clerks: their court, their cases, the dry run of a notice (e2e)', () => {
  let t: TestApp;
  let clerk: Agent;
  let otherClerk: Agent;
  let unbound: Agent;
  let dispatcher: Agent;
  let stationId: string;
  let own: string;
  let other: string;
  let lawyer: { id: string; name: string; firm: string; phone: string };

  const clerkOf = async (courtName?: string) => {
    const res = await t.admin
      .post('/api/v1/users')
      .send({ name: '书记员', role: 'court_clerk', ...(courtName ? { courtName } : {}) })
      .expect(201);
    expect(res.body.courtName).toBe(courtName ?? null);
    return t.as(res.body.token);
  };
  const count = async () => Number((await dispatcher.get('/api/v1/cases').expect(200)).headers['x-total-count']);

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' }); // Monday 10:00 in Shanghai
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    stationId = (await createStation(t)).id;
    clerk = await clerkOf(OWN);
    otherClerk = await clerkOf(OTHER);
    unbound = await clerkOf();
    lawyer = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body;
    own = (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201)).body.caseId;
    other = (
      await otherClerk
        .post('/api/v1/court-notices')
        .send(noticeBody(stationId, { courtName: OTHER }))
        .expect(201)
    ).body.caseId;
    await dispatcher.post(`/api/v1/cases/${own}/assign`).send({ lawyerId: lawyer.id, reason: '指定' }).expect(201);
  });
  afterAll(() => t.close());

  it('binds only clerks to a court, and an admin can move one', async () => {
    const res = await t.admin.post('/api/v1/users').send({ name: '调度', role: 'dispatcher', courtName: OWN }).expect(400);
    expect(res.body.details).toEqual([{ field: 'courtName', reason: 'only users of role court_clerk belong to a court' }]);
    const made = await t.admin.post('/api/v1/users').send({ name: '书记员乙', role: 'court_clerk', courtName: OWN }).expect(201);
    const moved = await t.admin.patch(`/api/v1/users/${made.body.id}`).send({ courtName: OTHER }).expect(200);
    expect(moved.body.courtName).toBe(OTHER);
    // The move applies at once to the clerk's token (no cached actor of the old court).
    const list = await t.as(made.body.token).get('/api/v1/cases').expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).toEqual([other]);
  });

  it("lists the clerk's own court's cases only, with status", async () => {
    const res = await clerk.get('/api/v1/cases').expect(200);
    expect(res.body.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([[own, 'assigned']]);
    expect(res.headers['x-total-count']).toBe('1');
  });

  it('shows the appointed lawyer (name, firm, phone: Art 6) but not the pick or the audit trail', async () => {
    const res = await clerk.get(`/api/v1/cases/${own}`).expect(200);
    expect(res.body.currentLawyer).toMatchObject({ name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone });
    expect(res.body.assignments.map((a: { explanation: unknown }) => a.explanation)).toEqual([null]);
    expect(res.body.audit).toEqual([]);
  });

  it.each([
    ['reads the case', 'get', () => `/api/v1/cases/${other}`, undefined],
    ['downloads the letter', 'get', () => `/api/v1/cases/${other}/appointment-letter`, undefined],
    ['adds a hearing', 'post', () => `/api/v1/cases/${other}/hearings`, { kind: 'trial', at: '2026-11-02T09:00:00+08:00' }],
    ['supplements the notice (Art 7)', 'patch', () => `/api/v1/cases/${other}/notice`, { trialPlace: '第一法庭' }],
  ] as const)("another court's case is missing when the clerk %s (404)", async (_name, method, url, body) => {
    const res = await clerk[method](url()).send(body);
    expect([res.status, res.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
  });

  it("another court's hearing cannot be changed either (404)", async () => {
    const h = await otherClerk.post(`/api/v1/cases/${other}/hearings`).send({ kind: 'trial', at: '2026-11-02T09:00:00+08:00' }).expect(201);
    await clerk.patch(`/api/v1/hearings/${h.body.id}`).send({ cancelled: true }).expect(404);
    await otherClerk.patch(`/api/v1/hearings/${h.body.id}`).send({ cancelled: true }).expect(200);
  });

  it('refuses a clerk bound to no court the case reads (403), as in API v1', async () => {
    expect((await unbound.get('/api/v1/cases').expect(403)).body.code).toBe('CLERK_WITHOUT_COURT');
    await unbound.get(`/api/v1/cases/${own}`).expect(403);
  });

  it("refuses a bound clerk's notice naming another court (400 courtName)", async () => {
    const res = await clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(stationId, { courtName: OTHER }))
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'courtName', reason: `must be the clerk's own court (${OWN})` }]);
  });

  describe('POST /api/v1/court-notices/validate (the dry run)', () => {
    it('answers the missing Art 4 items and the timing warnings of an incomplete late notice, and writes nothing', async () => {
      const before = await count();
      const body = noticeBody(stationId, { trialAt: '2026-10-19T09:00:00+08:00', judge: { name: '李法官' }, trialPlace: undefined });
      const res = await clerk.post('/api/v1/court-notices/validate').send(body).expect(200);
      expect(res.body).toMatchObject({ route: 'appointed_defence', status: 'incomplete', missingFields: ['judge.phone', 'trialPlace'] });
      expect(res.body.caseId).toBeUndefined();
      expect(res.body.warnings.map((w: { code: string }) => w.code)).toEqual(['NOTICE_LATE', 'POSTPONEMENT_ADVISED']);
      expect(res.body.deadlines.appointBy).toBe('2026-10-15');
      expect(await count()).toBe(before);
      // Sent for real, the notice gets exactly what the dry run said.
      const sent = await clerk.post('/api/v1/court-notices').send(body).expect(201);
      const { caseId: _id, ...intake } = sent.body;
      expect(intake).toEqual(res.body);
    });

    it('answers the same 400 details as sending (no half write, no 500)', async () => {
      const bad = noticeBody(stationId, { offenceDate: '2027-01-01', defendant: { birthDate: '2027-02-01', phone: 'x' } });
      const checked = await clerk.post('/api/v1/court-notices/validate').send(bad).expect(400);
      const sent = await clerk.post('/api/v1/court-notices').send(bad).expect(400);
      expect(checked.body.details).toEqual(sent.body.details);
      expect(checked.body.details.map((d: { field: string }) => d.field)).toContain('defendant.phone');
      const unknown = await clerk
        .post('/api/v1/court-notices/validate')
        .send(noticeBody('00000000-0000-4000-8000-000000000000'))
        .expect(400);
      expect(unknown.body.details).toEqual([{ field: 'stationId', reason: 'no station 00000000-0000-4000-8000-000000000000' }]);
      const court = await clerk
        .post('/api/v1/court-notices/validate')
        .send(noticeBody(stationId, { courtName: OTHER }))
        .expect(400);
      expect(court.body.details.map((d: { field: string }) => d.field)).toEqual(['courtName']);
    });

    it('is for clerks and dispatchers only', async () => {
      for (const role of ['supervisor', 'lawyer', 'reception'] as const) {
        const token = role === 'lawyer' ? await t.tokenFor(role, lawyer.id) : await t.tokenFor(role);
        await t.as(token).post('/api/v1/court-notices/validate').send(noticeBody(stationId)).expect(403);
      }
    });
  });
});
