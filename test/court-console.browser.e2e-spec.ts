import type { Page } from 'playwright-core';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import type { TestApp } from './helpers/app';
import { atPath, ConsoleHarness, expectCount, startConsole } from './helpers/browser';
import { field } from './helpers/console-fields';

type Agent = ReturnType<TestApp['as']>;

const COURT = '溧阳市人民法院';
// One journey through three screens with an axe scan on each: minutes, not seconds, on a shared 2-core machine.
const LONG = 240_000;

/**
 * The court clerk's console (issue 11) in Chromium against the real server: the 通知辩护函 form
 * checked before sending (Art 4, 7), the appointed lawyer and the letter (Art 6), hearings
 * with Art 11's three days. Monday 2026-10-12 10:00 in Shanghai.
 */
describe('court clerk console: notice, cases, hearings (browser e2e)', () => {
  let c: ConsoleHarness;
  let dispatcher: Agent;
  let stationId: string;
  let lawyer: { id: string; name: string; firm: string; phone: string };

  beforeAll(async () => {
    c = await startConsole({ now: '2026-10-12T02:00:00Z' });
    dispatcher = c.t.as(await c.t.tokenFor('dispatcher'));
    stationId = (await createStation(c.t, { courtName: COURT })).id;
    lawyer = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name: '周律师', dutyStationIds: [stationId] }))
        .expect(201)
    ).body;
  });
  afterAll(() => c?.close());

  const clerkPage = () => c.signedInPage('court_clerk', { courtName: COURT });
  const testText = (page: Page, id: string) => page.getByTestId(id).innerText();
  /** For the README's picture: the part of a long page the reader should see. */
  async function showing(page: Page, testId: string, block: 'start' | 'end'): Promise<Page> {
    if (process.env.SCREENSHOTS === '1') {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByTestId(testId).evaluate((el, b) => el.scrollIntoView({ block: b }), block);
    }
    return page;
  }
  async function date(page: Page, testId: string, value: string): Promise<void> {
    await field(page, testId).fill(value);
    await field(page, testId).press('Enter');
  }

  it(
    'sends a notice through the form (the missing items first), sees the appointed lawyer, downloads the letter, adds and moves a hearing',
    async () => {
      const page = await clerkPage();
      await page.goto(`${c.base}/court/notices/new`);
      await page.getByRole('heading', { name: '发送指派通知（通知辩护函）' }).waitFor();
      expect(await field(page, 'f-courtName').inputValue()).toBe(COURT);

      // Checked empty: the items the API cannot take without, in Chinese, before any call.
      await page.getByTestId('check-notice').click();
      expect(await testText(page, 'form-error')).toContain('必填');
      // 案号, 案发日期, 被告人姓名, 出生日期 (the court's only station is chosen already).
      // The form items' own messages render a tick after the summary: wait for the fourth.
      const required = page.getByText('必填', { exact: true });
      await expectCount(required, 4);
      await expect(page.getByTestId('send-notice').isDisabled()).resolves.toBe(true);

      // Filled in without the judge's phone, the trial a week away: missing items and Art 4/7 warnings.
      await field(page, 'f-courtCaseNo').fill('（2026）苏0481刑初700号');
      await field(page, 'f-charges').fill('盗窃罪、诈骗罪');
      await date(page, 'f-offenceDate', '2026-05-01');
      await field(page, 'f-defendantName').fill('王某');
      await date(page, 'f-birthDate', '1990-03-15');
      await field(page, 'f-detentionPlace').fill('溧阳市看守所');
      await field(page, 'f-judgeName').fill('李法官');
      await date(page, 'f-trialDate', '2026-10-19');
      await field(page, 'f-trialPlace').fill('第三法庭');
      await page.getByText('随函附送起诉书（抗诉书）副本').click();
      await page.getByTestId('check-notice').click();
      await page.getByTestId('notice-outcome').waitFor();
      expect(await testText(page, 'outcome-missing')).toContain('通知缺少：承办法官电话');
      const warnings = await page.getByTestId('outcome-warning').allInnerTexts();
      expect(warnings.join('\n')).toContain('通知辩护晚于开庭前十日');
      expect(warnings.join('\n')).toContain('材料不全，可建议法院延期开庭');
      expect(await testText(page, 'outcome-route')).toContain('指派辩护');
      const body = await page.locator('body').innerText();
      for (const code of ['NOTICE_LATE', 'POSTPONEMENT_ADVISED', 'judge.phone', 'appointed_defence']) expect(body).not.toContain(code);
      // The dry run wrote nothing.
      expect((await dispatcher.get('/api/v1/cases').expect(200)).body).toEqual([]);
      await c.axeCheck(page);
      await c.screenshot(await showing(page, 'notice-outcome', 'end'), 'court-notice');

      // The judge's phone supplied: the check is stale until redone, then complete, then sent.
      await field(page, 'f-judgePhone').fill('0519-87000001');
      await expect(page.getByTestId('send-notice').isDisabled()).resolves.toBe(true);
      await page.getByTestId('check-notice').click();
      await page.getByTestId('outcome-complete').waitFor();
      await page.getByTestId('send-notice').click();
      await page.waitForURL((u) => u.pathname.startsWith('/court/cases/'));
      const caseId = page.url().split('/').pop()!;
      expect(await testText(page, 'case-status')).toBe('待指派');
      expect(await testText(page, 'no-lawyer')).toContain('三日内指派');

      // The centre appoints (through the API); the clerk sees the lawyer (Art 6) and takes the letter.
      await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ lawyerId: lawyer.id, reason: '指定' }).expect(201);
      await page.reload();
      const appointed = await testText(page, 'appointed-lawyer');
      for (const part of [lawyer.name, lawyer.firm, lawyer.phone]) expect(appointed).toContain(part);
      expect(await testText(page, 'case-status')).toBe('已指派');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-letter').click()]);
      expect(download.suggestedFilename()).toBe('法律援助公函-（2026）苏0481刑初700号.docx');

      // A pre-trial meeting in two days: Art 11's warning while picking, and kept after saving.
      await page.getByTestId('hearing-kind-add').click({ force: true });
      await page.getByRole('option', { name: '庭前会议' }).dispatchEvent('click');
      await date(page, 'hearing-date-add', '2026-10-14');
      await page.getByTestId('hearing-short-add').waitFor();
      await field(page, 'hearing-place-add').fill('第二会议室');
      await page.getByTestId('hearing-save-add').click();
      expect(await testText(page, 'short-notice')).toContain('实施意见第十一条');
      const rows = page.getByTestId('hearings').locator('tbody tr');
      await expectCount(rows, 1);
      expect(await rows.first().innerText()).toContain('通知时间不足三日');
      await c.axeCheck(page);
      await c.screenshot(await showing(page, 'case-status', 'start'), 'court-case');

      // Moved a week on: in time now, the warning gone.
      await page.locator('[data-testid^="reschedule-"]').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await date(page, 'hearing-date-change', '2026-10-21');
      await page.getByTestId('hearing-save-change').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('hearings').getByText('2026-10-21 09:00').waitFor();
      expect(await page.getByTestId('short-notice').count()).toBe(0);
      // The moved row without its tag, waited for: on PostgreSQL a run read the row once with
      // the new time and still the old tag (a render early, like expectCount's counts).
      await rows.filter({ hasText: '2026-10-21 09:00' }).filter({ hasNotText: '通知时间不足三日' }).waitFor();
      await expectCount(rows, 1);

      // 本院案件 lists it with its status.
      await page.goto(`${c.base}/court/cases`);
      await page.getByTestId(`status-${caseId}`).waitFor();
      expect(await testText(page, `status-${caseId}`)).toBe('已指派');
      await c.axeCheck(page);
      await c.screenshot(page, 'court-cases');
      await c.done(page);
    },
    LONG,
  );

  it(
    "explains the server's 400 on a field and a 409, and hides another court's case",
    async () => {
      const otherClerk = c.t.as((await c.createUser('court_clerk', { courtName: '常州市中级人民法院' })).token);
      const other = (
        await otherClerk
          .post('/api/v1/court-notices')
          .send(noticeBody(stationId, { courtName: '常州市中级人民法院' }))
          .expect(201)
      ).body.caseId;
      const page = await clerkPage();

      // Born after the offence: the server's reason, in Chinese, on the birth date.
      await page.goto(`${c.base}/court/notices/new`);
      await field(page, 'f-courtCaseNo').fill('（2026）苏0481刑初701号');
      await date(page, 'f-offenceDate', '2026-05-01');
      await field(page, 'f-defendantName').fill('赵某');
      await date(page, 'f-birthDate', '2026-06-01');
      await page.getByTestId('check-notice').click();
      expect(await testText(page, 'form-error')).toBe('出生日期：应早于案发日期');
      await page.getByText('应早于案发日期', { exact: true }).waitFor();

      // A case the centre has just ended: adding a hearing answers 409, explained.
      const mine = (
        await c.t
          .as((await c.createUser('court_clerk', { courtName: COURT })).token)
          .post('/api/v1/court-notices')
          .send(noticeBody(stationId))
          .expect(201)
      ).body.caseId;
      await page.goto(`${c.base}/court/cases/${mine}`);
      await page.getByTestId('hearing-form-add').waitFor();
      await dispatcher.post(`/api/v1/cases/${mine}/assign`).send({ lawyerId: lawyer.id, reason: '指定' }).expect(201);
      await dispatcher.post(`/api/v1/cases/${mine}/terminate`).send({ ground: 'case_closed' }).expect(201);
      await date(page, 'hearing-date-add', '2026-11-20');
      await page.getByTestId('hearing-save-add').click();
      expect(await testText(page, 'hearing-error')).toBe('案件已结束，不能再办理此事项');

      // Another court's case by its address: not found, nothing of it shown.
      await page.goto(`${c.base}/court/cases/${other}`);
      await page.getByTestId('case-missing').waitFor();
      await c.axeCheck(page);
      await c.done(page);

      // A clerk account bound to no court is told so.
      const unbound = await c.signedInPage('court_clerk');
      await unbound.goto(`${c.base}/court/cases`);
      expect(await testText(unbound, 'page-error')).toBe('本账号尚未设置所属法院，请联系管理员');
      await c.done(unbound);
    },
    LONG,
  );

  it(
    'no other role opens a clerk page: each lands on its own home',
    async () => {
      const homes = { dispatcher: '/todo', admin: '/todo', supervisor: '/dashboard', reception: '/' } as const;
      for (const [role, home] of Object.entries(homes) as [keyof typeof homes, string][]) {
        const page = await c.signedInPage(role);
        for (const path of ['/court/notices/new', '/court/cases', `/court/cases/${stationId}`]) {
          await page.goto(`${c.base}${path}`);
          await atPath(page, home);
          await expect(page.getByRole('heading', { name: /发送指派通知|本院案件/ }).count()).resolves.toBe(0);
        }
        await c.done(page);
      }
      const lawyerPage = await c.signedInPage('lawyer', { lawyerId: lawyer.id });
      for (const path of ['/court/notices/new', '/court/cases', `/court/cases/${stationId}`]) {
        await lawyerPage.goto(`${c.base}${path}`);
        await atPath(lawyerPage, '/me/shifts');
      }
      await c.done(lawyerPage);
    },
    LONG,
  );
});
