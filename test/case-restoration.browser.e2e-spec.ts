import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { stationWithLawyers } from './factories/station.factory';
import { ConsoleHarness, startConsole } from './helpers/browser';
import { field } from './helpers/console-fields';
import type { TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

const MINOR = { offenceDate: '2026-06-01', defendant: { birthDate: '2009-01-01' }, trialAt: '2026-11-30T09:00:00+08:00' };

/** Issue 12 items 2, 3, 5, 11 in the console: restoring a defence, the bureau's order, the overdue file readings, the pick's replay. */
describe('restoring a defence, objections, overdue file readings and the replay in the console (browser e2e)', () => {
  let c: ConsoleHarness;
  let dispatcher: Agent;
  let clerk: Agent;
  let stationId: string;
  let lawyers: { id: string; name: string }[];

  beforeAll(async () => {
    c = await startConsole({ now: '2026-10-12T02:00:00Z' }); // Monday 10:00 in Shanghai
    dispatcher = c.t.as(await c.t.tokenFor('dispatcher'));
    clerk = c.t.as(await c.t.tokenFor('court_clerk'));
    let i = 0;
    const names = ['周敏', '吴浩', '郑洁'];
    ({ stationId, lawyers } = await stationWithLawyers(dispatcher, 3, (o) =>
      lawyerBody({ ...o, name: names[i++], juvenileExperience: true }),
    ));
  });
  afterAll(() => c?.close());

  const newCase = async (o: Record<string, unknown>) => {
    const body = noticeBody(stationId, o);
    const caseId = (await clerk.post('/api/v1/court-notices').send(body).expect(201)).body.caseId as string;
    return { caseId, courtCaseNo: body.courtCaseNo as string };
  };

  it('LAL Art 48 / SPC Art 50: a minor’s request to end the defence needs a justified reason; the case shows its 5 + 3 days and the centre re-appoints (Art 5)', async () => {
    const { caseId } = await newCase(MINOR);
    const first = (await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201)).body.assignment.lawyerId as string;
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/cases/${caseId}`);
    await page.getByTestId('open-terminate').click();
    await page.getByTestId('terminate-ground').click();
    await page.getByRole('option', { name: '被告人要求终止法律援助' }).click();
    await page.getByTestId('terminate-restore-hint').waitFor();
    await page.getByTestId('submit-terminate').click();
    await page.getByRole('dialog').getByText('必填').first().waitFor();
    await c.axeCheck(page);
    await field(page, 'terminate-note').fill('被告人与律师存在利益冲突');
    await page.getByTestId('submit-terminate').click();

    const waiting = page.getByTestId('awaiting-defender');
    await waiting.waitFor();
    expect(await waiting.innerText()).toContain('2026-10-19 前另行委托辩护人');
    expect(await waiting.innerText()).toContain('2026-10-22 前另行通知');
    expect(await page.getByTestId('case-status').innerText()).toBe('待另行委托或指派');
    expect(await page.getByTestId('deadlines').innerText()).toContain('另行委托辩护人期限（五日）');
    await c.axeCheck(page);

    await page.getByTestId('pick').click();
    await page.getByTestId('current-lawyer').waitFor();
    const now = (await dispatcher.get(`/api/v1/cases/${caseId}`).expect(200)).body;
    expect(now.status).toBe('assigned');
    expect(now.currentLawyerId).not.toBe(first);
    await c.done(page);
  });

  it('Art 18: the case page replays the stored pick (same answer) and says why not another lawyer', async () => {
    const { caseId } = await newCase({ trialAt: '2026-11-30T09:00:00+08:00' });
    const pick = (await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201)).body;
    const second = pick.explanation.candidates.find((x: { rank: number }) => x.rank === 2) as { lawyerId: string };
    const secondName = lawyers.find((l) => l.id === second.lawyerId)!.name;
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/cases/${caseId}`);
    await page.getByTestId('replay-run').click();
    const result = page.getByTestId('replay-result');
    await result.waitFor();
    expect(await result.innerText()).toContain('重算结果与原选派一致');
    await page.getByTestId('replay-lawyer').click();
    await page.getByRole('option', { name: secondName }).click();
    const why = page.getByTestId('replay-why-not');
    await why.filter({ hasText: secondName }).waitFor();
    expect(await why.innerText()).toContain('排第 2 名');
    await c.axeCheck(page);
    await c.done(page);
  });

  it('Art 18 / LAL Art 49: the bureau decides a pending objection on its dashboard; "aid ordered" reopens the case, due 3 days from the decision (Art 6)', async () => {
    const { caseId, courtCaseNo } = await newCase({ trialAt: '2026-11-30T09:00:00+08:00' });
    await dispatcher.post(`/api/v1/cases/${caseId}/terminate`).send({ ground: 'concealment' }).expect(201);
    const supervisor = c.t.as(await c.t.tokenFor('supervisor'));
    const o = await supervisor
      .post(`/api/v1/cases/${caseId}/objections`)
      .send({ decisionReceivedOn: '2026-10-12', grounds: '隐瞒事实不成立' })
      .expect(201);
    const page = await c.signedInPage('supervisor');
    await page.goto(`${c.base}/dashboard`);
    const pending = page.getByTestId('pending-objections');
    await pending.getByText(courtCaseNo).waitFor();
    expect(await pending.innerText()).toContain('2026-10-19'); // 5 days end on Saturday 10-17: the next working day (CPL Art 105)
    await page.getByTestId(`decide-${o.body.id}`).click();
    await page.getByTestId('submit-decision').click();
    await page.getByRole('dialog').getByText('必填').first().waitFor();
    await page.getByTestId('decision-outcome').getByText('责令提供法律援助').click();
    await field(page, 'decision-note').fill('责令提供法律援助');
    await c.axeCheck(page);
    await page.getByTestId('submit-decision').click();
    await page.getByText('应于 2026-10-15 前指派律师').waitFor();
    await pending.getByText('暂无待审查的异议').waitFor();
    const reopened = (await dispatcher.get(`/api/v1/cases/${caseId}`).expect(200)).body;
    expect(reopened).toMatchObject({ status: 'ready', routeReason: 'aid_ordered', deadlines: { appointBy: '2026-10-15' } });
    await c.done(page);
  });

  it('Art 13 / Art 21: a file reading the court has not arranged in time is listed on the to-do for the centre', async () => {
    const { caseId, courtCaseNo } = await newCase({ trialAt: '2026-11-30T09:00:00+08:00' });
    await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201);
    await dispatcher.post(`/api/v1/cases/${caseId}/file-reading-requests`).send({ requestedAt: '2026-10-12T09:00:00+08:00' }).expect(201);
    const listed = async () => (await dispatcher.get('/api/v1/file-reading-requests?overdue=true').expect(200)).body.length;
    expect(await listed()).toBe(0);
    c.t.clock.set('2026-10-16T02:00:00Z'); // due 10-15 (3 working days)
    expect(await listed()).toBe(1);
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/todo`);
    const late = page.getByTestId('late-file-readings');
    await late.getByText(courtCaseNo).waitFor();
    expect(await late.innerText()).toContain('2026-10-15');
    await c.axeCheck(page);
    await late.getByText(courtCaseNo).click();
    await page.getByTestId('file-readings').waitFor();
    await c.done(page);
  });
});
