/**
 * The pick at scale (issue 16): 10,000 lawyers, 1,000,000 past assignments (250,000 cases
 * over five years, so about 200,000 fall in the 365-day window). Reports the median and p99
 * of (a) the pick alone (the case's family and named lawyers, the ranked head with leave, the
 * counts, the pure pick; no writes, outside a transaction: the window check is in (b))
 * and (b) a whole assign transaction, each as a ratio of a baseline measured in the same
 * run (one SELECT by primary key), the stored explanation's size, and the growth curve
 * from 1k/100k (50k/10M with BENCH_PROVINCE=1). SQLite always (a temporary file, WAL on,
 * as deployed); PostgreSQL when PG_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource, In } from 'typeorm';
import { Assignment } from '../src/cases/assignment/assignment.entity';
import { AssignmentService } from '../src/cases/assignment/assignment.service';
import { CandidatePool } from '../src/cases/assignment/candidate-pool';
import { PoolQuery } from '../src/cases/assignment/pool.query';
import { LawyersQuery } from '../src/lawyers/lawyers.query';
import { PickWindow } from '../src/cases/assignment/pick-window';
import { PickWindowState } from '../src/cases/assignment/pick-window.entity';
import { JobLeaseService } from '../src/jobs/job-lease.service';
import { JobLease } from '../src/jobs/job-lease.entity';
import { SchedulerRegistry } from '@nestjs/schedule';
import { pickLawyer } from '../src/cases/assignment/domain/pick';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { AuditService } from '../src/audit/audit.service';
import { SYSTEM_ACTOR } from '../src/common/actor';
import { Case, CaseLink } from '../src/cases/case.entity';
import type { CaseEvents } from '../src/cases/case-events';
import { Refusal } from '../src/cases/refusal.entity';
import { WorkdayOverride } from '../src/workdays/workday-override.entity';
import { WorkdayArrangement } from '../src/workdays/workday-arrangement.entity';
import { WorkdaysService } from '../src/workdays/workdays.service';
import { FixedClock } from '../src/common/clock';
import { loadConfig } from '../src/config/config';
import { dataSourceOptions, runMigrations } from '../src/database/database.module';
import { Transactions } from '../src/database/transactions';
import { Lawyer } from '../src/lawyers/lawyer.entity';
import { LawyerPoolClass } from '../src/lawyers/lawyer-pool-class.entity';
import { Unavailability } from '../src/lawyers/unavailability.entity';
import { Station } from '../src/stations/station.entity';
import { collectGarbage } from './gc';
import { countStatements, explainOne, StatementLog } from './pick-explain';
import { Scale, seed, SEED } from './pick-seed';

const NOW = '2026-10-12T02:00:00.000Z';
const PICKS = 200;
const ASSIGNS = 100;
const WARMUP = 10;
/** One seeding statement writes up to a million rows: allow it ten minutes on a loaded machine. */
const SEED_STATEMENT_MS = 600_000;
/** The pick is measured without mail: the outbox has its own benchmark. */
const NO_EVENTS: CaseEvents = {
  assigned: async () => {},
  offered: async () => {},
  reassigned: async () => {},
  hearingScheduled: async () => {},
  terminated: async () => {},
  aidOrdered: async () => {},
  offerStalled: async () => {},
};

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p99: s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] };
}

/** `n` timed runs of `work` after WARMUP untimed ones, from a collected heap (the seed's garbage is not the pick's). */
async function time(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  collectGarbage();
  for (let i = 0; i < WARMUP; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(WARMUP + i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** A case with every extra rule: co-defendants in the history (another defendant's past case shares its number), juvenile, serious. */
const heaviest = (cases: Case[]) =>
  cases.find((c) => c.requiresSeniorLawyer && c.requiresJuvenileExperience && c.courtCaseNo.startsWith('（历史）')) ?? cases[0];

const ms = (x: number) => `${x.toFixed(1)} ms`;

interface Figures {
  lines: string[];
  pickP99: number;
}

/**
 * One database at one scale. The baseline is one bare indexed SELECT by primary key (the
 * cheapest query a pick could make). `full` adds the whole assign transaction and the
 * stored explanation's size; growth runs measure the pick alone.
 */
export async function benchOne(label: string, databaseUrl: string, scale: Scale, full: boolean): Promise<Figures> {
  const config = {
    ...loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', DB_STATEMENT_TIMEOUT_MS: String(SEED_STATEMENT_MS) }),
    dropSchema: databaseUrl.startsWith('postgres'),
  };
  const log = new StatementLog();
  const ds = await new DataSource({
    ...dataSourceOptions(config),
    logging: ['query'],
    logger: log,
    entities: [
      Lawyer,
      LawyerPoolClass,
      Unavailability,
      Station,
      Case,
      CaseLink,
      Assignment,
      Refusal,
      AuditEntry,
      WorkdayOverride,
      WorkdayArrangement,
      PickWindowState,
      JobLease,
    ],
  }).initialize();
  try {
    await runMigrations(ds);
    const seeded = performance.now();
    const targets = await seed(ds, new Date(NOW), scale);
    const seedSeconds = (performance.now() - seeded) / 1000;

    const clock = new FixedClock(new Date(NOW));
    const pool = new CandidatePool(config, new PoolQuery());
    const tx = new Transactions(ds);
    const audit = new AuditService(ds.getRepository(AuditEntry), clock);
    const workdays = new WorkdaysService(ds.getRepository(WorkdayOverride), ds.getRepository(WorkdayArrangement), tx, audit, clock);
    const window = new PickWindow(config, clock, tx, new JobLeaseService(tx, clock), new SchedulerRegistry());
    const assignments = new AssignmentService(tx, pool, window, audit, clock, config, workdays, NO_EVENTS, new LawyersQuery());
    const built = performance.now();
    await tx.run((m) => window.ensure(m, window.windowAt(clock.now()).from));
    const buildSeconds = (performance.now() - built) / 1000;
    // A deployment's tables grew over years, vacuumed and checkpointed along the way. The bulk
    // load and the counters' build (which rewrote every lawyer row) would otherwise set off an
    // autovacuum of the million-row tables and a spread checkpoint during the measurement: done now.
    for (const sql of ds.options.type === 'postgres' ? ['VACUUM ANALYZE', 'CHECKPOINT'] : ['ANALYZE', 'PRAGMA wal_checkpoint(TRUNCATE)'])
      await ds.query(sql);
    const cases = await ds.manager.findBy(Case, { id: In(targets) });
    const today = window.windowAt(clock.now()).to;

    const someId = cases[0].id;
    const baseline = await time(PICKS, () => ds.manager.findOneBy(Case, { id: someId }));
    const pickOne = async (c: Case) => {
      const { candidates, request } = await pool.load(ds.manager, c, today);
      return pickLawyer(candidates, request);
    };
    const pick = await time(PICKS, (i) => pickOne(cases[i % cases.length]));
    const statements = await countStatements(log, () => pickOne(heaviest(cases)));
    const [b, p] = [stats(baseline), stats(pick)];
    const size = `${scale.lawyers.toLocaleString('en')} lawyers / ${scale.assignments.toLocaleString('en')} past assignments`;
    const lines = [
      `${label}: ${size} (seeded in ${seedSeconds.toFixed(0)} s, counters built in ${buildSeconds.toFixed(1)} s)`,
      `  baseline  SELECT of one case by id            median ${ms(b.median)}  p99 ${ms(b.p99)}`,
      `  pick      the case's reach (family, named lawyers), counts, ranked head with leave, pure pick (no writes; ${statements} statements`,
      `            for a juvenile, serious case with co-defendants)  median ${ms(p.median)} (${(p.median / b.median).toFixed(1)}× baseline)  p99 ${ms(p.p99)} (${(p.p99 / b.median).toFixed(1)}×)`,
    ];
    if (full && process.env.BENCH_EXPLAIN) {
      lines.push(...(await explainOne(ds, log, () => pool.load(ds.manager, heaviest(cases), today))));
    }
    if (full) {
      const assign = await time(ASSIGNS, (i) => assignments.assign(targets[i], {}, SYSTEM_ACTOR));
      const a = stats(assign);
      const rows = await ds.query("SELECT explanation FROM assignments WHERE explanation <> '{}'");
      const bytes = rows.map((r: { explanation: string }) => Buffer.byteLength(r.explanation));
      lines.push(
        `  assign    pick + writes, one transaction     median ${ms(a.median)} (${(a.median / b.median).toFixed(1)}× baseline)  p99 ${ms(a.p99)} (${(a.p99 / b.median).toFixed(1)}×)`,
        `  stored explanation                           max ${(Math.max(...bytes) / 1024).toFixed(1)} KiB, median ${(stats(bytes).median / 1024).toFixed(1)} KiB over ${bytes.length} picks (target ≤ 16 KiB)`,
      );
    }
    return { lines, pickP99: p.p99 };
  } finally {
    await ds.destroy();
  }
}

const GROWTH: Scale[] = [{ lawyers: 1_000, cases: 25_000, assignments: 100_000 }, SEED];
/** Province scale (50,000 lawyers, 10,000,000 past assignments): BENCH_PROVINCE=1, 4–5 minutes of seeding per database. */
const PROVINCE: Scale = { lawyers: 50_000, cases: 2_500_000, assignments: 10_000_000 };

async function onDatabase(label: string, url: () => string): Promise<string[]> {
  const out: string[] = [];
  const curve: Array<[Scale, number]> = [];
  for (const scale of [...GROWTH, ...(process.env.BENCH_PROVINCE ? [PROVINCE] : [])]) {
    const f = await benchOne(label, url(), scale, scale === SEED);
    out.push(...f.lines);
    curve.push([scale, f.pickP99]);
  }
  const [first] = curve;
  out.push(
    `  growth    pick p99 ÷ the 1k/100k p99: ${curve.map(([s, p]) => `${s.lawyers / 1000}k/${s.assignments >= 1e6 ? `${s.assignments / 1e6}M` : `${s.assignments / 1e3}k`} ${(p / first[1]).toFixed(1)}×`).join(', ')}` +
      ` (pool ×${curve.at(-1)![0].lawyers / first[0].lawyers}, history ×${curve.at(-1)![0].assignments / first[0].assignments})`,
  );
  if (!process.env.BENCH_PROVINCE)
    out.push(
      '  province  50k/10M: skipped, its seed takes 4–5 minutes per database (BENCH_PROVINCE=1 npm run bench -- pick; target p99 < 50 ms)',
    );
  return out;
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pick-bench-'));
  let n = 0;
  try {
    const lines = await onDatabase('SQLite', () => `sqlite:${join(dir, `bench-${n++}.sqlite`)}`);
    if (process.env.PG_URL) lines.push(...(await onDatabase('PostgreSQL', () => process.env.PG_URL!)));
    else lines.push('PostgreSQL: skipped (set PG_URL, e.g. scripts/with-postgres.sh npm run bench -- pick)');
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
