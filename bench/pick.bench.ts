/**
 * One pick against a large pool and history: 10,000 lawyers, 1,000,000 past assignments
 * (250,000 cases over five years, so about 200,000 fall in the 365-day window). Reports the
 * median and p99 of (a) the pick alone — candidate queries + ranking, no writes — and (b) a
 * whole assign transaction (pick, conditional updates, assignment row, audit), each as a
 * ratio of a baseline measured in the same run: a bare SELECT of the same lawyer rows.
 * SQLite always (a temporary file, WAL on, as deployed); PostgreSQL when PG_URL is set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource, In } from 'typeorm';
import { Assignment } from '../src/assignment/assignment.entity';
import { AssignmentService } from '../src/assignment/assignment.service';
import { CandidatePool } from '../src/assignment/candidate-pool';
import { pickLawyer } from '../src/assignment/domain/pick';
import { AuditEntry } from '../src/audit/audit-entry.entity';
import { AuditService } from '../src/audit/audit.service';
import { SYSTEM_ACTOR } from '../src/auth/actor';
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
import { Unavailability } from '../src/lawyers/unavailability.entity';
import { Station } from '../src/stations/station.entity';
import { seed, SEED } from './pick-seed';

const NOW = '2026-10-12T02:00:00.000Z';
const PICKS = 200;
const ASSIGNS = 100;
const WARMUP = 10;
/** The pick is measured without mail: the outbox has its own benchmark. */
const NO_EVENTS: CaseEvents = { assigned: async () => {}, offered: async () => {}, reassigned: async () => {}, hearingScheduled: async () => {}, terminated: async () => {} };

function stats(samples: number[]): { median: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p99: s[Math.min(s.length - 1, Math.ceil(s.length * 0.99) - 1)] };
}

async function time(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await work(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await work(WARMUP + i);
    out.push(performance.now() - t0);
  }
  return out;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

async function benchOne(label: string, databaseUrl: string): Promise<string[]> {
  const config = { ...loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }), dropSchema: databaseUrl.startsWith('postgres') };
  const ds = await new DataSource({
    ...dataSourceOptions(config),
    entities: [Lawyer, Unavailability, Station, Case, CaseLink, Assignment, Refusal, AuditEntry, WorkdayOverride],
  }).initialize();
  try {
    await runMigrations(ds);
    const seeded = performance.now();
    const targets = await seed(ds, new Date(NOW));
    const seedSeconds = (performance.now() - seeded) / 1000;

    const clock = new FixedClock(new Date(NOW));
    const pool = new CandidatePool(config);
    const tx = new Transactions(ds);
    const audit = new AuditService(ds.getRepository(AuditEntry), clock);
    const workdays = new WorkdaysService(ds.getRepository(WorkdayOverride), ds.getRepository(WorkdayArrangement), tx, audit, clock);
    const assignments = new AssignmentService(tx, pool, audit, clock, config, workdays, NO_EVENTS);
    const cases = await ds.manager.findBy(Case, { id: In(targets) });

    const baseline = await time(PICKS, () => ds.createQueryBuilder(Lawyer, 'l').select(['l.id', 'l.pool_tier', 'l.open_cases', 'l.last_appointed_at', 'l.weight']).getRawMany());
    const pick = await time(PICKS, async (i) => {
      const c = cases[i % cases.length];
      const { candidates, request } = await pool.load(ds.manager, c, '2026-10-12');
      return pickLawyer(candidates, request);
    });
    const assign = await time(ASSIGNS, (i) => assignments.assign(targets[i], {}, SYSTEM_ACTOR));
    const [b, p, a] = [stats(baseline), stats(pick), stats(assign)];
    return [
      `${label}: ${SEED.lawyers.toLocaleString('en')} lawyers, ${SEED.assignments.toLocaleString('en')} past assignments (seeded in ${seedSeconds.toFixed(0)} s)`,
      `  baseline  SELECT of the lawyer rows          median ${ms(b.median)}  p99 ${ms(b.p99)}`,
      `  pick      queries + eligibility + ranking    median ${ms(p.median)} (${(p.median / b.median).toFixed(1)}× baseline)  p99 ${ms(p.p99)} (${(p.p99 / b.median).toFixed(1)}×)`,
      `  assign    pick + writes, one transaction     median ${ms(a.median)} (${(a.median / b.median).toFixed(1)}× baseline)  p99 ${ms(a.p99)} (${(a.p99 / b.median).toFixed(1)}×)`,
    ];
  } finally {
    await ds.destroy();
  }
}

export async function run(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'pick-bench-'));
  try {
    const lines = await benchOne('SQLite', `sqlite:${join(dir, 'bench.sqlite')}`);
    if (process.env.PG_URL) lines.push(...(await benchOne('PostgreSQL', process.env.PG_URL)));
    else lines.push('PostgreSQL: skipped (set PG_URL, e.g. scripts/with-postgres.sh npm run bench -- pick)');
    return lines;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
