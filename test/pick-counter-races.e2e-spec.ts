import { DataSource } from 'typeorm';
import { PickWindow } from '../src/cases/assignment/pick-window';
import { instantAt } from '../src/common/local-date';
import { iso } from '../src/database/columns';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

const WINDOW_DAYS = 10;
/**
 * Requests in flight at once: below the pool's 10 connections, since the assign transaction
 * still reads the workday calendar through a second connection (issue 13 item 1 removes it).
 */
const WAVE = 6;

async function waves<T>(work: Array<() => Promise<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < work.length; i += WAVE) out.push(...(await Promise.all(work.slice(i, i + WAVE).map((w) => w()))));
  return out;
}

/**
 * The window counter under concurrency (issue 16): concurrent assigns, terminations and the
 * daily roll (on two instances sharing the database) leave every counter equal to the
 * count it replaces. Meant for PostgreSQL (`scripts/with-postgres.sh`); on SQLite the
 * same requests queue and the test still checks the arithmetic.
 */
describe('window counter races (PostgreSQL)', () => {
  let a: TestApp;
  let b: TestApp;
  let ds: DataSource;
  const env = { ASSIGNMENT_WINDOW_DAYS: String(WINDOW_DAYS) };
  beforeAll(async () => {
    a = await startApp({ now: '2026-03-02T02:00:00Z', env });
    b = process.env.TEST_DATABASE_URL?.startsWith('postgres') ? await startApp({ now: '2026-03-02T02:00:00Z', env, keepSchema: true }) : a;
    ds = a.app.get(DataSource);
  });
  afterAll(async () => {
    if (b !== a) await b.close();
    await a.close();
  });

  async function wrongCounters(): Promise<unknown[]> {
    const [{ from }] = await ds.query('SELECT counts_from AS "from" FROM pick_window WHERE name = \'rolling\'');
    const since = iso(instantAt(from, '00:00', a.config.courtTimezone));
    return ds.query(
      `SELECT l.id, l.window_count, l.open_cases FROM lawyers l WHERE l.window_count <> (SELECT COUNT(*) FROM assignments a WHERE a.lawyer_id = l.id AND a.appointed_at >= '${since}')
         OR l.open_cases <> (SELECT COUNT(*) FROM assignments a WHERE a.lawyer_id = l.id AND a.status = 'active')`,
    );
  }

  it('concurrent assigns and terminations, then the roll racing assigns on two instances', async () => {
    const dispatcherA = a.as(await a.tokenFor('dispatcher'));
    const dispatcherB = b.as(await b.tokenFor('dispatcher'));
    const clerk = a.as(await a.tokenFor('court_clerk'));
    const stationId = (await createStation(a)).id;
    for (let i = 0; i < 8; i++)
      await dispatcherA
        .post('/api/v1/lawyers')
        .send(lawyerBody({ maxOpenCases: 50, weight: i % 3 === 0 ? 2 : 1 }))
        .expect(201);
    const notices = async (n: number) => {
      const out: string[] = [];
      for (let i = 0; i < n; i++)
        out.push(
          (
            await clerk
              .post('/api/v1/court-notices')
              .send(noticeBody(stationId, { offenceDate: '2026-01-05' }))
              .expect(201)
          ).body.caseId,
        );
      return out;
    };

    const first = await notices(24);
    const assigned = await waves(
      first.map(
        (id, i) => () =>
          (i % 2 ? dispatcherA : dispatcherB)
            .post(`/api/v1/cases/${id}/assign`)
            .send({})
            .then((r) => r),
      ),
    );
    expect(assigned.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(await wrongCounters()).toEqual([]);

    // Terminations of half of them while the rest of a new batch is assigned.
    const second = await notices(12);
    const terminate = (id: string, i: number) => () =>
      (i % 2 ? dispatcherA : dispatcherB)
        .post(`/api/v1/cases/${id}/terminate`)
        .send({ ground: 'self_retained' })
        .then((r) => r);
    const assign = (id: string, i: number) => () =>
      (i % 2 ? dispatcherB : dispatcherA)
        .post(`/api/v1/cases/${id}/assign`)
        .send({})
        .then((r) => r);
    const mixed = await waves(first.slice(0, 12).flatMap((id, i) => [terminate(id, i), assign(second[i], i)]));
    expect(mixed.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(await wrongCounters()).toEqual([]);

    // Past the window: the first batches leave it. Both instances roll while picks run.
    for (const t of [a, b]) t.clock.advance(WINDOW_DAYS * 86_400_000);
    const third = await notices(12);
    const [rolls, statuses] = await Promise.all([
      Promise.all([a.app.get(PickWindow).roll(), b.app.get(PickWindow).roll()]),
      waves(
        third.map(
          (id, i) => () =>
            (i % 2 ? dispatcherA : dispatcherB)
              .post(`/api/v1/cases/${id}/assign`)
              .send({})
              .then((r) => r.status),
        ),
      ),
    ]);
    expect(rolls.filter(Boolean).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    expect(await wrongCounters()).toEqual([]);
    const [{ total }] = await ds.query('SELECT SUM(window_count) AS total FROM lawyers');
    expect(Number(total)).toBe(third.length);
  }, 300_000);

  it('the class totals and the stored counts stay right under concurrent assigns, edits and new lawyers (issue 16)', async () => {
    const dispatcherA = a.as(await a.tokenFor('dispatcher'));
    const dispatcherB = b.as(await b.tokenFor('dispatcher'));
    const clerk = a.as(await a.tokenFor('court_clerk'));
    const stationId = (await createStation(a)).id;
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await dispatcherA
            .post('/api/v1/lawyers')
            .send(lawyerBody({ maxOpenCases: 2 }))
            .expect(201)
        ).body.id,
      );
    const cases: string[] = [];
    for (let i = 0; i < 12; i++)
      cases.push(
        (
          await clerk
            .post('/api/v1/court-notices')
            .send(noticeBody(stationId, { offenceDate: '2026-01-05' }))
            .expect(201)
        ).body.caseId,
      );
    // Assigns fill lawyers to capacity while both instances edit the counted columns and add lawyers.
    const work = cases.flatMap((id, i) => [
      () =>
        (i % 2 ? dispatcherA : dispatcherB)
          .post(`/api/v1/cases/${id}/assign`)
          .send({})
          .then((r) => r.status),
      () =>
        (i % 2 ? dispatcherB : dispatcherA)
          .patch(`/api/v1/lawyers/${ids[i % ids.length]}`)
          .send(
            i % 3 === 0
              ? { juvenileExperience: i % 2 === 0 }
              : i % 3 === 1
                ? { suspended: true, suspensionReason: '停止执业' }
                : { suspended: false },
          )
          .then((r) => (r.status === 200 ? 201 : r.status)),
      () =>
        (i % 2 ? dispatcherA : dispatcherB)
          .post('/api/v1/lawyers')
          .send(lawyerBody({ juvenileExperience: i % 2 === 0 }))
          .then((r) => r.status),
    ]);
    const statuses = await waves(work);
    expect(statuses.filter((st) => st !== 201 && st !== 409)).toEqual([]);

    const [kept] = await ds.query(
      `SELECT SUM(CASE WHEN c.lawyers = (SELECT COUNT(*) FROM lawyers l WHERE (l.active = true AND l.suspended = false) = c.appointable
         AND l.juvenile_experience = c.juvenile_experience) THEN 1 ELSE 0 END) AS "right", COUNT(*) AS "rows" FROM lawyer_pool_classes c`,
    );
    expect([Number(kept.right), Number(kept.rows)]).toEqual([4, 4]);
    // The next pick (no family, no qualification asked) counts the pool as a scan of every lawyer does.
    const [pool] = await ds.query(
      `SELECT SUM(CASE WHEN active = true AND suspended = false THEN 0 ELSE 1 END) AS "inactive",
        SUM(CASE WHEN active = true AND suspended = false AND open_cases >= max_open_cases THEN 1 ELSE 0 END) AS "full", COUNT(*) AS "all" FROM lawyers`,
    );
    const next = (
      await clerk
        .post('/api/v1/court-notices')
        .send(noticeBody(stationId, { offenceDate: '2026-01-05' }))
        .expect(201)
    ).body.caseId;
    const res = await dispatcherA.post(`/api/v1/cases/${next}/assign`).send({}).expect(201);
    const excluded = { INACTIVE: Number(pool.inactive), AT_CAPACITY: Number(pool.full) };
    expect(res.body.explanation.excludedByReason).toEqual(Object.fromEntries(Object.entries(excluded).filter(([, n]) => n > 0)));
    expect(res.body.explanation.eligibleCount).toBe(Number(pool.all) - excluded.INACTIVE - excluded.AT_CAPACITY);
  }, 300_000);
});
