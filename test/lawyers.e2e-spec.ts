import { lawyerBody } from './factories/lawyer.factory';
import { createStation, stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

const CSV_HEADER = 'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier,weight,maxOpenCases';

describe('lawyer pool 律师库 (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  beforeAll(async () => {
    t = await startApp();
    dispatcher = t.as(await t.tokenFor('dispatcher'));
  });
  afterAll(() => t.close());

  it('creates, reads and lists a lawyer', async () => {
    const body = lawyerBody({ name: '王律师', juvenileExperience: true });
    const created = await dispatcher.post('/api/v1/lawyers').send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, weight: 1, maxOpenCases: 10, active: true, dutyStationIds: [] });
    const got = await dispatcher.get(`/api/v1/lawyers/${created.body.id}`).expect(200);
    expect(got.body.licenseNo).toBe(body.licenseNo);
    const listed = await dispatcher.get('/api/v1/lawyers?juvenileExperience=true&q=王').expect(200);
    expect(listed.body.map((l: { id: string }) => l.id)).toContain(created.body.id);
    expect(Number(listed.headers['x-total-count'])).toBeGreaterThanOrEqual(1);
  });

  it('409 on a duplicate licence number, 400 naming the field on bad input', async () => {
    const body = lawyerBody();
    await dispatcher.post('/api/v1/lawyers').send(body).expect(201);
    const dup = await dispatcher
      .post('/api/v1/lawyers')
      .send({ ...body, email: 'other@example.com' })
      .expect(409);
    expect(dup.body).toMatchObject({ statusCode: 409, code: 'LICENSE_NO_TAKEN' });
    const bad = await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ licenseNo: '123', criminalPracticeSince: '2019-02-29', poolTier: 'gold' }))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['criminalPracticeSince', 'licenseNo', 'poolTier']);
    const unknownStation = await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ dutyStationIds: ['6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01'] }))
      .expect(400);
    expect(unknownStation.body.details[0].field).toBe('dutyStationIds');
  });

  it('filters by active and pool tier, searches by licence number and firm', async () => {
    const reserve = await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ poolTier: 'reserve', firm: '天目湖律师事务所' }))
      .expect(201);
    await dispatcher.patch(`/api/v1/lawyers/${reserve.body.id}`).send({ active: false }).expect(200);
    const inactiveReserve = await dispatcher.get('/api/v1/lawyers?active=false&poolTier=reserve').expect(200);
    expect(inactiveReserve.body.map((l: { id: string }) => l.id)).toEqual([reserve.body.id]);
    const byLicense = await dispatcher.get(`/api/v1/lawyers?q=${reserve.body.licenseNo}`).expect(200);
    expect(byLicense.body).toHaveLength(1);
    const byFirm = await dispatcher.get(`/api/v1/lawyers?q=${encodeURIComponent('天目湖')}`).expect(200);
    expect(byFirm.body.map((l: { id: string }) => l.id)).toEqual([reserve.body.id]);
    await dispatcher.get('/api/v1/lawyers?active=maybe').expect(400);
    await dispatcher.get('/api/v1/lawyers?poolTier=gold').expect(400);
  });

  it('suspends with a reason and audits the change', async () => {
    const l = await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201);
    const noReason = await dispatcher.patch(`/api/v1/lawyers/${l.body.id}`).send({ suspended: true }).expect(400);
    expect(noReason.body.details[0].field).toBe('suspensionReason');
    const s = await dispatcher.patch(`/api/v1/lawyers/${l.body.id}`).send({ suspended: true, suspensionReason: '停止执业' }).expect(200);
    expect(s.body).toMatchObject({ ...l.body, suspended: true, suspensionReason: '停止执业', updatedAt: expect.any(String) });
    await dispatcher.patch(`/api/v1/lawyers/${l.body.id}`).send({ licenseNo: '12345678901234567' }).expect(400);
    const audit = await t.admin.get(`/api/v1/audit?entity=lawyer&id=${l.body.id}`).expect(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['lawyer.create', 'lawyer.update']);
    await dispatcher.patch('/api/v1/lawyers/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').send({ active: false }).expect(404);
  });

  it('adds, lists and deletes unavailability; to before from is a 400', async () => {
    const l = await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201);
    const url = `/api/v1/lawyers/${l.body.id}/unavailability`;
    const added = await dispatcher.post(url).send({ from: '2026-10-12', to: '2026-10-16', reason: '年假' }).expect(201);
    expect(added.body).toMatchObject({ from: '2026-10-12', to: '2026-10-16', reason: '年假' });
    const backwards = await dispatcher.post(url).send({ from: '2026-10-16', to: '2026-10-12', reason: 'x' }).expect(400);
    expect(backwards.body.details).toEqual([{ field: 'to', reason: 'must not be before from' }]);
    await dispatcher.post(url).send({ from: '2026-02-30', to: '2026-03-01', reason: 'x' }).expect(400);
    expect((await dispatcher.get(url).expect(200)).body).toHaveLength(1);
    await dispatcher.delete(`${url}/${added.body.id}`).expect(204);
    expect((await dispatcher.get(url).expect(200)).body).toHaveLength(0);
    await dispatcher.delete(`${url}/${added.body.id}`).expect(404);
  });

  it('names the published shifts a new leave covers, so the dispatcher can reassign them', async () => {
    const { stationId, lawyers } = await stationWithLawyers(dispatcher, 2, lawyerBody);
    const roster = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2026-10-12', to: '2026-10-16' })
      .expect(201);
    await dispatcher.post(`/api/v1/rosters/${roster.body.id}/publish`).expect(200);
    const mine = (roster.body.shifts as { id: string; date: string; lawyerId: string }[])
      .filter((sh) => sh.lawyerId === lawyers[0].id && sh.date >= '2026-10-13' && sh.date <= '2026-10-14')
      .map((sh) => sh.id);
    expect(mine.length).toBeGreaterThan(0);
    const res = await dispatcher
      .post(`/api/v1/lawyers/${lawyers[0].id}/unavailability`)
      .send({ from: '2026-10-13', to: '2026-10-14', reason: '病假' })
      .expect(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ code: 'PUBLISHED_SHIFTS_DURING_LEAVE' })]);
    expect(res.body.warnings[0].shifts.map((sh: { id: string }) => sh.id).sort()).toEqual([...mine].sort());
    expect(res.body.warnings[0].shifts[0]).toMatchObject({ rosterId: expect.any(String), stationId: expect.any(String) });
    const quiet = await dispatcher
      .post(`/api/v1/lawyers/${lawyers[0].id}/unavailability`)
      .send({ from: '2026-12-01', to: '2026-12-02', reason: '年假' })
      .expect(201);
    expect(quiet.body.warnings).toEqual([]);
  });

  it('imports a CSV with a BOM, upserting by licence number', async () => {
    const a = lawyerBody();
    const b = lawyerBody();
    const line = (l: Record<string, unknown>, over: Record<string, unknown> = {}) =>
      [l.name, l.licenseNo, l.firm, l.phone, l.email, '否', '2010-05-01', 'reserve', '2', '5']
        .map((v, i) => (i === 0 && over.name) || v)
        .join(',');
    const first = await dispatcher
      .post('/api/v1/lawyers/import')
      .set('Content-Type', 'text/csv')
      .send(`\uFEFF${CSV_HEADER}\n${line(a)}\n`)
      .expect(200);
    expect(first.body).toEqual({ created: 1, updated: 0, errors: [] });
    const second = await dispatcher
      .post('/api/v1/lawyers/import')
      .set('Content-Type', 'text/csv')
      .send(`${CSV_HEADER}\n${line(a, { name: '改名律师' })}\n${line(b)}\n`)
      .expect(200);
    expect(second.body).toEqual({ created: 1, updated: 1, errors: [] });
    const found = await dispatcher.get(`/api/v1/lawyers?q=${a.licenseNo}`).expect(200);
    expect(found.body[0]).toMatchObject({ name: '改名律师', weight: 2, maxOpenCases: 5, poolTier: 'reserve' });
  });

  it('imports station memberships row by row (dutyStationIds)', async () => {
    const [east, west] = [await createStation(t), await createStation(t)];
    const people = [lawyerBody(), lawyerBody(), lawyerBody()];
    const stationsOf = [[east.id], [west.id], [east.id, west.id]];
    const csv = [
      `${CSV_HEADER},dutyStationIds`,
      ...people.map((l, i) =>
        [l.name, l.licenseNo, l.firm, l.phone, l.email, 'true', '2010-05-01', 'core', '1', '10', stationsOf[i].join(';')].join(','),
      ),
    ].join('\n');
    const res = await dispatcher.post('/api/v1/lawyers/import').set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(res.body).toEqual({ created: 3, updated: 0, errors: [] });
    for (const [i, l] of people.entries()) {
      const [found] = (await dispatcher.get(`/api/v1/lawyers?q=${l.licenseNo}`).expect(200)).body;
      expect([...found.dutyStationIds].sort()).toEqual([...stationsOf[i]].sort());
    }
    const bad = await dispatcher
      .post('/api/v1/lawyers/import')
      .set('Content-Type', 'text/csv')
      .send(
        `${CSV_HEADER},dutyStationIds\n${[...Object.values(lawyerBody()).slice(0, 5), 'true', '2010-05-01', 'core', '1', '10', '6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01'].join(',')}\n`,
      )
      .expect(200);
    expect(bad.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'dutyStationIds' })]);
  });

  it('writes nothing when any row is bad and reports every bad row', async () => {
    const good = lawyerBody();
    const csv = [
      CSV_HEADER,
      [good.name, good.licenseNo, good.firm, good.phone, good.email, 'true', '2010-05-01', 'core', '1', '10'].join(','),
      ['坏律师', '12', 'f', '13800000000', 'x@example.com', 'true', '2010-05-01', 'core', '1', '10'].join(','),
      ['坏律师2', '13204201010000099', 'f', '13800000000', 'x@example.com', 'true', '2010-13-01', 'core', '1', '10'].join(','),
    ].join('\n');
    const res = await dispatcher.post('/api/v1/lawyers/import').set('Content-Type', 'text/csv').send(csv).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0 });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'licenseNo' }),
      expect.objectContaining({ row: 4, field: 'criminalPracticeSince' }),
    ]);
    const none = await dispatcher.get(`/api/v1/lawyers?q=${good.licenseNo}`).expect(200);
    expect(none.body).toHaveLength(0);
    await dispatcher.post('/api/v1/lawyers/import').send({ not: 'csv' }).expect(400);
  });

  it('imports 5,000 lawyers in one request', async () => {
    const rows = Array.from({ length: 5000 }, () => {
      const l = lawyerBody();
      return [l.name, l.licenseNo, l.firm, l.phone, l.email, 'false', '2012-01-01', 'none', '1', '10'].join(',');
    });
    const res = await dispatcher
      .post('/api/v1/lawyers/import')
      .set('Content-Type', 'text/csv')
      .send(`${CSV_HEADER}\n${rows.join('\n')}\n`)
      .expect(200);
    expect(res.body).toEqual({ created: 5000, updated: 0, errors: [] });
    const page = await dispatcher.get('/api/v1/lawyers?poolTier=none&limit=10').expect(200);
    expect(page.body).toHaveLength(10);
    expect(Number(page.headers['x-total-count'])).toBeGreaterThanOrEqual(5000);
  });

  it('lets only dispatchers and admins change the pool', async () => {
    const supervisor = t.as(await t.tokenFor('supervisor'));
    await supervisor.get('/api/v1/lawyers').expect(200);
    await supervisor.post('/api/v1/lawyers').send(lawyerBody()).expect(403);
    const lawyer = t.as(await t.tokenFor('reception'));
    await lawyer.get('/api/v1/lawyers').expect(403);
  });
});
