import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { renderSVG } from 'uqr';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { RemindersService } from '../src/notifications/reminders/reminders.service';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createShift } from './factories/shift.factory';
import { createStation } from './factories/station.factory';
import { atPath, ConsoleHarness, expectCount, PHONE, startConsole, TEST_PASSWORD } from './helpers/browser';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

type Agent = ReturnType<ConsoleHarness['t']['as']>;

const SHOTS = join(__dirname, '..', 'docs', 'screenshots');

/** The journey and the 35-page walk take a minute on an idle machine; CI's is shared. */
const LONG = 240_000;

/** The README's screenshots, written only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean. */
async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/**
 * The lawyer's console on a phone (375 × 667), against the real server and database: the
 * issue's "Done when" journey as one test, then each screen's unhappy paths, axe on each.
 */
describe('lawyer console on a phone (browser e2e)', () => {
  let c: ConsoleHarness;
  let stationId: string;
  let dispatcher: Agent;
  let clerk: Agent;
  let sink: SmtpSink;
  const lawyers: { id: string; name: string; email: string; licenseNo: string; as: Agent }[] = [];
  const at = (local: string) => c.t.clock.set(`${local}+08:00`);

  beforeAll(async () => {
    // The journey spans a night and the tests move the server's clock by days: sessions must outlive that.
    // Mails go to a real SMTP sink: the journey starts from the reminder mail's link.
    sink = await startSmtpSink();
    c = await startConsole({
      now: '2026-10-11T12:00:00Z',
      env: { SESSION_IDLE_MINUTES: String(7 * 24 * 60), SESSION_MAX_HOURS: String(24 * 90), SMTP_URL: sink.url },
    });
    dispatcher = c.t.as(await c.t.tokenFor('dispatcher'));
    clerk = c.t.as(await c.t.tokenFor('court_clerk'));
    stationId = (await createStation(c.t, { name: '溧阳法院值班点' })).id;
    for (const name of ['王明', '李华', '赵雷']) {
      const l = await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name, dutyStationIds: [stationId] }))
        .expect(201);
      lawyers.push({
        id: l.body.id,
        name,
        email: l.body.email,
        licenseNo: l.body.licenseNo,
        as: c.t.as(await c.t.tokenFor('lawyer', l.body.id)),
      });
    }
  });
  afterAll(async () => {
    await c.close();
    await sink.stop();
  });

  /** Sends what the outbox holds and returns the console path the lawyer's newest mail with this subject links to. */
  async function mailLink(lawyer: { email: string }, subject: string): Promise<string> {
    await c.t.app.get(OutboxWorker).drainOnce();
    // Sent means accepted by the sink; waiting for that many parses every one of them.
    const mine = (await sink.waitFor(sink.accepted)).filter(
      (m) => JSON.stringify(m.to).includes(lawyer.email) && m.subject?.includes(subject),
    );
    expect(mine.length).toBeGreaterThan(0);
    const href = /<a href="([^"]+)"/.exec(String(mine.at(-1)!.html))![1].replace(/&amp;/g, '&');
    const url = new URL(href);
    expect(url.pathname.startsWith('/api/')).toBe(false);
    return `${url.pathname}${url.search}`;
  }

  async function lawyerPage(i: number): Promise<Page> {
    return c.signedInPage('lawyer', { lawyerId: lawyers[i].id, name: lawyers[i].name, viewport: PHONE });
  }

  async function fitsPhone(page: Page): Promise<void> {
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    expect(width).toBeLessThanOrEqual(PHONE.width);
  }

  /** Types a date into an Element Plus date picker (found by its placeholder) and confirms it. */
  async function typeDate(page: Page, placeholder: string, date: string): Promise<void> {
    const input = page.getByPlaceholder(placeholder);
    await input.fill(date);
    await input.press('Enter');
  }

  async function pick(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option }).click();
  }

  it(
    "the journey: from the evening reminder mail's link signs in, sees tomorrow's shift, checks in, records two consultations, checks out, downloads the letter, reports leave, subscribes by QR",
    async () => {
      const shift = await createShift(c.t.app, { stationId, date: '2026-10-12', lawyerId: lawyers[0].id });
      at('2026-10-11T18:00:00'); // the evening before: the scheduled run of the shift reminders
      await expect(c.t.app.get(RemindersService).run('shift')).resolves.toEqual({ ran: true, reminders: 1 });
      const reminded = await mailLink(lawyers[0], '【提醒】明日值班');
      expect(reminded).toBe('/me/shifts');
      at('2026-10-11T20:00:00');
      const user = await c.createUser('lawyer', { lawyerId: lawyers[0].id, name: lawyers[0].name });
      const page = await c.newPage({ viewport: PHONE });
      await page.goto(`${c.base}${reminded}`);
      await atPath(page, '/login', '/me/shifts');
      await page.getByLabel('登录名').fill(user.username);
      await page.getByLabel('密码', { exact: true }).fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await atPath(page, '/me/shifts');
      await expect(page.getByTestId('upcoming-shift').first().innerText()).resolves.toContain('明天 周一 09:00–12:00');
      await fitsPhone(page);
      await c.axeCheck(page);

      at('2026-10-12T08:40:00');
      await page.reload();
      await page.getByTestId('duty-action').getByText('签到').waitFor();
      await shoot(page, 'lawyer-shifts');
      await page.getByTestId('duty-action').click();
      await expect(page.getByTestId('duty-result').innerText()).resolves.toContain('已签到 08:40');
      await page.getByTestId('duty-action').getByText('签退').waitFor();
      await c.axeCheck(page);

      at('2026-10-12T10:00:00');
      await page.getByRole('link', { name: '记录法律帮助' }).click();
      await atPath(page, '/me/help');
      for (const [type, name, no, summary] of [
        ['认罪认罚具结书签署在场', '张三', '（2026）苏0481刑初101号', '在场见证具结书签署，告知诉讼权利'],
        ['申请取保候审', '李四', '（2026）苏0481刑初102号', '解答取保候审条件与程序'],
      ]) {
        await pick(page, 'help-type', type);
        await page.getByLabel('被告人').fill(name);
        await page.getByLabel('案号').fill(no);
        await page.getByLabel('帮助内容').fill(summary);
        await page.getByTestId('help-submit').click();
        await page.getByTestId('help-record').getByText(name).waitFor();
      }
      await expectCount(page.getByTestId('help-record'), 2);
      expect(await page.getByTestId('help-record').first().innerText()).toContain('09:30–10:00');
      await fitsPhone(page);
      await c.axeCheck(page);
      await shoot(page, 'lawyer-help', true);

      at('2026-10-12T12:05:00');
      await page.getByTestId('menu-toggle').click();
      await page.getByRole('link', { name: '我的值班' }).click();
      await atPath(page, '/me/shifts');
      await page.getByTestId('duty-action').getByText('签退').click();
      await expect(page.getByTestId('duty-result').innerText()).resolves.toContain('已签退 12:05');
      await expect(page.getByTestId('today-shift').innerText()).resolves.toContain('已签到 08:40 · 已签退 12:05');
      const ledger = await dispatcher.get(`/api/v1/ledger?stationId=${stationId}&from=2026-10-12&to=2026-10-12`).expect(200);
      expect(ledger.body.helpRecords).toHaveLength(2);
      expect(ledger.body.dutyRecords[0]).toMatchObject({
        shiftId: shift.id,
        checkedInAt: '2026-10-12T08:40:00+08:00',
        checkedOutAt: '2026-10-12T12:05:00+08:00',
      });

      at('2026-10-12T14:00:00');
      const caseId = (
        await clerk
          .post('/api/v1/court-notices')
          .send(noticeBody(stationId, { defendant: { name: '周五' } }))
          .expect(201)
      ).body.caseId;
      await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ lawyerId: lawyers[0].id, reason: '值班律师熟悉案情' }).expect(201);
      // The appointment mail links to the case's own page; the lawyer finds it in 我的案件 too.
      await expect(mailLink(lawyers[0], '【指派通知】')).resolves.toBe(`/me/cases/${caseId}`);
      await page.goto(`${c.base}/me/cases`);
      await page.getByTestId('my-case').getByText('被告人 周五').click();
      await atPath(page, `/me/cases/${caseId}`);
      await expect(page.getByTestId('deadline-contactJudgeBy').innerText()).resolves.toMatch(/2026-10-15[\s\S]*剩余 3 天/);
      await expect(page.getByTestId('deadline-fileReviewAndMeetingBy').innerText()).resolves.toMatch(/2026-10-19[\s\S]*剩余 7 天/);
      await page.getByTestId('hearing').or(page.getByText('开庭审理')).first().waitFor();
      await fitsPhone(page);
      await c.axeCheck(page);
      await shoot(page, 'lawyer-case', true);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-letter').click()]);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);

      await page.goto(`${c.base}/me/leave`);
      await typeDate(page, '开始日期', '2026-10-20');
      await typeDate(page, '结束日期', '2026-10-21');
      await page.getByLabel('事由').click();
      await page.getByLabel('事由').fill('外地开庭');
      await page.getByTestId('leave-submit').click();
      await expect(page.getByTestId('leave-entry').innerText()).resolves.toContain('2026-10-20 至 2026-10-21');
      expect((await dispatcher.get(`/api/v1/lawyers/${lawyers[0].id}/unavailability`).expect(200)).body).toEqual([
        expect.objectContaining({ from: '2026-10-20', to: '2026-10-21', reason: '外地开庭' }),
      ]);
      await c.axeCheck(page);
      await shoot(page, 'lawyer-leave');

      await page.goto(`${c.base}/me/calendar`);
      await page.getByTestId('feed-make').click();
      const webcal = await page.getByTestId('feed-webcal').getAttribute('href');
      expect(webcal).toMatch(/^webcal:\/\/.+\/calendar\/lawyers\/cal_.+\.ics$/);
      // The QR code is the webcal link itself: the same encoder draws the same matrix.
      const drawn = await page.getByTestId('feed-qr').locator('path').getAttribute('d');
      const expected = /<path[^>]* d="([^"]+)"/.exec(renderSVG(webcal!, { border: 2 }))![1];
      expect(drawn === expected).toBe(true); // a boolean: the path is kilobytes long
      const https = await page.getByTestId('feed-url').innerText();
      const feed = await c.t.http.get(new URL(https).pathname).expect(200);
      expect(feed.text).toContain('BEGIN:VCALENDAR');
      await fitsPhone(page);
      await c.axeCheck(page);
      await shoot(page, 'lawyer-calendar');
      await c.done(page);
    },
    LONG,
  );

  it('shifts: a check-in made elsewhere meanwhile is explained, not a raw 409', async () => {
    const s = await createShift(c.t.app, { stationId, date: '2026-10-13', lawyerId: lawyers[1].id });
    at('2026-10-13T09:05:00');
    const page = await lawyerPage(1);
    await page.goto(`${c.base}/me/shifts`);
    await page.getByTestId('duty-action').getByText('签到').waitFor();
    await lawyers[1].as.post(`/api/v1/shifts/${s.id}/check-in`).expect(201);
    await page.getByTestId('duty-action').click();
    await expect(page.getByTestId('duty-result').innerText()).resolves.toContain('本班次已签到，无需重复签到');
    await page.getByTestId('duty-action').getByText('签退').waitFor();
    await c.axeCheck(page);
    await c.done(page);
  });

  it("help: required fields and the server's rules in Chinese; after sign-off nothing is editable", async () => {
    await createShift(c.t.app, { stationId, date: '2026-10-14', lawyerId: lawyers[1].id });
    at('2026-10-14T10:30:00');
    const page = await lawyerPage(1);
    await page.goto(`${c.base}/me/help`);
    await page.getByTestId('help-submit').click();
    await page.getByText('请选择帮助类型').waitFor();
    await page.getByText('请填写被告人姓名').waitFor();
    await pick(page, 'help-type', '阅卷建议');
    await page.getByLabel('被告人').fill('钱七');
    await page.getByLabel('案号').fill('（2026）苏0481刑初103号');
    await page.getByLabel('帮助内容').fill('被告人身份证号 320481199001011234，咨询阅卷');
    await page.getByTestId('help-submit').click();
    await page.getByText('不能填写身份证号').waitFor();
    await c.axeCheck(page);
    await page.getByLabel('帮助内容').fill('咨询阅卷安排');
    await page.getByTestId('help-submit').click();
    await page.getByTestId('help-record').getByText('钱七').waitFor();
    await page.getByTestId('help-record').getByRole('button', { name: '修改' }).click();
    await page.getByLabel('帮助内容').fill('咨询阅卷安排，已告知申请方式');
    await page.getByTestId('help-submit').click();
    await page.getByTestId('help-record').getByText('已告知申请方式').waitFor();
    // Signing off before the shift is over is refused with the rule.
    await page.getByTestId('sign-off').click();
    await page.getByText('当日最后一个班次结束后才能签字确认').waitFor();
    at('2026-10-14T12:10:00');
    await page.reload();
    await page.getByTestId('sign-off').click();
    await page.getByTestId('signed-off').waitFor();
    await expect(page.getByTestId('help-record').getByRole('button', { name: '修改' }).count()).resolves.toBe(0);
    await c.done(page);
  });

  it("cases: another lawyer's case by its address answers 未找到, with nothing of it shown", async () => {
    at('2026-10-13T14:00:00');
    const caseId = (
      await clerk
        .post('/api/v1/court-notices')
        .send(noticeBody(stationId, { defendant: { name: '孙八' } }))
        .expect(201)
    ).body.caseId;
    await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ lawyerId: lawyers[2].id, reason: '指定' }).expect(201);
    const page = await lawyerPage(1);
    await page.goto(`${c.base}/me/cases/${caseId}`);
    await page.getByTestId('case-missing').waitFor();
    expect(await page.locator('section.lawyer-page').innerText()).not.toContain('孙八');
    await c.axeCheck(page);
    await c.done(page);
  });

  it("swaps: an offer to a colleague on leave is refused in words; the colleague opens the swap mail's link and accepts", async () => {
    at('2026-10-13T15:00:00');
    await createShift(c.t.app, { stationId, date: '2026-10-22', lawyerId: lawyers[1].id });
    await dispatcher
      .post(`/api/v1/lawyers/${lawyers[2].id}/unavailability`)
      .send({ from: '2026-10-22', to: '2026-10-22', reason: '病假' })
      .expect(201);
    const page = await lawyerPage(1);
    await page.goto(`${c.base}/me/swaps`);
    await page.getByTestId('swap-submit').click();
    await page.getByTestId('swap-error').getByText('请选择要换出的班次').waitFor();
    await pick(page, 'swap-shift', '2026-10-22 周四 09:00–12:00 溧阳法院值班点');
    await pick(page, 'swap-colleague', `${lawyers[2].name}（`);
    await page.getByTestId('swap-submit').click();
    await page.getByTestId('swap-error').getByText('该律师当天请假，不能值班').waitFor();
    await c.axeCheck(page);
    await pick(page, 'swap-colleague', `${lawyers[0].name}（`);
    await page.getByTestId('swap-submit').click();
    await expect(page.getByTestId('swap-sent').first().innerText()).resolves.toContain(`请 ${lawyers[0].name} 代班 · 待答复`);

    // The colleague comes from the swap mail's link.
    const offered = await mailLink(lawyers[0], '【换班申请】');
    expect(offered).toBe('/me/swaps');
    const other = await lawyerPage(0);
    await other.goto(`${c.base}${offered}`);
    await expect(other.getByTestId('swap-offered').innerText()).resolves.toContain(`${lawyers[1].name} 请您代班`);
    await fitsPhone(other);
    await c.axeCheck(other);
    await shoot(other, 'lawyer-swaps', true);
    await other.getByTestId('swap-accept').click();
    await other.getByText('已接受换班，班次已转到您名下').waitFor();
    const moved = await lawyers[0].as.get(`/api/v1/lawyers/${lawyers[0].id}/shifts?from=2026-10-22&to=2026-10-22`).expect(200);
    expect(moved.body).toHaveLength(1);
    await c.done(other);
    await c.done(page);
  });

  it('leave: an end before the start is refused before sending; leave over a published shift names it, to the dispatcher too', async () => {
    at('2026-10-13T16:00:00');
    const held = await createShift(c.t.app, { stationId, date: '2026-10-27', lawyerId: lawyers[2].id });
    const page = await lawyerPage(2);
    await page.goto(`${c.base}/me/leave`);
    await typeDate(page, '开始日期', '2026-10-28');
    await typeDate(page, '结束日期', '2026-10-26');
    await page.getByLabel('事由').click();
    await page.getByLabel('事由').fill('培训');
    await page.getByTestId('leave-submit').click();
    await page.getByText('结束日期不能早于开始日期').waitFor();
    await typeDate(page, '开始日期', '2026-10-26');
    await typeDate(page, '结束日期', '2026-10-28');
    await page.getByLabel('事由').click();
    await page.getByTestId('leave-submit').click();
    await expect(page.getByTestId('leave-warning').innerText()).resolves.toMatch(/请假期间有已发布的值班[\s\S]*2026-10-27 09:00–12:00/);
    await c.axeCheck(page);
    await c.done(page);
    // The dispatcher sees the leave the lawyer reported, with the published shift still to reassign.
    const desk = await c.signedInPage('dispatcher');
    await desk.goto(`${c.base}/lawyers`);
    await desk.getByTestId(`leave-${lawyers[2].licenseNo}`).click();
    await expect(desk.getByTestId(`leave-shift-${held.id}`).innerText()).resolves.toContain('2026-10-27 09:00–12:00');
    await c.axeCheck(desk);
    await c.done(desk);
  });

  it('calendar: a new link stops the old one', async () => {
    const page = await lawyerPage(2);
    await page.goto(`${c.base}/me/calendar`);
    await page.getByTestId('feed-make').click();
    const first = new URL(await page.getByTestId('feed-url').innerText()).pathname;
    await page.getByTestId('feed-rotate').click();
    await page.getByRole('button', { name: '更换', exact: true }).click();
    await page.getByText('已更换，旧链接已失效').waitFor();
    const second = new URL(await page.getByTestId('feed-url').innerText()).pathname;
    expect(second).not.toBe(first);
    await c.t.http.get(first).expect(404);
    await c.t.http.get(second).expect(200);
    await c.done(page);
  });

  it(
    'no other role opens a lawyer page: each lands on its own home',
    async () => {
      const homes = { dispatcher: '/todo', admin: '/todo', court_clerk: '/court/cases', supervisor: '/dashboard', reception: '/' } as const;
      for (const [role, home] of Object.entries(homes) as [keyof typeof homes, string][]) {
        const page = await c.signedInPage(role);
        for (const path of [
          '/me/shifts',
          '/me/help',
          '/me/cases',
          `/me/cases/${lawyers[0].id}`,
          '/me/swaps',
          '/me/leave',
          '/me/calendar',
        ]) {
          await page.goto(`${c.base}${path}`);
          await atPath(page, home);
          await expect(page.getByRole('heading', { name: /我的值班|法律帮助记录|我的案件|换班|请假|日历订阅/ }).count()).resolves.toBe(0);
        }
        await c.done(page);
      }
    },
    LONG,
  );
});
