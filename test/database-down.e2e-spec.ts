import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { onPostgres, startApp, TEST_DATABASE_URL, TestApp } from './helpers/app';
import { TcpProxy } from './helpers/tcp-proxy';

/**
 * Fault test (issue 13, item 7): with PostgreSQL stopped, API calls answered 500 "internal
 * error" while health said 503. Every call answers 503 with Retry-After, and the server
 * recovers by itself when the database is back.
 */
(onPostgres ? describe : describe.skip)('a stopped PostgreSQL (e2e, fault test)', () => {
  const target = new URL(TEST_DATABASE_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port));
  let t: TestApp;
  beforeAll(async () => {
    await proxy.start();
    const via = new URL(TEST_DATABASE_URL);
    via.port = String(proxy.port);
    t = await startApp({ env: { DATABASE_URL: via.toString(), DB_ACQUIRE_TIMEOUT_MS: '2000' } });
  });
  afterAll(async () => {
    await proxy.start().catch(() => undefined);
    await t.close();
    await proxy.stop();
  });

  it('answers 503 with Retry-After for every call while it is down, and recovers without a restart', async () => {
    const dispatcher = t.as(await t.tokenFor('dispatcher'));
    const clerk = t.as(await t.tokenFor('court_clerk'));
    const stationId = (await createStation(t)).id;
    const lawyer = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body;

    await proxy.stop();
    const calls = [
      () => t.http.get('/api/v1/health'),
      () => dispatcher.get('/api/v1/lawyers'),
      () => dispatcher.get(`/api/v1/lawyers/${lawyer.id}`),
      () => dispatcher.patch(`/api/v1/lawyers/${lawyer.id}`).send({ phone: '13900000001' }),
      () => clerk.post('/api/v1/court-notices').send(noticeBody(stationId)),
      () => dispatcher.post('/api/v1/lawyers').send(lawyerBody()),
    ];
    for (const call of calls) {
      const res = await call();
      expect({ status: res.status, retryAfter: Boolean(res.headers['retry-after']) }).toEqual({ status: 503, retryAfter: true });
    }

    await proxy.start();
    let health = 0;
    for (let i = 0; i < 50 && health !== 200; i++) health = (await t.http.get('/api/v1/health')).status;
    expect(health).toBe(200);
    await dispatcher.get(`/api/v1/lawyers/${lawyer.id}`).expect(200);
    await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201);
  });
});
