import type { Page } from 'playwright-core';
import { lawyerBody } from './factories/lawyer.factory';
import { stationBody } from './factories/station.factory';
import { ConsoleHarness, startConsole } from './helpers/browser';

// Eight screens' worth of round trips on a shared 2-core machine: more than the harness's minute each.
jest.setTimeout(120_000);

interface ShiftBody {
  id: string;
  date: string;
  templateName: string;
  lawyerId: string | null;
  sequence: number;
}

/**
 * The dispatcher's 值班排班 and 值班台账 screens in a browser (issue 10 screens 4 and 5, issue 12
 * item 12): stations and templates, a month's draft as a calendar, changing a slot with the
 * hard rules in words, publishing, the working-day calendar with a year's arrangement, the
 * ledger with attendance, help records, back-filled check-ins and downloads.
 */
describe('rosters, working days and the ledger in a browser (e2e)', () => {
  let c: ConsoleHarness;
  let page: Page;
  let stationId: string;
  const names = ['王明', '李华', '张伟', '赵敏'];
  const ids: Record<string, string> = {};
  let rosterId: string;
  let ledgerStationId: string;
  let ledgerShifts: ShiftBody[];

  const api = () => c.t.admin;
  const dialog = () => page.getByRole('dialog');

  beforeAll(async () => {
    c = await startConsole({ now: '2026-09-28T00:00:00Z' });
    stationId = (
      await api()
        .post('/api/v1/stations')
        .send(stationBody({ name: '溧阳法院值班点' }))
        .expect(201)
    ).body.id;
    for (const name of names)
      ids[name] = (
        await api()
          .post('/api/v1/lawyers')
          .send(lawyerBody({ name, dutyStationIds: [stationId] }))
          .expect(201)
      ).body.id;
    await api()
      .post(`/api/v1/lawyers/${ids['赵敏']}/unavailability`)
      .send({ from: '2026-11-16', to: '2026-11-20', reason: '年假' })
      .expect(201);
    // The ledger's station: October published before the month starts; both lawyers away on the 14th.
    ledgerStationId = (
      await api()
        .post('/api/v1/stations')
        .send(stationBody({ name: '台账值班点' }))
        .expect(201)
    ).body.id;
    for (const name of ['周一', '吴二']) {
      const id = (
        await api()
          .post('/api/v1/lawyers')
          .send(lawyerBody({ name, dutyStationIds: [ledgerStationId] }))
          .expect(201)
      ).body.id;
      await api().post(`/api/v1/lawyers/${id}/unavailability`).send({ from: '2026-10-14', to: '2026-10-14', reason: '培训' }).expect(201);
    }
    const october = await api()
      .post(`/api/v1/stations/${ledgerStationId}/rosters`)
      .send({ from: '2026-10-12', to: '2026-10-16' })
      .expect(201);
    await api().post(`/api/v1/rosters/${october.body.id}/publish`).expect(200);
    ledgerShifts = (await api().get(`/api/v1/stations/${ledgerStationId}/shifts?from=2026-10-12&to=2026-10-16`).expect(200)).body;
    page = await c.signedInPage('dispatcher');
  });
  afterAll(async () => {
    await c.done(page);
    await c.close();
  });

  it('creates a station with its shift templates; an overlapping template is refused in Chinese', async () => {
    await page.goto(`${c.base}/stations`);
    await page.getByRole('heading', { name: '值班点' }).waitFor();
    await page.getByTestId('stations').getByText('溧阳法院值班点').waitFor();
    await page.getByTestId('new-station').click();
    await dialog().getByLabel('值班点名称').fill('新北区法院值班点');
    await dialog().getByLabel('所在法院').fill('常州市新北区人民法院');
    await dialog().getByLabel('无人值班时电话').fill('0519-12348');
    await dialog().getByLabel('班次2开始时间').fill('11:00');
    await dialog().getByRole('button', { name: '保存' }).click();
    await dialog().getByText('与班次“上午”时间重叠').waitFor();
    await c.axeCheck(page);
    await dialog().getByLabel('班次2开始时间').fill('13:30');
    await dialog().getByRole('button', { name: '保存' }).click();
    await page.getByTestId('stations').getByText('新北区法院值班点').waitFor();
    expect(await page.getByTestId('stations').innerText()).toContain('上午 09:00–12:00；下午 13:30–17:00');
  });

  it('generates a month as a calendar with names and the fairness figures', async () => {
    await page.goto(`${c.base}/stations/${stationId}`);
    await page.getByRole('heading', { name: '溧阳法院值班点' }).waitFor();
    await page.getByTestId('members').getByText('赵敏').waitFor();
    await page.getByTestId('generate').click();
    await page.getByText('请选择要排班的月份').waitFor();
    await page.getByPlaceholder('选择月份').fill('2026-11');
    await page.getByPlaceholder('选择月份').press('Enter');
    await page.getByTestId('generate').click();
    await page.waitForURL(/\/rosters\//);
    rosterId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByTestId('month-2026-11').waitFor();
    expect(await page.getByTestId('roster-status').innerText()).toBe('草稿');
    const leaveDay = await page.getByTestId('slot-2026-11-17-上午').innerText();
    expect(leaveDay).toMatch(/王明|李华|张伟/);
    expect(await page.getByTestId('fairness-summary').innerText()).toContain('相差不超过 1 次');
    expect(await page.getByTestId('fair-赵敏').innerText()).toMatch(/赵敏\s+\d+\s+\d+\s+.*上午\d+ 下午\d+/);
    expect(await page.getByTestId('fairness').innerText()).toContain('星期分布');
    await c.axeCheck(page);
    await c.screenshot(page, 'roster');
  });

  it('changes a slot: the lawyer on leave is barred by the rule in words; a stale view is told to reload (409)', async () => {
    await page.getByTestId('slot-2026-11-17-上午').click();
    const barred = dialog().getByTestId('candidate-赵敏');
    await barred.getByText('该律师当天请假，不能值班').waitFor();
    expect(await barred.getByRole('radio').isDisabled()).toBe(true);
    await c.axeCheck(page);
    const current = (await dialog().getByTestId('change-slot').innerText()).split('当前：')[1].trim();
    const other = names.find((n) => n !== current && n !== '赵敏')!;
    await dialog().getByTestId(`candidate-${other}`).getByText(other).click();
    await dialog().getByTestId('change-save').click();
    await page.getByText('班次已调整').first().waitFor();
    await page.getByTestId('slot-2026-11-17-上午').getByText(other).waitFor();

    // Someone else changes the 18th while this dispatcher has it open.
    await page.getByTestId('slot-2026-11-18-上午').click();
    await dialog().getByTestId('change-slot').waitFor();
    const roster = (await api().get(`/api/v1/rosters/${rosterId}`).expect(200)).body;
    const s: ShiftBody = roster.shifts.find((x: ShiftBody) => x.date === '2026-11-18' && x.templateName === '上午');
    const elsewhere = names.find(
      (n) => ids[n] !== s.lawyerId && n !== '赵敏' && !roster.shifts.some((x: ShiftBody) => x.date === s.date && x.lawyerId === ids[n]),
    )!;
    await api().patch(`/api/v1/shifts/${s.id}`).send({ lawyerId: ids[elsewhere] }).expect(200);
    const mine = names.find((n) => n !== elsewhere && ids[n] !== s.lawyerId && n !== '赵敏')!;
    await dialog().getByTestId(`candidate-${mine}`).getByText(mine).click();
    await dialog().getByTestId('change-save').click();
    await dialog().getByTestId('change-problem').getByText('该班次刚被他人调整，请刷新后重试').waitFor();
    await dialog().getByRole('button', { name: '取消' }).click();
  });

  it('publishes; a second draft over the same days cannot be published, and says why', async () => {
    await page.goto(`${c.base}/rosters/${rosterId}`);
    await page.getByTestId('publish').click();
    await page.getByRole('dialog').getByRole('button', { name: '发布', exact: true }).click();
    await page.getByText(/排班表已发布，已通知 \d 位律师/).waitFor();
    // The message comes with the publish answer; the status tag follows with the roster's reload.
    await page.getByTestId('roster-status').getByText('已发布').waitFor();
    const second = await api().post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-11-23', to: '2026-12-04' }).expect(201);
    await page.goto(`${c.base}/rosters/${second.body.id}`);
    await page.getByTestId('publish').click();
    await page.getByRole('dialog').getByRole('button', { name: '发布', exact: true }).click();
    await page.getByTestId('publish-problem').getByText('与本值班点已发布的排班表期间重叠，不能发布').waitFor();
    await c.axeCheck(page);
  });

  it('a published roster: a change needs a reason, is listed with it; pending swaps show both names', async () => {
    const roster = (await api().get(`/api/v1/rosters/${rosterId}`).expect(200)).body;
    const offered: ShiftBody = roster.shifts.find((x: ShiftBody) => x.date === '2026-11-25' && x.lawyerId);
    const partner = names.find((n) => !roster.shifts.some((x: ShiftBody) => x.date === offered.date && x.lawyerId === ids[n]))!;
    const holder = c.t.as(await c.t.tokenFor('lawyer', offered.lawyerId!));
    await holder.post(`/api/v1/shifts/${offered.id}/swap-requests`).send({ toLawyerId: ids[partner] }).expect(201);
    await page.goto(`${c.base}/rosters/${rosterId}`);
    await page.getByTestId('swaps').getByText(partner).waitFor();
    await page.getByTestId(`slot-2026-11-26-下午`).click();
    await dialog().getByText('可排').first().waitFor();
    const choice = dialog().locator('tr:not(.barred) .el-radio').first();
    const chosen = (await choice.innerText()).trim();
    await choice.click();
    await dialog().getByTestId('change-save').click();
    await dialog().getByText('已发布的班次须填写调整原因').waitFor();
    await dialog().getByLabel('调整原因').fill('原值班律师出庭冲突');
    await dialog().getByTestId('change-save').click();
    await page.getByTestId('changes').getByText('原值班律师出庭冲突').waitFor();
    expect(await page.getByTestId('changes').innerText()).toContain(chosen);
    await c.axeCheck(page);
    await c.screenshot(page, 'roster-published');
  });

  it('enters a year’s holiday arrangement in one step; a make-up day inside a festival is refused in Chinese (issue 12 item 12)', async () => {
    await page.goto(`${c.base}/workdays`);
    await page.getByRole('heading', { name: '工作日' }).waitFor();
    await page.getByTestId('year').click();
    await page.getByRole('option', { name: '2027 年' }).click();
    await page
      .getByTestId('calendar-warning')
      .getByText(/缺少该年度国务院节假日安排/)
      .waitFor();
    await page.getByTestId('enter-arrangement').click();
    const fill = async (label: string, value: string) => {
      const input = dialog().getByLabel(label);
      await input.fill(value);
      await input.press('Enter');
    };
    await fill('春节放假开始日期', '2027-02-06');
    await fill('春节放假结束日期', '2027-02-12');
    await fill('国庆节放假开始日期', '2027-10-01');
    await fill('国庆节放假结束日期', '2027-10-07');
    await fill('调休上班日', '2027-02-07');
    await dialog().getByTestId('add-make-up').click();
    await dialog().getByTestId('arrangement-save').click();
    await dialog().getByText('2027-02-07 在春节放假期间内').waitFor();
    await c.axeCheck(page);
    await dialog().getByRole('button', { name: '移除 2027-02-07' }).click();
    await fill('调休上班日', '2027-02-20');
    await dialog().getByTestId('add-make-up').click();
    await dialog().getByTestId('arrangement-save').click();
    await page.getByTestId('arrangement').getByText('春节：2027-02-06 至 2027-02-12 放假').waitFor();
    expect(await page.getByTestId('calendar-warning').count()).toBe(0);
    expect(await page.getByTestId('day-2027-02-08').innerText()).toContain('休');
    expect(await page.getByTestId('day-2027-02-20').innerText()).toContain('班');
  });

  it('overrides one day with a reason (required) and lists it', async () => {
    await page.getByTestId('day-2027-03-03').click();
    await dialog().getByText('休息日').click();
    await dialog().getByTestId('day-save').click();
    await dialog().getByText('请填写调整原因，如：法院停电闭院').waitFor();
    await dialog().getByLabel('原因').fill('法院停电闭院');
    await dialog().getByTestId('day-save').click();
    await page.getByTestId('overrides').getByText('法院停电闭院').waitFor();
    expect(await page.getByTestId('day-2027-03-03').innerText()).toContain('休');
    await c.axeCheck(page);
    await c.screenshot(page, 'workdays');
  });

  it('the ledger: attendance per day, help records, a back-filled check-in, CSV and Excel downloads', async () => {
    const holderOf = (date: string, template: string) => ledgerShifts.find((s) => s.date === date && s.templateName === template)!;
    const lawyerOf = async (s: ShiftBody) => c.t.as(await c.t.tokenFor('lawyer', s.lawyerId!));
    const late = holderOf('2026-10-12', '上午');
    c.t.clock.set(new Date('2026-10-12T01:20:00Z')); // 09:20 in Shanghai: 20 minutes late
    await (await lawyerOf(late)).post(`/api/v1/shifts/${late.id}/check-in`).expect(201);
    const onTime = holderOf('2026-10-13', '上午');
    const lawyer = await lawyerOf(onTime);
    c.t.clock.set(new Date('2026-10-13T00:55:00Z'));
    await lawyer.post(`/api/v1/shifts/${onTime.id}/check-in`).expect(201);
    c.t.clock.set(new Date('2026-10-13T02:30:00Z'));
    await lawyer
      .post('/api/v1/help-records')
      .send({
        shiftId: onTime.id,
        courtCaseNo: '（2026）苏0481刑初123号',
        defendantName: '陈某',
        helpType: 'plea_presence',
        summary: '见证认罪认罚具结书签署',
        startedAt: '2026-10-13T09:30:00+08:00',
        endedAt: '2026-10-13T10:00:00+08:00',
      })
      .expect(201);
    c.t.clock.set(new Date('2026-10-13T04:05:00Z'));
    await lawyer.post(`/api/v1/shifts/${onTime.id}/check-out`).expect(201);
    c.t.clock.set(new Date('2026-10-20T02:00:00Z'));
    // Weeks passed on the server's clock: the earlier session has timed out.
    await c.done(page);
    page = await c.signedInPage('dispatcher');

    await page.goto(`${c.base}/ledger`);
    await page.getByTestId('ledger-station').click();
    await page.getByRole('option', { name: '台账值班点' }).click();
    await page.getByPlaceholder('选择月份').fill('2026-10');
    await page.getByPlaceholder('选择月份').press('Enter');
    await page.getByTestId('ledger-days').getByText('2026-10-12（周一）').waitFor();
    expect(await page.getByTestId('ledger-totals').innerText()).toMatch(/准时 1 班，迟到 1 班，缺勤 \d+ 班，无人值班 2 班；法律帮助 1 次/);
    const shifts = page.getByTestId('ledger-shifts');
    await shifts.getByText('迟到').first().waitFor();
    await shifts.getByText('20 分钟').waitFor();
    await page.getByTestId('ledger-help').getByText('认罪认罚具结书签署在场').waitFor();
    await c.axeCheck(page);
    await c.screenshot(page, 'ledger');

    await page.getByRole('button', { name: '补录 2026-10-12 下午 签到' }).click();
    await dialog().getByLabel('时间').fill('13:35');
    await dialog().getByTestId('backfill-save').click();
    await dialog().getByText('请填写补录原因').waitFor();
    await dialog().getByLabel('时间').fill('23:70');
    await dialog().getByLabel('原因').fill('律师手机没电，电话确认已到岗');
    await dialog().getByTestId('backfill-save').click();
    await dialog().getByText('时间格式应为 HH:mm').waitFor();
    await dialog().getByLabel('时间').fill('13:35');
    await dialog().getByTestId('backfill-save').click();
    await page.getByText('已补录签到').waitFor();
    await page
      .getByTestId('ledger-totals')
      .getByText(/准时 2 班/)
      .waitFor();

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
    expect(xlsx.suggestedFilename()).toBe('值班台账-台账值班点-2026-10-01-2026-10-31.xlsx');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-help-csv').click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
  });
});
