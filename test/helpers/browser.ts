/**
 * Browser tests of the console: the real server on a real port (127.0.0.1), the built
 * console (web/dist), Debian's Chromium through playwright-core (never a downloaded browser).
 *
 * How to write one (test/<screen>.browser.e2e-spec.ts):
 *
 *   let c: ConsoleHarness;
 *   beforeAll(async () => { c = await startConsole(); });   // builds web/dist if missing
 *   afterAll(() => c.close());
 *
 *   it('shows the to-do list', async () => {
 *     const page = await c.signedInPage('dispatcher');       // a user of that role, signed in
 *     await page.goto(`${c.base}/todo`);
 *     await expect(page.getByRole('heading', { name: '待办' }).isVisible()).resolves.toBe(true);
 *     await c.axeCheck(page);                                // no critical/serious violation
 *     await c.done(page);                                    // fails on browser console errors
 *   });
 *
 * - `c.t` is the usual TestApp (t.admin, t.as(token), t.clock, t.tokenFor…): set up data
 *   through the API, move time with `c.t.clock` (the server's clock, not the browser's).
 * - Every page from `c.newPage()` / `c.signedInPage()` records console errors, uncaught
 *   exceptions and CSP violations; `c.done(page)` closes it and fails the test if any.
 *   Chromium's "Failed to load resource: … status of 4xx" lines are not errors of the
 *   console (a test of a 401 or 409 causes them) and are ignored; 5xx are not.
 * - Expect text in Chinese, as the user reads it; find elements by role, label or
 *   data-testid, not by Element Plus's class names.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Role } from '../../src/common/actor';
import { startApp, StartOptions, TestApp } from './app';
import { launchChromium } from './chromium';

// A browser round trip on a shared 2-core machine takes seconds, not milliseconds.
jest.setTimeout(60_000);

export const ADMIN_PASSWORD = 'bootstrap-admin-password';
export const TEST_PASSWORD = 'a long test password';

const ROOT = join(__dirname, '..', '..');
export const CONSOLE_DIR = join(ROOT, 'web', 'dist');

/** `npm test` builds the console first; a spec run alone builds it here when web/dist is missing. */
export function ensureConsoleBuilt(): void {
  if (existsSync(join(CONSOLE_DIR, 'index.html'))) return;
  execFileSync('npm', ['run', 'build', '-w', 'web'], { cwd: ROOT, stdio: 'inherit' });
}

export interface SignedInUser {
  id: string;
  username: string;
  password: string;
  token: string;
}

/** lawyer: the lawyer the account acts as; court_clerk: the court it belongs to. */
export interface UserOptions {
  lawyerId?: string;
  courtName?: string;
  name?: string;
}

export interface PageOptions {
  viewport?: { width: number; height: number };
}

/** The smallest phone the lawyer's pages are built for (issue 11: 375 × 667 up). */
export const PHONE = { width: 375, height: 667 };

export interface ConsoleHarness {
  t: TestApp;
  base: string;
  browser: Browser;
  /** A fresh browser context (own cookies) and page, watched for console errors; 1366×800 unless told (a phone: PHONE). */
  newPage(options?: PageOptions): Promise<Page>;
  /** Creates a user of the role (lawyer: pass its lawyerId) and signs in through the API in a fresh context. */
  signedInPage(role: Role, options?: UserOptions & PageOptions): Promise<Page>;
  /** Creates a user with a login name and password (through the admin API). */
  createUser(role: Role, options?: UserOptions & { password?: string }): Promise<SignedInUser>;
  /** Signs the page's context in (the session cookie lands in the browser), without the login form. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  axeCheck(page: Page): Promise<void>;
  /**
   * With SCREENSHOTS=1 saves the page at 1366×768 (or the page's phone viewport) to
   * docs/screenshots/<name>.png for the README; otherwise does nothing, so test runs leave
   * the tracked pictures alone.
   */
  screenshot(page: Page, name: string): Promise<void>;
  /** Asserts no console error happened on the page, then closes its context. */
  done(page: Page): Promise<void>;
  close(): Promise<void>;
}

const watched = new WeakMap<Page, string[]>();

/** Records what a user would see in the developer console as an error. */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return;
    errors.push(text);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  watched.set(page, errors);
  return errors;
}

/** axe-core on the page as it is now: critical or serious violations fail, with what and where. */
/** Ends every CSS transition and animation at once, so a scan never measures a message mid-fade. */
const SETTLE_MOTION = '*, *::before, *::after { transition: none !important; animation: none !important; }';

export async function axeCheck(page: Page, options: { disableRules?: string[] } = {}): Promise<void> {
  await page.addStyleTag({ content: SETTLE_MOTION });
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const result = await new AxeBuilder({ page }).disableRules(options.disableRules ?? []).analyze();
  const bad = result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  if (bad.length === 0) return;
  const lines = bad.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n${v.nodes
        .slice(0, 5)
        .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n')}`,
  );
  throw new Error(`accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
}

/** Waits until the console shows `path` (and, for the login page, the `redirect` it will return to). */
export async function atPath(page: Page, path: string, redirect?: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === path && (redirect === undefined || u.searchParams.get('redirect') === redirect));
}

/**
 * Chooses an option of an Element Plus select (el-select): its placeholder layer takes the
 * click, so the combobox is clicked through it; options live in a popper at the body's end
 * and are clicked as elements, not at coordinates, while the popper is still moving in.
 * With `type`, the text is typed first (filterable/remote selects) and the options awaited.
 */
export async function pickOption(page: Page, combobox: Locator, option: string | RegExp, type?: string): Promise<void> {
  await combobox.click({ force: true });
  if (type !== undefined) await page.keyboard.type(type);
  const choice = page.getByRole('option', { name: option, exact: typeof option === 'string' });
  await choice.waitFor();
  // The popper grows in with a transition: a click at coordinates can land on its neighbour.
  await choice.dispatchEvent('click');
}

/**
 * Asserts that `locator` matches exactly `n` elements once the page has caught up: it waits
 * for the n-th to appear and the (n+1)-th to be gone, so a count taken one render early
 * (before a table refreshes) neither passes nor fails by luck.
 */
export async function expectCount(locator: Locator, n: number): Promise<void> {
  if (n > 0) await locator.nth(n - 1).waitFor({ state: 'attached' });
  await locator.nth(n).waitFor({ state: 'detached' });
  expect(await locator.count()).toBe(n);
}

let counter = 0;

export async function startConsole(options: StartOptions = {}): Promise<ConsoleHarness> {
  ensureConsoleBuilt();
  const t = await startApp({
    ...options,
    env: { BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD, CONSOLE_DIR, LOGIN_RATE_LIMIT: '1000', ...options.env },
  });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await launchChromium();
  const contexts = new Set<BrowserContext>();

  async function newPage(o: PageOptions = {}): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: o.viewport ?? { width: 1366, height: 800 } });
    contexts.add(context);
    const page = await context.newPage();
    watchConsole(page);
    return page;
  }

  async function createUser(role: Role, o: UserOptions & { password?: string } = {}): Promise<SignedInUser> {
    counter += 1;
    const username = `${role.replace('_', '-')}-${counter}`;
    const password = o.password ?? TEST_PASSWORD;
    const res = await t.admin.post('/api/v1/users').send({
      name: o.name ?? `${role} ${counter}`,
      role,
      username,
      password,
      ...(o.lawyerId ? { lawyerId: o.lawyerId } : {}),
      ...(o.courtName ? { courtName: o.courtName } : {}),
    });
    if (res.status !== 201) throw new Error(`cannot create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.id, username, password, token: res.body.token };
  }

  async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
    const res = await page.context().request.post(`${base}/api/v1/auth/login`, { data: { username, password } });
    if (res.status() !== 200) throw new Error(`sign-in of ${username} failed: ${res.status()} ${await res.text()}`);
  }

  return {
    t,
    base,
    browser,
    newPage,
    createUser,
    signIn,
    async signedInPage(role, o = {}) {
      const user = await createUser(role, o);
      const page = await newPage(o);
      await signIn(page, user.username, user.password);
      return page;
    },
    axeCheck,
    async screenshot(page, name) {
      if (process.env.SCREENSHOTS !== '1') return;
      const phone = (page.viewportSize()?.width ?? 1366) < 600;
      if (!phone) await page.setViewportSize({ width: 1366, height: 768 });
      await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', `${name}.png`) });
    },
    async done(page) {
      const errors = watched.get(page) ?? [];
      const context = page.context();
      await context.close();
      contexts.delete(context);
      if (errors.length > 0) throw new Error(`browser console errors:\n${errors.join('\n')}`);
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}
