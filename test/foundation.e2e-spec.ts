import { DataSource } from 'typeorm';
import { startApp, TestApp } from './helpers/app';

describe('foundation: health, auth, errors, audit (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('answers health without a token', async () => {
    const res = await t.http.get('/api/v1/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.paths['/api/v1/lawyers']).toBeDefined();
  });

  it('401 without or with an unknown token, 403 for the wrong role', async () => {
    await t.http.get('/api/v1/lawyers').expect(401);
    const res = await t.as('nope').get('/api/v1/lawyers').expect(401);
    expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    const clerk = await t.tokenFor('court_clerk');
    await t.as(clerk).get('/api/v1/lawyers').expect(403);
    await t.as(clerk).post('/api/v1/users').send({ name: 'x', role: 'admin' }).expect(403);
  });

  it('creates users with a once-shown token of at least 128 bits', async () => {
    const res = await t.admin.post('/api/v1/users').send({ name: '调度员', role: 'dispatcher' }).expect(201);
    expect(res.body).toMatchObject({ name: '调度员', role: 'dispatcher' });
    expect(Buffer.from(res.body.token.slice('dl_'.length), 'base64url').length).toBeGreaterThanOrEqual(16);
    await t.as(res.body.token).get('/api/v1/lawyers').expect(200);
  });

  it('rejects a lawyer user without a lawyer, and bad roles, with field errors', async () => {
    const res = await t.admin.post('/api/v1/users').send({ name: 'x', role: 'lawyer' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'lawyerId', reason: 'is required for role lawyer' }]);
    const bad = await t.admin.post('/api/v1/users').send({ name: 'x', role: 'judge' }).expect(400);
    expect(bad.body.details[0].field).toBe('role');
  });

  it('400 on malformed JSON, 413 on a body over 1 MB, 400 on unknown fields', async () => {
    const malformed = await t.admin.post('/api/v1/users').set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    await t.admin
      .post('/api/v1/users')
      .send({ name: 'x'.repeat(1_100_000), role: 'admin' })
      .expect(413);
    const unknown = await t.admin.post('/api/v1/users').send({ name: 'x', role: 'admin', colour: 'red' }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'colour', reason: 'should not exist' }]);
  });

  it('404 for unknown routes and ids in the error shape', async () => {
    const res = await t.admin.get('/api/v1/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await t.admin.get('/api/v1/lawyers/not-a-uuid').expect(404);
    await t.admin.get('/api/v1/lawyers/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').expect(404);
  });

  it('keeps an audit trail readable by admin, supervisor and dispatcher only (console route /audit)', async () => {
    const created = await t.admin.post('/api/v1/users').send({ name: '监督', role: 'supervisor' }).expect(201);
    const res = await t.as(created.body.token).get(`/api/v1/audit?entity=user&id=${created.body.id}`).expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        action: 'user.create',
        entity: 'user',
        entityId: created.body.id,
        summary: { name: '监督', role: 'supervisor' },
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain(created.body.token);
    await t
      .as(await t.tokenFor('dispatcher'))
      .get('/api/v1/audit')
      .expect(200);
    for (const role of ['court_clerk', 'reception'] as const) {
      await t
        .as(await t.tokenFor(role))
        .get('/api/v1/audit')
        .expect(403);
    }
  });
});

describe('health when the database is down (e2e)', () => {
  it('answers 503 {status: "error", db: "down"}', async () => {
    const t = await startApp();
    try {
      await t.app.get(DataSource).destroy();
      const res = await t.http.get('/api/v1/health').expect(503);
      expect(res.body).toEqual({ status: 'error', db: 'down' });
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
