/**
 * The duty ledger export of a busy year (issue 16 item 4): one station, 50 lawyers, 730 shifts,
 * 18,250 help records (50 a day); on a SQLite file, then on PostgreSQL when PG_URL is set
 * (`scripts/with-postgres.sh npm run bench -- ledger`). Two baselines, run here in the same
 * process on the same database: plain scripts with one driver query (better-sqlite3, or `pg`)
 * joined to the lawyers, writing (a) the same CSV columns and (b) the same two sheets and rows
 * with exceljs's streaming WorkbookWriter, no styles, to a discarding stream. The app's CSV
 * and XLSX are fetched over loopback HTTP and read to the last byte; each figure is the median
 * of three runs, as a ratio to its baseline. Memory: the peak growth of live heap, Buffers and
 * RSS during one export, for a quarter, for the year and for a second station's year of
 * 100,010 records (274 a day): a streaming export grows about the same for all three.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { FixedClock } from '../src/common/clock';
import { addDays } from '../src/common/local-date';
import { loadConfig } from '../src/config/config';
import { insertRows, iso, newId, sortableId } from '../src/database/columns';
import { csvLine, DUTY_COLUMNS, HELP_COLUMNS } from '../src/ledger/domain/ledger-columns';
import { HELP_TYPE_LABELS, HELP_TYPES, HelpType } from '../src/ledger/domain/help-types';
import { HelpRecord } from '../src/ledger/ledger.entities';
import { createShift } from '../test/factories/shift.factory';
import { collectGarbage } from './gc';

const ADMIN = 'bench-admin-token-0123456789abcdef';
const FROM = '2026-01-01';
const LAWYERS = 50;
const PER_DAY = 50;
/** The second station's records a day: 100,010 in the year. */
const BIG_PER_DAY = 274;

interface Seeded {
  stationId: string;
  bigStationId: string;
  token: string;
}

async function seed(app: INestApplication, base: string): Promise<Seeded> {
  const call = async (path: string, body: unknown, token = ADMIN) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string; token: string };
  };
  const token = (await call('/api/v1/users', { name: '台账调度员', role: 'dispatcher' })).token;
  const newStation = (name: string) =>
    call('/api/v1/stations', {
      name,
      courtName: '溧阳市人民法院',
      shiftTemplates: [
        { name: '上午', start: '09:00', end: '12:00' },
        { name: '下午', start: '13:30', end: '17:00' },
      ],
      fallbackPhone: '0519-12348',
    });
  const station = await newStation('刑事值班室');
  const big = await newStation('刑事值班室（大）');
  const lawyers: string[] = [];
  for (let i = 0; i < LAWYERS; i++) {
    lawyers.push(
      (
        await call(
          '/api/v1/lawyers',
          {
            name: `律师${i}`,
            licenseNo: `1320481201500${String(i).padStart(4, '0')}`,
            firm: `律师事务所${i % 7}`,
            phone: `1380000${String(i).padStart(4, '0')}`,
            email: `l${i}@example.com`,
            juvenileExperience: false,
            criminalPracticeSince: '2015-01-01',
            poolTier: 'core',
            dutyStationIds: [station.id],
          },
          token,
        )
      ).id,
    );
  }
  await seedYear(app, station.id, lawyers, PER_DAY);
  await seedYear(app, big.id, lawyers, BIG_PER_DAY);
  return { stationId: station.id, bigStationId: big.id, token };
}

/** A year of two shifts a day and `perDay` help records a day, inserted straight into the database. */
async function seedYear(app: INestApplication, stationId: string, lawyers: string[], perDay: number): Promise<void> {
  const ds = app.get(DataSource);
  let k = 0;
  for (let d = 0; d < 365; d++) {
    const date = addDays(FROM, d);
    const shifts = [];
    for (const [start, end] of [
      ['09:00', '12:00'],
      ['13:30', '17:00'],
    ])
      shifts.push(await createShift(app, { stationId, date, startTime: start, endTime: end, lawyerId: lawyers[k++ % LAWYERS] }));
    const rows: HelpRecord[] = [];
    for (let i = 0; i < perDay; i++) {
      const s = shifts[i % 2];
      const at = new Date(Date.parse(s.startsAt) + (i >> 1) * 300_000);
      rows.push(
        Object.assign(new HelpRecord(), {
          id: sortableId(at),
          shiftId: s.id,
          stationId,
          lawyerId: s.lawyerId!,
          date,
          caseId: null,
          courtCaseNo: `（2026）苏0481刑初${d * perDay + i}号`,
          defendantName: `被告人${i}`,
          helpType: HELP_TYPES[i % HELP_TYPES.length],
          summary: i % 10 ? `告知诉讼权利，解释认罪认罚的法律后果（第${i}次）` : '询问"认罪认罚"具结，见证签署，告知可申请变更强制措施',
          startedAt: iso(at),
          endedAt: iso(new Date(at.getTime() + 600_000)),
          correctsId: null,
          correctionReason: null,
          afterSignOff: false,
          createdBy: newId(),
          createdAt: iso(at),
          updatedAt: iso(at),
        }),
      );
    }
    for (let i = 0; i < rows.length; i += 100) await insertRows(ds.manager, HelpRecord, rows.slice(i, i + 100));
  }
}

const HELP_SQL = `SELECT h.*, l.name AS lawyer_name FROM help_records h LEFT JOIN lawyers l ON l.id = h.lawyer_id
  WHERE h.station_id = $1 AND h.date >= $2 AND h.date <= $3 ORDER BY h.date, h.id`;
const SHIFT_SQL = `SELECT s.date, s.template_name, s.start_time, s.end_time, l.name AS lawyer_name, l.firm FROM shifts s
  LEFT JOIN lawyers l ON l.id = s.lawyer_id
  WHERE s.station_id = $1 AND s.status = 'published' AND s.date >= $2 AND s.date <= $3 ORDER BY s.starts_at, s.id`;

type PlainRow = Record<string, string>;

/** The plain scripts' database access: one query, its rows as the driver gives them (no ORM, no paging). */
interface PlainDb {
  rows(sql: string, stationId: string, to: string): Promise<Iterable<PlainRow>>;
  close(): Promise<void>;
}

/** better-sqlite3 iterating a prepared statement. */
function plainSqlite(file: string): PlainDb {
  const db = new Database(file, { readonly: true });
  return {
    rows: (sql, stationId, to) => Promise.resolve(db.prepare(sql.replace(/\$\d/g, '?')).iterate(stationId, FROM, to) as Iterable<PlainRow>),
    close: () => Promise.resolve(void db.close()),
  };
}

/** One `pg` client, every row of the query at once (18,250 rows: what a plain script would do). */
async function plainPostgres(url: string): Promise<PlainDb> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return {
    rows: async (sql, stationId, to) => (await client.query<PlainRow>(sql, [stationId, FROM, to])).rows,
    close: () => client.end(),
  };
}

/** Asia/Shanghai's fixed +08:00 by arithmetic. */
const local = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();

function discard(): { out: Writable; bytes: () => number } {
  let bytes = 0;
  return { out: new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) }), bytes: () => bytes };
}

/** A help record's columns in the ledger's order, for both plain scripts: `date`, `time` (开始/结束时间) and `created` as each writes them. */
function helpCells<D, T>(r: PlainRow, n: number, date: D, time: (instant: string) => T, created: D): (string | number | D | T)[] {
  const label = HELP_TYPE_LABELS[r.help_type as HelpType];
  return [
    n,
    date,
    r.lawyer_name,
    r.court_case_no,
    r.defendant_name,
    label,
    time(r.started_at),
    time(r.ended_at),
    r.summary,
    '有效',
    '',
    '',
    '',
    r.id,
    created,
  ];
}

/** The plain CSV script: one query, the same columns. */
async function plainCsv(db: PlainDb, stationId: string, to: string): Promise<number> {
  const sink = discard();
  let buffer = '\uFEFF' + csvLine(HELP_COLUMNS.map((c) => c.header));
  let n = 0;
  for (const r of await db.rows(HELP_SQL, stationId, to)) {
    buffer += csvLine(helpCells(r, ++n, r.date, (at) => local(at).slice(11, 16), local(r.created_at).slice(0, 16).replace('T', ' ')));
    if (buffer.length > 65_536) {
      sink.out.write(buffer);
      buffer = '';
    }
  }
  sink.out.end(buffer);
  await finished(sink.out);
  return sink.bytes();
}

const dayFraction = (local: string) => (Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16))) / 1440;

/**
 * The plain XLSX script: the same two sheets (shifts, help records) and rows with exceljs's
 * streaming WorkbookWriter, no styles, no titles: the header row and the values, dates and
 * times typed as the app types them.
 */
async function plainXlsx(db: PlainDb, stationId: string, to: string): Promise<number> {
  const sink = discard();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink.out, useStyles: false, useSharedStrings: false });
  const duty = workbook.addWorksheet('值班记录');
  duty.addRow(DUTY_COLUMNS.map((c) => c.header)).commit();
  let n = 0;
  for (const r of await db.rows(SHIFT_SQL, stationId, to)) {
    const row = [++n, new Date(`${r.date}T00:00:00Z`), r.template_name, `${r.start_time}-${r.end_time}`, r.lawyer_name, r.firm];
    duty.addRow([...row, null, null, '未签到', '', '', '', null]).commit();
  }
  duty.commit();
  const help = workbook.addWorksheet('法律帮助记录');
  help.addRow(HELP_COLUMNS.map((c) => c.header)).commit();
  n = 0;
  for (const r of await db.rows(HELP_SQL, stationId, to)) {
    const created = local(r.created_at);
    const date = new Date(`${r.date}T00:00:00Z`);
    help.addRow(helpCells(r, ++n, date, (at) => dayFraction(local(at)), new Date(`${created.slice(0, 16)}:00Z`))).commit();
  }
  help.commit();
  await workbook.commit();
  await finished(sink.out);
  return sink.bytes();
}

interface Growth {
  /**
   * Peak growth over the start, in MB: live heap (after a full collection every 250 ms),
   * Buffers outside the heap (zip and socket chunks) and RSS; server and client share the process.
   */
  heapMb: number;
  buffersMb: number;
  rssMb: number;
}

/** The peak live heap, Buffer and RSS growth while `work` runs. */
async function peakGrowth(work: () => Promise<unknown>): Promise<Growth> {
  collectGarbage();
  const before = process.memoryUsage();
  const peak = { heap: before.heapUsed, buffers: before.arrayBuffers, rss: before.rss };
  const sample = () => {
    collectGarbage();
    const now = process.memoryUsage();
    peak.heap = Math.max(peak.heap, now.heapUsed);
    peak.buffers = Math.max(peak.buffers, now.arrayBuffers);
    peak.rss = Math.max(peak.rss, now.rss);
  };
  const timer = setInterval(sample, 250);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  const mb = (x: number) => x / 2 ** 20;
  return { heapMb: mb(peak.heap - before.heapUsed), buffersMb: mb(peak.buffers - before.arrayBuffers), rssMb: mb(peak.rss - before.rss) };
}

const growth = (g: Growth) => `live heap ${g.heapMb.toFixed(1)} MB, Buffers ${g.buffersMb.toFixed(1)} MB, RSS ${g.rssMb.toFixed(1)} MB`;

/** GET to the last byte; resolves with the byte count. */
function download(url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive socket the server closes while the plain script blocks hangs up the next GET.
    get(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve(bytes));
    }).on('error', reject);
  });
}

async function median(work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[1];
}

const ms = (x: number) => `${x.toFixed(0)} ms`;
const ratio = (x: number, base: number) => `${ms(x)} = ${(x / base).toFixed(2)}×`;

/** Every figure on one database: `databaseUrl` for the app, `plain` for the scripts (opened after the app has migrated and seeded). */
async function onDatabase(label: string, databaseUrl: string, dir: string, plainDb: () => Promise<PlainDb>): Promise<string[]> {
  const config = {
    ...loadConfig({
      DATABASE_URL: databaseUrl,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN,
      LOG_LEVEL: 'silent',
      MAIL_POLL_MS: '0',
      MAIL_FILE_DIR: join(dir, 'mail'),
    }),
    dropSchema: databaseUrl.startsWith('postgres'),
  };
  const app = await createApp(config, new FixedClock(new Date('2027-01-15T02:00:00Z')));
  await app.listen(0, '127.0.0.1');
  try {
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const seeding = performance.now();
    const { stationId, bigStationId, token } = await seed(app, base);
    const seedSeconds = (performance.now() - seeding) / 1000;
    const url = (format: string, to = '2026-12-31', station = stationId) =>
      `${base}/api/v1/ledger?stationId=${station}&from=${FROM}&to=${to}&format=${format}`;
    const db = await plainDb();
    try {
      const plain = await median(() => plainCsv(db, stationId, '2026-12-31'));
      const plainX = await median(() => plainXlsx(db, stationId, '2026-12-31'));
      const csv = await median(() => download(url('csv'), token));
      const xlsx = await median(() => download(url('xlsx'), token));
      const quarter = await peakGrowth(() => download(url('csv', '2026-03-31'), token));
      const year = await peakGrowth(() => download(url('csv'), token));
      const bigCsv = await peakGrowth(() => download(url('csv', '2026-12-31', bigStationId), token));
      const bigXlsx = await peakGrowth(() => download(url('xlsx', '2026-12-31', bigStationId), token));
      const bigPlainX = await peakGrowth(() => plainXlsx(db, bigStationId, '2026-12-31'));
      return [
        `${label}: busy year, ${365 * PER_DAY} help records, ${365 * 2} shifts, ${LAWYERS} lawyers (both stations seeded in ${seedSeconds.toFixed(0)} s)`,
        `  baseline CSV: plain ${label === 'SQLite' ? 'better-sqlite3' : 'pg'} → CSV script, ${ms(plain)}`,
        `  baseline XLSX: plain ${label === 'SQLite' ? 'better-sqlite3' : 'pg'} → exceljs streaming WorkbookWriter (no styles, same sheets and rows), ${ms(plainX)}`,
        `  ledger CSV over HTTP: ${ratio(csv, plain)} the CSV baseline (target ≤ 2×)`,
        `  ledger XLSX over HTTP (help + duty sheets, styled): ${ratio(xlsx, plainX)} the XLSX baseline (target ≤ 2×), ${(xlsx / plain).toFixed(2)}× the CSV one`,
        `  peak growth during the CSV: quarter ${growth(quarter)}; year ${growth(year)}`,
        `  peak growth during a ${(365 * BIG_PER_DAY).toLocaleString('en')}-record year: CSV ${growth(bigCsv)}; XLSX ${growth(bigXlsx)}; plain XLSX script ${growth(bigPlainX)}`,
      ];
    } finally {
      await db.close();
    }
  } finally {
    await app.close();
  }
}

export async function run(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  try {
    const file = join(dir, 'ledger.sqlite');
    const lines = await onDatabase('SQLite', `sqlite:${file}`, dir, () => Promise.resolve(plainSqlite(file)));
    const pg = process.env.PG_URL;
    if (pg) lines.push(...(await onDatabase('PostgreSQL', pg, dir, () => plainPostgres(pg))));
    else lines.push('PostgreSQL: skipped (set PG_URL, e.g. scripts/with-postgres.sh npm run bench -- ledger)');
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
