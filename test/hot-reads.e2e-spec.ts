import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { HotReadChanges } from '../src/feed-versions/hot-read-changes';
import { feedsChanged } from '../src/feed-versions/feed-versions';
import { Shift } from '../src/stations/shift.entity';
import { CalendarFixtures } from './factories/calendar-fixtures';
import { onPostgres, startApp, TEST_DATABASE_URL, TestApp } from './helpers/app';
import { eventually } from './helpers/eventually';

/**
 * On-duty (and the reception page built on it) kept in memory on PostgreSQL
 * (src/stations/on-duty.service.ts, src/feed-versions/hot-read-changes.ts): two instances on
 * one database. The instance that wrote shows a change in its very next answer, the other
 * once the notification arrives; time alone (a shift ending, the next starting) moves the
 * answer on with no write; an answer read during a writer's transaction is not served after
 * its commit; a dropped listener leaves answers right. On SQLite every request reads.
 * 2026-10-12 10:00 in Shanghai: the morning shift (09:00–12:00) is running.
 */
describe('on-duty from memory: stale never after a commit here, within one notification elsewhere (e2e)', () => {
  let dir: string;
  let a: TestApp;
  let b: TestApp;
  let f: CalendarFixtures;
  let station: Awaited<ReturnType<CalendarFixtures['station']>>;
  let morning: Shift;
  let lawyers: { wang: string; li: string };
  let dispatcher: { a: string; b: string };

  const onDuty = (t: TestApp) => t.as(dispatcher.a).get(`/api/v1/stations/${station.id}/on-duty`).expect(200);
  const holder = async (t: TestApp) => (await onDuty(t)).body.onDuty?.lawyerId as string | undefined;
  const override = (t: TestApp, token: string, lawyerId: string) =>
    t.as(token).patch(`/api/v1/shifts/${morning.id}`).send({ lawyerId, reason: '临时调整' }).expect(200);
  const changes = (t: TestApp) => t.app.get(HotReadChanges);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hot-reads-'));
    const url = onPostgres ? TEST_DATABASE_URL : `sqlite:${join(dir, 'duty.sqlite')}`;
    a = await startApp({ env: { DATABASE_URL: url } });
    b = await startApp({ env: { DATABASE_URL: url }, keepSchema: true });
    f = new CalendarFixtures(b.app, () => b.clock.now());
    station = await f.station();
    const lawyer = async (name: string, n: number) => {
      const res = await b.admin.post('/api/v1/lawyers').send({
        name,
        licenseNo: `1320481201600000${n}`,
        firm: '南渡律师事务所',
        phone: `1380000000${n}`,
        email: `l${n}@example.com`,
        juvenileExperience: false,
        criminalPracticeSince: '2016-01-01',
        poolTier: 'core',
        dutyStationIds: [station.id],
      });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    lawyers = { wang: await lawyer('王律师', 1), li: await lawyer('李律师', 2) };
    morning = await f.shift(station, '2026-10-12', lawyers.wang);
    await f.shift(station, '2026-10-12', null, { template: '下午' });
    await f.shift(station, '2026-10-13', lawyers.li);
    dispatcher = { a: await a.tokenFor('dispatcher'), b: await b.tokenFor('dispatcher') };
    if (onPostgres) await eventually('both listeners connected', async () => changes(a).stamp() !== null && changes(b).stamp() !== null);
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  beforeEach(() => {
    a.clock.set('2026-10-12T02:00:00Z');
    b.clock.set('2026-10-12T02:00:00Z');
  });

  it('a change through the API is in the very next answer of the instance that wrote it, and in the other once notified', async () => {
    expect(await holder(a)).toBe(lawyers.wang);
    expect(await holder(b)).toBe(lawyers.wang);
    await override(a, dispatcher.a, lawyers.li);
    expect(await holder(a)).toBe(lawyers.li);
    if (!onPostgres) expect(await holder(b)).toBe(lawyers.li);
    await eventually('b is notified', async () => (await holder(b)) === lawyers.li);
    await override(b, dispatcher.b, lawyers.wang);
    expect(await holder(b)).toBe(lawyers.wang);
    await eventually('a is notified', async () => (await holder(a)) === lawyers.wang);
  });

  it("a station's name and a lawyer's phone, changed on one instance, show there at once", async () => {
    await onDuty(a);
    await a.as(dispatcher.a).patch(`/api/v1/stations/${station.id}`).send({ name: '刑事值班室（新）' }).expect(200);
    expect((await onDuty(a)).body.stationName).toBe('刑事值班室（新）');
    await a.as(dispatcher.a).patch(`/api/v1/lawyers/${lawyers.wang}`).send({ phone: '13900000101' }).expect(200);
    expect((await onDuty(a)).body.onDuty.phone).toBe('13900000101');
    await eventually('b is notified', async () => (await onDuty(b)).body.onDuty.phone === '13900000101');
    const page = await b.http.get(`/reception/${station.id}?token=${await b.tokenFor('reception')}`).expect(200);
    expect(page.text).toContain('13900000101');
  });

  it('time alone moves the answer on: the morning shift ends, the unfilled afternoon starts, the next day comes', async () => {
    expect((await onDuty(a)).body).toMatchObject({ onDuty: { shiftId: morning.id }, next: { lawyerId: lawyers.li } });
    a.clock.set('2026-10-12T04:00:00Z'); // 12:00, the morning's end
    expect((await onDuty(a)).body).toMatchObject({ onDuty: null, next: { lawyerId: lawyers.li } });
    a.clock.set('2026-10-12T05:30:00Z'); // 13:30: the afternoon shift has no lawyer
    expect((await onDuty(a)).body).toMatchObject({ onDuty: null, at: '2026-10-12T13:30:00+08:00' });
    a.clock.set('2026-10-13T01:00:00Z'); // the next morning
    expect((await onDuty(a)).body).toMatchObject({ onDuty: { lawyerId: lawyers.li }, next: null });
    a.clock.set('2026-10-12T02:00:00Z'); // and back
    expect((await onDuty(a)).body).toMatchObject({ onDuty: { shiftId: morning.id } });
  });

  // On SQLite one connection would read the open transaction's own writes; every request reads there anyway.
  (onPostgres ? it : it.skip)('an answer read while a writer’s transaction is open is not served after it commits', async () => {
    const before = await holder(a);
    const to = before === lawyers.wang ? lawyers.li : lawyers.wang;
    await a.app.get(DataSource).transaction(async (m) => {
      await m.update(Shift, { id: morning.id }, { lawyerId: to });
      await feedsChanged(m, { lawyers: [before ?? null, to], stations: [station.id] });
      expect(await holder(a)).toBe(before);
    });
    expect(await holder(a)).toBe(to);
  });

  (onPostgres ? it : it.skip)('a dropped listener (its backend terminated) reconnects, and answers stay right meanwhile', async () => {
    const pid = changes(a).backendPid;
    const connects = changes(a).connects;
    expect(pid).not.toBeNull();
    await b.app.get(DataSource).query('SELECT pg_terminate_backend($1)', [pid]);
    // Made while a's listener is gone: its notification never reaches a.
    const before = await holder(b);
    const to = before === lawyers.wang ? lawyers.li : lawyers.wang;
    await override(b, dispatcher.b, to);
    await eventually('a answers with the change', async () => (await holder(a)) === to);
    await eventually('a listens again', async () => changes(a).connects > connects && changes(a).stamp() !== null);
    await override(b, dispatcher.b, before!);
    await eventually('a is notified again', async () => (await holder(a)) === before);
  });
});
