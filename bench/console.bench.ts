/**
 * The console's weight and first load. Size: the gzipped JS + CSS a browser fetches for the
 * first screen (the login page; then a dispatcher's to-do page in the shell), read from
 * Vite's manifest (goal ≤ 500 KB, Element Plus imported per component). Time: Debian's
 * Chromium opening the login page from the real server until the form shows, as a ratio to
 * the same browser opening a bare HTML page from node:http in the same run (fresh browser
 * context each time, so nothing is cached). Skipped without a build or without Chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp } from '../src/app';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { launchChromium } from '../test/helpers/chromium';

const DIST = resolve('web/dist');
const RUNS = 7;

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** Every file a chunk pulls in statically (its imports, their imports, and the CSS of each). */
function closure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  keys.forEach(visit);
  return files;
}

function weigh(files: Set<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const body = readFileSync(join(DIST, f));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<string[]> {
  const manifestFile = join(DIST, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return ['skipped: no web/dist (npm run build:web)'];
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const login = weigh(closure(manifest, ['index.html', 'src/views/common/LoginView.vue']));
  const todo = weigh(closure(manifest, ['index.html', 'src/views/dispatcher/TodoView.vue']));
  const lines = [
    `first screen (login): ${kb(login.gzip)} gzipped JS+CSS (${kb(login.raw)} raw); goal ≤ 500 KB`,
    `dispatcher's to-do in the shell: ${kb(todo.gzip)} gzipped JS+CSS (${kb(todo.raw)} raw)`,
  ];
  if (!existsSync('/usr/bin/chromium')) return [...lines, 'first load: skipped (no /usr/bin/chromium)'];

  const app = await createApp(
    { ...loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', MAIL_POLL_MS: '0', CONSOLE_DIR: DIST }) },
    new FixedClock(new Date('2026-10-12T02:00:00Z')),
  );
  await app.listen(0, '127.0.0.1');
  const appPort = (app.getHttpServer().address() as AddressInfo).port;
  const bare = createServer((_req, res) =>
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end('<!doctype html><html lang="zh-CN"><body><form><label>登录名<input></label></form></body></html>'),
  );
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
  const barePort = (bare.address() as AddressInfo).port;
  const browser = await launchChromium();
  try {
    const time = async (url: string, ready: string): Promise<number> => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = process.hrtime.bigint();
      await page.goto(url);
      await page.locator(ready).first().waitFor();
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      await context.close();
      return ms;
    };
    const consoleMs: number[] = [];
    const bareMs: number[] = [];
    await time(`http://127.0.0.1:${appPort}/login`, 'input[name="username"]'); // warm the server and the browser
    for (let i = 0; i < RUNS; i += 1) {
      bareMs.push(await time(`http://127.0.0.1:${barePort}/`, 'input'));
      consoleMs.push(await time(`http://127.0.0.1:${appPort}/login`, 'input[name="username"]'));
    }
    const ratio = median(consoleMs) / median(bareMs);
    lines.push(
      `first load of the login page: ${ratio.toFixed(1)}× a bare HTML page (median of ${RUNS}: ${median(consoleMs).toFixed(0)} ms vs ${median(bareMs).toFixed(0)} ms, loopback, no cache)`,
    );
  } finally {
    await browser.close();
    bare.close();
    await app.close();
  }
  return lines;
}
