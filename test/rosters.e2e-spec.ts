// The server's own time zone must not matter: everything is in the court's zone (Asia/Shanghai).
process.env.TZ = 'America/Los_Angeles';

import { lawyerBody } from './factories/lawyer.factory';
import { LawyerRef, stationWithLawyers } from './factories/station.factory';
import { DataSource } from 'typeorm';
import { onPostgres, startApp, TestApp } from './helpers/app';

interface ShiftBody {
  id: string;
  date: string;
  start: string;
  end: string;
  templateName: string;
  lawyerId: string | null;
  startsAt: string;
}

/** Working days of October 2026: National Day week off (10-01..07), make-up Saturday 10-10 (调休). */
const OCTOBER_WORKDAYS = ['08', '09', '10', '12', '13', '14', '15', '16', '19', '20', '21', '22', '23', '26', '27', '28', '29', '30'].map(
  (d) => `2026-10-${d}`,
);

describe('rosters, publishing and who is on duty (e2e, server TZ America/Los_Angeles)', () => {
  let t: TestApp;
  let dispatcher: ReturnType<TestApp['as']>;
  let stationId: string;
  let lawyers: LawyerRef[];
  let outsiderId: string;
  let inactiveId: string;
  let octoberId: string;
  let october: ShiftBody[];

  beforeAll(async () => {
    t = await startApp({ now: '2026-09-28T00:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    ({ stationId, lawyers } = await stationWithLawyers(dispatcher, 4, lawyerBody));
    inactiveId = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ dutyStationIds: [stationId], active: false }))
        .expect(201)
    ).body.id;
    outsiderId = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
    await dispatcher
      .post(`/api/v1/lawyers/${lawyers[3].id}/unavailability`)
      .send({ from: '2026-10-12', to: '2026-10-16', reason: '年假' })
      .expect(201);
  });
  afterAll(() => t.close());

  it('generates a draft on working days only: holidays out, make-up Saturday in, leave respected, balanced (rule 10)', async () => {
    const first = await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-10-01', to: '2026-10-31' }).expect(201);
    const res = await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-10-01', to: '2026-10-31' }).expect(201);
    await dispatcher.get(`/api/v1/rosters/${first.body.id}`).expect(404); // generating again replaced the draft
    expect(res.body.status).toBe('draft');
    october = res.body.shifts;
    octoberId = res.body.id;
    expect([...new Set(october.map((s) => s.date))]).toEqual(OCTOBER_WORKDAYS);
    expect(october).toHaveLength(36);
    expect(october[0]).toMatchObject({ date: '2026-10-08', start: '09:00', end: '12:00', startsAt: '2026-10-08T09:00:00+08:00' });
    expect(october.every((s) => s.lawyerId)).toBe(true);
    const ids = new Set(lawyers.map((l) => l.id));
    expect(october.every((s) => ids.has(s.lawyerId!))).toBe(true); // not the inactive member, not the outsider
    for (const date of OCTOBER_WORKDAYS) {
      const holders = october.filter((s) => s.date === date).map((s) => s.lawyerId);
      expect(new Set(holders).size).toBe(holders.length); // one shift a day while enough lawyers serve
    }
    expect(october.filter((s) => s.lawyerId === lawyers[3].id && s.date >= '2026-10-12' && s.date <= '2026-10-16')).toEqual([]);
    expect(res.body.fairness.max - res.body.fairness.min).toBeLessThanOrEqual(1);
    expect(Object.values(res.body.fairness.perLawyer).reduce((a, b) => (a as number) + (b as number), 0)).toBe(36);
    expect(res.body.fairness.perLawyer[inactiveId]).toBeUndefined();
    expect(res.body.warnings.map((w: { code: string }) => w.code)).not.toContain('CALENDAR_DATA_MISSING');
  });

  it('400 on a bad period, 403 for a lawyer, 404 for an unknown station', async () => {
    const back = await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-10-31', to: '2026-10-01' }).expect(400);
    expect(back.body.details[0].field).toBe('to');
    const long = await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-01-01', to: '2027-01-02' }).expect(400);
    expect(long.body.details[0].reason).toMatch(/366/);
    await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-10-32', to: '2026-11-01' }).expect(400);
    const lawyer = t.as(await t.tokenFor('lawyer', lawyers[0].id));
    await lawyer.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-10-01', to: '2026-10-31' }).expect(403);
    await dispatcher
      .post('/api/v1/stations/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/rosters')
      .send({ from: '2026-10-01', to: '2026-10-31' })
      .expect(404);
  });

  it('publishes; an overlapping period cannot be published (409); shifts list shows the published roster', async () => {
    expect((await dispatcher.get(`/api/v1/stations/${stationId}/shifts?from=2026-10-01&to=2026-10-31`).expect(200)).body).toEqual([]);
    const pub = await dispatcher.post(`/api/v1/rosters/${octoberId}/publish`).expect(200);
    expect(pub.body).toMatchObject({ status: 'published', notifiedLawyers: 4 });
    await dispatcher.post(`/api/v1/rosters/${octoberId}/publish`).expect(409);
    const overlapping = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2026-10-20', to: '2026-11-10' })
      .expect(201);
    const clash = await dispatcher.post(`/api/v1/rosters/${overlapping.body.id}/publish`).expect(409);
    expect(clash.body.code).toBe('ROSTER_OVERLAPS_PUBLISHED');
    await dispatcher.delete(`/api/v1/rosters/${overlapping.body.id}`).expect(204);
    await dispatcher.delete(`/api/v1/rosters/${octoberId}`).expect(409);
    const listed = await t
      .as(await t.tokenFor('lawyer', lawyers[1].id))
      .get(`/api/v1/stations/${stationId}/shifts?from=2026-10-12&to=2026-10-12`)
      .expect(200);
    expect(listed.body.map((s: ShiftBody) => s.templateName)).toEqual(['上午', '下午']);
    expect(listed.body[0].lawyerName).toBeTruthy();
    const audit = await t.admin.get(`/api/v1/audit?entity=roster&id=${octoberId}`).expect(200);
    expect(audit.body.map((a: { action: string }) => a.action)).toEqual(['roster.generate', 'roster.publish']);
  });

  it('counts earlier published shifts: a newcomer catches up in November (cumulative fairness)', async () => {
    const newcomer = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ dutyStationIds: [stationId] }))
        .expect(201)
    ).body.id;
    const nov = await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
    const octCounts: Record<string, number> = Object.fromEntries(
      lawyers.map((l) => [l.id, october.filter((s) => s.lawyerId === l.id).length]),
    );
    octCounts[newcomer] = 0;
    const { fairness } = nov.body;
    expect(fairness.max - fairness.min).toBeLessThanOrEqual(1);
    for (const id of Object.keys(octCounts)) expect(fairness.cumulative[id]).toBe(octCounts[id] + fairness.perLawyer[id]);
    expect(fairness.perLawyer[newcomer]).toBeGreaterThan(Math.max(...lawyers.map((l) => fairness.perLawyer[l.id])));
    await dispatcher.delete(`/api/v1/rosters/${nov.body.id}`).expect(204);
    await dispatcher.patch(`/api/v1/lawyers/${newcomer}`).send({ active: false }).expect(200);
  });

  it('returns unfilled slots with lawyerId null and a reason, and warns for a year without holiday data', async () => {
    const { stationId: empty } = await stationWithLawyers(dispatcher, 0, lawyerBody);
    const res = await dispatcher.post(`/api/v1/stations/${empty}/rosters`).send({ from: '2027-01-04', to: '2027-01-05' }).expect(201);
    expect(res.body.shifts).toHaveLength(4);
    expect(
      res.body.shifts.every((s: ShiftBody & { unfilledReason: string }) => s.lawyerId === null && s.unfilledReason === 'NO_LAWYERS'),
    ).toBe(true);
    const codes = res.body.warnings.map((w: { code: string }) => w.code);
    expect(codes).toContain('UNFILLED_SHIFT');
    expect(codes).toContain('CALENDAR_DATA_MISSING');
  });

  describe('on duty now', () => {
    const holder = (date: string, template: string) => october.find((s) => s.date === date && s.templateName === template)!;
    const lawyerOf = (s: ShiftBody) => lawyers.find((l) => l.id === s.lawyerId)!;
    const onDuty = (at: string) =>
      t
        .as(tokens.reception)
        .get(`/api/v1/stations/${stationId}/on-duty?at=${encodeURIComponent(at)}`)
        .expect(200);
    const tokens: { reception: string } = { reception: '' };
    beforeAll(async () => {
      tokens.reception = await t.tokenFor('reception');
    });

    it.each([
      ['a morning shift', '2026-10-12T10:00:00+08:00', ['2026-10-12', '上午'], ['2026-10-12', '下午']],
      ['the lunch gap: nobody, afternoon next', '2026-10-12T12:30:00+08:00', null, ['2026-10-12', '下午']],
      ['the start instant belongs to the shift', '2026-10-12T13:30:00+08:00', ['2026-10-12', '下午'], ['2026-10-13', '上午']],
      ['the end instant does not', '2026-10-12T17:00:00+08:00', null, ['2026-10-13', '上午']],
      ['the make-up Saturday 2026-10-10 (调休)', '2026-10-10T01:30:00Z', ['2026-10-10', '上午'], ['2026-10-10', '下午']],
      ['a Sunday: Monday morning next', '2026-10-11T10:00:00+08:00', null, ['2026-10-12', '上午']],
      ['National Day holiday: the first day back next', '2026-10-05T10:00:00+08:00', null, ['2026-10-08', '上午']],
    ])('%s', async (_name, at, now, next) => {
      const res = await onDuty(at);
      expect(res.body).toMatchObject({ stationId, fallbackPhone: '0519-12348' });
      if (now) {
        const s = holder(now[0], now[1]);
        expect(res.body.onDuty).toMatchObject({
          lawyerId: s.lawyerId,
          name: lawyerOf(s).name,
          phone: lawyerOf(s).phone,
          shiftStart: s.startsAt,
        });
      } else {
        expect(res.body.onDuty).toBeNull();
      }
      expect(res.body.next).toMatchObject({ lawyerId: holder(next[0], next[1]).lawyerId, shiftStart: holder(next[0], next[1]).startsAt });
    });

    it('defaults to the clock and answers in the court offset; bad instants are 400', async () => {
      t.clock.set('2026-10-12T06:00:00Z'); // 14:00 in Shanghai, 23:00 the day before in Los Angeles
      const res = await t.as(tokens.reception).get(`/api/v1/stations/${stationId}/on-duty`).expect(200);
      expect(res.body.at).toBe('2026-10-12T14:00:00+08:00');
      expect(res.body.onDuty.lawyerId).toBe(holder('2026-10-12', '下午').lawyerId);
      const bad = await t.as(tokens.reception).get(`/api/v1/stations/${stationId}/on-duty?at=tomorrow`).expect(400);
      expect(bad.body.details[0].field).toBe('at');
      await t.http.get(`/api/v1/stations/${stationId}/on-duty`).expect(401);
    });

    it('is nobody after the last published shift, with the fallback phone', async () => {
      const res = await onDuty('2026-12-01T10:00:00+08:00');
      expect(res.body).toMatchObject({ onDuty: null, next: null, fallbackPhone: '0519-12348' });
    });

    it('serves the reception page to a reception token: name and phone, no licence number or e-mail', async () => {
      t.clock.set('2026-10-12T02:00:00Z');
      await t.http.get(`/reception/${stationId}`).expect(401);
      await t.http.get(`/reception/${stationId}?token=wrong-token`).expect(401);
      const page = await t.http.get(`/reception/${stationId}?token=${tokens.reception}`).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      const s = lawyerOf(holder('2026-10-12', '上午'));
      expect(page.text).toContain(s.name);
      expect(page.text).toContain(s.phone);
      expect(page.text).toContain('http-equiv="refresh" content="60"');
      for (const l of lawyers) {
        expect(page.text).not.toContain(l.licenseNo);
        expect(page.text).not.toContain(l.email);
      }
      await t.http.get(`/reception/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01?token=${tokens.reception}`).expect(404);
    });
  });

  it('keeps the outsider off the roster', () => {
    expect(october.some((s) => s.lawyerId === outsiderId)).toBe(false);
  });

  (onPostgres ? it.skip : it)('answers "on duty at t" from the (station_id, status, starts_at) index, not a scan', async () => {
    const plan: { detail: string }[] = await t.app
      .get(DataSource)
      .query(
        "EXPLAIN QUERY PLAN SELECT * FROM shifts WHERE station_id = ? AND status = 'published' AND starts_at <= ? ORDER BY starts_at DESC LIMIT 1",
        [stationId, '2026-10-12T02:00:00.000Z'],
      );
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/SEARCH shifts USING INDEX \S+ \(station_id=\? AND status=\? AND starts_at<\?\)/);
  });
});
