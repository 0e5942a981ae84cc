import type { Page } from 'playwright-core';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { stationWithLawyers } from './factories/station.factory';
import { ConsoleHarness, PHONE, startConsole } from './helpers/browser';
import { field } from './helpers/console-fields';
import type { TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;
type Lawyer = { id: string; name: string };

/**
 * Offers in the console (law round 2, item 10) and the lawyer's Art 13 file reading: the
 * dispatcher's case page on a desktop, the lawyer's /me/cases/:id on a phone, the real server.
 */
describe('offers and file reading in the console (browser e2e)', () => {
  let c: ConsoleHarness;
  let dispatcher: Agent;
  let clerk: Agent;
  let stationId: string;
  let lawyers: Lawyer[];
  const names = ['周明远', '陈静'];

  beforeAll(async () => {
    // The tests move the server's clock past answer deadlines: sessions must outlive that.
    c = await startConsole({ now: '2026-10-12T02:00:00Z', env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60), SESSION_MAX_HOURS: '2000' } });
    dispatcher = c.t.as(await c.t.tokenFor('dispatcher'));
    clerk = c.t.as(await c.t.tokenFor('court_clerk'));
    let i = 0;
    ({ stationId, lawyers } = await stationWithLawyers(dispatcher, 2, (o) => lawyerBody({ ...o, name: names[i++] })));
  });
  afterAll(() => c?.close());
  afterEach(() => c.t.clock.set('2026-10-12T02:00:00Z'));

  const newCase = async () => (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201)).body.caseId as string;
  const caseOf = async (id: string) => (await dispatcher.get(`/api/v1/cases/${id}`).expect(200)).body;
  const offerTo = async (caseId: string) => {
    const res = await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ mode: 'offer' }).expect(201);
    return lawyers.find((l) => l.id === res.body.assignment.lawyerId)!;
  };
  const lawyerPage = (l: Lawyer) => c.signedInPage('lawyer', { lawyerId: l.id, name: l.name, viewport: PHONE });
  const fitsPhone = async (page: Page) =>
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(PHONE.width);

  it('the dispatcher sends an offer; the lawyer accepts on a phone and only then gets the letter', async () => {
    const caseId = await newCase();
    const desk = await c.signedInPage('dispatcher');
    await desk.goto(`${c.base}/cases/${caseId}`);
    await desk.getByTestId('offer').click();
    const pending = desk.getByTestId('pending-offer');
    await pending.waitFor();
    const offeredId = (await caseOf(caseId)).assignments[0].lawyerId as string;
    const offered = lawyers.find((l) => l.id === offeredId)!;
    expect(await pending.innerText()).toContain(`已向${offered.name}发出指派邀请，答复期限 2026-10-13 10:00`);
    expect(await desk.getByTestId('case-status').innerText()).toBe('待律师答复');
    expect(await desk.getByTestId('download-letter').count()).toBe(0);
    await c.axeCheck(desk);
    await c.screenshot(desk, 'case-offer');
    await c.done(desk);

    const phone = await lawyerPage(offered);
    await phone.goto(`${c.base}/me/cases/${caseId}`);
    await phone.getByTestId('offer').waitFor();
    expect(await phone.getByTestId('offer-respond-by').innerText()).toContain('2026-10-13 10:00');
    expect(await phone.getByTestId('download-letter').count()).toBe(0);
    await fitsPhone(phone);
    await c.axeCheck(phone);
    await c.screenshot(phone, 'lawyer-offer');
    await phone.getByTestId('accept-offer').click();
    await phone.getByTestId('download-letter').waitFor();
    expect(await phone.getByTestId('offer').count()).toBe(0);
    expect(await phone.getByTestId('deadline-contactJudgeBy').innerText()).toContain('2026-10-15');
    expect((await caseOf(caseId)).status).toBe('assigned');
    await c.axeCheck(phone);
    await c.done(phone);
  });

  it('a decline needs a reason (in Chinese), then the next lawyer is offered the case, shown on the dispatcher page', async () => {
    const caseId = await newCase();
    const first = await offerTo(caseId);
    const next = lawyers.find((l) => l.id !== first.id)!;
    const phone = await lawyerPage(first);
    await phone.goto(`${c.base}/me/cases/${caseId}`);
    await phone.getByTestId('decline-offer').click();
    await phone.getByTestId('confirm-decline').click();
    await phone.getByText('请填写拒绝理由').waitFor();
    await field(phone, 'decline-reason').fill('与被害人有亲属关系');
    await phone.getByTestId('confirm-decline').click();
    await phone.getByTestId('offer-ended').waitFor();
    expect(await phone.getByTestId('offer-ended').innerText()).toContain('您已拒绝该指派邀请');
    await c.axeCheck(phone);
    await c.done(phone);

    const desk = await c.signedInPage('dispatcher');
    await desk.goto(`${c.base}/cases/${caseId}`);
    expect(await desk.getByTestId('pending-offer').innerText()).toContain(`已向${next.name}发出指派邀请`);
    const rows = await desk.getByTestId('assignments').locator('tbody tr').allInnerTexts();
    expect(rows[0]).toContain(first.name);
    expect(rows[0]).toContain('律师已拒绝');
    expect(rows[0]).toContain('与被害人有亲属关系');
    expect(rows[1]).toContain(next.name);
    expect(rows[1]).toContain('2026-10-13 10:00 前答复');
    await c.axeCheck(desk);
    await c.done(desk);
  });

  it('accepting after the answer deadline is refused (409) and explained', async () => {
    const caseId = await newCase();
    const offered = await offerTo(caseId);
    const phone = await lawyerPage(offered);
    await phone.goto(`${c.base}/me/cases/${caseId}`);
    await phone.getByTestId('accept-offer').waitFor();
    c.t.clock.set('2026-10-13T02:30:00Z');
    await phone.getByTestId('accept-offer').click();
    await phone.getByTestId('offer-error').waitFor();
    expect(await phone.getByTestId('offer-error').innerText()).toContain('答复期限已过，该邀请已失效');
    await c.done(phone);
  });

  it('Art 13: the lawyer records a file-reading request on the phone; the 3-working-day deadline counts down, then shows overdue', async () => {
    const caseId = await newCase();
    const appointed = await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ mode: 'direct' }).expect(201);
    const lawyer = lawyers.find((l) => l.id === appointed.body.assignment.lawyerId)!;
    const phone = await lawyerPage(lawyer);
    await phone.goto(`${c.base}/me/cases/${caseId}`);
    const form = phone.getByTestId('file-reading-form');
    await form.waitFor();
    expect(await field(phone, 'file-reading-date').inputValue()).toBe('2026-10-12');
    await field(phone, 'file-reading-date').fill('2026-10-14');
    await field(phone, 'file-reading-date').press('Tab');
    await phone.getByTestId('file-reading-submit').click();
    await phone.getByText('不能晚于现在').waitFor();
    await field(phone, 'file-reading-date').fill('2026-10-12');
    await field(phone, 'file-reading-date').press('Tab');
    await phone.getByTestId('file-reading-submit').click();
    const request = phone.getByTestId('file-reading');
    await request.waitFor();
    expect(await request.innerText()).toContain('法院应于 2026-10-15 前安排（三个工作日）');
    expect(await request.innerText()).toContain('剩余 3 天');
    expect(await phone.getByTestId('file-reading-overdue').count()).toBe(0);
    await fitsPhone(phone);
    await c.axeCheck(phone);
    await c.screenshot(phone, 'lawyer-file-reading');

    c.t.clock.set('2026-10-16T02:00:00Z');
    await phone.reload();
    await phone.getByTestId('file-reading-overdue').waitFor();
    expect(await phone.getByTestId('file-reading').innerText()).toContain('已超期 1 天');
    await c.axeCheck(phone);
    await c.done(phone);
  });
});
