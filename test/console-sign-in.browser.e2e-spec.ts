import type { Page } from 'playwright-core';
import request from 'supertest';
import { ADMIN_PASSWORD, atPath, ConsoleHarness, startConsole, TEST_PASSWORD } from './helpers/browser';

/** Signing in to the console in a real browser: the login page, lockout, logout, CSRF, expiry. */
describe('console sign-in in a browser (e2e)', () => {
  let c: ConsoleHarness;

  beforeAll(async () => {
    c = await startConsole({ env: { LOGIN_MAX_FAILURES: '3', SESSION_IDLE_MINUTES: '30' } });
  });
  afterAll(() => c.close());

  async function fillLogin(page: Page, username: string, password: string): Promise<void> {
    await page.getByLabel('登录名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('serves the console at / and client routes, leaves /api a JSON 404, and sends a CSP', async () => {
    const root = await request(c.t.app.getHttpServer()).get('/').expect(200);
    expect(root.text).toContain('<div id="app">');
    expect(root.headers['content-security-policy']).toContain("script-src 'self'");
    await request(c.t.app.getHttpServer()).get('/stations/0b6f2d7e-0000-4000-8000-000000000000').expect(200).expect('Content-Type', /html/);
    const api = await request(c.t.app.getHttpServer()).get('/api/v1/no-such-thing').expect(404);
    expect(api.body.statusCode).toBe(404);
  });

  it('signs in the bootstrap admin, shows name and role in the header, passes axe on both pages', async () => {
    const page = await c.newPage();
    await page.goto(`${c.base}/`);
    await atPath(page, '/login');
    await page.getByRole('heading', { name: '法律援助值班律师工作台' }).waitFor();
    await c.axeCheck(page);
    await fillLogin(page, 'admin', ADMIN_PASSWORD);
    await atPath(page, '/todo');
    expect(await page.getByTestId('current-user').innerText()).toBe('admin（管理员）');
    await expect(page.getByRole('link', { name: '用户' }).isVisible()).resolves.toBe(true);
    await c.axeCheck(page);
    await c.done(page);
  });

  it('shows a wrong password in Chinese, then locks the account with the minutes to wait', async () => {
    const user = await c.createUser('dispatcher');
    const page = await c.newPage();
    await page.goto(`${c.base}/login`);
    await fillLogin(page, user.username, 'not the password');
    await expect(page.getByTestId('login-error').innerText()).resolves.toContain('用户名或密码错误');
    await c.axeCheck(page);
    await fillLogin(page, user.username, 'not the password either');
    await page.getByTestId('login-error').getByText('用户名或密码错误').waitFor();
    await fillLogin(page, user.username, 'still not the password');
    await page
      .getByTestId('login-error')
      .getByText(/账户已暂时锁定，请 15 分钟后再试/)
      .waitFor();
    await fillLogin(page, user.username, TEST_PASSWORD);
    await page.getByTestId('login-error').getByText(/锁定/).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await c.done(page);
  });

  it('returns to the page asked for after signing in, by role', async () => {
    const user = await c.createUser('dispatcher', { name: '王调度' });
    const page = await c.newPage();
    await page.goto(`${c.base}/lawyers`);
    await atPath(page, '/login', '/lawyers');
    await fillLogin(page, user.username, TEST_PASSWORD);
    await atPath(page, '/lawyers');
    await expect(page.getByRole('link', { name: '用户' }).count()).resolves.toBe(0);
    // A dispatcher sent to an admin-only screen lands on their home.
    await page.goto(`${c.base}/users`);
    await atPath(page, '/todo');
    await c.done(page);
  });

  it('logs out: back at the login page, and the console asks to sign in again', async () => {
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/todo`);
    await page.getByTestId('logout').click();
    await atPath(page, '/login');
    await page.goto(`${c.base}/todo`);
    await atPath(page, '/login', '/todo');
    await c.done(page);
  });

  it('refuses a cookie write without the CSRF header (403), accepts it with the token from the server', async () => {
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/todo`);
    const status = (init: string) =>
      page.evaluate(
        `fetch('/api/v1/lawyers', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json'${init} }, body: '{}' }).then(r => r.status)`,
      );
    expect(await status('')).toBe(403);
    const csrf = (await page.evaluate("fetch('/api/v1/auth/me').then(r => r.json()).then(b => b.csrfToken)")) as string;
    expect(await status(`, 'X-CSRF-Token': ${JSON.stringify(csrf)}`)).toBe(400); // past CSRF: the empty body is refused
    await c.done(page);
  });

  it('sends an expired session to the login page with a notice (the server clock moved)', async () => {
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/todo`);
    await page.getByRole('link', { name: '律师库' }).waitFor();
    c.t.clock.advance(31 * 60_000);
    // The to-do screen's own calls may meet the 401 first and move to the login page before the click.
    await page
      .getByRole('link', { name: '律师库' })
      .click({ timeout: 5000 })
      .catch(() => undefined);
    await atPath(page, '/login');
    // Told once: the login page's notice, and no toast of the failed call besides it.
    await page.locator('#app').getByText('登录已失效，请重新登录').waitFor();
    expect(await page.locator('.el-message').count()).toBe(0);
    await c.axeCheck(page);
    await c.done(page);
  });

  it('after an admin reset, asks for a new password first, then lets the user in', async () => {
    const user = await c.createUser('dispatcher');
    await c.t.admin.patch(`/api/v1/users/${user.id}`).send({ password: 'reset by admin 1' }).expect(200);
    const page = await c.newPage();
    await page.goto(`${c.base}/login`);
    await fillLogin(page, user.username, 'reset by admin 1');
    await atPath(page, '/password');
    await page.getByText('管理员已重置您的密码').waitFor();
    await c.axeCheck(page);
    await page.goto(`${c.base}/lawyers`);
    await atPath(page, '/password');
    await page.getByLabel('当前密码').fill('wrong current pw');
    await page.getByLabel('新密码', { exact: true }).fill('my new password 1');
    await page.getByLabel('确认新密码').fill('my new password 1');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('当前密码不正确').waitFor();
    await page.getByLabel('当前密码').fill('reset by admin 1');
    await page.getByRole('button', { name: '保存' }).click();
    await atPath(page, '/todo');
    await c.done(page);
  });
});
