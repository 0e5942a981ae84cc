import request from 'supertest';
import { ADMIN_TOKEN, startApp, TestApp } from './helpers/app';

const PASSWORD = 'correct horse battery';

/** Cookie value of the session from a login answer's Set-Cookie. */
function cookieOf(res: request.Response): string {
  const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const line = set.find((c) => c.startsWith('dl_session='));
  if (!line) throw new Error(`no session cookie in ${JSON.stringify(set)}`);
  return line.split(';')[0];
}

describe('sign-in for people (e2e)', () => {
  let t: TestApp;
  const server = () => t.app.getHttpServer();
  const login = (username: string, password: string) => request(server()).post('/api/v1/auth/login').send({ username, password });

  async function dispatcher(username = 'wang') {
    const res = await t.admin.post('/api/v1/users').send({ name: '王调度', role: 'dispatcher', username, password: PASSWORD }).expect(201);
    return res.body as { id: string; token: string };
  }

  async function signIn(username = 'wang') {
    const res = await login(username, PASSWORD).expect(200);
    return { cookie: cookieOf(res), csrf: res.body.csrfToken as string, body: res.body };
  }

  beforeEach(async () => {
    t = await startApp({
      env: {
        BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap-admin-pass',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_LOCKOUT_MINUTES: '15',
        SESSION_IDLE_MINUTES: '30',
        SESSION_MAX_HOURS: '12',
      },
    });
  });
  afterEach(() => t.close());

  it('signs in with a password: 200 {user, csrfToken}, an HttpOnly SameSite=Strict cookie, and me answers', async () => {
    const user = await dispatcher();
    const res = await login('wang', PASSWORD).expect(200);
    expect(res.body.user).toEqual({
      id: user.id,
      name: '王调度',
      username: 'wang',
      role: 'dispatcher',
      lawyerId: null,
      courtName: null,
      mustChangePassword: false,
    });
    expect(typeof res.body.csrfToken).toBe('string');
    const line = ([] as string[]).concat(res.headers['set-cookie']).find((c) => c.startsWith('dl_session='))!;
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/);
    const me = await request(server()).get('/api/v1/auth/me').set('Cookie', cookieOf(res)).expect(200);
    expect(me.body.user.id).toBe(user.id);
    expect(me.body.csrfToken).toBe(res.body.csrfToken);
    // The cookie works for the API like a token does.
    await request(server()).get('/api/v1/lawyers').set('Cookie', cookieOf(res)).expect(200);
  });

  it('marks the cookie Secure behind a TLS proxy', async () => {
    await dispatcher();
    const res = await login('wang', PASSWORD).set('X-Forwarded-Proto', 'https').expect(200);
    expect(([] as string[]).concat(res.headers['set-cookie']).join()).toMatch(/; Secure/);
  });

  it('answers one 401 for a wrong password, an unknown user, a user without password and a deactivated user', async () => {
    const user = await dispatcher();
    const noPassword = await t.admin.post('/api/v1/users').send({ name: '接口', role: 'court_clerk', username: 'court-api' }).expect(201);
    expect(noPassword.body.token).toBeDefined();
    const wrong = await login('wang', 'not the password').expect(401);
    const unknown = await login('nobody', PASSWORD).expect(401);
    await login('court-api', PASSWORD).expect(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    expect(unknown.body).toEqual(wrong.body);
    await t.admin.patch(`/api/v1/users/${user.id}`).send({ active: false }).expect(200);
    await login('wang', PASSWORD).expect(401);
  });

  it('rejects a malformed login body with 400 naming the field', async () => {
    const res = await request(server()).post('/api/v1/auth/login').send({ username: 'wang' }).expect(400);
    expect(res.body.details).toEqual([{ field: 'password', reason: 'is required' }]);
    const empty = await request(server()).post('/api/v1/auth/login').send({}).expect(400);
    expect(empty.body.details).toEqual([
      { field: 'username', reason: 'is required' },
      { field: 'password', reason: 'is required' },
    ]);
  });

  it('locks the account after repeated failures: 429 with Retry-After, even for the right password, until the lock ends', async () => {
    await dispatcher();
    await login('wang', 'wrong password 1').expect(401);
    await login('wang', 'wrong password 2').expect(401);
    const third = await login('wang', 'wrong password 3').expect(429);
    expect(third.body.code).toBe('ACCOUNT_LOCKED');
    expect(third.body.message).toContain('15 分钟');
    expect(third.headers['retry-after']).toBe('900');
    const right = await login('wang', PASSWORD).expect(429);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(15 * 60_000);
    await login('wang', PASSWORD).expect(200);
  });

  it('needs the CSRF header for a cookie write (403 without or wrong), never for a bearer token', async () => {
    await dispatcher();
    const { cookie, csrf } = await signIn();
    const body = {
      name: '张三',
      licenseNo: '13201200810123456',
      firm: '某律师事务所',
      phone: '13800000000',
      email: 'z@example.org',
      criminalPracticeSince: '2015-01-01',
      poolTier: 'general',
    };
    const without = await request(server()).post('/api/v1/lawyers').set('Cookie', cookie).send(body).expect(403);
    expect(without.body.code).toBe('CSRF_TOKEN_INVALID');
    await request(server()).post('/api/v1/lawyers').set('Cookie', cookie).set('X-CSRF-Token', 'x'.repeat(43)).send(body).expect(403);
    const lawyers = await request(server()).get('/api/v1/lawyers').set('Cookie', cookie).expect(200);
    expect(lawyers.body.items ?? lawyers.body).toHaveLength(0);
    await request(server())
      .post('/api/v1/lawyers')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', csrf)
      .send(body)
      .expect((r) => expect(r.status).not.toBe(403));
    // Bearer: as before, no CSRF token.
    await t.admin.get('/api/v1/lawyers').expect(200);
  });

  it('logs out: 204, the cookie cleared and the session gone', async () => {
    await dispatcher();
    const { cookie, csrf } = await signIn();
    await request(server()).post('/api/v1/auth/logout').set('Cookie', cookie).expect(403);
    const out = await request(server()).post('/api/v1/auth/logout').set('Cookie', cookie).set('X-CSRF-Token', csrf).expect(204);
    expect(([] as string[]).concat(out.headers['set-cookie']).join()).toMatch(/dl_session=; .*Max-Age=0/);
    await request(server()).get('/api/v1/auth/me').set('Cookie', cookie).expect(401);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    await dispatcher();
    const idle = await signIn();
    t.clock.advance(29 * 60_000);
    await request(server()).get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(200);
    t.clock.advance(29 * 60_000); // touched a minute ago at most: still within 30 idle minutes
    await request(server()).get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(200);
    t.clock.advance(30 * 60_000);
    const gone = await request(server()).get('/api/v1/auth/me').set('Cookie', idle.cookie).expect(401);
    expect(gone.body.message).toBe('登录已失效，请重新登录');
    const busy = await signIn();
    for (let h = 0; h < 12; h += 1) {
      t.clock.advance(25 * 60_000);
      await request(server()).get('/api/v1/auth/me').set('Cookie', busy.cookie);
    }
    t.clock.advance(12 * 3600_000 - 12 * 25 * 60_000);
    await request(server()).get('/api/v1/auth/me').set('Cookie', busy.cookie).expect(401);
  });

  it('changes one’s own password: the current one checked, the new one ≥ 10 characters, other sessions ended', async () => {
    await dispatcher();
    const a = await signIn();
    const b = await signIn();
    const post = (body: object) =>
      request(server()).post('/api/v1/auth/password').set('Cookie', a.cookie).set('X-CSRF-Token', a.csrf).send(body);
    const wrong = await post({ current: 'not it at all', next: 'a new long password' }).expect(400);
    expect(wrong.body.details).toEqual([{ field: 'current', reason: 'is not the current password' }]);
    const short = await post({ current: PASSWORD, next: 'short' }).expect(400);
    expect(short.body.details[0].field).toBe('next');
    await post({ current: PASSWORD, next: 'a new long password' }).expect(200);
    await request(server()).get('/api/v1/auth/me').set('Cookie', a.cookie).expect(200);
    await request(server()).get('/api/v1/auth/me').set('Cookie', b.cookie).expect(401);
    await login('wang', PASSWORD).expect(401);
    await login('wang', 'a new long password').expect(200);
  });

  it('an admin reset requires a new password at the next sign-in; until then only self-service answers', async () => {
    const user = await dispatcher();
    const before = await signIn();
    await t.admin.patch(`/api/v1/users/${user.id}`).send({ password: 'reset by the admin' }).expect(200);
    await request(server()).get('/api/v1/auth/me').set('Cookie', before.cookie).expect(401);
    const res = await login('wang', 'reset by the admin').expect(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    const cookie = cookieOf(res);
    const blocked = await request(server()).get('/api/v1/lawyers').set('Cookie', cookie).expect(403);
    expect(blocked.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await request(server())
      .post('/api/v1/auth/password')
      .set('Cookie', cookie)
      .set('X-CSRF-Token', res.body.csrfToken)
      .send({ current: 'reset by the admin', next: 'my own new password' })
      .expect(200);
    await request(server()).get('/api/v1/lawyers').set('Cookie', cookie).expect(200);
  });

  it('BOOTSTRAP_ADMIN_PASSWORD: the first admin signs in as admin, and its bootstrap token keeps working', async () => {
    const res = await login('admin', 'bootstrap-admin-pass').expect(200);
    expect(res.body.user.role).toBe('admin');
    await request(server()).get('/api/v1/users').set('Authorization', `Bearer ${ADMIN_TOKEN}`).expect(200);
  });

  it('refuses a taken login name (409) and a short password (400 naming password)', async () => {
    await dispatcher();
    const taken = await t.admin
      .post('/api/v1/users')
      .send({ name: '另一个', role: 'dispatcher', username: 'wang', password: PASSWORD })
      .expect(409);
    expect(taken.body.code).toBe('USERNAME_TAKEN');
    const short = await t.admin
      .post('/api/v1/users')
      .send({ name: '另一个', role: 'dispatcher', username: 'li', password: 'short' })
      .expect(400);
    expect(short.body.details).toEqual([{ field: 'password', reason: 'must be at least 10 characters' }]);
  });
});

describe('per-address rate limit on sign-in (e2e)', () => {
  it('answers 429 with Retry-After and a Chinese message past LOGIN_RATE_LIMIT a minute', async () => {
    const t = await startApp({ env: { LOGIN_RATE_LIMIT: '3' } });
    try {
      const server = t.app.getHttpServer();
      for (let i = 0; i < 3; i += 1)
        await request(server)
          .post('/api/v1/auth/login')
          .send({ username: `u${i}x`, password: 'whatever it is' })
          .expect(401);
      const res = await request(server).post('/api/v1/auth/login').send({ username: 'u9x', password: 'whatever it is' }).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.message).toBe('登录尝试过于频繁，请稍后再试');
      // Only sign-in is limited.
      await t.admin.get('/api/v1/lawyers').expect(200);
    } finally {
      await t.close();
    }
  });
});
