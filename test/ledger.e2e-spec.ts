import { createCase } from './factories/case.factory';
import { lawyerBody } from './factories/lawyer.factory';
import { createShift } from './factories/shift.factory';
import { stationWithLawyers } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

describe('duty ledger 值班台账 (e2e)', () => {
  let t: TestApp;
  let stationId: string;
  let dispatcher: Agent;
  const lawyers: { id: string; as: Agent }[] = [];
  const at = (local: string) => t.clock.set(`${local}+08:00`);
  const shift = (date: string, lawyer: number | null, startTime = '09:00', endTime = '12:00') =>
    createShift(t.app, { stationId, date, startTime, endTime, lawyerId: lawyer === null ? null : lawyers[lawyer].id });
  const help = (s: { id: string; date: string }, over: Record<string, unknown> = {}) => ({
    shiftId: s.id,
    courtCaseNo: '（2026）苏0481刑初88号',
    defendantName: '张三',
    helpType: 'plea_presence',
    summary: '在场见证认罪认罚具结书签署，告知诉讼权利',
    startedAt: `${s.date}T09:30:00+08:00`,
    endedAt: `${s.date}T10:00:00+08:00`,
    ...over,
  });

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T00:00:00Z' });
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    const members = await stationWithLawyers(dispatcher, 3, lawyerBody);
    stationId = members.stationId;
    for (const l of members.lawyers) lawyers.push({ id: l.id, as: t.as(await t.tokenFor('lawyer', l.id)) });
  });
  afterAll(() => t.close());

  it('checks in and out only the lawyer holding a published shift, once each, in order (Art 2)', async () => {
    const s = await shift('2026-10-12', 0);
    const url = `/api/v1/shifts/${s.id}`;
    at('2026-10-12T07:30:00');
    expect((await lawyers[0].as.post(`${url}/check-in`).expect(409)).body.code).toBe('SHIFT_NOT_STARTED');
    at('2026-10-12T09:20:00');
    expect((await lawyers[1].as.post(`${url}/check-in`).expect(403)).body.code).toBe('NOT_SHIFT_HOLDER');
    await dispatcher.post(`${url}/check-in`).expect(403);
    await t.admin.post(`${url}/check-in`).expect(403);
    await t.http.post(`${url}/check-in`).expect(401);
    expect((await lawyers[0].as.post(`${url}/check-out`).expect(409)).body.code).toBe('NOT_CHECKED_IN');
    const inn = await lawyers[0].as.post(`${url}/check-in`).expect(201);
    expect(inn.body).toMatchObject({ shiftId: s.id, kind: 'check_in', at: '2026-10-12T09:20:00+08:00', status: 'late', lateByMinutes: 20 });
    expect((await lawyers[0].as.post(`${url}/check-in`).expect(409)).body.code).toBe('ALREADY_CHECKED_IN');
    at('2026-10-12T12:05:00');
    const out = await lawyers[0].as.post(`${url}/check-out`).expect(201);
    expect(out.body).toMatchObject({ kind: 'check_out', at: '2026-10-12T12:05:00+08:00' });
    expect((await lawyers[0].as.post(`${url}/check-out`).expect(409)).body.code).toBe('ALREADY_CHECKED_OUT');
  });

  it('404 for unknown, draft or malformed shifts; 409 after the shift ended', async () => {
    const draft = await createShift(t.app, { stationId, date: '2026-10-13', lawyerId: lawyers[0].id, status: 'draft' });
    at('2026-10-13T09:00:00');
    await lawyers[0].as.post(`/api/v1/shifts/${draft.id}/check-in`).expect(404);
    await lawyers[0].as.post('/api/v1/shifts/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/check-in').expect(404);
    await lawyers[0].as.post('/api/v1/shifts/not-a-uuid/check-in').expect(404);
    const ended = await shift('2026-10-14', 0);
    at('2026-10-14T12:00:00');
    expect((await lawyers[0].as.post(`/api/v1/shifts/${ended.id}/check-in`).expect(409)).body.code).toBe('SHIFT_ENDED');
  });

  it('shows the dispatcher late, missing, on-time, unfilled and upcoming shifts; corrections keep the original (rule 11)', async () => {
    const day = '2026-10-15';
    const onTime = await shift(day, 0);
    const missing = await shift(day, 1, '13:30', '17:00');
    await shift(day, null, '18:00', '20:00');
    await shift('2026-10-16', 2);
    at(`${day}T09:10:00`);
    const checkIn = await lawyers[0].as.post(`/api/v1/shifts/${onTime.id}/check-in`).expect(201);
    expect(checkIn.body.status).toBe('on_time');
    at(`${day}T17:30:00`);
    const q = `stationId=${stationId}&from=${day}&to=2026-10-16`;
    const rows = (await dispatcher.get(`/api/v1/ledger/attendance?${q}`).expect(200)).body;
    expect(rows.map((r: { attendance: string }) => r.attendance)).toEqual(['on_time', 'missing', 'unfilled', 'upcoming']);
    expect(rows[1]).toMatchObject({ shiftId: missing.id, lawyerId: lawyers[1].id, checkedInAt: null });
    await lawyers[0].as.get(`/api/v1/ledger/attendance?${q}`).expect(403);
    expect(
      (await dispatcher.get(`/api/v1/ledger/attendance?stationId=${stationId}&from=2026-10-16&to=${day}`).expect(400)).body.details[0]
        .field,
    ).toBe('to');

    // The lawyer was there at 09:00 but the check-in went in late: the dispatcher corrects it.
    const entryId = rows[0].checkInEntryId;
    const fix = { at: `${day}T09:00:00+08:00`, reason: '网络故障，前台登记簿显示09:00到岗' };
    await lawyers[0].as.post(`/api/v1/duty-log/${entryId}/corrections`).send(fix).expect(403);
    expect(
      (
        await dispatcher
          .post(`/api/v1/duty-log/${entryId}/corrections`)
          .send({ ...fix, at: '2026-10-17T09:00:00+08:00' })
          .expect(400)
      ).body.details[0].field,
    ).toBe('at');
    await dispatcher.post(`/api/v1/duty-log/${entryId}/corrections`).send({ at: fix.at }).expect(400);
    const corrected = await dispatcher.post(`/api/v1/duty-log/${entryId}/corrections`).send(fix).expect(201);
    expect(corrected.body).toMatchObject({ kind: 'correction', correctsId: entryId, at: fix.at });
    expect((await dispatcher.post(`/api/v1/duty-log/${entryId}/corrections`).send(fix).expect(409)).body.code).toBe('ALREADY_CORRECTED');
    const after = (await dispatcher.get(`/api/v1/ledger/attendance?${q}`).expect(200)).body[0];
    expect(after).toMatchObject({ checkedInAt: fix.at, checkInCorrected: true, checkInEntryId: entryId });
    const audit = (await t.admin.get(`/api/v1/audit?entity=shift&id=${onTime.id}`).expect(200)).body;
    expect(audit.map((a: { action: string; actorRole: string }) => `${a.action}/${a.actorRole}`)).toEqual([
      'ledger.check_in/lawyer',
      'ledger.duty_correction/dispatcher',
    ]);
  });

  it('lets the dispatcher record a check-in and check-out the lawyer could not (rule 11)', async () => {
    const day = '2026-10-26';
    const s = await shift(day, 1);
    const url = `/api/v1/shifts/${s.id}/duty-log`;
    const inn = { kind: 'check_in', at: `${day}T08:58:00+08:00`, reason: '手机没电，前台登记簿记载08:58到岗' };
    at(`${day}T08:50:00`);
    expect((await dispatcher.post(url).send(inn).expect(400)).body.details[0].field).toBe('at'); // ahead of now
    at(`${day}T12:30:00`);
    await lawyers[1].as.post(url).send(inn).expect(403);
    expect(
      (
        await dispatcher
          .post(url)
          .send({ ...inn, kind: 'check_out' })
          .expect(409)
      ).body.code,
    ).toBe('NOT_CHECKED_IN');
    expect(
      (
        await dispatcher
          .post(url)
          .send({ ...inn, at: '2026-10-27T08:58:00+08:00' })
          .expect(400)
      ).body.details[0].field,
    ).toBe('at');
    await dispatcher
      .post(url)
      .send({ ...inn, kind: 'lunch' })
      .expect(400);
    await dispatcher.post(url).send({ kind: 'check_in', at: inn.at }).expect(400);
    const recorded = await dispatcher.post(url).send(inn).expect(201);
    expect(recorded.body).toMatchObject({ kind: 'check_in', at: inn.at, note: inn.reason });
    expect((await dispatcher.post(url).send(inn).expect(409)).body.code).toBe('ALREADY_CHECKED_IN');
    await dispatcher
      .post(url)
      .send({ ...inn, kind: 'check_out', at: `${day}T12:02:00+08:00` })
      .expect(201);
    const row = (await dispatcher.get(`/api/v1/ledger/attendance?stationId=${stationId}&from=${day}&to=${day}`).expect(200)).body[0];
    expect(row).toMatchObject({ shiftId: s.id, attendance: 'on_time', checkedInAt: inn.at });
    const unfilled = await shift(day, null, '13:30', '17:00');
    expect((await dispatcher.post(`/api/v1/shifts/${unfilled.id}/duty-log`).send(inn).expect(409)).body.code).toBe('SHIFT_UNFILLED');
  });

  it('records help for a linked duty-help case, which then leaves the pending list (Art 2)', async () => {
    const s = await shift('2026-10-19', 0);
    const c = await createCase(t.app, { stationId, defendantName: '李四' });
    const ordinary = await createCase(t.app, { stationId, route: 'appointed_defence', status: 'ready', procedure: 'ordinary' });
    await createCase(t.app, { stationId, status: 'closed' });
    at('2026-10-19T10:00:00');
    const pending = (await lawyers[0].as.get(`/api/v1/ledger/pending-help?stationId=${stationId}`).expect(200)).body;
    expect(pending.map((p: { caseId: string }) => p.caseId)).toContain(c.id);
    expect(pending.map((p: { caseId: string }) => p.caseId)).not.toContain(ordinary.id);
    expect(JSON.stringify(pending)).not.toMatch(/idNumber/);
    expect((await lawyers[1].as.get(`/api/v1/ledger/pending-help?stationId=${stationId}`).expect(403)).body.code).toBe('NOT_ON_SHIFT');
    await dispatcher.get(`/api/v1/ledger/pending-help?stationId=${stationId}`).expect(200);
    await dispatcher.get('/api/v1/ledger/pending-help').expect(400);

    const times = { startedAt: '2026-10-19T09:30:00+08:00', endedAt: '2026-10-19T09:50:00+08:00' };
    const body = { ...help(s, times), courtCaseNo: undefined, defendantName: undefined, caseId: c.id, helpType: 'bail' };
    const created = await lawyers[0].as.post('/api/v1/help-records').send(body).expect(201);
    expect(created.body).toMatchObject({
      caseId: c.id,
      courtCaseNo: c.courtCaseNo,
      defendantName: '李四',
      helpType: 'bail',
      current: true,
      afterSignOff: false,
      startedAt: times.startedAt,
    });
    const after = (await lawyers[0].as.get(`/api/v1/ledger/pending-help?stationId=${stationId}`).expect(200)).body;
    expect(after.map((p: { caseId: string }) => p.caseId)).not.toContain(c.id);
    const wrongRoute = await lawyers[0].as
      .post('/api/v1/help-records')
      .send({ ...body, caseId: ordinary.id })
      .expect(400);
    expect(wrongRoute.body.details[0]).toEqual({ field: 'caseId', reason: 'is not routed to duty-lawyer help' });
  });

  it('rejects bad help records with 400s naming the field; others → 403', async () => {
    const s = await shift('2026-10-20', 0);
    at('2026-10-20T11:00:00');
    const post = (over: Record<string, unknown>, who = lawyers[0].as) => who.post('/api/v1/help-records').send(help(s, over));
    const fields = async (over: Record<string, unknown>) =>
      (await post(over).expect(400)).body.details.map((d: { field: string }) => d.field);
    const d = (time: string) => `2026-10-20T${time}+08:00`;
    expect(await fields({ helpType: 'counselling' })).toEqual(['helpType']);
    expect(await fields({ startedAt: d('10:00:00'), endedAt: d('09:00:00') })).toEqual(['endedAt']);
    expect(await fields({ startedAt: '2026-10-19T23:50:00+08:00', endedAt: d('09:00:00') })).toEqual(['startedAt']);
    expect(await fields({ startedAt: d('10:30:00'), endedAt: d('11:30:00') })).toEqual(['endedAt']);
    expect(await fields({ startedAt: 'yesterday' })).toEqual(['startedAt']);
    expect(await fields({ summary: '被告人身份证号320481199001011234，已告知权利' })).toEqual(['summary']);
    expect(await fields({ courtCaseNo: undefined })).toEqual(['courtCaseNo']);
    expect(await fields({ correctionReason: '写错了' })).toEqual(['correctionReason']);
    expect(await fields({ shiftId: '6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01' })).toEqual(['shiftId']);
    expect(await fields({ extra: 1 })).toEqual(['extra']);
    expect(await fields({ startedAt: d('09:30:00'), endedAt: d('10:00:00'), helpType: 'bail', summary: '' })).toEqual(['summary']);
    await post({}, lawyers[1].as).expect(403);
    await dispatcher.post('/api/v1/help-records').send(help(s)).expect(403);
    const early = await shift('2026-10-21', 0);
    expect((await lawyers[0].as.post('/api/v1/help-records').send(help(early)).expect(409)).body.code).toBe('SHIFT_NOT_STARTED');
  });

  it('signs off a day: edits before, append-only corrections after, audit shows who did what (rule 11)', async () => {
    const day = '2026-10-22';
    const s = await shift(day, 0);
    const d = (time: string) => `${day}T${time}+08:00`;
    at(`${day}T09:05:00`);
    await lawyers[0].as.post(`/api/v1/shifts/${s.id}/check-in`).expect(201);
    at(`${day}T11:00:00`);
    const r = (
      await lawyers[0].as
        .post('/api/v1/help-records')
        .send(help(s, { startedAt: d('09:30:00'), endedAt: d('10:00:00') }))
        .expect(201)
    ).body;
    const sign = { stationId, date: day };
    expect((await lawyers[0].as.post('/api/v1/ledger/sign-offs').send(sign).expect(409)).body.code).toBe('DAY_NOT_OVER');
    at(`${day}T12:30:00`);
    expect((await lawyers[0].as.post('/api/v1/ledger/sign-offs').send(sign).expect(409)).body.code).toBe('SHIFT_STILL_OPEN');
    await lawyers[0].as.post(`/api/v1/shifts/${s.id}/check-out`).expect(201);
    expect((await lawyers[1].as.post('/api/v1/ledger/sign-offs').send(sign).expect(400)).body.details[0].field).toBe('date');
    await dispatcher.post('/api/v1/ledger/sign-offs').send(sign).expect(403);

    // Before sign-off the lawyer may still edit in place; someone else may not.
    await lawyers[1].as.patch(`/api/v1/help-records/${r.id}`).send({ summary: 'x' }).expect(403);
    const badEdit = await lawyers[0].as.patch(`/api/v1/help-records/${r.id}`).send({ endedAt: d('09:00:00') });
    expect([badEdit.status, badEdit.body.details]).toEqual([400, [{ field: 'endedAt', reason: 'must be after startedAt' }]]);
    const edited = await lawyers[0].as.patch(`/api/v1/help-records/${r.id}`).send({ helpType: 'procedural_advice' }).expect(200);
    expect(edited.body).toMatchObject({ id: r.id, helpType: 'procedural_advice', summary: r.summary });

    const signed = await lawyers[0].as.post('/api/v1/ledger/sign-offs').send(sign).expect(201);
    expect(signed.body).toMatchObject({ lawyerId: lawyers[0].id, stationId, date: day, signedAt: d('12:30:00') });
    expect((await lawyers[0].as.post('/api/v1/ledger/sign-offs').send(sign).expect(409)).body.code).toBe('ALREADY_SIGNED_OFF');

    const patchAfter = await lawyers[0].as.patch(`/api/v1/help-records/${r.id}`).send({ summary: '改写' }).expect(409);
    expect(patchAfter.body.code).toBe('DAY_SIGNED_OFF');
    const fix = help(s, {
      startedAt: d('09:30:00'),
      endedAt: d('10:10:00'),
      helpType: 'procedural_advice',
      correctsId: r.id,
      correctionReason: '结束时间记错',
    });
    expect(
      (
        await lawyers[0].as
          .post('/api/v1/help-records')
          .send({ ...fix, correctionReason: undefined })
          .expect(400)
      ).body.details[0].field,
    ).toBe('correctionReason');
    const correction = (await lawyers[0].as.post('/api/v1/help-records').send(fix).expect(201)).body;
    expect(correction).toMatchObject({ correctsId: r.id, afterSignOff: true, current: true });
    expect((await lawyers[0].as.post('/api/v1/help-records').send(fix).expect(409)).body.code).toBe('ALREADY_CORRECTED');
    expect((await lawyers[0].as.patch(`/api/v1/help-records/${correction.id}`).send({ summary: 'x' }).expect(409)).body.code).toBe(
      'DAY_SIGNED_OFF',
    );

    const ledger = (await dispatcher.get(`/api/v1/ledger?stationId=${stationId}&from=${day}&to=${day}`).expect(200)).body;
    expect(
      ledger.helpRecords.map((h: { id: string; current: boolean; correctedById: string | null }) => [h.id, h.current, h.correctedById]),
    ).toEqual([
      [r.id, false, correction.id],
      [correction.id, true, null],
    ]);
    expect(ledger.helpRecords[0]).toMatchObject({ endedAt: d('10:00:00'), helpType: 'procedural_advice' });
    expect(ledger.dutyRecords[0]).toMatchObject({ shiftId: s.id, signedOffAt: d('12:30:00'), attendance: 'on_time' });
    const trail = async (id: string) => (await t.admin.get(`/api/v1/audit?entity=help_record&id=${id}`).expect(200)).body;
    expect((await trail(r.id)).map((a: { action: string; actorRole: string }) => `${a.action}/${a.actorRole}`)).toEqual([
      'help_record.create/lawyer',
      'help_record.update/lawyer',
    ]);
    expect((await trail(r.id))[1].summary).toEqual({ before: { helpType: 'plea_presence' }, after: { helpType: 'procedural_advice' } });
    expect((await trail(correction.id)).map((a: { action: string }) => a.action)).toEqual(['help_record.correct']);
    const list = (await dispatcher.get(`/api/v1/ledger/sign-offs?stationId=${stationId}&from=${day}&to=${day}`).expect(200)).body;
    expect(list).toHaveLength(1);
  });
});
