import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createShift } from './factories/shift.factory';
import { createStation } from './factories/station.factory';
import { expectRefused, type Agent, type Method } from './helpers/access';
import { startApp, TestApp } from './helpers/app';

type Who = 'dispatcher' | 'supervisor' | 'court_clerk' | 'reception' | 'admin' | 'otherLawyer';

/**
 * Every API call the lawyer's console screens make (web/src/api/me.ts), asked by every other
 * role and by another lawyer: refused 403, or 404 for another lawyer's case. What staff may
 * read besides (API.md v1: dispatchers and supervisors read cases, the ledger, leave and, new,
 * a lawyer's shifts) is not in the refusal lists. The browser spec checks the console routes.
 */
describe('lawyer console access (e2e)', () => {
  let t: TestApp;
  let as: Record<Who | 'lawyer', Agent>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' }); // Monday 10:00 in Shanghai
    const dispatcher = t.as(await t.tokenFor('dispatcher'));
    ids.station = (await createStation(t)).id;
    const made = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (
          await dispatcher
            .post('/api/v1/lawyers')
            .send(lawyerBody({ dutyStationIds: [ids.station] }))
            .expect(201)
        ).body.id as string,
      );
    [ids.lawyer, ids.other, ids.third] = made;
    as = {
      lawyer: t.as(await t.tokenFor('lawyer', ids.lawyer)),
      otherLawyer: t.as(await t.tokenFor('lawyer', ids.other)),
      dispatcher,
      supervisor: t.as(await t.tokenFor('supervisor')),
      court_clerk: t.as(await t.tokenFor('court_clerk')),
      reception: t.as(await t.tokenFor('reception')),
      admin: t.admin,
    };
    ids.shift = (await createShift(t.app, { stationId: ids.station, date: '2026-10-12', lawyerId: ids.lawyer })).id;
    ids.later = (await createShift(t.app, { stationId: ids.station, date: '2026-10-20', lawyerId: ids.lawyer })).id;
    await as.lawyer.post(`/api/v1/shifts/${ids.shift}/check-in`).expect(201);
    ids.help = (
      await as.lawyer
        .post('/api/v1/help-records')
        .send({
          shiftId: ids.shift,
          courtCaseNo: '（2026）苏0481刑初9号',
          defendantName: '张三',
          helpType: 'bail',
          summary: '咨询取保候审',
          startedAt: '2026-10-12T09:30:00+08:00',
          endedAt: '2026-10-12T09:50:00+08:00',
        })
        .expect(201)
    ).body.id;
    ids.case = (await as.court_clerk.post('/api/v1/court-notices').send(noticeBody(ids.station)).expect(201)).body.caseId;
    await dispatcher.post(`/api/v1/cases/${ids.case}/assign`).send({ lawyerId: ids.lawyer, reason: '指定' }).expect(201);
    // An appointment offered to the lawyer (their case page's 接受 / 拒绝), on a second case.
    ids.offerCase = (await as.court_clerk.post('/api/v1/court-notices').send(noticeBody(ids.station)).expect(201)).body.caseId;
    ids.offer = (
      await dispatcher
        .post(`/api/v1/cases/${ids.offerCase}/assign`)
        .send({ lawyerId: ids.lawyer, reason: '指定', mode: 'offer' })
        .expect(201)
    ).body.assignment.id;
    ids.swap = (await as.lawyer.post(`/api/v1/shifts/${ids.later}/swap-requests`).send({ toLawyerId: ids.third }).expect(201)).body.id;
    ids.leave = (
      await as.lawyer
        .post(`/api/v1/lawyers/${ids.lawyer}/unavailability`)
        .send({ from: '2026-11-02', to: '2026-11-02', reason: '请假' })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const ALL: Who[] = ['dispatcher', 'supervisor', 'court_clerk', 'reception', 'admin', 'otherLawyer'];
  const NON_STAFF: Who[] = ['court_clerk', 'reception', 'otherLawyer'];
  const except = (...allowed: Who[]) => ALL.filter((w) => !allowed.includes(w));
  const range = 'from=2026-10-12&to=2026-10-12';

  // [screen: call, method, url, body, who is refused with 403, who gets 404, the own lawyer's status]
  const calls: Array<[string, Method, () => string, (() => object) | undefined, Who[], Who[], number | null]> = [
    ['我的值班: own shifts', 'get', () => `/api/v1/lawyers/${ids.lawyer}/shifts?${range}`, undefined, NON_STAFF, [], 200],
    ['我的值班: 签到', 'post', () => `/api/v1/shifts/${ids.shift}/check-in`, undefined, ALL, [], 409],
    ['我的值班: 签退', 'post', () => `/api/v1/shifts/${ids.later}/check-out`, undefined, ALL, [], 409],
    [
      "法律帮助: the day's records",
      'get',
      () => `/api/v1/ledger?stationId=${ids.station}&${range}&part=help`,
      undefined,
      ['court_clerk', 'reception'],
      [],
      200,
    ],
    [
      '法律帮助: record',
      'post',
      () => '/api/v1/help-records',
      () => ({
        shiftId: ids.shift,
        courtCaseNo: 'x',
        defendantName: 'x',
        helpType: 'bail',
        summary: 'x',
        startedAt: '2026-10-12T09:30:00+08:00',
        endedAt: '2026-10-12T09:40:00+08:00',
      }),
      ALL,
      [],
      null,
    ],
    ['法律帮助: edit', 'patch', () => `/api/v1/help-records/${ids.help}`, () => ({ summary: '改' }), ALL, [], 200],
    ['法律帮助: pending help', 'get', () => `/api/v1/ledger/pending-help?stationId=${ids.station}`, undefined, NON_STAFF, [], 200],
    [
      '法律帮助: sign-offs',
      'get',
      () => `/api/v1/ledger/sign-offs?stationId=${ids.station}&${range}`,
      undefined,
      ['court_clerk', 'reception'],
      [],
      200,
    ],
    [
      '法律帮助: sign off',
      'post',
      () => '/api/v1/ledger/sign-offs',
      () => ({ stationId: ids.station, date: '2026-10-20' }),
      except('otherLawyer'),
      [],
      409,
    ],
    ['我的案件: list', 'get', () => '/api/v1/cases', undefined, ['court_clerk', 'reception'], [], 200],
    ['我的案件: one case', 'get', () => `/api/v1/cases/${ids.case}`, undefined, ['court_clerk', 'reception'], ['otherLawyer'], 200],
    [
      '我的案件: 法律援助公函',
      'get',
      () => `/api/v1/cases/${ids.case}/appointment-letter`,
      undefined,
      ['supervisor', 'reception'],
      ['otherLawyer'],
      200,
    ],
    [
      '我的案件: 申请阅卷',
      'post',
      () => `/api/v1/cases/${ids.case}/file-reading-requests`,
      () => ({ requestedAt: '2026-10-12T09:00:00+08:00' }),
      ['supervisor', 'court_clerk', 'reception'],
      ['otherLawyer'],
      201,
    ],
    [
      '我的案件: 接受指派',
      'post',
      () => `/api/v1/assignments/${ids.offer}/accept`,
      undefined,
      ['supervisor', 'court_clerk', 'reception'],
      ['otherLawyer'],
      200,
    ],
    // Accepted just above: the own lawyer's decline reaches the offer and finds it answered.
    [
      '我的案件: 拒绝指派',
      'post',
      () => `/api/v1/assignments/${ids.offer}/decline`,
      () => ({ reason: '与被害人有亲属关系' }),
      ['supervisor', 'court_clerk', 'reception'],
      ['otherLawyer'],
      409,
    ],
    ['换班: list', 'get', () => '/api/v1/swap-requests', undefined, ['court_clerk', 'reception'], [], 200],
    ['换班: colleagues', 'get', () => `/api/v1/stations/${ids.station}/members`, undefined, ['court_clerk', 'reception'], [], 200],
    [
      '换班: offer',
      'post',
      () => `/api/v1/shifts/${ids.later}/swap-requests`,
      () => ({ toLawyerId: ids.other }),
      ['supervisor', 'court_clerk', 'reception', 'otherLawyer'],
      [],
      409,
    ],
    ['换班: accept', 'post', () => `/api/v1/swap-requests/${ids.swap}/accept`, undefined, except('admin'), [], 403],
    ['换班: decline', 'post', () => `/api/v1/swap-requests/${ids.swap}/decline`, undefined, except('admin'), [], 403],
    [
      '换班: withdraw',
      'post',
      () => `/api/v1/swap-requests/${ids.swap}/cancel`,
      undefined,
      ['supervisor', 'court_clerk', 'reception', 'otherLawyer'],
      [],
      null,
    ],
    ['请假: list', 'get', () => `/api/v1/lawyers/${ids.lawyer}/unavailability`, undefined, NON_STAFF, [], 200],
    [
      '请假: report',
      'post',
      () => `/api/v1/lawyers/${ids.lawyer}/unavailability`,
      () => ({ from: '2026-11-09', to: '2026-11-09', reason: 'x' }),
      ['supervisor', ...NON_STAFF],
      [],
      null,
    ],
    [
      '请假: withdraw',
      'delete',
      () => `/api/v1/lawyers/${ids.lawyer}/unavailability/${ids.leave}`,
      undefined,
      ['supervisor', ...NON_STAFF],
      [],
      null,
    ],
    ['日历订阅: new link', 'post', () => `/api/v1/lawyers/${ids.lawyer}/calendar-token`, undefined, ['supervisor', ...NON_STAFF], [], 201],
  ];

  it.each(calls)('%s: refused to every other role', async (_name, method, url, body, refused, hidden, own) => {
    await expectRefused(as, { method, url: url(), body: body?.() }, refused, hidden, ids.lawyer);
    // The own lawyer reaches the same call (a refusal above is not a wrong address).
    if (own !== null) expect((await as.lawyer[method](url()).send(body?.())).status).toBe(own);
  });

  it("another lawyer's swap list leaves out swaps that are not theirs", async () => {
    const res = await as.otherLawyer.get('/api/v1/swap-requests').expect(200);
    expect(res.body.map((s: { id: string }) => s.id)).not.toContain(ids.swap);
  });
});
