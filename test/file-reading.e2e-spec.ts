import { caseSetup, CaseSetup } from './helpers/case-setup';

/** Issue 12 item 5: Art 13 file reading within 3 working days, in the lawyer's feed, overdue flagged (Art 21). */
describe('file reading 阅卷 (e2e)', () => {
  let s: CaseSetup;
  let caseId: string;
  let lawyerId: string;
  let lawyer: ReturnType<CaseSetup['t']['as']>;
  beforeAll(async () => {
    s = await caseSetup(); // Monday 2026-10-12, 10:00 in Shanghai
    lawyerId = (await s.lawyer()).id;
    caseId = (await s.notice()).caseId;
    await s.dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201);
    lawyer = await s.asLawyer(lawyerId);
  });
  afterAll(() => s.t.close());

  it('Art 13: the lawyer records a request; due 3 working days on; in the calendar feed; overdue listed for the centre; arranged', async () => {
    const created = await lawyer
      .post(`/api/v1/cases/${caseId}/file-reading-requests`)
      .send({ requestedAt: '2026-10-12T09:00:00+08:00' })
      .expect(201);
    expect(created.body).toMatchObject({ caseId, lawyerId, arrangeBy: '2026-10-15', arrangedAt: null, overdue: false });

    const feedUrl = (await s.dispatcher.post(`/api/v1/lawyers/${lawyerId}/calendar-token`).expect(201)).body.url as string;
    const feed = await s.t.http.get(new URL(feedUrl).pathname).expect(200);
    expect(feed.text).toContain('法院安排阅卷');
    expect(feed.text).toMatch(/DTSTART;VALUE=DATE:20261015/);

    s.t.clock.set('2026-10-16T02:00:00Z');
    const overdue = await s.dispatcher.get('/api/v1/file-reading-requests?overdue=true').expect(200);
    expect(overdue.body).toEqual([expect.objectContaining({ id: created.body.id, overdue: true })]);
    const got = await s.dispatcher.get(`/api/v1/cases/${caseId}`).expect(200);
    expect(got.body.fileReadingRequests).toEqual([expect.objectContaining({ id: created.body.id, overdue: true })]);

    const clerk = s.clerk;
    const arranged = await clerk
      .patch(`/api/v1/file-reading-requests/${created.body.id}`)
      .send({ arrangedAt: '2026-10-16T09:00:00+08:00' })
      .expect(200);
    expect(arranged.body).toMatchObject({ arrangedAt: '2026-10-16T09:00:00+08:00', overdue: true });
    expect((await s.dispatcher.get('/api/v1/file-reading-requests?overdue=true').expect(200)).body).toEqual([]);
    expect((await s.t.http.get(new URL(feedUrl).pathname).expect(200)).text).not.toContain('法院安排阅卷');
    await clerk.patch(`/api/v1/file-reading-requests/${created.body.id}`).send({ arrangedAt: '2026-10-16T10:00:00+08:00' }).expect(409);
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('Art 13: an obstacle removed later moves the due date (3 working days after it)', async () => {
    const r = await lawyer
      .post(`/api/v1/cases/${caseId}/file-reading-requests`)
      .send({ requestedAt: '2026-10-12T09:00:00+08:00' })
      .expect(201);
    s.t.clock.set('2026-10-19T02:00:00Z');
    const moved = await s.clerk
      .patch(`/api/v1/file-reading-requests/${r.body.id}`)
      .send({ obstacleClearedAt: '2026-10-19T09:00:00+08:00' })
      .expect(200);
    expect(moved.body).toMatchObject({ arrangeBy: '2026-10-22', overdue: false });
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('400 naming the field, 404 for another lawyer, 409 without an appointment', async () => {
    const bad = await lawyer.post(`/api/v1/cases/${caseId}/file-reading-requests`).send({ requestedAt: 'tomorrow' }).expect(400);
    expect(bad.body.details[0].field).toBe('requestedAt');
    const future = await lawyer
      .post(`/api/v1/cases/${caseId}/file-reading-requests`)
      .send({ requestedAt: '2027-01-01T09:00:00+08:00' })
      .expect(400);
    expect(future.body.details[0].field).toBe('requestedAt');
    const other = await s.asLawyer((await s.lawyer()).id);
    await other.post(`/api/v1/cases/${caseId}/file-reading-requests`).send({ requestedAt: '2026-10-12T09:00:00+08:00' }).expect(404);
    const unassigned = await s.notice();
    await s.dispatcher
      .post(`/api/v1/cases/${unassigned.caseId}/file-reading-requests`)
      .send({ requestedAt: '2026-10-12T09:00:00+08:00' })
      .expect(409);
    await s.dispatcher
      .patch('/api/v1/file-reading-requests/00000000-0000-4000-8000-000000000000')
      .send({ arrangedAt: '2026-10-12T09:00:00+08:00' })
      .expect(404);
  });
});
