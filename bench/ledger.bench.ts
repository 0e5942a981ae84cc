/**
 * The duty ledger export of a busy year (issue 16 item 4): one station, 50 lawyers, 730 shifts,
 * 18,250 help records (50 a day), on a SQLite file. The baseline, run here in the same process,
 * is a plain script: one better-sqlite3 query joined to the lawyers, each row formatted as the
 * same CSV columns and written to a discarding stream. The app's CSV and XLSX are fetched over
 * loopback HTTP and read to the last byte; each figure is the median of three runs, as a ratio to
 * the baseline. Memory: the peak heap and RSS growth during the export, for a quarter, for the
 * year and for a second station's year of 100,010 records (274 a day): a streaming export grows
 * about the same for all three.
 */
import 'reflect-metadata';
import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApp } from '../src/app';
import { FixedClock } from '../src/common/clock';
import { addDays } from '../src/common/local-date';
import { loadConfig } from '../src/config/config';
import { insertRows, iso, newId, sortableId } from '../src/database/columns';
import { csvLine } from '../src/ledger/domain/ledger-columns';
import { HELP_TYPE_LABELS, HELP_TYPES, HelpType } from '../src/ledger/domain/help-types';
import { HelpRecord } from '../src/ledger/ledger.entities';
import { createShift } from '../test/factories/shift.factory';

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

/** The plain script: one query, the same CSV columns, Asia/Shanghai's fixed +08:00 by arithmetic. */
function plainCsv(file: string, stationId: string, to: string): Promise<number> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare(
    `SELECT h.*, l.name AS lawyer_name FROM help_records h LEFT JOIN lawyers l ON l.id = h.lawyer_id
     WHERE h.station_id = ? AND h.date >= ? AND h.date <= ? ORDER BY h.date, h.id`,
  );
  const local = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString();
  let bytes = 0;
  const out = new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) });
  let buffer =
    '\uFEFF序号,日期,值班律师,案号,被告人,帮助类型,开始时间,结束时间,帮助内容摘要,记录状态,更正的记录,更正理由,签字后补记,记录编号,记录时间\r\n';
  let n = 0;
  for (const r of rows.iterate(stationId, FROM, to) as Iterable<Record<string, string>>) {
    n += 1;
    buffer += csvLine([
      n,
      r.date,
      r.lawyer_name,
      r.court_case_no,
      r.defendant_name,
      HELP_TYPE_LABELS[r.help_type as HelpType],
      local(r.started_at).slice(11, 16),
      local(r.ended_at).slice(11, 16),
      r.summary,
      '有效',
      '',
      '',
      '',
      r.id,
      local(r.created_at).slice(0, 16).replace('T', ' '),
    ]);
    if (buffer.length > 65_536) {
      out.write(buffer);
      buffer = '';
    }
  }
  out.end(buffer);
  db.close();
  return Promise.resolve(bytes);
}

/** A full collection on demand (`--expose-gc` set at run time): the memory figures count live objects, not unswept garbage. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface Downloaded {
  bytes: number;
  /** Peak growth over the start, in MB: live heap (after a full collection every 250 ms) and RSS; server and client share the process. */
  peakHeapMb: number;
  peakRssMb: number;
}

/** GET to the last byte; resolves with the byte count, and with `measure` the peak live heap and RSS growth meanwhile. */
function download(url: string, token: string, measure = false): Promise<Downloaded> {
  if (measure) gc();
  const before = process.memoryUsage();
  const peak = { heap: before.heapUsed, rss: before.rss };
  const sample = () => {
    gc();
    const now = process.memoryUsage();
    peak.heap = Math.max(peak.heap, now.heapUsed);
    peak.rss = Math.max(peak.rss, now.rss);
  };
  const timer = measure ? setInterval(sample, 250) : undefined;
  return new Promise((resolve, reject) => {
    // A fresh connection each time: a kept-alive socket the server closes while the plain script blocks hangs up the next GET.
    get(url, { agent: false, headers: { authorization: `Bearer ${token}` } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${url}: ${res.statusCode}`));
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => {
        clearInterval(timer);
        if (measure) sample();
        resolve({ bytes, peakHeapMb: (peak.heap - before.heapUsed) / 2 ** 20, peakRssMb: (peak.rss - before.rss) / 2 ** 20 });
      });
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

export async function run(): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ledger-bench-'));
  const file = join(dir, 'ledger.sqlite');
  const config = loadConfig({
    DATABASE_URL: `sqlite:${file}`,
    BOOTSTRAP_ADMIN_TOKEN: ADMIN,
    LOG_LEVEL: 'silent',
    MAIL_POLL_MS: '0',
    MAIL_FILE_DIR: join(dir, 'mail'),
  });
  const app = await createApp(config, new FixedClock(new Date('2027-01-15T02:00:00Z')));
  await app.listen(0, '127.0.0.1');
  try {
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const { stationId, bigStationId, token } = await seed(app, base);
    const url = (format: string, to = '2026-12-31', station = stationId) =>
      `${base}/api/v1/ledger?stationId=${station}&from=${FROM}&to=${to}&format=${format}`;
    const plain = await median(() => plainCsv(file, stationId, '2026-12-31'));
    const csv = await median(() => download(url('csv'), token));
    const xlsx = await median(() => download(url('xlsx'), token));
    const memory = async (u: string) => {
      const d = await download(u, token, true);
      return `live heap ${d.peakHeapMb.toFixed(1)} MB, RSS ${d.peakRssMb.toFixed(1)} MB`;
    };
    const quarter = await memory(url('csv', '2026-03-31'));
    const year = await memory(url('csv'));
    const bigCsv = await memory(url('csv', '2026-12-31', bigStationId));
    const bigXlsx = await memory(url('xlsx', '2026-12-31', bigStationId));
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    return [
      `busy year: ${365 * PER_DAY} help records, ${365 * 2} shifts, ${LAWYERS} lawyers (SQLite file)`,
      `baseline: plain better-sqlite3 → CSV script, ${ms(plain)}`,
      `ledger CSV over HTTP: ${ms(csv)} = ${(csv / plain).toFixed(2)}× baseline (target ≤ 2×)`,
      `ledger XLSX over HTTP (help + duty sheets): ${ms(xlsx)} = ${(xlsx / plain).toFixed(2)}× baseline`,
      `peak growth during the CSV: quarter ${quarter}; year ${year}`,
      `peak growth during a ${(365 * BIG_PER_DAY).toLocaleString('en')}-record year: CSV ${bigCsv}; XLSX ${bigXlsx}`,
    ];
  } finally {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
}
