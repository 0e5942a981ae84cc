import { lawyerBody } from './factories/lawyer.factory';
import { stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

/** The official calendar (chinese-days data) with admin overrides, over HTTP (DESIGN rule 7, rule 10). */
describe('working-day calendar 工作日 (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  beforeAll(async () => {
    t = await startApp();
    dispatcher = t.as(await t.tokenFor('dispatcher'));
  });
  afterAll(() => t.close());

  it('describes National Day 2026 and its make-up Saturday 2026-10-10 (调休)', async () => {
    const clerk = t.as(await t.tokenFor('court_clerk'));
    const res = await clerk.get('/api/v1/workdays?from=2026-09-30&to=2026-10-11').expect(200);
    const byDate = Object.fromEntries(res.body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2026-09-30']).toMatchObject({ workday: true, source: 'data' });
    expect(byDate['2026-10-01']).toMatchObject({ workday: false, name: '国庆节' });
    expect(byDate['2026-10-07']).toMatchObject({ workday: false });
    expect(byDate['2026-10-08']).toMatchObject({ workday: true });
    expect(byDate['2026-10-10']).toMatchObject({ workday: true, name: '国庆节' });
    expect(byDate['2026-10-11']).toMatchObject({ workday: false });
    expect(res.body.warnings).toEqual([]);
  });

  it('warns for a year without official data until an override is entered for it; removes overrides', async () => {
    const before = await dispatcher.get('/api/v1/workdays?from=2027-09-30&to=2027-10-02').expect(200);
    expect(before.body.warnings).toEqual([expect.objectContaining({ code: 'CALENDAR_DATA_MISSING', years: [2027] })]);
    expect(before.body.days[1]).toMatchObject({ date: '2027-10-01', source: 'weekend-fallback', workday: true });
    const set = await dispatcher
      .post('/api/v1/workdays/overrides')
      .send({ date: '2027-10-01', workday: false, note: '国庆节' })
      .expect(201);
    expect(set.body).toMatchObject({ date: '2027-10-01', workday: false, note: '国庆节' });
    const after = await dispatcher.get('/api/v1/workdays?from=2027-09-30&to=2027-10-02').expect(200);
    expect(after.body.warnings).toEqual([]);
    expect(after.body.days[1]).toMatchObject({ date: '2027-10-01', workday: false, source: 'override', note: '国庆节' });
    await dispatcher.post('/api/v1/workdays/overrides').send({ date: '2027-10-01', workday: true, note: '改为工作日' }).expect(201);
    expect((await dispatcher.get('/api/v1/workdays/overrides').expect(200)).body).toEqual([
      expect.objectContaining({ date: '2027-10-01', workday: true }),
    ]);
    await dispatcher.delete('/api/v1/workdays/overrides/2027-10-01').expect(204);
    await dispatcher.delete('/api/v1/workdays/overrides/2027-10-01').expect(404);
    expect((await dispatcher.get('/api/v1/workdays?from=2027-10-01&to=2027-10-01').expect(200)).body.warnings).toHaveLength(1);
  });

  it('a court closure override takes a date off a generated roster', async () => {
    await dispatcher.post('/api/v1/workdays/overrides').send({ date: '2026-10-09', workday: false, note: '法院停电' }).expect(201);
    const res = await dispatcher.get('/api/v1/workdays?from=2026-10-09&to=2026-10-09').expect(200);
    expect(res.body.days[0]).toMatchObject({ workday: false, source: 'override' });
    const { stationId } = await stationWithLawyers(dispatcher, 1, lawyerBody);
    const roster = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2026-10-08', to: '2026-10-12' })
      .expect(201);
    expect([...new Set(roster.body.shifts.map((x: { date: string }) => x.date))]).toEqual(['2026-10-08', '2026-10-10', '2026-10-12']);
    const audit = await t.admin.get('/api/v1/audit?entity=workday&id=2026-10-09').expect(200);
    expect(audit.body[0]).toMatchObject({ action: 'workday.override.set' });
  });

  it('400 naming the field, 403 for other roles, 401 without a token', async () => {
    const bad = await dispatcher.post('/api/v1/workdays/overrides').send({ date: '2026-02-30', workday: 'yes' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['date', 'note', 'workday']);
    const back = await dispatcher.get('/api/v1/workdays?from=2026-10-10&to=2026-10-01').expect(400);
    expect(back.body.details[0].field).toBe('to');
    await dispatcher.get('/api/v1/workdays?from=2026-10-10').expect(400);
    await t
      .as(await t.tokenFor('court_clerk'))
      .post('/api/v1/workdays/overrides')
      .send({ date: '2026-10-09', workday: true, note: 'x' })
      .expect(403);
    await t.http.get('/api/v1/workdays?from=2026-10-01&to=2026-10-02').expect(401);
    await dispatcher.delete('/api/v1/workdays/overrides/not-a-date').expect(404);
  });
});

/** A year's State Council arrangement entered in one step (issue 12 item 12; DESIGN rule 7). */
describe('yearly holiday arrangement 节假日安排 (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  const y2027 = {
    year: 2027,
    festivals: [
      { name: '国庆节', from: '2027-10-01', to: '2027-10-07' },
      { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    ],
    workdays: ['2027-10-09', '2027-09-26'],
  };
  beforeAll(async () => {
    t = await startApp();
    dispatcher = t.as(await t.tokenFor('dispatcher'));
  });
  afterAll(() => t.close());

  it('enters 2027, which then drives the calendar, the rosters and the coverage warning; audited', async () => {
    await dispatcher.get('/api/v1/workdays/arrangements/2027').expect(404);
    const res = await dispatcher.post('/api/v1/workdays/arrangements').send(y2027).expect(201);
    expect(res.body).toMatchObject({ year: 2027, workdays: ['2027-09-26', '2027-10-09'] });
    expect(res.body.festivals.map((f: { name: string }) => f.name)).toEqual(['元旦', '国庆节']);
    expect((await dispatcher.get('/api/v1/workdays/arrangements/2027').expect(200)).body).toMatchObject({ year: 2027 });
    expect((await dispatcher.get('/api/v1/workdays/arrangements').expect(200)).body).toHaveLength(1);

    const days = await dispatcher.get('/api/v1/workdays?from=2027-09-30&to=2027-10-10').expect(200);
    expect(days.body.warnings).toEqual([]);
    const byDate = Object.fromEntries(days.body.days.map((d: { date: string }) => [d.date, d]));
    expect(byDate['2027-10-01']).toMatchObject({ workday: false, source: 'arrangement', name: '国庆节' });
    expect(byDate['2027-10-08']).toMatchObject({ workday: true, source: 'arrangement' });
    expect(byDate['2027-10-09']).toMatchObject({ workday: true, source: 'arrangement', name: '国庆节' });
    expect(byDate['2027-10-10']).toMatchObject({ workday: false });

    const { stationId } = await stationWithLawyers(dispatcher, 1, lawyerBody);
    const roster = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2027-09-30', to: '2027-10-10' })
      .expect(201);
    expect([...new Set(roster.body.shifts.map((x: { date: string }) => x.date))]).toEqual(['2027-09-30', '2027-10-08', '2027-10-09']);

    const audit = await t.admin.get('/api/v1/audit?entity=workday_arrangement&id=2027').expect(200);
    expect(audit.body[0]).toMatchObject({ action: 'workday.arrangement.set' });
  });

  it('replaces the year as a whole and keeps what it replaced in the audit; an override still wins', async () => {
    await dispatcher
      .post('/api/v1/workdays/arrangements')
      .send({ ...y2027, festivals: [y2027.festivals[1]], workdays: [] })
      .expect(201);
    const days = await dispatcher.get('/api/v1/workdays?from=2027-10-01&to=2027-10-01').expect(200);
    expect(days.body.days[0]).toMatchObject({ workday: true, source: 'arrangement' });
    const audit = await t.admin.get('/api/v1/audit?entity=workday_arrangement&id=2027').expect(200);
    expect(audit.body).toHaveLength(2);
    await dispatcher.post('/api/v1/workdays/overrides').send({ date: '2027-10-01', workday: false, note: '国庆' }).expect(201);
    expect((await dispatcher.get('/api/v1/workdays?from=2027-10-01&to=2027-10-01').expect(200)).body.days[0]).toMatchObject({
      workday: false,
      source: 'override',
    });
  });

  it('400 naming the field for overlaps, dates outside the year and bad shapes; nothing written', async () => {
    const overlap = await dispatcher
      .post('/api/v1/workdays/arrangements')
      .send({
        year: 2028,
        festivals: [
          { name: '国庆节', from: '2028-10-01', to: '2028-10-07' },
          { name: '中秋', from: '2028-10-03', to: '2028-10-04' },
        ],
        workdays: ['2027-12-31', '2028-10-05'],
      })
      .expect(400);
    expect(overlap.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['festivals.1.from', 'workdays.0', 'workdays.1']);
    const shape = await dispatcher
      .post('/api/v1/workdays/arrangements')
      .send({ year: 'x', festivals: [{ name: '', from: '2028-02-30', to: '2028-03-01' }], workdays: 'no' })
      .expect(400);
    expect(shape.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['year', 'workdays']));
    await dispatcher.get('/api/v1/workdays/arrangements/2028').expect(404);
    await dispatcher.get('/api/v1/workdays/arrangements/abc').expect(404);
    await t
      .as(await t.tokenFor('court_clerk'))
      .post('/api/v1/workdays/arrangements')
      .send(y2027)
      .expect(403);
    await t
      .as(await t.tokenFor('reception'))
      .get('/api/v1/workdays/arrangements/2027')
      .expect(403);
  });
});
