import { lawyerBody } from './factories/lawyer.factory';
import { LawyerRef, stationBody, stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

interface ShiftBody {
  id: string;
  date: string;
  templateName: string;
  lawyerId: string | null;
  sequence: number;
}

/** Overrides and swaps after publishing re-check the hard rules (rule 10) and keep an audit trail. */
describe('shift overrides and swaps (e2e)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  let stationId: string;
  let lawyers: LawyerRef[];
  let shifts: ShiftBody[];
  let token: Record<string, ReturnType<TestApp['as']>>;

  const used = new Set<string>();
  /** A shift of the lawyer on or after `after` that no earlier test has used. */
  const shiftOf = (lawyer: LawyerRef, after = '2026-10-01') => {
    const s = shifts.find((x) => x.lawyerId === lawyer.id && x.date >= after && !used.has(x.id))!;
    used.add(s.id);
    return s;
  };
  const reload = async () => {
    shifts = (await dispatcher.get(`/api/v1/stations/${stationId}/shifts?from=2026-10-01&to=2026-10-31`).expect(200)).body;
  };

  beforeAll(async () => {
    t = await startApp({ now: '2026-09-28T00:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    ({ stationId, lawyers } = await stationWithLawyers(dispatcher, 4, lawyerBody));
    const roster = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2026-10-01', to: '2026-10-31' })
      .expect(201);
    await dispatcher.post(`/api/v1/rosters/${roster.body.id}/publish`).expect(200);
    await reload();
    token = {};
    for (const [i, l] of lawyers.entries()) token[i] = t.as(await t.tokenFor('lawyer', l.id));
  });
  afterAll(() => t.close());

  describe('dispatcher override', () => {
    it('moves the shift, bumps its sequence, audits both lawyers with the reason', async () => {
      const s = shiftOf(lawyers[0]);
      const res = await dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: lawyers[1].id, reason: '律师出庭冲突' }).expect(200);
      expect(res.body).toMatchObject({ id: s.id, lawyerId: lawyers[1].id, sequence: s.sequence + 1 });
      expect(Array.isArray(res.body.warnings)).toBe(true);
      const audit = await t.admin.get(`/api/v1/audit?entity=shift&id=${s.id}`).expect(200);
      expect(audit.body.at(-1)).toMatchObject({
        action: 'shift.override',
        summary: { fromLawyerId: lawyers[0].id, toLawyerId: lawyers[1].id, reason: '律师出庭冲突' },
      });
      await reload();
    });

    it('warns, without refusing, on the soft rules: a second shift the same day', async () => {
      const date = shifts.find((s) => s.lawyerId === lawyers[2].id)!.date;
      const other = shifts.find((s) => s.date === date && s.lawyerId !== lawyers[2].id)!;
      const res = await dispatcher.patch(`/api/v1/shifts/${other.id}`).send({ lawyerId: lawyers[2].id, reason: '调整' }).expect(200);
      expect(res.body.warnings.map((w: { code: string }) => w.code)).toContain('SECOND_SHIFT_SAME_DAY');
      await reload();
    });

    it.each([
      ['a reason is required', () => ({ lawyerId: lawyers[1].id }), 400, 'reason'],
      ['a lawyer outside the station', () => ({ lawyerId: outsider, reason: 'x' }), 400, 'lawyerId'],
      ['an inactive member', () => ({ lawyerId: inactive, reason: 'x' }), 400, 'lawyerId'],
      ['a lawyer on leave that day (UNAVAILABLE)', () => ({ lawyerId: lawyers[3].id, reason: 'x' }), 409, 'lawyerId'],
    ])('refuses %s', async (_name, body, status, field) => {
      const s = shifts.find((x) => x.date === '2026-10-20' && x.lawyerId !== lawyers[3].id)!;
      const res = await dispatcher.patch(`/api/v1/shifts/${s.id}`).send(body()).expect(status);
      expect(res.body.details[0].field).toBe(field);
    });

    it('refuses an overlapping shift at another station (OVERLAPPING_SHIFT, 409)', async () => {
      const other = await dispatcher
        .post('/api/v1/stations')
        .send(stationBody({ shiftTemplates: [{ name: '中午', start: '10:00', end: '11:00' }] }))
        .expect(201);
      const date = '2026-10-21';
      const morning = shifts.find((s) => s.date === date && s.templateName === '上午')!;
      const free =
        lawyers.find((l) => !shifts.some((s) => s.date === date && s.lawyerId === l.id) && l !== lawyers[3]) ??
        lawyers.find((l) => l.id !== morning.lawyerId)!;
      await dispatcher
        .patch(`/api/v1/lawyers/${free.id}`)
        .send({ dutyStationIds: [stationId, other.body.id] })
        .expect(200);
      const r = await dispatcher.post(`/api/v1/stations/${other.body.id}/rosters`).send({ from: date, to: date }).expect(201);
      expect(r.body.shifts[0].lawyerId).toBe(free.id);
      await dispatcher.post(`/api/v1/rosters/${r.body.id}/publish`).expect(200);
      const res = await dispatcher.patch(`/api/v1/shifts/${morning.id}`).send({ lawyerId: free.id, reason: 'x' }).expect(409);
      expect(res.body.code).toBe('OVERLAPPING_SHIFT');
      await dispatcher.patch('/api/v1/shifts/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01').send({ lawyerId: free.id, reason: 'x' }).expect(404);
      await token[0].patch(`/api/v1/shifts/${morning.id}`).send({ lawyerId: free.id, reason: 'x' }).expect(403);
    });

    let outsider: string;
    let inactive: string;
    beforeAll(async () => {
      outsider = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
      inactive = (
        await dispatcher
          .post('/api/v1/lawyers')
          .send(lawyerBody({ dutyStationIds: [stationId], active: false }))
          .expect(201)
      ).body.id;
      await dispatcher
        .post(`/api/v1/lawyers/${lawyers[3].id}/unavailability`)
        .send({ from: '2026-10-20', to: '2026-10-20', reason: '病假' })
        .expect(201);
    });
  });

  describe('swap requests', () => {
    it('the holder offers, the other lawyer accepts: the shift moves and the audit trail names both', async () => {
      await reload();
      const s = shiftOf(lawyers[0], '2026-10-09');
      const req = await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[1].id }).expect(201);
      expect(req.body).toMatchObject({ status: 'pending', fromLawyerId: lawyers[0].id, toLawyerId: lawyers[1].id });
      await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[2].id }).expect(409);
      await token[2].post(`/api/v1/swap-requests/${req.body.id}/accept`).expect(403);
      const mine = await token[1].get('/api/v1/swap-requests?status=pending').expect(200);
      expect(mine.body.map((r: { id: string }) => r.id)).toEqual([req.body.id]);
      const accepted = await token[1].post(`/api/v1/swap-requests/${req.body.id}/accept`).expect(200);
      expect(accepted.body.swapRequest.status).toBe('accepted');
      expect(accepted.body.shift).toMatchObject({ id: s.id, lawyerId: lawyers[1].id, sequence: s.sequence + 1 });
      await token[1].post(`/api/v1/swap-requests/${req.body.id}/accept`).expect(409);
      const audit = await t.admin.get(`/api/v1/audit?entity=shift&id=${s.id}`).expect(200);
      expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['swap.request', 'shift.swap']);
      expect(audit.body[1].summary).toMatchObject({ fromLawyerId: lawyers[0].id, toLawyerId: lawyers[1].id });
      await reload();
    });

    it('only the holder may offer a shift; an offer to a lawyer on leave is refused at once', async () => {
      const s = shiftOf(lawyers[0], '2026-10-09');
      await token[1].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[2].id }).expect(403);
      await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[0].id }).expect(400);
      await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: 'nobody' }).expect(400);
      await dispatcher
        .post(`/api/v1/lawyers/${lawyers[2].id}/unavailability`)
        .send({ from: s.date, to: s.date, reason: '出差' })
        .expect(201);
      const res = await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[2].id }).expect(409);
      expect(res.body.code).toBe('UNAVAILABLE');
    });

    it('accepting re-checks the hard rules: leave taken after the offer → 409', async () => {
      const s = shiftOf(lawyers[0], '2026-10-09');
      const req = await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[3].id }).expect(201);
      await dispatcher
        .post(`/api/v1/lawyers/${lawyers[3].id}/unavailability`)
        .send({ from: s.date, to: s.date, reason: '病假' })
        .expect(201);
      const res = await token[3].post(`/api/v1/swap-requests/${req.body.id}/accept`).expect(409);
      expect(res.body.code).toBe('UNAVAILABLE');
      expect((await dispatcher.get(`/api/v1/swap-requests?lawyerId=${lawyers[3].id}&status=pending`).expect(200)).body).toHaveLength(1);
    });

    it('the dispatcher cancels a pending request; it can no longer be accepted', async () => {
      const s = shiftOf(lawyers[0], '2026-10-09');
      const req = await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[1].id }).expect(201);
      await token[1].post(`/api/v1/swap-requests/${req.body.id}/cancel`).expect(403);
      const cancelled = await dispatcher.post(`/api/v1/swap-requests/${req.body.id}/cancel`).expect(200);
      expect(cancelled.body.status).toBe('cancelled');
      await token[1].post(`/api/v1/swap-requests/${req.body.id}/accept`).expect(409);
      await dispatcher.post('/api/v1/swap-requests/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/cancel').expect(404);
    });

    it('an override withdraws the pending offers of the previous holder', async () => {
      const s = shiftOf(lawyers[0], '2026-10-09');
      const req = await token[0].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[1].id }).expect(201);
      await dispatcher.patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: lawyers[1].id, reason: '临时调整' }).expect(200);
      const res = await token[1].post(`/api/v1/swap-requests/${req.body.id}/accept`).expect(409);
      expect(res.body.code).toBe('SWAP_NOT_PENDING');
    });

    it('a started shift can no longer be offered', async () => {
      const s = shiftOf(lawyers[1], '2026-10-08');
      t.clock.set('2026-10-30T10:00:00Z');
      const res = await token[1].post(`/api/v1/shifts/${s.id}/swap-requests`).send({ toLawyerId: lawyers[2].id }).expect(409);
      expect(res.body.code).toBe('SHIFT_STARTED');
    });
  });
});
