/** Seed data for pick.bench.ts, written with each database's fast bulk path. */
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { recountClasses } from '../src/lawyers/lawyer-classes';

export interface Scale {
  lawyers: number;
  cases: number;
  assignments: number;
}
/** The reference size; growth and province sizes scale lawyers and history from it. */
export const SEED: Scale = { lawyers: 10_000, cases: 250_000, assignments: 1_000_000 };
const FIXED = { targets: 120, leave: 500, firms: 400 };
const CHUNK = 50_000;

type ColType = 'text' | 'int' | 'real' | 'bool';
type Row = (string | number | boolean)[];
interface TableSpec {
  table: string;
  columns: [string, ColType][];
}

/** Deterministic pseudo-random numbers (mulberry32) so every run seeds the same data. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const uuid = (kind: string, i: number) => `00000000-0000-4000-${kind}-${i.toString(16).padStart(12, '0')}`;

/** Inserts `count` generated rows, CHUNK at a time, so 10,000,000 rows never sit in memory at once. */
async function insert(ds: DataSource, spec: TableSpec, count: number, row: (i: number) => Row): Promise<void> {
  const names = spec.columns.map(([n]) => n);
  const db = sqliteHandle(ds);
  const stmt = db?.prepare(`INSERT INTO ${spec.table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`);
  const pgType: Record<ColType, string> = { text: 'text[]', int: 'int[]', real: 'float8[]', bool: 'boolean[]' };
  const unnest = spec.columns.map(([, t], i) => `$${i + 1}::${pgType[t]}`).join(', ');
  for (let from = 0; from < count; from += CHUNK) {
    const part = Array.from({ length: Math.min(CHUNK, count - from) }, (_, k) => row(from + k));
    if (db && stmt) {
      db.transaction(() => {
        for (const r of part) stmt.run(r.map((v) => (typeof v === 'boolean' ? Number(v) : v)));
      })();
    } else {
      await ds.query(
        `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT * FROM unnest(${unnest})`,
        names.map((_, c) => part.map((r) => r[c])),
      );
    }
  }
}

function sqliteHandle(ds: DataSource): Database | null {
  return ds.options.type === 'better-sqlite3' ? (ds.driver as unknown as { databaseConnection: Database }).databaseConnection : null;
}

/** A piece of SQL standing for a column's value in generated rows (anything else is a literal). */
class Expr {
  constructor(readonly sql: string) {}
}
type GenRow = (string | number | boolean | Expr)[];
const GEN_CHUNK = 1_000_000;

/** The two dialects' spellings for generated rows: row number `i`, hashing, hex, ISO instants. */
interface Dialect {
  series(from: number, to: number): string;
  hex12(expr: string): string;
  iso(msExpr: string): string;
}
const DIALECTS: Record<'sqlite' | 'postgres', Dialect> = {
  sqlite: {
    series: (from, to) => `WITH RECURSIVE g(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM g WHERE i < ${to - 1})`,
    hex12: (e) => `printf('%012x', ${e})`,
    iso: (ms) => `strftime('%Y-%m-%dT%H:%M:%fZ', (${ms}) / 1000.0, 'unixepoch')`,
  },
  postgres: {
    series: (from, to) => `WITH g(i) AS (SELECT generate_series(${from}::bigint, ${to - 1}))`,
    hex12: (e) => `lpad(to_hex(${e}), 12, '0')`,
    iso: (ms) => `to_char(to_timestamp((${ms}) / 1000.0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  },
};

/**
 * A deterministic 32-bit hash of the row number (multiplicative, then a nonlinear mix), in
 * integer arithmetic that stays below 2^63 on both databases (SQLite turns overflow into REAL).
 */
function hash(salt: number): string {
  const h1 = `((i * 2654435761 + ${salt * 40503}) % 4294967296)`;
  return `((${h1} * 1597334677 + (${h1} % 65521) * (${h1} / 65521)) % 4294967296)`;
}

/** An integer in [0, n) from the row's hash (n < 2^31). */
const randInt = (salt: number, n: number) => `(${hash(salt)} * ${n} / 4294967296)`;

const literal = (v: string | number | boolean) => (typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v));

/** Inserts `count` rows computed by the database itself from the row number: no row crosses the driver. */
async function generate(ds: DataSource, spec: TableSpec, count: number, row: (d: Dialect) => GenRow): Promise<void> {
  const d = DIALECTS[sqliteHandle(ds) ? 'sqlite' : 'postgres'];
  const values = row(d)
    .map((v) => (v instanceof Expr ? v.sql : literal(v)))
    .join(', ');
  const names = spec.columns.map(([n]) => n).join(', ');
  for (let from = 0; from < count; from += GEN_CHUNK) {
    await ds.query(`INSERT INTO ${spec.table} (${names}) ${d.series(from, Math.min(count, from + GEN_CHUNK))} SELECT ${values} FROM g`);
  }
}

/**
 * Runs `load` with the tables' secondary indexes dropped and rebuilds them afterwards (one
 * sorted build instead of a million random B-tree inserts). SQLite loads and builds with
 * foreign-key checks off, no rollback journal and a 1 GiB page cache (the sorter of a
 * 10M-row index build spills to disk with the default 2 MiB, which made the province seed
 * take 20 minutes), then goes back to WAL as deployed; PostgreSQL builds with 512 MiB of
 * maintenance_work_mem. Neither changes what is stored: the seed is consistent by
 * construction, and the primary keys and unique constraints stay, so a bad seed still fails.
 */
async function withoutIndexes(ds: DataSource, tables: string[], load: () => Promise<void>): Promise<void> {
  const db = sqliteHandle(ds);
  const list = tables.map((t) => `'${t}'`).join(', ');
  if (db) {
    const indexes = dropSqliteIndexes(db, list);
    const pragmas = (fk: string, cache: number, journal: string, sync: string) => {
      for (const p of [`foreign_keys = ${fk}`, `cache_size = ${cache}`, `journal_mode = ${journal}`, `synchronous = ${sync}`]) db.pragma(p);
    };
    pragmas('OFF', -1_048_576, 'OFF', 'OFF');
    try {
      await load();
      for (const sql of indexes) db.exec(sql);
    } finally {
      pragmas('ON', -2_000, 'WAL', 'NORMAL');
    }
    return;
  }
  const restore = await dropPostgresIndexes(ds, list);
  await load();
  const runner = ds.createQueryRunner();
  try {
    await runner.query("SET maintenance_work_mem = '512MB'");
    for (const sql of restore) await runner.query(sql);
    await runner.query('RESET maintenance_work_mem');
  } finally {
    await runner.release();
  }
}

function dropSqliteIndexes(db: Database, list: string): string[] {
  const sql = `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${list})`;
  const rows = db.prepare(sql).all() as { name: string; sql: string }[];
  for (const r of rows) db.exec(`DROP INDEX "${r.name}"`);
  return rows.map((r) => r.sql);
}

/** Drops the tables' secondary indexes and foreign keys (each re-added by one bulk check); returns the statements that restore them. */
async function dropPostgresIndexes(ds: DataSource, list: string): Promise<string[]> {
  const keys: { tbl: string; name: string; def: string }[] = await ds.query(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'f' AND connamespace = current_schema()::regnamespace AND conrelid::regclass::text IN (${list})`,
  );
  for (const k of keys) await ds.query(`ALTER TABLE ${k.tbl} DROP CONSTRAINT "${k.name}"`);
  const indexes: { name: string; sql: string }[] = await ds.query(
    `SELECT i.indexname AS name, i.indexdef AS sql FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename IN (${list})
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
  );
  for (const r of indexes) await ds.query(`DROP INDEX "${r.name}"`);
  return [...indexes.map((r) => r.sql), ...keys.map((k) => `ALTER TABLE ${k.tbl} ADD CONSTRAINT "${k.name}" ${k.def}`)];
}

const cols = (table: string, spec: string): TableSpec => ({
  table,
  columns: spec.split(' ').map((c) => c.split(':') as [string, ColType]),
});

/** Seeds the pool and the history; returns the ids of the cases waiting for a pick. */
export async function seed(ds: DataSource, now: Date, scale: Scale = SEED): Promise<string[]> {
  let targets: string[] = [];
  await withoutIndexes(ds, ['lawyers', 'lawyer_unavailability', 'cases', 'assignments'], async () => {
    targets = await seedRows(ds, now, scale);
  });
  await recountClasses(ds.manager); // the bulk load bypassed the lawyers' writers
  await ds.query('ANALYZE');
  return targets;
}

async function seedRows(ds: DataSource, now: Date, scale: Scale): Promise<string[]> {
  const rand = rng(42);
  const nowMs = now.getTime();
  const stamp = now.toISOString();
  const fiveYears = 5 * 365 * 86_400_000;
  const station = uuid('5000', 1);
  await insert(
    ds,
    cols(
      'stations',
      'id:text name:text court_name:text timezone:text shift_templates:text workdays_only:bool fallback_phone:text created_at:text updated_at:text',
    ),
    1,
    () => [station, 'bench', 'bench court', 'Asia/Shanghai', '[]', true, '0', stamp, stamp],
  );

  const tiers = ['core', 'core', 'core', 'reserve', 'reserve', 'none'];
  await insert(
    ds,
    cols(
      'lawyers',
      'id:text name:text license_no:text firm:text phone:text email:text juvenile_experience:bool criminal_practice_since:text pool_tier:text weight:real max_open_cases:int open_cases:int active:bool suspended:bool last_appointed_at:text created_at:text updated_at:text tier_rank:int firm_key:text',
    ),
    scale.lawyers,
    (i) => {
      const last = rand() < 0.9 ? new Date(nowMs - Math.floor(rand() * 400 * 86_400_000)).toISOString() : '';
      return [
        uuid('a000', i),
        `律师${i}`,
        `1${String(i).padStart(16, '0')}`,
        `律师事务所${i % FIXED.firms}`,
        '13800000000',
        `l${i}@example.com`,
        rand() < 0.3,
        `${2000 + Math.floor(rand() * 26)}-01-01`,
        tiers[i % tiers.length],
        rand() < 0.2 ? 2 : 1,
        10,
        Math.floor(rand() * 9),
        rand() > 0.05,
        false,
        last,
        stamp,
        stamp,
        [0, 0, 0, 1, 1, 2][i % tiers.length],
        `律师事务所${i % FIXED.firms}`,
      ];
    },
  );
  await ds.query("UPDATE lawyers SET last_appointed_at = NULL WHERE last_appointed_at = ''");

  await insert(
    ds,
    cols('lawyer_unavailability', 'id:text lawyer_id:text from_date:text to_date:text reason:text created_at:text'),
    FIXED.leave,
    (i) => [uuid('b000', i), uuid('a000', Math.floor(rand() * scale.lawyers)), '2026-10-01', '2026-10-20', 'bench', stamp],
  );

  const caseCols = cols(
    'cases',
    'id:text court_case_no:text court_name:text station_id:text procedure:text charges:text offence_date:text defendant:text defendant_name:text juvenile:bool route:text route_reason:text requires_juvenile_experience:bool requires_senior_lawyer:bool status:text mandatory_grounds:text missing_fields:text warnings:text judge:text indictment_attached:bool received_at:text related_case_nos:text deadlines:text appoint_by:text created_at:text updated_at:text',
  );
  const caseRow = (
    id: Expr,
    no: Expr,
    defendant: Expr | string,
    status: string,
    juvenile: Expr | boolean,
    senior: Expr | boolean,
    receivedAt: Expr | string,
  ): GenRow => [
    id,
    no,
    'bench court',
    station,
    'ordinary',
    '["盗窃罪"]',
    '2025-01-01',
    new Expr(
      `'{"name":"' || ${defendant instanceof Expr ? defendant.sql : literal(defendant)} || '","birthDate":"1990-01-01","detained":true}'`,
    ),
    defendant,
    juvenile,
    'appointed_defence',
    'procedure',
    juvenile,
    senior,
    status,
    '[]',
    '[]',
    '[]',
    '{}',
    true,
    receivedAt,
    '[]',
    '{"appointBy":"2026-10-15"}',
    '2026-10-15',
    stamp,
    stamp,
  ];
  const id = (d: Dialect, kind: string, of = 'i') => new Expr(`'${uuid(kind, 0).slice(0, -12)}' || ${d.hex12(of)}`);
  const fiveYearsS = fiveYears / 1000;
  await generate(ds, caseCols, scale.cases, (d) =>
    caseRow(
      id(d, 'c000'),
      new Expr(`'（历史）' || (i / 2) || '号'`),
      // Each past case its own defendant: a target sharing a number meets co-defendants.
      new Expr(`'h' || i`),
      'closed',
      false,
      false,
      new Expr(d.iso(`${nowMs} - ${randInt(1, fiveYearsS)} * 1000 - i % 1000`)),
    ),
  );
  const targets = Array.from({ length: FIXED.targets }, (_, i) => uuid('d000', i));
  // Every third shares a case number with history (co-defendant bar), every fourth is juvenile, every fifth serious.
  await generate(ds, caseCols, FIXED.targets, (d) =>
    caseRow(
      id(d, 'd000'),
      new Expr(`CASE WHEN i % 3 = 0 THEN '（历史）' || (i * 7) || '号' ELSE '（待指派）' || i || '号' END`),
      'x',
      'ready',
      new Expr('(i % 4 = 0)'),
      new Expr('(i % 5 = 0)'),
      stamp,
    ),
  );

  // Appointed a day to five years ago; the two deadline columns carry the appointment's date.
  await generate(
    ds,
    cols(
      'assignments',
      'id:text case_id:text lawyer_id:text kind:text explanation:text status:text appointed_at:text contact_judge_by:text file_review_by:text',
    ),
    scale.assignments,
    (d) => {
      const at = d.iso(`${nowMs - 86_400_000} - ${randInt(2, fiveYearsS)} * 1000 - i % 1000`);
      return [
        id(d, 'e000'),
        id(d, 'c000', `i % ${scale.cases}`),
        id(d, 'a000', randInt(3, scale.lawyers)),
        'pick',
        '{}',
        'closed',
        new Expr(at),
        new Expr(`substr(${at}, 1, 10)`),
        new Expr(`substr(${at}, 1, 10)`),
      ];
    },
  );
  return targets;
}
