import { DataSource } from 'typeorm';
import { CandidatePool, HEAD_CANDIDATES } from '../src/cases/assignment/candidate-pool';
import {
  CandidateLawyer,
  DateRange,
  ExclusionReason,
  PickExplanation,
  pickLawyer,
  PickRequest,
  rollingWindow,
} from '../src/cases/assignment/domain/pick';
import { PickWindow } from '../src/cases/assignment/pick-window';
import { Assignment } from '../src/cases/assignment/assignment.entity';
import { Case } from '../src/cases/case.entity';
import { addDays, instantAt, localDateOf } from '../src/common/local-date';
import { iso } from '../src/database/columns';
import { Lawyer } from '../src/lawyers/lawyer.entity';
import { Unavailability } from '../src/lawyers/unavailability.entity';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { onPostgres, startApp, TestApp } from './helpers/app';

const WINDOW_DAYS = 20;
const STEPS = onPostgres ? 40 : 70;

/** Deterministic pseudo-random numbers (mulberry32): a failing run can be replayed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The pick as it was before the counter (the reference, kept here only): every lawyer row,
 * a GROUP BY over the window's slice of the history, the pure pick over the whole pool.
 */
async function oldPick(ds: DataSource, request: PickRequest, tz: string): Promise<PickExplanation> {
  const window = rollingWindow(request.appointmentDate, WINDOW_DAYS);
  const rows = await ds
    .createQueryBuilder(Assignment, 'a')
    .select('a.lawyer_id', 'lawyerId')
    .addSelect('COUNT(*)', 'n')
    .where('a.appointed_at >= :from AND a.appointed_at < :to', {
      from: iso(instantAt(window.from, '00:00', tz)),
      to: iso(instantAt(addDays(window.to, 1), '00:00', tz)),
    })
    .groupBy('a.lawyer_id')
    .getRawMany<{ lawyerId: string; n: string | number }>();
  const counts = new Map(rows.map((r) => [r.lawyerId, Number(r.n)]));
  const leave = new Map<string, DateRange[]>();
  for (const u of await ds.getRepository(Unavailability).find())
    leave.set(u.lawyerId, [...(leave.get(u.lawyerId) ?? []), { from: u.from, to: u.to }]);
  const candidates = (await ds.getRepository(Lawyer).find()).map((l): CandidateLawyer => ({
    ...l,
    weight: Number(l.weight),
    recentAppointments: counts.get(l.id) ?? 0,
    unavailable: leave.get(l.id) ?? [],
    stableKey: l.licenseNo,
  }));
  return pickLawyer(candidates, request);
}

function headlineCounts(e: PickExplanation): Partial<Record<ExclusionReason, number>> {
  const out: Partial<Record<ExclusionReason, number>> = {};
  for (const x of e.excluded) out[x.reason] = (out[x.reason] ?? 0) + 1;
  return out;
}

describe('the pick with the window counter equals the pick over the whole history (issue 16, DESIGN rules 4–6)', () => {
  let t: TestApp;
  let ds: DataSource;
  beforeAll(async () => {
    t = await startApp({ now: '2026-01-05T02:00:00Z', env: { ASSIGNMENT_WINDOW_DAYS: String(WINDOW_DAYS) } });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  /** The invariant: each lawyer's counter is the number of its assignments since counts_from. */
  async function expectCountersRight(): Promise<void> {
    const [{ from }] = await ds.query('SELECT counts_from AS "from" FROM pick_window WHERE name = \'rolling\'');
    const since = iso(instantAt(from, '00:00', t.config.courtTimezone));
    const wrong = await ds.query(
      `SELECT l.id FROM lawyers l WHERE l.window_count <> (SELECT COUNT(*) FROM assignments a WHERE a.lawyer_id = l.id AND a.appointed_at >= '${since}')`,
    );
    expect(wrong).toEqual([]);
  }

  /** The maintained class totals equal a count of every lawyer. */
  async function expectClassesRight(): Promise<void> {
    const recount = await ds.query(
      `SELECT c.appointable AS "appointable", c.juvenile_experience AS "juvenile", c.lawyers AS "kept", (SELECT COUNT(*) FROM lawyers l
        WHERE (l.active = true AND l.suspended = false) = c.appointable AND l.juvenile_experience = c.juvenile_experience) AS "counted"
        FROM lawyer_pool_classes c`,
    );
    expect(recount).toHaveLength(4);
    for (const r of recount) expect([r.appointable, r.juvenile, Number(r.kept)]).toEqual([r.appointable, r.juvenile, Number(r.counted)]);
  }

  it('random pools, histories, leave, refusals, terminations, rolls, edits and imports: same lawyer, same head, same counts', async () => {
    const rand = rng(16);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
    const dispatcher = t.as(await t.tokenFor('dispatcher'));
    const clerk = t.as(await t.tokenFor('court_clerk'));
    const stationId = (await createStation(t)).id;
    const weights = [0.3, 0.5, 0.7, 1, 1, 1, 1.5, 2, 2.5];
    const firms = ['天目律师事务所', '天目律师事务所 ', '南渡（苏州）律师事务所', '南渡(苏州)律师事务所', '东湖律师事务所'];
    const lawyers: string[] = [];
    const bodies: Record<string, unknown>[] = [];
    for (let i = 0; i < 30; i++) {
      const body = lawyerBody({
        firm: pick(firms),
        juvenileExperience: rand() < 0.5,
        criminalPracticeSince: pick(['2010-01-01', '2023-06-01', '2024-01-05', '2025-03-01']),
        poolTier: pick(['core', 'core', 'reserve', 'none']),
        weight: pick(weights),
        maxOpenCases: pick([2, 3, 10]),
      });
      lawyers.push((await dispatcher.post('/api/v1/lawyers').send(body).expect(201)).body.id);
      bodies.push(body);
    }
    const since = ['2010-01-01', '2023-06-01', '2024-01-05', '2025-03-01'];
    const csvLine = (b: Record<string, unknown>) =>
      [
        b.name,
        b.licenseNo,
        b.firm,
        b.phone,
        b.email,
        rand() < 0.5 ? '是' : '否',
        pick(since),
        'core',
        '1',
        pick(['1', '10']),
        rand() < 0.8 ? 'true' : 'false',
      ].join(',');
    const pool = t.app.get(CandidatePool);
    const window = t.app.get(PickWindow);
    const caseNos: string[] = [];
    let assigned = 0;
    for (let step = 0; step < STEPS; step++) {
      t.clock.advance(Math.floor(rand() * 4 * 86_400_000));
      const today = localDateOf(t.clock.now(), t.config.courtTimezone);
      const r = rand();
      if (r < 0.15) {
        const patch = pick([
          { weight: pick(weights) },
          { poolTier: pick(['core', 'reserve', 'none']) },
          { maxOpenCases: pick([1, 2, 10]) },
          { active: rand() < 0.8 },
          { suspended: true, suspensionReason: '停止执业' },
          { suspended: false },
          { juvenileExperience: rand() < 0.5 },
          { criminalPracticeSince: pick(since) },
        ]);
        await dispatcher
          .patch(`/api/v1/lawyers/${pick(lawyers)}`)
          .send(patch)
          .expect(200);
      } else if (r < 0.2) {
        // The import moves lawyers between counted classes too: one updated, one new.
        const fresh = lawyerBody({ firm: pick(firms) });
        const csv = `name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier,weight,maxOpenCases,active\n${csvLine(pick(bodies))}\n${csvLine(fresh)}\n`;
        await dispatcher
          .post('/api/v1/lawyers/import')
          .set('Content-Type', 'text/csv')
          .send(csv)
          .expect(200, { created: 1, updated: 1, errors: [] });
        bodies.push(fresh);
        const [found] = (await dispatcher.get(`/api/v1/lawyers?q=${String(fresh.licenseNo)}`).expect(200)).body;
        lawyers.push(found.id);
      } else if (r < 0.28) {
        await dispatcher
          .post(`/api/v1/lawyers/${pick(lawyers)}/unavailability`)
          .send({ from: today, to: addDays(today, 3), reason: '出差' })
          .expect(201);
      } else if (r < 0.35) {
        expect(await window.roll()).toBe(true);
      }
      const juvenile = rand() < 0.3;
      const courtCaseNo = caseNos.length && rand() < 0.3 ? pick(caseNos) : undefined;
      const notice = await clerk
        .post('/api/v1/court-notices')
        .send(
          noticeBody(stationId, {
            ...(courtCaseNo ? { courtCaseNo } : {}),
            offenceDate: '2025-12-01',
            possibleSentence: rand() < 0.3 ? 'life' : 'ordinary',
            trialAt: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString(),
            defendant: { birthDate: juvenile ? '2010-01-01' : '1990-03-15' },
          }),
        )
        .expect(201);
      const c = (await ds.getRepository(Case).findOneByOrFail({ id: notice.body.caseId }))!;
      caseNos.push(c.courtCaseNo);
      if (c.route !== 'appointed_defence') continue;

      await ds.transaction((m) => window.ensure(m, rollingWindow(today, WINDOW_DAYS).from));
      const loaded = await pool.load(ds.manager, c, today);
      const fresh = pickLawyer(loaded.candidates, loaded.request);
      const reference = await oldPick(ds, loaded.request, t.config.courtTimezone);
      expect(fresh.chosen).toEqual(reference.chosen);
      expect(fresh.candidates.slice(0, HEAD_CANDIDATES)).toEqual(reference.candidates.slice(0, HEAD_CANDIDATES));
      expect(loaded.counts).toEqual({
        eligible: reference.candidates.length,
        excluded: reference.excluded.length,
        excludedByReason: headlineCounts(reference),
      });

      const res = await dispatcher.post(`/api/v1/cases/${c.id}/assign`).send({});
      if (!reference.chosen) {
        expect(res.status).toBe(409);
        continue;
      }
      expect(res.status).toBe(201);
      expect(res.body.explanation.chosen).toEqual(reference.chosen);
      assigned++;
      const after = rand();
      if (after < 0.2)
        await dispatcher
          .post(`/api/v1/cases/${c.id}/refusal`)
          .send({ justified: rand() < 0.5, reason: '被告人拒绝' })
          .expect(201);
      else if (after < 0.35) await dispatcher.post(`/api/v1/cases/${c.id}/terminate`).send({ ground: 'self_retained' }).expect(201);
      await expectCountersRight();
      await expectClassesRight();
    }
    expect(assigned).toBeGreaterThan(STEPS / 3);
  }, 600_000);

  (onPostgres ? it : it.skip)('PostgreSQL keeps the case’s reach and the first ranked page planned on the connection', async () => {
    const pool = t.app.get(CandidatePool);
    const [c] = await ds.getRepository(Case).find({ take: 1 });
    const kept: { statement: string }[] = await ds.transaction(async (m) => {
      await pool.load(m, c, '2026-01-05');
      return m.query("SELECT statement FROM pg_prepared_statements WHERE name LIKE 'kept_%'");
    });
    expect(kept.filter((k) => k.statement.startsWith('WITH family AS')).length).toBeGreaterThanOrEqual(1);
    expect(kept.filter((k) => /ORDER BY "l"."tier_rank" ASC.* LIMIT \d+ OFFSET 0$/s.test(k.statement)).length).toBeGreaterThanOrEqual(1);
  });
});
