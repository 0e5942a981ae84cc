import { lawyerBody } from './factories/lawyer.factory';
import { LawyerRef, stationBody, stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

interface ShiftBody {
  id: string;
  date: string;
  templateName: string;
  start: string;
  lawyerId: string | null;
  lawyerName: string | null;
  sequence: number;
}

/** What the roster screen reads and changes (rule 10): names, current figures, slot changes in a draft, candidates. */
describe('the roster screen API: details, candidates, draft changes (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  let stationId: string;
  let lawyers: LawyerRef[];
  let rosterId: string;
  let shifts: ShiftBody[];

  const mails = async () => Number((await dispatcher.get('/api/v1/notifications').expect(200)).headers['x-total-count']);
  const load = async () => (await dispatcher.get(`/api/v1/rosters/${rosterId}`).expect(200)).body;

  beforeAll(async () => {
    t = await startApp({ now: '2026-09-28T00:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    ({ stationId, lawyers } = await stationWithLawyers(dispatcher, 4, lawyerBody));
    await dispatcher
      .post(`/api/v1/lawyers/${lawyers[3].id}/unavailability`)
      .send({ from: '2026-10-19', to: '2026-10-23', reason: '年假' })
      .expect(201);
    const roster = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2026-10-12', to: '2026-10-30' })
      .expect(201);
    rosterId = roster.body.id;
  });
  afterAll(() => t.close());

  it('shows the draft with names: shifts, members, fairness keyed by lawyer (rule 10)', async () => {
    const body = await load();
    shifts = body.shifts;
    expect(body).toMatchObject({ status: 'draft', station: { id: stationId, timezone: 'Asia/Shanghai' }, swapRequests: [], changes: [] });
    expect(body.members.map((m: { name: string }) => m.name).sort()).toEqual(lawyers.map((l) => l.name).sort());
    expect(shifts.every((s) => s.lawyerName === lawyers.find((l) => l.id === s.lawyerId)!.name)).toBe(true);
    expect(Object.keys(body.lawyerNames).sort()).toEqual(lawyers.map((l) => l.id).sort());
    expect(body.fairness.max - body.fairness.min).toBeLessThanOrEqual(1);
  });

  it('lists candidates for a slot: the one on leave refused by rule, the holder marked (rule 10)', async () => {
    const s = shifts.find((x) => x.date === '2026-10-20')!;
    const res = await dispatcher.get(`/api/v1/shifts/${s.id}/candidates`).expect(200);
    expect(res.body).toMatchObject({ shiftId: s.id, date: '2026-10-20', lawyerId: s.lawyerId });
    const byId = new Map(res.body.candidates.map((c: { lawyerId: string }) => [c.lawyerId, c]));
    expect(byId.get(lawyers[3].id)).toMatchObject({ eligible: false, hard: ['UNAVAILABLE'] });
    expect(byId.get(s.lawyerId!)).toMatchObject({ current: true, eligible: false });
    expect(res.body.candidates.at(-1).lawyerId).toBe(s.lawyerId);
    expect(res.body.candidates[0].eligible).toBe(true);
  });

  it('changes a draft slot without a reason and without mail; the figures follow (rule 10)', async () => {
    const before = await mails();
    const old = (await load()).fairness.perLawyer;
    const s = shifts.find((x) => x.lawyerId === lawyers[0].id)!;
    const res = await dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: lawyers[1].id }).expect(200);
    expect(res.body).toMatchObject({ id: s.id, lawyerId: lawyers[1].id, status: 'draft' });
    const body = await load();
    expect(body.fairness.perLawyer[lawyers[0].id]).toBe(old[lawyers[0].id] - 1);
    expect(body.fairness.perLawyer[lawyers[1].id]).toBe(old[lawyers[1].id] + 1);
    const codes = body.warnings.map((w: { code: string }) => w.code);
    expect(codes.includes('UNBALANCED')).toBe(body.fairness.max - body.fairness.min > 1);
    expect(body.changes).toMatchObject([
      { shiftId: s.id, action: 'shift.override', fromLawyerName: lawyers[0].name, toLawyerName: lawyers[1].name, reason: null },
    ]);
    expect(body.shifts.find((x: ShiftBody) => x.id === s.id).lawyerName).toBe(lawyers[1].name);
    expect(await mails()).toBe(before);
  });

  it('refuses in a draft what the hard rules forbid: leave, an overlapping published shift elsewhere (409, rule 10)', async () => {
    const onLeaveDay = shifts.find((x) => x.date === '2026-10-21' && x.lawyerId !== lawyers[3].id)!;
    const leave = await dispatcher.patch(`/api/v1/shifts/${onLeaveDay.id}`).send({ lawyerId: lawyers[3].id }).expect(409);
    expect(leave.body).toMatchObject({ code: 'UNAVAILABLE', details: [{ field: 'lawyerId' }] });
    // A published shift at another station 10:00–11:00 overlaps the draft's morning slot.
    const day = shifts.filter((x) => x.date === '2026-10-13');
    const busy = lawyers.find((l) => !day.some((x) => x.lawyerId === l.id))!;
    const other = await dispatcher
      .post('/api/v1/stations')
      .send(stationBody({ shiftTemplates: [{ name: '中午', start: '10:00', end: '11:00' }] }))
      .expect(201);
    await dispatcher
      .patch(`/api/v1/lawyers/${busy.id}`)
      .send({ dutyStationIds: [stationId, other.body.id] })
      .expect(200);
    const elsewhere = await dispatcher
      .post(`/api/v1/stations/${other.body.id}/rosters`)
      .send({ from: '2026-10-13', to: '2026-10-13' })
      .expect(201);
    await dispatcher.post(`/api/v1/rosters/${elsewhere.body.id}/publish`).expect(200);
    const morning = day.find((x) => x.start === '09:00')!;
    const clash = await dispatcher.patch(`/api/v1/shifts/${morning.id}`).send({ lawyerId: busy.id }).expect(409);
    expect(clash.body.code).toBe('OVERLAPPING_SHIFT');
    // The afternoon holder's morning slot in the same draft is a second shift that day: allowed, with its warning.
    const afternoon = day.find((x) => x.start !== '09:00')!;
    const listed = (await dispatcher.get(`/api/v1/shifts/${morning.id}/candidates`).expect(200)).body.candidates;
    expect(listed.find((c: { lawyerId: string }) => c.lawyerId === busy.id)).toMatchObject({
      eligible: false,
      hard: ['OVERLAPPING_SHIFT'],
    });
    expect(listed.find((c: { lawyerId: string }) => c.lawyerId === afternoon.lawyerId)).toMatchObject({
      eligible: true,
      soft: expect.arrayContaining(['SECOND_SHIFT_SAME_DAY']),
    });
  });

  it('two changes of one draft slot from the same view: one wins, the other is told to reload (409 SHIFT_CHANGED)', async () => {
    const body = await load();
    const s: ShiftBody = body.shifts.find((x: ShiftBody) => x.date === '2026-10-29');
    const others = lawyers.filter((l) => !body.shifts.some((x: ShiftBody) => x.date === s.date && x.lawyerId === l.id));
    const answers = await Promise.all(
      others.slice(0, 2).map((l) => dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: l.id, sequence: s.sequence })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('SHIFT_CHANGED');
    const held = (await load()).shifts.find((x: ShiftBody) => x.id === s.id);
    expect(held.lawyerId).toBe(answers.find((a) => a.status === 200)!.body.lawyerId);
  });

  it('a published shift still needs a reason (400 naming reason); with one it is told and listed as a change', async () => {
    await dispatcher.post(`/api/v1/rosters/${rosterId}/publish`).expect(200);
    const body = await load();
    const s: ShiftBody = body.shifts.find((x: ShiftBody) => x.lawyerId === lawyers[2].id && x.date >= '2026-10-27');
    const bad = await dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: lawyers[0].id }).expect(400);
    expect(bad.body.details[0].field).toBe('reason');
    const before = await mails();
    await dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: lawyers[0].id, reason: '出庭冲突' }).expect(200);
    expect(await mails()).toBeGreaterThan(before);
    const after = await load();
    expect(after.changes.at(-1)).toMatchObject({
      shiftId: s.id,
      fromLawyerName: lawyers[2].name,
      toLawyerName: lawyers[0].name,
      reason: '出庭冲突',
      actorRole: 'dispatcher',
    });
  });

  it('shows pending swap requests with both names', async () => {
    const body = await load();
    const s: ShiftBody = body.shifts.find((x: ShiftBody) => x.lawyerId === lawyers[1].id && x.date >= '2026-10-28');
    const to = lawyers.find((l) => !body.shifts.some((x: ShiftBody) => x.date === s.date && x.lawyerId === l.id))!;
    const lawyer = t.as(await t.tokenFor('lawyer', s.lawyerId!));
    const swap = await lawyer.post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: to.id }).expect(201);
    expect((await load()).swapRequests).toMatchObject([
      { id: swap.body.id, shiftId: s.id, fromLawyerName: lawyers[1].name, toLawyerName: to.name },
    ]);
  });

  it('404 for an unknown shift or roster; a lawyer may not read candidates (403)', async () => {
    await dispatcher.get('/api/v1/shifts/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/candidates').expect(404);
    await dispatcher.get('/api/v1/rosters/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').expect(404);
    const lawyer = t.as(await t.tokenFor('lawyer', lawyers[0].id));
    await lawyer.get(`/api/v1/shifts/${shifts[0].id}/candidates`).expect(403);
  });
});
