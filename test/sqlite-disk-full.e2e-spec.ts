import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { onPostgres, startApp, TestApp } from './helpers/app';

const CSV_HEADER = 'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier,weight,maxOpenCases';
const ROWS = 40;

/** A small tmpfs when this process may mount one (root), for a real ENOSPC. */
function mountTmpfs(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fills the file system until it refuses; returns the filler to delete. */
function fillDisk(dir: string): string {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return filler;
}

const READ_ONLY = ['', '-wal'].map((suffix) => `duty.sqlite${suffix}`);

/**
 * Makes the database's directory, file and WAL immutable (`chattr +i`): read-only for every
 * process, root included (chmod is not: root ignores modes, and the server's descriptors
 * were opened read-write before), and for descriptors already open. Needs root and a file
 * system with the flag (ext4, xfs, btrfs); false when this machine cannot.
 */
function immutable(dir: string, on: boolean): boolean {
  try {
    execFileSync('chattr', [on ? '+i' : '-i', ...READ_ONLY.map((f) => join(dir, f)), dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether `chattr +i` works here (tried on a probe file). */
function canMakeImmutable(dir: string): boolean {
  const probe = mkdtempSync(join(dir, 'probe-'));
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

interface Fault {
  name: string;
  available(dir: string): boolean;
  start(dir: string, t: TestApp): Promise<void>;
  end(dir: string, t: TestApp): Promise<void>;
}

const FAULTS: Fault[] = [
  {
    name: 'a full tmpfs (ENOSPC)',
    available: mountTmpfs,
    start: async (dir) => void fillDisk(dir),
    end: async (dir) => rmSync(join(dir, 'filler')),
  },
  {
    // The same SQLITE_FULL without root: the database may not grow by a page.
    name: 'max_page_count at the current size',
    available: () => true,
    start: async (_dir, t) => {
      const ds = t.app.get(DataSource);
      const [{ page_count }] = await ds.query('PRAGMA page_count');
      await ds.query(`PRAGMA max_page_count = ${page_count}`);
    },
    end: async (_dir, t) => void (await t.app.get(DataSource).query('PRAGMA max_page_count = 1073741823')),
  },
  {
    // Writes to the open file fail with EPERM: SQLITE_IOERR_WRITE.
    name: 'a read-only (immutable) file and directory',
    available: canMakeImmutable,
    start: async (dir) => void immutable(dir, true),
    end: async (dir) => void immutable(dir, false),
  },
  {
    // Without root: the same refusal one layer up, in SQLite itself (SQLITE_READONLY).
    name: 'a connection that may not write (query_only)',
    available: () => true,
    start: async (_dir, t) => void (await t.app.get(DataSource).query('PRAGMA query_only = ON')),
    end: async (_dir, t) => void (await t.app.get(DataSource).query('PRAGMA query_only = OFF')),
  },
];

/**
 * Fault test (issue 13, item 2): after the first SQLITE_FULL, ~300 imports answered 200 and
 * were never in the file, and /health said up. Every write answered 2xx must be in the file.
 * The same for a file that becomes read-only, and recovery without a restart when it is
 * writable again.
 */
(onPostgres ? describe.skip : describe).each(FAULTS)('SQLite on $name (e2e, fault test)', (fault) => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-full-'));
  let mounted = false;
  afterAll(() => {
    if (fault.name.includes('immutable')) immutable(dir, false); // a failed run must not leave undeletable files
    if (mounted) execFileSync('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 for writes that did not reach the file, health down until a real write succeeds, then recovers', async () => {
    if (!fault.available(dir)) return; // no root: the tmpfs row has nothing to test, the other row still runs
    mounted = fault.name.includes('tmpfs');
    const file = join(dir, 'duty.sqlite');
    const t = await startApp({ env: { DATABASE_URL: `sqlite:${file}` } });
    const acknowledged = { lawyers: [] as string[], cases: [] as string[] };
    const during: { status: number; headers: Record<string, string>; body: { code?: string } }[] = [];
    const healthAfterFault = { lastWrite: 0, health: 0 };
    try {
      const dispatcher = t.as(await t.tokenFor('dispatcher'));
      const clerk = t.as(await t.tokenFor('court_clerk'));
      const stationId = (await createStation(t)).id;
      const importRows = async () => {
        const rows = Array.from({ length: ROWS }, () => lawyerBody());
        const csv = [
          CSV_HEADER,
          ...rows.map((l) => [l.name, l.licenseNo, l.firm, l.phone, l.email, '否', '2010-05-01', 'core', '1', '5'].join(',')),
        ].join('\n');
        const res = await dispatcher.post('/api/v1/lawyers/import').set('Content-Type', 'text/csv').send(csv);
        if (res.status === 200) acknowledged.lawyers.push(...rows.map((r) => String(r.licenseNo)));
        return res;
      };
      const notice = async () => {
        const res = await clerk.post('/api/v1/court-notices').send(noticeBody(stationId));
        if (res.status === 201) acknowledged.cases.push(res.body.caseId);
        return res;
      };
      await importRows().then((r) => expect(r.status).toBe(200));

      await fault.start(dir, t);
      for (let i = 0; i < 15; i++) during.push(await importRows(), await notice());
      const last = during[during.length - 2];
      Object.assign(healthAfterFault, { lastWrite: last.status, health: (await t.http.get('/api/v1/health')).status });
      await fault.end(dir, t);
      await notice().then((r) => expect(r.status).toBe(201));
      await t.http.get('/api/v1/health').expect(200);
      await importRows().then((r) => expect(r.status).toBe(200));
    } finally {
      await t.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      const licences = new Set((db.prepare('SELECT license_no AS l FROM lawyers').all() as { l: string }[]).map((r) => r.l));
      const cases = new Set((db.prepare('SELECT id FROM cases').all() as { id: string }[]).map((r) => r.id));
      expect(acknowledged.lawyers.filter((l) => !licences.has(l))).toEqual([]);
      expect(acknowledged.cases.filter((c) => !cases.has(c))).toEqual([]);
    } finally {
      db.close();
    }
    expect(during.map((r) => r.status).filter((x) => ![200, 201, 503].includes(x))).toEqual([]);
    const refused = during.filter((r) => r.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0].headers['retry-after']).toBeDefined();
    expect(refused[0].body.code).toBe('DATABASE_UNAVAILABLE');
    // The import failed last: health is down although reads and tiny writes may pass.
    if (healthAfterFault.lastWrite === 503) expect(healthAfterFault.health).toBe(503);
  }, 120_000);
});
