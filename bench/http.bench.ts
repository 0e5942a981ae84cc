/**
 * Hot reads (issue 16): on-duty JSON, the reception page and a lawyer's cached year feed,
 * each as requests per second ÷ a bare node:http server answering the very same bytes, and
 * an empty Nest handler on Express and on Fastify ÷ bare; the app with FAST_PATH on (the
 * default, src/http/fast-path.ts) and off. Every server runs in its own
 * process (bench/http-server.ts); this process only generates load, CONCURRENCY requests in
 * flight on keep-alive sockets. The app's RSS is sampled under load (target < 200 MB).
 * SQLite always (in memory, FAST_PATH on and off); PostgreSQL too when PG_URL is set
 * (scripts/with-postgres.sh npm run bench), FAST_PATH on, the same figures.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CONCURRENCY = 8;
const BENCH_TOKEN = 'bench-admin-token-0123456789abcdef';
const REQUESTS = Number(process.env.BENCH_HTTP_REQUESTS ?? 3000);
/** Each ratio is the median of this many bare-then-app pairs. */
const ROUNDS = 3;

interface Child {
  proc: ChildProcess;
  info: Record<string, string | number>;
}

function start(args: string[], databaseUrl = ''): Promise<Child> {
  const proc = spawn(process.execPath, [join(__dirname, 'http-server.js'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BENCH_TOKEN, BENCH_DATABASE_URL: databaseUrl },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"port"'));
      if (!line) return;
      proc.stdout!.off('data', onData).resume();
      resolve({ proc, info: JSON.parse(line) });
    };
    proc.stdout!.on('data', onData);
    proc.on('exit', (code) => reject(new Error(`${args[0]} exited ${code}: ${err.slice(0, 500)}`)));
  });
}

function stop(c: Child): void {
  c.proc.removeAllListeners('exit');
  c.proc.kill();
}

function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function get(
  port: number,
  path: string,
  headers: Record<string, string>,
  agent?: Agent,
): Promise<{ status: number; body: Buffer; type: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), type: String(res.headers['content-type']) }));
    })
      .on('error', reject)
      .end();
  });
}

/** Requests per second over REQUESTS GETs after a warm-up; `sample` runs every 50 ms meanwhile. */
async function measure(port: number, path: string, headers: Record<string, string> = {}, sample?: () => void): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const loop = async (limit: number) => {
    let sent = 0;
    const worker = async () => {
      while (sent < limit) {
        sent += 1;
        const r = await get(port, path, headers, agent);
        if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await loop(REQUESTS / 5);
  const timer = sample ? setInterval(sample, 50) : undefined;
  const started = process.hrtime.bigint();
  await loop(REQUESTS);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (timer) clearInterval(timer);
  agent.destroy();
  return REQUESTS / seconds;
}

const line = (label: string, rps: number, base: number, target: string) =>
  `  ${label.padEnd(40)} ${rps.toFixed(0).padStart(6)} req/s ÷ bare ${base.toFixed(0).padStart(6)} = ${(rps / base).toFixed(2)}×  (target ${target})`;

/** The hot-read figures and RSS of the app on one database, for each FAST_PATH mode. */
async function appFigures(dir: string, children: Child[], url: string, modes: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const fastPath of modes) {
    const app = await start(['app', fastPath], url);
    children.push(app);
    const port = Number(app.info.port);
    const auth = { Authorization: `Bearer ${BENCH_TOKEN}` };
    let maxRss = 0;
    const sample = () => (maxRss = Math.max(maxRss, rssMb(app.proc.pid!)));
    const figures: Array<[string, string, Record<string, string>, string]> = [
      ['on-duty JSON (bearer token)', String(app.info.onDuty), auth, '≥ 0.5×'],
      ['reception page (HTML)', String(app.info.reception), {}, '≥ 0.5×'],
      ['cached year feed (.ics)', String(app.info.feed), {}, '≥ 0.5×'],
    ];
    out.push(` FAST_PATH=${fastPath}${fastPath === 'true' ? ' (the default)' : ' (every request through Express and Nest)'}`);
    for (const [label, path, headers, target] of figures) {
      const first = await get(port, path, headers);
      if (first.status !== 200) throw new Error(`${path}: ${first.status}`);
      const file = join(dir, 'body');
      writeFileSync(file, first.body);
      const bare = await start(['bare', file, first.type]);
      children.push(bare);
      // Bare and app in turns, ROUNDS times: the machine's load drifts, a ratio of neighbours drifts less.
      const rounds: Array<[number, number]> = [];
      for (let i = 0; i < ROUNDS; i += 1) {
        const base = await measure(Number(bare.info.port), '/');
        rounds.push([await measure(port, path, headers, sample), base]);
      }
      stop(bare);
      const [rps, base] = rounds.sort((a, b) => a[0] / a[1] - b[0] / b[1])[Math.floor(ROUNDS / 2)];
      out.push(line(`${label}, ${(first.body.length / 1024).toFixed(1)} KiB`, rps, base, target));
    }
    out.push(`  server RSS under this load: max ${maxRss.toFixed(0)} MB (target < 200 MB)`);
    stop(app);
  }
  return out;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'http-bench-'));
  const children: Child[] = [];
  const out: string[] = [
    `${CONCURRENCY} in flight, ${REQUESTS} requests per measurement, median ratio of ${ROUNDS} bare/app pairs, each server in its own process`,
  ];
  try {
    const databases: Array<[string, string, string[]]> = [['SQLite', 'sqlite::memory:', ['true', 'false']]];
    if (process.env.PG_URL) databases.push(['PostgreSQL', process.env.PG_URL, ['true']]);
    for (const [database, url, modes] of databases) {
      out.push(`${database}:`);
      out.push(...(await appFigures(dir, children, url, modes)));
    }
    if (!process.env.PG_URL) out.push('PostgreSQL: skipped (set PG_URL, e.g. scripts/with-postgres.sh npm run bench -- http)');
    out.push('Platform (no database):');

    writeFileSync(join(dir, 'ok'), 'ok');
    const bare = await start(['bare', join(dir, 'ok'), 'text/html; charset=utf-8']);
    children.push(bare);
    const base = await measure(Number(bare.info.port), '/');
    for (const mode of ['nest-express', 'nest-fastify']) {
      const c = await start([mode]).catch((err: Error) => err);
      if (c instanceof Error) {
        out.push(`  empty Nest handler, ${mode}: skipped (${c.message.split('\n')[0].slice(0, 120)})`);
        continue;
      }
      children.push(c);
      out.push(line(`empty Nest handler, ${mode}`, await measure(Number(c.info.port), '/empty'), base, 'evaluation'));
      stop(c);
    }
    return out;
  } finally {
    for (const c of children) if (c.proc.exitCode === null) stop(c);
    rmSync(dir, { recursive: true, force: true });
  }
}
