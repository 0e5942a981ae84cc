import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_TOKEN, onPostgres, TEST_DATABASE_URL } from './helpers/app';
import { ChildServer, startChildServer } from './helpers/child-server';

/**
 * The request log at LOG_LEVEL=info: what the fast path answers (src/http/fast-path.ts) is
 * logged with the same line as when Nest answers it. Two real servers (src/main.ts) on one
 * database, FAST_PATH on and off, the same requests; each line's fields are compared but the
 * ones that differ by process and moment (time, pid, responseTime, the Date header, the ETag
 * of the answers that show the time).
 */
describe('fast path: the same request log line as Nest (e2e)', () => {
  let dir: string;
  let fast: ChildServer;
  let nest: ChildServer;
  let paths: string[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fast-path-log-'));
    const env = { DATABASE_URL: onPostgres ? TEST_DATABASE_URL : `sqlite:${join(dir, 'duty.sqlite')}`, LOG_LEVEL: 'info' };
    fast = await startChildServer({ ...env, FAST_PATH: 'true' });
    nest = await startChildServer({ ...env, FAST_PATH: 'false' }, { keepDatabase: true });
    const station = await fast.call(ADMIN_TOKEN, 'POST', '/api/v1/stations', {
      name: '刑事值班点',
      courtName: '溧阳市人民法院',
      shiftTemplates: [{ name: '上午', start: '09:00', end: '12:00' }],
      fallbackPhone: '0519-12348',
    });
    const lawyer = await fast.call(ADMIN_TOKEN, 'POST', '/api/v1/lawyers', {
      name: '王律师',
      licenseNo: '13204812016000001',
      firm: '天目律师事务所',
      phone: '13800000001',
      email: 'wang@example.com',
      juvenileExperience: false,
      criminalPracticeSince: '2016-01-01',
      poolTier: 'core',
    });
    const desk = await fast.call(ADMIN_TOKEN, 'POST', '/api/v1/users', { name: '前台', role: 'reception' });
    const feed = await fast.call(ADMIN_TOKEN, 'POST', `/api/v1/lawyers/${lawyer.body.id}/calendar-token`);
    expect([station.status, lawyer.status, desk.status, feed.status]).toEqual([201, 201, 201, 201]);
    paths = [
      `/api/v1/stations/${station.body.id}/on-duty`,
      `/reception/${station.body.id}?token=${desk.body.token}`,
      new URL(feed.body.url as string).pathname,
      `/calendar/stations/${station.body.id}.ics?token=${ADMIN_TOKEN}`,
    ];
    // Two servers compiling TypeScript at start: minutes on a loaded machine.
  }, 240_000);

  afterAll(async () => {
    await fast?.stop();
    await nest?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  type Line = Record<string, unknown> & { req?: { id?: string }; res?: { headers?: Record<string, unknown> } };
  const lineOf = (server: ChildServer, id: string): Line | undefined =>
    server
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Line)
      .find((l) => l.req?.id === id);
  /** `timed`: on-duty and the page show the moment they answer, so their ETags differ between two servers. */
  const comparable = (line: Line | undefined, timed: boolean) => {
    if (!line) return line;
    const { time: _time, pid: _pid, responseTime, res, ...rest } = line;
    expect(typeof responseTime).toBe('number');
    const { date: _date, etag, ...headers } = res?.headers ?? {};
    return { ...rest, res: { ...res, headers: timed ? headers : { ...headers, etag } } };
  };

  it('on-duty, the reception page and both feeds: one line each, field for field', async () => {
    for (const [i, path] of paths.entries()) {
      const id = `log-${i}`;
      const init = { headers: { 'X-Request-Id': id, Authorization: `Bearer ${ADMIN_TOKEN}` } };
      const [a, b] = [await fetch(fast.url + path, init), await fetch(nest.url + path, init)];
      expect([a.status, b.status]).toEqual([200, 200]);
      await Promise.all([a.arrayBuffer(), b.arrayBuffer()]);
    }
    // pino writes each line as the response finishes: wait for the last one to arrive.
    for (let i = 0; i < 100 && !(lineOf(fast, 'log-3') && lineOf(nest, 'log-3')); i++) await new Promise((r) => setTimeout(r, 50));
    for (const i of paths.keys()) {
      const [a, b] = [lineOf(fast, `log-${i}`), lineOf(nest, `log-${i}`)];
      expect(a).toBeDefined();
      expect(comparable(a, i < 2)).toEqual(comparable(b, i < 2));
    }
    const onDuty = lineOf(fast, 'log-0')!;
    expect(onDuty).toMatchObject({ level: 30, req: { id: 'log-0', method: 'GET' }, res: { statusCode: 200 }, msg: 'request completed' });
    // The feed's secret never reaches the log.
    expect(JSON.stringify(lineOf(fast, 'log-2'))).not.toContain(paths[2].slice(-20));
  });
});
