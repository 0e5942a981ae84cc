import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { seedStatsScenario, StatsScenario } from './factories/stats-scenario';
import { atPath, ConsoleHarness, expectCount, pickOption, startConsole } from './helpers/browser';

/**
 * The justice bureau's console (issue 11): the dashboard's charts and tables with the seeded
 * court's figures (test/factories/stats-scenario.ts), a range change, the CSV and Excel files;
 * the audit trail searched by entity and by actor; no other role reaches either screen.
 */
describe('supervisor console (browser e2e)', () => {
  let c: ConsoleHarness;
  let s: StatsScenario;

  beforeAll(async () => {
    c = await startConsole({ now: '2026-09-01T02:00:00Z' });
    s = await seedStatsScenario(c.t);
  });
  afterAll(() => c.close());

  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
  /** Waits until the element shows the text (the screen answers a click with a request). */
  const shows = (page: Page, testId: string, what: string) => page.locator(`[data-testid="${testId}"]`, { hasText: what }).waitFor();
  /** The data rows of a panel's table, cells joined by "|". */
  /** Equal counts are in the order of the names' pinyin (丙 bǐng before 乙 yǐ). */
  async function tableRows(page: Page, testId: string): Promise<string[]> {
    return page
      .getByTestId(testId)
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()).join('|')));
  }
  async function download(page: Page, testId: string): Promise<{ name: string; body: Buffer }> {
    const event = page.waitForEvent('download');
    await page.getByTestId(testId).click();
    const file = await event;
    return { name: file.suggestedFilename(), body: readFileSync((await file.path())!) };
  }

  it("reads this month's coverage and fairness, changes the range, downloads CSV and Excel", async () => {
    const page = await c.signedInPage('supervisor');
    await page.goto(`${c.base}/`);
    await atPath(page, '/dashboard');
    await page.getByRole('heading', { name: '监督看板' }).waitFor();
    await expect(text(page, 'period')).resolves.toContain('2026-10-01 至 2026-10-31');
    await expect(text(page, 'summary-coverage')).resolves.toContain('本期被告人 4 人，辩护率 66.7%');
    await expect(tableRows(page, 'table-coverage')).resolves.toEqual([
      '2026-10|4|2|0|2|1|0|1|1|66.7%|50.0%|—',
      '合计|4|2|0|2|1|0|1|1|66.7%|50.0%|—',
    ]);
    await expect(text(page, 'summary-shifts')).resolves.toContain('基尼系数 0.4444 · 前 10% 律师占 66.7% · 3 名律师共值班 3 次');
    await expect(tableRows(page, 'table-shifts')).resolves.toEqual(['1|甲律师|2', '2|乙律师|1', '3|丙律师|0']);
    await expect(text(page, 'summary-appointments')).resolves.toContain('基尼系数 0.7500');
    await expect(text(page, 'summary-deadlines')).resolves.toContain('三日内指派 50.0%（超期未指派 1 件）；七日内申请阅卷 100.0%');
    await expect(text(page, 'summary-objections')).resolves.toContain(
      '提出异议 2 件：维持原决定 1 件，责令提供法律援助 0 件，待审查 1 件（超过五日 1 件）',
    );
    await expectCount(page.locator('[role="img"] canvas'), 5);
    // Every chart comes with its table and both downloads.
    for (const report of ['coverage', 'deadlines', 'appointments', 'shifts', 'objections']) {
      const panel = page.getByTestId(`panel-${report}`);
      await expectCount(panel.locator('[role="img"] canvas'), 1);
      for (const part of [`table-${report}`, `csv-${report}`, `xlsx-${report}`])
        await expect(panel.getByTestId(part).isVisible()).resolves.toBe(true);
    }
    await c.axeCheck(page);
    await c.screenshot(page, 'dashboard');

    await page.getByTestId('range-last-month').click();
    await shows(page, 'period', '2026-09-01 至 2026-09-30');
    await shows(page, 'summary-coverage', '本期被告人 2 人，辩护率 50.0%');
    await expect(tableRows(page, 'table-shifts')).resolves.toEqual(['1|甲律师|1', '2|丙律师|0', '3|乙律师|0']);

    const csv = await download(page, 'csv-coverage');
    expect(csv.name).toBe('辩护率_2026-09-01_2026-09-30.csv');
    expect(csv.body.toString('utf8').split('\r\n').slice(1, 3)).toEqual([
      '2026-09,2,1,1,0,1,0,0,0,50.0%,100.0%,0.0%',
      '合计,2,1,1,0,1,0,0,0,50.0%,100.0%,0.0%',
    ]);
    // Any range through the date-range picker: September and October, a row per month.
    await page.getByPlaceholder('开始日期').fill('2026-09-01');
    await page.getByPlaceholder('结束日期').fill('2026-10-31');
    await page.getByPlaceholder('结束日期').press('Enter');
    await shows(page, 'period', '2026-09-01 至 2026-10-31');
    await expect(tableRows(page, 'table-coverage').then((rows) => rows.map((r) => r.split('|')[0]))).resolves.toEqual([
      '2026-09',
      '2026-10',
      '合计',
    ]);
    await shows(page, 'summary-coverage', '本期被告人 6 人');
    await page.getByTestId('range-last-month').click();
    await shows(page, 'period', '2026-09-01 至 2026-09-30');

    const xlsx = await download(page, 'xlsx-shifts');
    expect(xlsx.name).toBe('值班分布_2026-09-01_2026-09-30.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as Parameters<typeof book.xlsx.load>[0]);
    const rows = (book.worksheets[0].getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows.slice(1)).toEqual([
      ['序号', '律师', '值班次数'],
      [1, '甲律师', 1],
      [2, '丙律师', 0],
      [3, '乙律师', 0],
    ]);
    await c.done(page);
  });

  it('searches the audit trail by entity and by actor; a search with no match says so', async () => {
    const page = await c.signedInPage('dispatcher');
    await page.goto(`${c.base}/audit`);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await pickOption(page, page.getByTestId('audit-entity'), '律师');
    await page.getByLabel('对象编号').fill(s.lawyers[0].id);
    await page.getByTestId('audit-search').click();
    await shows(page, 'audit-total', '共 1 条');
    const row = await text(page, 'audit-table');
    expect(row).toContain('新增律师');
    expect(row).toContain('dispatcher user（调度员）');
    expect(row).toMatch(/2026-09-01 10:00/); // the seed's first step, 02:00 UTC, in the court's zone
    await c.axeCheck(page);

    await page.getByRole('button', { name: '重置' }).click();
    await pickOption(page, page.getByTestId('audit-actor'), 'supervisor user（司法局监督）');
    await page.getByTestId('audit-search').click();
    await shows(page, 'audit-total', '共 3 条');
    const trail = await tableRows(page, 'audit-table');
    expect(trail.map((r) => r.split('|')[2])).toEqual(['异议决定', '提出异议', '提出异议']);
    await c.screenshot(page, 'audit');

    await page.getByLabel('对象编号').fill('no-such-thing');
    await page.getByTestId('audit-search').click();
    await shows(page, 'audit-total', '共 0 条');
    await expect(text(page, 'audit-table')).resolves.toContain('没有符合条件的记录');
    await c.done(page);
  });

  it('no other role opens the dashboard; only staff open the audit trail', async () => {
    const homes = { dispatcher: '/todo', court_clerk: '/court/cases', reception: '/' } as const;
    for (const [role, home] of Object.entries(homes) as [keyof typeof homes, string][]) {
      const page = await c.signedInPage(role);
      const paths = role === 'dispatcher' ? ['/dashboard'] : ['/dashboard', '/audit'];
      for (const path of paths) {
        await page.goto(`${c.base}${path}`);
        await atPath(page, home);
        await expect(page.getByRole('heading', { name: /监督看板|审计日志/ }).count()).resolves.toBe(0);
      }
      await c.done(page);
    }
    const lawyer = await c.signedInPage('lawyer', { lawyerId: s.lawyers[0].id });
    for (const path of ['/dashboard', '/audit']) {
      await lawyer.goto(`${c.base}${path}`);
      await atPath(lawyer, '/me/shifts');
    }
    await c.done(lawyer);
  });
});
