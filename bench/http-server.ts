/**
 * Child process of http.bench.ts: one server per process, so the load generator never
 * shares an event loop with what it measures. `node http-server.js <mode> [file]`; prints
 * one JSON line `{port, ...}` on stdout once listening.
 *   bare <file>      node:http answering the file's bytes (the baseline)
 *   app [true|false] the whole app with a station on duty and a lawyer's year, FAST_PATH on (default) or off,
 *                    on BENCH_DATABASE_URL (SQLite in memory by default; a PostgreSQL URL gets a fresh schema)
 *   nest-express     an empty Nest 11 handler on Express (today's platform)
 *   nest-fastify     the same on @nestjs/platform-fastify@11 (the evaluated option)
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApp } from '../src/app';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { CalendarTokensService } from '../src/calendar/calendar-tokens.service';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { CalendarFixtures } from '../test/factories/calendar-fixtures';

const BENCH_NOW = '2026-10-12T02:00:00Z';
const TODAY = '2026-10-12';

const ready = (info: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(info)}\n`);

@Controller()
class EmptyController {
  @Get('empty')
  empty(): string {
    return 'ok';
  }
}
@Module({ controllers: [EmptyController] })
class EmptyModule {}

async function app(fastPath: string): Promise<void> {
  const clock = new FixedClock(new Date(BENCH_NOW));
  const databaseUrl = process.env.BENCH_DATABASE_URL || 'sqlite::memory:';
  const loaded = loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'warn',
    BOOTSTRAP_ADMIN_TOKEN: process.env.BENCH_TOKEN ?? '',
    PORT: '0',
    FAST_PATH: fastPath,
  });
  const config = { ...loaded, dropSchema: databaseUrl.startsWith('postgres') };
  const nest = await createApp(config, clock);
  await nest.listen(0, '127.0.0.1');
  const f = new CalendarFixtures(nest, () => clock.now());
  const lawyer = await f.benchLawyer();
  const station = await f.station();
  await f.shifts(station, TODAY, 365, lawyer.id);
  const { url } = await nest.get(CalendarTokensService).issue(lawyer.id, SYSTEM_ACTOR);
  const port = (nest.getHttpServer().address() as AddressInfo).port;
  const desk = await fetch(`http://127.0.0.1:${port}/api/v1/users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.BENCH_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: '前台', role: 'reception' }),
  });
  const { token } = (await desk.json()) as { token: string };
  ready({
    port,
    onDuty: `/api/v1/stations/${station.id}/on-duty`,
    reception: `/reception/${station.id}?token=${token}`,
    feed: new URL(url).pathname,
  });
}

async function main(): Promise<void> {
  const [mode, file, type] = process.argv.slice(2);
  if (mode === 'bare') {
    const body = readFileSync(file);
    const server = createServer((_, res) => {
      res.writeHead(200, { 'Content-Type': type ?? 'application/json; charset=utf-8', 'Content-Length': body.length });
      res.end(body);
    });
    server.listen(0, '127.0.0.1', () => ready({ port: (server.address() as AddressInfo).port }));
  } else if (mode === 'app') {
    await app(file ?? 'true');
  } else if (mode === 'nest-express') {
    const nest = await NestFactory.create(EmptyModule, { logger: false });
    await nest.listen(0, '127.0.0.1');
    ready({ port: (nest.getHttpServer().address() as AddressInfo).port });
  } else if (mode === 'nest-fastify') {
    // Optional dev dependency: measured when installed, never part of the app.
    const { FastifyAdapter } = (await import('@nestjs/platform-fastify' as string)) as { FastifyAdapter: new () => never };
    const nest = await NestFactory.create(EmptyModule, new FastifyAdapter(), { logger: false });
    await nest.listen(0, '127.0.0.1');
    ready({ port: (nest.getHttpServer().address() as AddressInfo).port });
  } else throw new Error(`unknown mode ${mode}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
