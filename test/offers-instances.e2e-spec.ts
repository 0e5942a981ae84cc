import { DataSource } from 'typeorm';
import { Assignment } from '../src/cases/assignment/assignment.entity';
import { OffersService } from '../src/cases/assignment/offers.service';
import { Lawyer } from '../src/lawyers/lawyer.entity';
import { caseSetup, CaseSetup } from './helpers/case-setup';
import { onPostgres, startApp, TestApp } from './helpers/app';

const CASES = 12;

// Several instances share PostgreSQL in production; SQLite is one process's embedded database.
(onPostgres ? describe : describe.skip)('offers on two instances of one PostgreSQL (e2e)', () => {
  let s: CaseSetup;
  let other: TestApp;
  beforeAll(async () => {
    s = await caseSetup();
    other = await startApp({ now: '2026-10-12T02:00:00Z', keepSchema: true });
    for (let i = 0; i < 3; i++) await s.lawyer({ maxOpenCases: 50 });
  });
  afterAll(async () => {
    await Promise.all([s.t.close(), other.close()]);
  });

  it(`expires each of ${CASES} silent offers exactly once and offers each case once more, with both instances running the job`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const c = await s.notice();
      await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'offer' }).expect(201);
      ids.push(c.caseId);
    }
    for (const t of [s.t, other]) t.clock.set('2026-10-13T03:00:00Z');
    const runs = await Promise.all(
      [1, 2, 3].flatMap(() => [s.t.app.get(OffersService).expireDue(), other.app.get(OffersService).expireDue()]),
    );
    expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(CASES);

    const rows = await s.t.app.get(DataSource).getRepository(Assignment).find();
    for (const caseId of ids) {
      const mine = rows
        .filter((r) => r.caseId === caseId)
        .map((r) => r.status)
        .sort();
      expect(mine).toEqual(['expired', 'offered']);
    }
    // Capacity: each lawyer holds exactly their pending offers.
    const lawyers = await s.t.app.get(DataSource).getRepository(Lawyer).find();
    for (const l of lawyers)
      expect(l.openCases).toBe(rows.filter((r) => r.lawyerId === l.id && (r.status === 'offered' || r.status === 'active')).length);
  });

  it('an accept and a decline of one offer racing on two instances: exactly one wins', async () => {
    for (const t of [s.t, other]) t.clock.set('2026-10-13T03:00:00Z');
    const c = await s.notice();
    const offered = (await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'offer' }).expect(201)).body.assignment;
    const onA = s.t.as(await s.t.tokenFor('lawyer', offered.lawyerId));
    const onB = other.as(await other.tokenFor('lawyer', offered.lawyerId));
    const [accept, decline] = await Promise.all([
      onA.post(`/api/v1/assignments/${offered.id}/accept`),
      onB.post(`/api/v1/assignments/${offered.id}/decline`).send({ reason: '冲突' }),
    ]);
    expect([accept.status, decline.status].sort()).toEqual([200, 409]);
    const rows = await s.t.app.get(DataSource).getRepository(Assignment).findBy({ caseId: c.caseId });
    expect(rows.filter((r) => r.status === 'active' || r.status === 'offered')).toHaveLength(1);
  });
});
