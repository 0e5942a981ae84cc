/** Seed data for pick.bench.ts, written with each database's fast bulk path. */
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';

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
  const sqlite = ds.options.type === 'better-sqlite3';
  const db = sqlite ? (ds.driver as unknown as { databaseConnection: Database }).databaseConnection : null;
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

const cols = (table: string, spec: string): TableSpec => ({
  table,
  columns: spec.split(' ').map((c) => c.split(':') as [string, ColType]),
});

/** Seeds the pool and the history; returns the ids of the cases waiting for a pick. */
export async function seed(ds: DataSource, now: Date, scale: Scale = SEED): Promise<string[]> {
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
  const caseRow = (id: string, no: string, status: string, juvenile: boolean, senior: boolean, receivedAt: string): Row => [
    id,
    no,
    'bench court',
    station,
    'ordinary',
    '["盗窃罪"]',
    '2025-01-01',
    '{"name":"x","birthDate":"1990-01-01","detained":true}',
    'x',
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
  await insert(ds, caseCols, scale.cases, (i) =>
    caseRow(
      uuid('c000', i),
      `（历史）${Math.floor(i / 2)}号`,
      'closed',
      false,
      false,
      new Date(nowMs - Math.floor(rand() * fiveYears)).toISOString(),
    ),
  );
  const targets = Array.from({ length: FIXED.targets }, (_, i) => uuid('d000', i));
  // Every third shares a case number with history (co-defendant bar), every fourth is juvenile, every fifth serious.
  await insert(ds, caseCols, FIXED.targets, (i) =>
    caseRow(targets[i], i % 3 === 0 ? `（历史）${i * 7}号` : `（待指派）${i}号`, 'ready', i % 4 === 0, i % 5 === 0, stamp),
  );

  await insert(
    ds,
    cols(
      'assignments',
      'id:text case_id:text lawyer_id:text kind:text explanation:text status:text appointed_at:text contact_judge_by:text file_review_by:text',
    ),
    scale.assignments,
    (i) => {
      const at = new Date(nowMs - Math.floor(rand() * fiveYears) - 86_400_000);
      const day = at.toISOString().slice(0, 10);
      return [
        uuid('e000', i),
        uuid('c000', i % scale.cases),
        uuid('a000', Math.floor(rand() * scale.lawyers)),
        'pick',
        '{}',
        'closed',
        at.toISOString(),
        day,
        day,
      ];
    },
  );
  await ds.query('ANALYZE');
  return targets;
}
