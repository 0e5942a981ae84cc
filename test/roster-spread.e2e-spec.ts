import { lawyerBody } from './factories/lawyer.factory';
import { LawyerRef, stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

interface ShiftBody {
  id: string;
  date: string;
  lawyerId: string | null;
}

const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

describe('rosters people accept: spread over weekdays and half-days, recurring weekdays (e2e, issue 15)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  let stationId: string;
  let lawyers: LawyerRef[];

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-20T00:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    ({ stationId, lawyers } = await stationWithLawyers(dispatcher, 6, lawyerBody));
  });
  afterAll(() => t.close());

  it('takes blockedWeekdays and preferredWeekdays on a lawyer, and refuses bad ones naming the field', async () => {
    const res = await dispatcher
      .patch(`/api/v1/lawyers/${lawyers[0].id}`)
      .send({ blockedWeekdays: [3] })
      .expect(200);
    expect(res.body).toMatchObject({ blockedWeekdays: [3], preferredWeekdays: [] });
    expect((await dispatcher.get(`/api/v1/lawyers/${lawyers[0].id}`).expect(200)).body.blockedWeekdays).toEqual([3]);
    for (const [body, field] of [
      [{ blockedWeekdays: [8] }, 'blockedWeekdays'],
      [{ blockedWeekdays: [1, 1] }, 'blockedWeekdays'],
      [{ preferredWeekdays: 'Monday' }, 'preferredWeekdays'],
      [{ preferredWeekdays: [3] }, 'preferredWeekdays'],
    ] as const) {
      const bad = await dispatcher.patch(`/api/v1/lawyers/${lawyers[0].id}`).send(body).expect(400);
      expect(JSON.stringify(bad.body.details)).toContain(field);
    }
    const created = await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ preferredWeekdays: [2, 4] }))
      .expect(201);
    expect(created.body).toMatchObject({ blockedWeekdays: [], preferredWeekdays: [2, 4] });
  });

  it('generates November with every lawyer spread and the blocked Wednesday honoured like leave; an override onto it is 409', async () => {
    const res = await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
    const shifts = res.body.shifts as ShiftBody[];
    expect(shifts.every((s) => s.lawyerId)).toBe(true);
    expect(shifts.filter((s) => s.lawyerId === lawyers[0].id && isoWeekday(s.date) === 3)).toEqual([]);
    const spread = res.body.fairness.spread as Record<
      string,
      { byWeekday: number[]; morning: number; afternoon: number; weekdayOk: boolean; halvesOk: boolean }
    >;
    expect(Object.keys(spread).sort()).toEqual(lawyers.map((l) => l.id).sort());
    for (const s of Object.values(spread)) expect(s).toMatchObject({ weekdayOk: true, halvesOk: true });
    expect(res.body.fairness.max - res.body.fairness.min).toBeLessThanOrEqual(1);
    expect(res.body.warnings.map((w: { code: string }) => w.code)).not.toContain('UNEVEN_SPREAD');

    await dispatcher.post(`/api/v1/rosters/${res.body.id}/publish`).expect(200);
    const wednesday = shifts.find((s) => isoWeekday(s.date) === 3)!;
    const refused = await dispatcher.patch(`/api/v1/shifts/${wednesday.id}`).send({ lawyerId: lawyers[0].id, reason: '调整' }).expect(409);
    expect(refused.body.code).toBe('UNAVAILABLE');
    const list = await dispatcher.get(`/api/v1/shifts/${wednesday.id}/candidates`).expect(200);
    expect(list.body.candidates.find((c: { lawyerId: string }) => c.lawyerId === lawyers[0].id)).toMatchObject({
      eligible: false,
      hard: ['UNAVAILABLE'],
    });
  });
});
