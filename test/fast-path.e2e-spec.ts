import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CalendarTokensService } from '../src/calendar/calendar-tokens.service';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { fastPathOf } from '../src/http/fast-path';
import type { Shift } from '../src/stations/shift.entity';
import { CalendarFixtures } from './factories/calendar-fixtures';
import { ADMIN_TOKEN, onPostgres, startApp, TEST_DATABASE_URL, TestApp } from './helpers/app';
import { eventually } from './helpers/eventually';

/**
 * The fast path (src/http/fast-path.ts) against the Nest routes it stands in front of: two
 * instances on one database, FAST_PATH on and off, the same requests to both. Status, body
 * and every header but the connection's own must be equal, and the fast one must have
 * answered the hot requests itself. 2026-10-12 10:00 in Shanghai: the morning shift is running.
 */
const NOW = '2026-10-12T02:00:00Z';
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive']);

describe('fast path: the same answers as Nest (e2e)', () => {
  let dir: string;
  let fast: TestApp;
  let nest: TestApp;
  let f: CalendarFixtures;
  let stationId: string;
  let morning: Shift;
  let other: { id: string };
  let tokens: { reception: string; dispatcher: string; lawyer: string; feed: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fast-path-'));
    const url = onPostgres ? TEST_DATABASE_URL : `sqlite:${join(dir, 'duty.sqlite')}`;
    fast = await startApp({ now: NOW, env: { DATABASE_URL: url, FAST_PATH: 'true' } });
    nest = await startApp({ now: NOW, env: { DATABASE_URL: url, FAST_PATH: 'false' }, keepSchema: true });
    f = new CalendarFixtures(nest.app, () => nest.clock.now());
    const lawyer = await f.benchLawyer();
    const created = await nest.admin
      .post('/api/v1/lawyers')
      .send({
        name: '李律师',
        licenseNo: '13204812016000002',
        firm: '南渡律师事务所',
        phone: '13800000002',
        email: 'li@example.com',
        juvenileExperience: false,
        criminalPracticeSince: '2016-01-01',
        poolTier: 'core',
      })
      .expect(201);
    other = created.body as { id: string };
    const station = await f.station();
    stationId = station.id;
    morning = await f.shift(station, '2026-10-12', lawyer.id);
    await f.shift(station, '2026-10-12', lawyer.id, { template: '下午' });
    await f.shift(station, '2026-10-13', lawyer.id);
    const { url: feedUrl } = await nest.app.get(CalendarTokensService).issue(lawyer.id, SYSTEM_ACTOR);
    tokens = {
      reception: await nest.tokenFor('reception'),
      dispatcher: await nest.tokenFor('dispatcher'),
      lawyer: await nest.tokenFor('lawyer', lawyer.id),
      feed: new URL(feedUrl).pathname,
    };
  });

  afterAll(async () => {
    await fast?.close();
    await nest?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const served = () => ({ ...fastPathOf(fast.app.getHttpServer() as Server)!.served });

  /** The same GET to both instances (`nestHeaders`: other credentials there); the answers must be equal. Returns the fast one. */
  async function same(path: string, headers: Record<string, string> = {}, nestHeaders = headers, nestPath = path) {
    const send = (t: TestApp, path: string, headers: Record<string, string>) => {
      const req = request(t.app.getHttpServer()).get(path).set('X-Request-Id', 'contract-1');
      for (const [name, value] of Object.entries(headers)) req.set(name, value);
      return req.buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    };
    const [a, b] = [await send(fast, path, headers), await send(nest, nestPath, nestHeaders)];
    const strip = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !PER_CONNECTION.has(k)));
    expect({ status: a.status, headers: strip(a.headers), body: (a.body as Buffer).toString('utf8') }).toEqual({
      status: b.status,
      headers: strip(b.headers),
      body: (b.body as Buffer).toString('utf8'),
    });
    return a;
  }

  const onDuty = () => `/api/v1/stations/${stationId}/on-duty`;
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  it('on-duty JSON: answered by the fast path, byte for byte and header for header', async () => {
    const before = served();
    const res = await same(onDuty(), bearer(ADMIN_TOKEN));
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('contract-1');
    expect(JSON.parse((res.body as Buffer).toString('utf8'))).toMatchObject({ onDuty: { shiftId: morning.id, name: '王律师' } });
    for (const role of ['reception', 'dispatcher', 'lawyer'] as const) await same(onDuty(), bearer(tokens[role]));
    expect(served().onDuty - before.onDuty).toBe(4);
  });

  it('on-duty: 401 without or with an unknown token, 404 for an unknown or malformed station, ?at= and If-None-Match left to Nest', async () => {
    const before = served();
    expect((await same(onDuty())).status).toBe(401);
    expect((await same(onDuty(), bearer('no-such-token-0123456789'))).status).toBe(401);
    expect((await same('/api/v1/stations/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/on-duty', bearer(ADMIN_TOKEN))).status).toBe(404);
    expect((await same('/api/v1/stations/not-a-uuid/on-duty', bearer(ADMIN_TOKEN))).status).toBe(404);
    expect((await same(`${onDuty()}?at=2026-10-12T06:00:00Z`, bearer(ADMIN_TOKEN))).status).toBe(200);
    expect((await same(`${onDuty()}?at=tomorrow`, bearer(ADMIN_TOKEN))).status).toBe(400);
    const etag = String((await same(onDuty(), bearer(ADMIN_TOKEN))).headers.etag);
    expect((await same(onDuty(), { ...bearer(ADMIN_TOKEN), 'If-None-Match': etag })).status).toBe(304);
    expect(served().onDuty - before.onDuty).toBe(1);
  });

  it('reception page: the reception token only (query or bearer), staff tokens 403, none 401', async () => {
    const before = served();
    const page = `/reception/${stationId}`;
    expect((await same(`${page}?token=${tokens.reception}`)).status).toBe(200);
    expect((await same(page, bearer(tokens.reception))).status).toBe(200);
    expect((await same(`${page}?token=${tokens.dispatcher}`)).status).toBe(403);
    expect((await same(`${page}?token=${ADMIN_TOKEN}`)).status).toBe(403);
    expect((await same(page)).status).toBe(401);
    expect((await same(`${page}?token=nonsense`)).status).toBe(401);
    expect((await same(`/reception/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01?token=${tokens.reception}`)).status).toBe(404);
    expect(served().reception - before.reception).toBe(2);
  });

  it("feeds: the lawyer's and the station's, 304 on If-None-Match, 404 for unknown or unfit credentials", async () => {
    const before = served();
    const feed = await same(tokens.feed);
    expect(feed.status).toBe(200);
    expect((await same(tokens.feed, { 'If-None-Match': String(feed.headers.etag) })).status).toBe(304);
    expect((await same('/calendar/lawyers/no-such-feed-token.ics')).status).toBe(404);
    const station = `/calendar/stations/${stationId}.ics`;
    expect((await same(`${station}?token=${tokens.dispatcher}`)).status).toBe(200);
    expect((await same(`${station}?token=${tokens.reception}`)).status).toBe(200);
    expect((await same(`${station}?token=${tokens.lawyer}`)).status).toBe(404);
    expect((await same(station)).status).toBe(404);
    expect(served().lawyerFeed - before.lawyerFeed).toBe(2);
    expect(served().stationFeed - before.stationFeed).toBe(2);
  });

  // On PostgreSQL both keep the answer in memory: the writer drops it on commit, the other once notified.
  it('a roster change made on the other instance shows there at once, here once notified (at once on SQLite)', async () => {
    await same(onDuty(), bearer(ADMIN_TOKEN));
    await same(`/reception/${stationId}?token=${tokens.reception}`);
    await f.moveShift(morning, other.id);
    const holder = async (t: TestApp) => (await t.admin.get(onDuty()).expect(200)).body.onDuty.lawyerId as string;
    expect(await holder(nest)).toBe(other.id);
    if (onPostgres) await eventually('the fast instance is notified', async () => (await holder(fast)) === other.id);
    const res = await same(onDuty(), bearer(ADMIN_TOKEN));
    expect(JSON.parse((res.body as Buffer).toString('utf8')).onDuty.lawyerId).toBe(other.id);
    const page = await same(`/reception/${stationId}?token=${tokens.reception}`);
    expect(page.status).toBe(200);
  });

  // The other instance forgets the token within ACTOR_CACHE_MS (2 s): compared with its answer to a token it never knew.
  it('a token revoked on the fast instance is refused there at once, as Nest refuses an unknown token', async () => {
    const created = await fast.admin.post('/api/v1/users').send({ name: '前台二', role: 'reception' }).expect(201);
    const { token, id, tokenId } = created.body as { token: string; id: string; tokenId: string };
    expect((await same(onDuty(), bearer(token))).status).toBe(200);
    expect((await same(`/reception/${stationId}?token=${token}`)).status).toBe(200);
    await fast.admin.delete(`/api/v1/users/${id}/tokens/${tokenId}`).expect(204);
    const unknown = 'never-issued-token-0123456789';
    expect((await same(onDuty(), bearer(token), bearer(unknown))).status).toBe(401);
    const page = `/reception/${stationId}?token=`;
    expect((await same(`${page}${token}`, {}, {}, `${page}${unknown}`)).status).toBe(401);
  });
});
