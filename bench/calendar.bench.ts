/**
 * Calendar feed throughput: a lawyer's year-long feed served cold (rebuilt on every request),
 * cached (ETag unchanged, body from the LRU) and revalidated (If-None-Match → 304), each as
 * a ratio to a bare node:http server answering a static body of the same size, measured in
 * the same run on 127.0.0.1 with the same keep-alive client loop.
 */
import { createServer, Agent, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { CalendarTokensService } from '../src/calendar/calendar-tokens.service';
import { FixedClock } from '../src/common/clock';
import { addDays } from '../src/common/local-date';
import { loadConfig } from '../src/config/config';
import { CalendarFixtures } from '../test/factories/calendar-fixtures';

const NOW = '2026-10-12T02:00:00Z';
const TODAY = '2026-10-12';
const CONCURRENCY = 8;

interface Target {
  port: number;
  path: string;
}

/** Runs `total` GETs, `CONCURRENCY` in flight on keep-alive sockets; returns requests per second. */
async function measure(target: Target, total: number, headers: Record<string, string> = {}, expect = 200): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const once = () =>
    new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: target.port, path: target.path, headers, agent }, (res) => {
        if (res.statusCode !== expect) reject(new Error(`${target.path}: ${res.statusCode}, expected ${expect}`));
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', reject);
      req.end();
    });
  let sent = 0;
  const loop = async (limit: number) => {
    sent = 0;
    const worker = async () => {
      while (sent < limit) {
        sent += 1;
        await once();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };
  await loop(Math.max(CONCURRENCY, total / 10)); // open the sockets, let the JIT settle
  const started = process.hrtime.bigint();
  await loop(total);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return total / seconds;
}

/** The app on in-memory SQLite with one lawyer holding a shift every day for a year, plus open cases. */
async function feedApp(cacheMb: string): Promise<{ app: INestApplication; target: Target; counts: string }> {
  const clock = new FixedClock(new Date(NOW));
  const config = loadConfig({ DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'silent', CALENDAR_CACHE_MB: cacheMb, PORT: '0' });
  const app = await createApp(config, clock);
  await app.listen(0, '127.0.0.1');
  const f = new CalendarFixtures(app, () => clock.now());
  const lawyer = await f.benchLawyer();
  const station = await f.station();
  await f.shifts(station, TODAY, 365, lawyer.id);
  for (let i = 0; i < 10; i += 1) {
    const { kase } = await f.appointedCase(lawyer.id, { stationId: station.id, juvenile: i % 3 === 0 });
    await f.hearing(kase.id, 'trial', `${addDays(TODAY, 20 + i * 7)}T01:30:00Z`);
  }
  const { url } = await app.get(CalendarTokensService).issue(lawyer.id, SYSTEM_ACTOR);
  const port = (app.getHttpServer().address() as AddressInfo).port;
  return { app, target: { port, path: new URL(url).pathname }, counts: '365 shifts, 10 hearings, 20 deadlines' };
}

function staticServer(body: Buffer): Promise<{ server: Server; target: Target }> {
  const server = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Length': body.length, ETag: '"static"' });
    res.end(body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, target: { port: (server.address() as AddressInfo).port, path: '/' } })),
  );
}

async function fetchFeed(target: Target): Promise<{ body: Buffer; etag: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port: target.port, path: target.path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ body: Buffer.concat(chunks), etag: String(res.headers.etag) }));
    })
      .on('error', reject)
      .end();
  });
}

export async function run(): Promise<string[]> {
  const cold = await feedApp('0');
  const warm = await feedApp('32');
  const { body, etag } = await fetchFeed(warm.target);
  const baseline = await staticServer(body);
  try {
    const base = await measure(baseline.target, 2000);
    const cached = await measure(warm.target, 2000);
    const revalidated = await measure(warm.target, 2000, { 'If-None-Match': etag }, 304);
    const rebuilt = await measure(cold.target, 100);
    const line = (label: string, rps: number) =>
      `${label.padEnd(44)} ${rps.toFixed(0).padStart(7)} req/s  ${(rps / base).toFixed(3)}× baseline`;
    return [
      `year-long lawyer feed: ${(body.length / 1024).toFixed(0)} KiB (${cold.counts}), ${CONCURRENCY} requests in flight`,
      line('baseline: node:http, same-sized static body', base),
      line('cached: aggregate query + LRU body (200)', cached),
      line('revalidated: If-None-Match → 304', revalidated),
      line('cold: aggregate query + rebuild (cache off)', rebuilt),
      `cold→cached speed-up ${(cached / rebuilt).toFixed(1)}×`,
    ];
  } finally {
    baseline.server.close();
    await cold.app.close();
    await warm.app.close();
  }
}
