import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ADMIN_TOKEN, onPostgres, TEST_DATABASE_URL } from './app';

export interface ChildServer {
  url: string;
  proc: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Sends the signal; resolves with the exit code (null when killed) and how long it took. Kills it after `killAfterMs`. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<{ code: number | null; ms: number }>;
  /** fetch on the server with the given bearer token. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers of any operation, read field by field in the tests
  call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any; headers: Headers }>;
}

async function freePort(): Promise<number> {
  const s = createServer().listen(0, '127.0.0.1');
  await once(s, 'listening');
  const port = (s.address() as { port: number }).port;
  s.close();
  return port;
}

/**
 * Empties the PostgreSQL test database, as startApp's dropSchema does: the e2e files share
 * one database, and a server that migrated over what the previous file left would pick
 * among its lawyers too (an assign-load run after other files counted 29 appointments
 * against 6 lawyers' capacity of 24: 23 of them went to lawyers of earlier files).
 */
async function emptyPostgres(): Promise<void> {
  const db = new Client({ connectionString: TEST_DATABASE_URL });
  await db.connect();
  try {
    await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  } finally {
    await db.end();
  }
}

/**
 * The real server (src/main.ts) in a child process, as an operator runs it, on an empty test
 * database (`keepDatabase`: a second server joining the database of the first).
 */
export async function startChildServer(env: Record<string, string> = {}, options: { keepDatabase?: boolean } = {}): Promise<ChildServer> {
  if (onPostgres && !options.keepDatabase) await emptyPostgres();
  const port = await freePort();
  const root = join(__dirname, '..', '..');
  const proc = spawn(process.execPath, ['-r', join(__dirname, 'ts-register.js'), join(root, 'src', 'main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      TZ: process.env.TZ,
      DATABASE_URL: TEST_DATABASE_URL,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MAIL_POLL_MS: '0',
      MAIL_FILE_DIR: join(tmpdir(), 'duty-lawyer-test-mail'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exit = once(proc, 'exit') as Promise<[number | null, string | null]>;
  const url = `http://127.0.0.1:${port}`;
  const call: ChildServer['call'] = async (token, method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
  for (let i = 0; ; i++) {
    if (proc.exitCode !== null) throw new Error(`server exited at start:\n${out}`);
    const up = await fetch(`${url}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 1200) {
      proc.kill('SIGKILL');
      throw new Error(`server did not start in 2 min:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100)); // polling a starting process: there is no clock to move
  }
  return {
    url,
    proc,
    output: () => out,
    call,
    async stop(signal = 'SIGTERM', killAfterMs = 30_000) {
      const at = Date.now();
      proc.kill(signal);
      const killer = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
      const [code] = await exit;
      clearTimeout(killer);
      return { code, ms: Date.now() - at };
    },
  };
}
