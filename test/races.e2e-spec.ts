import { DataSource } from 'typeorm';
import { lawyerBody } from './factories/lawyer.factory';
import { createShift } from './factories/shift.factory';
import { stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;
const CSV_HEADER = 'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier,weight,maxOpenCases';

/**
 * Race tests (issue 13, item 6), meant for PostgreSQL (CI's e2e run there): a swap accept
 * racing an override deadlocked (500 in 7 of 10); losers of check-in and import races got
 * a generic CONSTRAINT_VIOLATION instead of the domain code.
 */
describe('races answered with the rule, never 500 (e2e, race test on PostgreSQL)', () => {
  let t: TestApp;
  let ds: DataSource;
  let stationId: string;
  let dispatcher: Agent;
  const lawyers: { id: string; as: Agent }[] = [];

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T01:00:00Z' });
    ds = t.app.get(DataSource);
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    const members = await stationWithLawyers(dispatcher, 3, lawyerBody);
    stationId = members.stationId;
    for (const l of members.lawyers) lawyers.push({ id: l.id, as: t.as(await t.tokenFor('lawyer', l.id)) });
  });
  afterAll(() => t.close());

  it('parallel check-ins: one is recorded, the others answer ALREADY_CHECKED_IN', async () => {
    const s = await createShift(ds, { stationId, date: '2026-10-12', lawyerId: lawyers[0].id });
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => lawyers[0].as.post(`/api/v1/shifts/${s.id}/check-in`)));
    expect(replies.filter((r) => r.status < 300)).toHaveLength(1);
    expect(replies.filter((r) => r.status >= 300).map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([409, 'ALREADY_CHECKED_IN']));
  });

  it('parallel settings of one new workday override and of one year arrangement: every one answers 201, each stored once', async () => {
    const overrides = await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        dispatcher.post('/api/v1/workdays/overrides').send({ date: '2027-03-08', workday: false, note: `妇女节 ${i}` }),
      ),
    );
    expect(overrides.map((r) => r.status)).toEqual(Array(5).fill(201));
    const arrangements = await Promise.all(
      [1, 2, 3].map(() =>
        dispatcher
          .post('/api/v1/workdays/arrangements')
          .send({ year: 2099, festivals: [{ name: '元旦', from: '2099-01-01', to: '2099-01-01' }], workdays: [] }),
      ),
    );
    expect(arrangements.map((r) => r.status)).toEqual(Array(3).fill(201));
    const stored = (await dispatcher.get('/api/v1/workdays/overrides').expect(200)).body.filter(
      (o: { date: string }) => o.date === '2027-03-08',
    );
    expect(stored).toHaveLength(1);
  });

  it('parallel imports of the same new lawyers: every one answers 200, each licence is stored once', async () => {
    const rows = Array.from({ length: 20 }, () => lawyerBody());
    const csv = [
      CSV_HEADER,
      ...rows.map((l) => [l.name, l.licenseNo, l.firm, l.phone, l.email, '否', '2010-05-01', 'core', '1', '5'].join(',')),
    ].join('\n');
    const replies = await Promise.all(
      [1, 2, 3, 4].map(() => dispatcher.post('/api/v1/lawyers/import').set('Content-Type', 'text/csv').send(csv)),
    );
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const listed = (await dispatcher.get(`/api/v1/lawyers?q=${encodeURIComponent(String(rows[0].licenseNo))}`).expect(200)).body;
    expect(listed).toHaveLength(1);
  });

  it('a swap accept racing an override: 200 or 409 with a code, the shift held by exactly one of them', async () => {
    const [from, to, other] = lawyers;
    for (let trial = 0; trial < 10; trial++) {
      const s = await createShift(ds, { stationId, date: `2026-10-${String(14 + trial).padStart(2, '0')}`, lawyerId: from.id });
      const offer = await from.as.post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: to.id }).expect(201);
      const [accept, override] = await Promise.all([
        to.as.post(`/api/v1/swap-requests/${offer.body.id}/accept`),
        dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: other.id, reason: '调整' }),
      ]);
      for (const r of [accept, override]) {
        expect([200, 409]).toContain(r.status);
        if (r.status === 409) expect(r.body.code).toEqual(expect.any(String));
      }
      const holder = (await dispatcher.get(`/api/v1/stations/${stationId}/shifts?from=${s.date}&to=${s.date}`).expect(200)).body.find(
        (x: { id: string }) => x.id === s.id,
      ).lawyerId;
      expect([to.id, other.id]).toContain(holder);
    }
  });

  it('checks who may act before the state: an uninvolved lawyer gets 403, not SWAP_NOT_PENDING (item 11)', async () => {
    const [from, to, other] = lawyers;
    const s = await createShift(ds, { stationId, date: '2026-10-30', lawyerId: from.id });
    const offer = await from.as.post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: to.id }).expect(201);
    await from.as.post(`/api/v1/swap-requests/${offer.body.id}/cancel`).expect(200);
    expect((await other.as.post(`/api/v1/swap-requests/${offer.body.id}/accept`)).status).toBe(403);
    expect((await other.as.post(`/api/v1/swap-requests/${offer.body.id}/cancel`)).status).toBe(403);
  });
});
