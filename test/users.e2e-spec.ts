import request from 'supertest';
import { lawyerBody } from './factories/lawyer.factory';
import { startApp, TestApp } from './helpers/app';

/** Users API v1.1: list, change, tokens; revocation is immediate (issue 13 item 9). */
describe('users and their tokens (e2e)', () => {
  let t: TestApp;
  const server = () => t.app.getHttpServer();

  beforeEach(async () => {
    t = await startApp();
  });
  afterEach(() => t.close());

  async function person(role = 'dispatcher', extra: object = {}) {
    const res = await t.admin
      .post('/api/v1/users')
      .send({ name: '王调度', role, username: `u${Math.random().toString(36).slice(2, 8)}`, password: 'a long password', ...extra })
      .expect(201);
    return res.body as { id: string; token: string; tokenId: string; username: string };
  }

  async function session(username: string, password = 'a long password') {
    const res = await request(server()).post('/api/v1/auth/login').send({ username, password }).expect(200);
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'])
      .find((c) => c.startsWith('dl_session='))!
      .split(';')[0];
    return { cookie, csrf: res.body.csrfToken as string };
  }

  it('lists users without secrets', async () => {
    const u = await person();
    const res = await t.admin.get('/api/v1/users').expect(200);
    const listed = res.body.find((x: { id: string }) => x.id === u.id);
    expect(listed).toEqual({
      id: u.id,
      name: '王调度',
      username: u.username,
      role: 'dispatcher',
      lawyerId: null,
      courtName: null,
      active: true,
      hasPassword: true,
      mustChangePassword: false,
      lockedUntil: null,
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|tokenHash|argon2/);
    await t.as(u.token).get('/api/v1/users').expect(403);
  });

  it('deactivating a user stops its tokens and its sessions at once (401), and says so in the audit trail', async () => {
    const u = await person();
    const s = await session(u.username);
    await t.as(u.token).get('/api/v1/lawyers').expect(200);
    await request(server()).get('/api/v1/lawyers').set('Cookie', s.cookie).expect(200);
    await t.admin.patch(`/api/v1/users/${u.id}`).send({ active: false }).expect(200);
    await t.as(u.token).get('/api/v1/lawyers').expect(401);
    await request(server()).get('/api/v1/lawyers').set('Cookie', s.cookie).expect(401);
    // Reactivated: the old token stays revoked; a new one is issued deliberately.
    await t.admin.patch(`/api/v1/users/${u.id}`).send({ active: true }).expect(200);
    await t.as(u.token).get('/api/v1/lawyers').expect(401);
    const audit = await t.admin.get(`/api/v1/audit?entity=user&id=${u.id}`).expect(200);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['user.create', 'user.update']));
  });

  it('a deactivated lawyer’s token no longer works (the defect of issue 13 item 9)', async () => {
    const lawyer = await t.admin.post('/api/v1/lawyers').send(lawyerBody()).expect(201);
    const u = await t.admin.post('/api/v1/users').send({ name: '律师', role: 'lawyer', lawyerId: lawyer.body.id }).expect(201);
    await t
      .as(u.body.token)
      .get(`/api/v1/lawyers/${lawyer.body.id}/unavailability`)
      .expect((r) => expect(r.status).not.toBe(401));
    await t.admin.patch(`/api/v1/users/${u.body.id}`).send({ active: false }).expect(200);
    await t.as(u.body.token).get(`/api/v1/lawyers/${lawyer.body.id}/unavailability`).expect(401);
  });

  it('issues more tokens (shown once), lists them with created and last used, and revokes one without touching the others', async () => {
    const u = await person('court_clerk');
    const second = await t.admin.post(`/api/v1/users/${u.id}/tokens`).expect(201);
    expect(second.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^dl_/),
      createdAt: '2026-10-12T02:00:00.000Z',
      lastUsedAt: null,
    });
    t.clock.advance(5 * 60_000);
    await t.as(second.body.token).get('/api/v1/auth/me').expect(200);
    const listed = await t.admin.get(`/api/v1/users/${u.id}/tokens`).expect(200);
    expect(listed.body).toEqual([
      { id: u.tokenId, createdAt: '2026-10-12T02:00:00.000Z', lastUsedAt: null },
      { id: second.body.id, createdAt: '2026-10-12T02:00:00.000Z', lastUsedAt: '2026-10-12T02:05:00.000Z' },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(second.body.token);
    await t.admin.delete(`/api/v1/users/${u.id}/tokens/${u.tokenId}`).expect(204);
    await t.as(u.token).get('/api/v1/auth/me').expect(401);
    await t.as(second.body.token).get('/api/v1/auth/me').expect(200);
    await t.admin.delete(`/api/v1/users/${u.id}/tokens/${u.tokenId}`).expect(404);
    expect((await t.admin.get(`/api/v1/users/${u.id}/tokens`).expect(200)).body).toHaveLength(1);
  });

  it('changes a role (ending sessions), refuses a lawyer role without a lawyer, and keeps an admin from locking themselves out', async () => {
    const u = await person();
    const s = await session(u.username);
    const changed = await t.admin.patch(`/api/v1/users/${u.id}`).send({ role: 'supervisor' }).expect(200);
    expect(changed.body.role).toBe('supervisor');
    await request(server()).get('/api/v1/auth/me').set('Cookie', s.cookie).expect(401);
    const noLawyer = await t.admin.patch(`/api/v1/users/${u.id}`).send({ role: 'lawyer' }).expect(400);
    expect(noLawyer.body.details[0].field).toBe('lawyerId');
    const admins = (await t.admin.get('/api/v1/users').expect(200)).body.filter((x: { role: string }) => x.role === 'admin');
    const self = await t.admin.patch(`/api/v1/users/${admins[0].id}`).send({ active: false }).expect(400);
    expect(self.body.details[0].field).toBe('active');
  });

  it('answers 400 naming the field for bad changes and 404 for unknown users and tokens', async () => {
    const u = await person();
    const bad = await t.admin.patch(`/api/v1/users/${u.id}`).send({ active: 'yes' }).expect(400);
    expect(bad.body.details[0].field).toBe('active');
    const short = await t.admin.patch(`/api/v1/users/${u.id}`).send({ password: 'short' }).expect(400);
    expect(short.body.details[0].field).toBe('password');
    const tokenOnly = await t.admin.post('/api/v1/users').send({ name: '法院系统', role: 'court_clerk' }).expect(201);
    const noLogin = await t.admin.patch(`/api/v1/users/${tokenOnly.body.id}`).send({ password: 'a long password' }).expect(400);
    expect(noLogin.body.details[0].field).toBe('password');
    await t.admin.patch('/api/v1/users/00000000-0000-4000-8000-000000000000').send({ active: false }).expect(404);
    await t.admin.post('/api/v1/users/00000000-0000-4000-8000-000000000000/tokens').expect(404);
    await t.admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000/tokens').expect(404);
    await t.admin.delete(`/api/v1/users/${u.id}/tokens/00000000-0000-4000-8000-000000000000`).expect(404);
  });
});
