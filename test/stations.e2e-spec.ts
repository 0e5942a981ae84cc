import { stationBody } from './factories/station.factory';
import { lawyerBody } from './factories/lawyer.factory';
import { startApp, TestApp } from './helpers/app';

describe('duty stations 值班点 (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  beforeAll(async () => {
    t = await startApp();
    dispatcher = t.as(await t.tokenFor('dispatcher'));
  });
  afterAll(() => t.close());

  it('creates a station with defaults, lists it for a court clerk, shows its member lawyers', async () => {
    const body = stationBody();
    const created = await dispatcher.post('/api/v1/stations').send(body).expect(201);
    expect(created.body).toMatchObject({ ...body, timezone: 'Asia/Shanghai', workdaysOnly: true, lawyerIds: [] });
    const lawyer = await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ dutyStationIds: [created.body.id] }))
      .expect(201);
    const clerk = t.as(await t.tokenFor('court_clerk'));
    const listed = await clerk.get('/api/v1/stations').expect(200);
    expect(listed.body.map((s: { id: string }) => s.id)).toContain(created.body.id);
    const got = await clerk.get(`/api/v1/stations/${created.body.id}`).expect(200);
    expect(got.body.lawyerIds).toEqual([lawyer.body.id]);
    await clerk.post('/api/v1/stations').send(stationBody()).expect(403);
    await t.http.get('/api/v1/stations').expect(401);
  });

  it('400 naming the field for bad templates, time zone and phone', async () => {
    const bad = await dispatcher
      .post('/api/v1/stations')
      .send(
        stationBody({
          timezone: 'Mars/Olympus',
          shiftTemplates: [
            { name: '上午', start: '09:00', end: '12:00' },
            { name: '下午', start: '11:00', end: '17:00' },
          ],
        }),
      )
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['timezone', 'shiftTemplates.1.start']);
    const shape = await dispatcher
      .post('/api/v1/stations')
      .send(stationBody({ shiftTemplates: [{ name: '上午', start: '9am', end: '12:00' }], fallbackPhone: 'call us' }))
      .expect(400);
    expect(shape.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['fallbackPhone', 'shiftTemplates.0.start']);
    await dispatcher
      .post('/api/v1/stations')
      .send(stationBody({ shiftTemplates: [] }))
      .expect(400);
  });

  it('updates templates and fallback phone; 404 for an unknown station', async () => {
    const s = await dispatcher.post('/api/v1/stations').send(stationBody()).expect(201);
    const patched = await dispatcher
      .patch(`/api/v1/stations/${s.body.id}`)
      .send({ fallbackPhone: '12348', shiftTemplates: [{ name: '全天', start: '08:30', end: '17:30' }] })
      .expect(200);
    expect(patched.body).toMatchObject({ fallbackPhone: '12348', shiftTemplates: [{ name: '全天', start: '08:30', end: '17:30' }] });
    await dispatcher
      .patch(`/api/v1/stations/${s.body.id}`)
      .send({ shiftTemplates: [{ name: 'x', start: '12:00', end: '08:00' }] })
      .expect(400);
    await dispatcher.get('/api/v1/stations/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').expect(404);
    await dispatcher.get('/api/v1/stations/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/on-duty').expect(404);
  });
});
