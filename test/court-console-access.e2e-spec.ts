import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { expectRefused, type Agent, type Method } from './helpers/access';
import { startApp, TestApp } from './helpers/app';

type Who = 'dispatcher' | 'supervisor' | 'lawyer' | 'reception' | 'admin' | 'otherClerk';

const COURT = '溧阳市人民法院';

/**
 * Every API call the court clerk's screens make (web/src/api/court.ts and the case calls they
 * reuse), asked by every other role and by a clerk of another court: refused 403, or 404 for
 * the other court's clerk (the case is not theirs). What other roles may do by design (API.md:
 * dispatchers work the cases and may enter a notice; supervisors and lawyers read cases) is not
 * in the refusal lists. `GET /api/v1/console/config` and `GET /api/v1/stations` are every
 * role's. The browser spec checks the console routes.
 */
describe('court clerk console access (e2e)', () => {
  let t: TestApp;
  let as: Record<Who | 'clerk', Agent>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z' });
    const clerkOf = async (courtName: string) =>
      t.as((await t.admin.post('/api/v1/users').send({ name: '书记员', role: 'court_clerk', courtName }).expect(201)).body.token);
    const dispatcher = t.as(await t.tokenFor('dispatcher'));
    ids.station = (await createStation(t)).id;
    ids.lawyer = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
    as = {
      clerk: await clerkOf(COURT),
      otherClerk: await clerkOf('常州市中级人民法院'),
      dispatcher,
      supervisor: t.as(await t.tokenFor('supervisor')),
      lawyer: t.as(await t.tokenFor('lawyer', ids.lawyer)),
      reception: t.as(await t.tokenFor('reception')),
      admin: t.admin,
    };
    ids.case = (await as.clerk.post('/api/v1/court-notices').send(noticeBody(ids.station)).expect(201)).body.caseId;
    ids.hearing = (
      await as.clerk.post(`/api/v1/cases/${ids.case}/hearings`).send({ kind: 'trial', at: '2026-10-30T09:00:00+08:00' }).expect(201)
    ).body.id;
    // Appointed to nobody yet but this lawyer's colleague: the pool's lawyer is not the case's.
    ids.appointed = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
    await dispatcher.post(`/api/v1/cases/${ids.case}/assign`).send({ lawyerId: ids.appointed, reason: '指定' }).expect(201);
  });
  afterAll(() => t.close());

  const notice = () => noticeBody(ids.station);
  // [screen: call, method, url, body, refused 403, hidden 404, the own clerk's status]
  const calls: Array<[string, Method, () => string, (() => object) | undefined, Who[], Who[], number]> = [
    ['发送指派通知: 检查', 'post', () => '/api/v1/court-notices/validate', notice, ['supervisor', 'lawyer', 'reception'], [], 200],
    ['发送指派通知: 发送', 'post', () => '/api/v1/court-notices', notice, ['supervisor', 'lawyer', 'reception'], [], 201],
    ['本院案件: list', 'get', () => '/api/v1/cases', undefined, ['reception'], [], 200],
    ['案件: one case', 'get', () => `/api/v1/cases/${ids.case}`, undefined, ['reception'], ['lawyer', 'otherClerk'], 200],
    [
      '案件: 法律援助公函',
      'get',
      () => `/api/v1/cases/${ids.case}/appointment-letter`,
      undefined,
      ['supervisor', 'reception'],
      ['lawyer', 'otherClerk'],
      200,
    ],
    [
      '案件: 登记庭审',
      'post',
      () => `/api/v1/cases/${ids.case}/hearings`,
      () => ({ kind: 'verdict', at: '2026-11-30T09:00:00+08:00' }),
      ['supervisor', 'lawyer', 'reception'],
      ['otherClerk'],
      201,
    ],
    [
      '案件: 改期 / 取消',
      'patch',
      () => `/api/v1/hearings/${ids.hearing}`,
      () => ({ at: '2026-11-02T09:00:00+08:00' }),
      ['supervisor', 'lawyer', 'reception'],
      ['otherClerk'],
      200,
    ],
  ];

  it.each(calls)('%s: refused to every other role', async (_name, method, url, body, refused, hidden, own) => {
    await expectRefused(as, { method, url: url(), body: body?.() }, refused, hidden, ids.appointed);
    // The clerk reaches the same call (a refusal above is not a wrong address).
    expect((await as.clerk[method](url()).send(body?.())).status).toBe(own);
  });

  it("another court's clerk lists none of this court's cases", async () => {
    const res = await as.otherClerk.get('/api/v1/cases').expect(200);
    expect(res.body).toEqual([]);
  });
});
