import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { stationWithLawyers } from './factories/station.factory';
import { ConsoleHarness, expectCount, startConsole } from './helpers/browser';
import { field } from './helpers/console-fields';
import type { TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

/** With SCREENSHOTS=1, the README's pictures (1366×768); otherwise nothing, so runs leave them alone. */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(__dirname, '..', 'docs', 'screenshots', `${name}.png`) });
}

/** The dispatcher's 待办, case page and 律师库 in Chromium, against the real server (issue 10 screens 1–3). */
describe('dispatcher console: to-do, case, pool (browser e2e)', () => {
  let c: ConsoleHarness;
  let dispatcher: Agent;
  let clerk: Agent;
  let stationId: string;
  let rosterId: string;
  const names = ['王明', '赵丽', '陈刚'];
  let members: { id: string; name: string; licenseNo: string }[];
  const cases: Record<'fresh' | 'late' | 'juvenile', string> = { fresh: '', late: '', juvenile: '' };

  beforeAll(async () => {
    c = await startConsole({ now: '2026-10-12T02:00:00Z' }); // Monday 10:00 in Shanghai
    dispatcher = c.t.as(await c.t.tokenFor('dispatcher'));
    clerk = c.t.as(await c.t.tokenFor('court_clerk'));
    let i = 0;
    ({ stationId, lawyers: members } = await stationWithLawyers(dispatcher, 3, (o) => lawyerBody({ ...o, name: names[i++] })));
    await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ name: '孙退', active: false }))
      .expect(201);
    const roster = await dispatcher
      .post(`/api/v1/stations/${stationId}/rosters`)
      .send({ from: '2026-10-13', to: '2026-10-16' })
      .expect(201);
    rosterId = roster.body.id;
    await dispatcher.post(`/api/v1/rosters/${rosterId}/publish`).expect(200);
    const post = async (o: Record<string, unknown>) =>
      (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId, o)).expect(201)).body.caseId as string;
    cases.fresh = await post({ trialAt: '2026-11-30T09:00:00+08:00' });
    // Received a week ago (appointBy 10-08 passed), 9 days before the trial (late, Art 4), the judge's phone missing.
    cases.late = await post({ receivedAt: '2026-10-05T09:00:00+08:00', trialAt: '2026-10-14T09:00:00+08:00', judge: { name: '李法官' } });
    // 16 at the offence: only lawyers with juvenile-case experience (Art 8), and the pool has none.
    cases.juvenile = await post({
      offenceDate: '2026-06-01',
      defendant: { birthDate: '2010-01-01' },
      trialAt: '2026-11-30T09:00:00+08:00',
    });
  });
  afterAll(() => c?.close());

  const dispatcherPage = () => c.signedInPage('dispatcher');
  const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

  it('待办 lists the cases awaiting a lawyer, nearest deadline first, overdue in red, codes in Chinese', async () => {
    const page = await dispatcherPage();
    await page.goto(`${c.base}/todo`);
    await page.getByTestId(`due-${cases.late}`).waitFor();
    const rows = await page.getByTestId('todo-table').locator('tbody tr').allInnerTexts();
    const lateRow = rows.findIndex((r) => r.includes('已超期'));
    expect(lateRow).toBe(0);
    expect(await text(page, `due-${cases.late}`)).toContain('2026-10-08');
    expect(await text(page, `due-${cases.late}`)).toContain('已超期 4 天');
    expect(await text(page, `due-${cases.fresh}`)).toContain('剩余 3 天');
    const color = await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="due-${cases.late}"]')).color`);
    expect(color).toBe('rgb(179, 38, 30)');
    expect(rows[0]).toContain('承办法官电话');
    expect(rows[0]).toContain('通知辩护晚于开庭前十日');
    expect(rows[0]).toContain('可建议法院延期开庭');
    expect(await text(page, 'todo-summary')).toContain('1 件已超过指派期限');
    const body = await page.locator('body').innerText();
    for (const code of ['NOTICE_LATE', 'POSTPONEMENT_ADVISED', 'judge.phone', 'ordinary']) expect(body).not.toContain(code);
    await c.axeCheck(page);
    await shot(page, 'dispatcher-todo');
    await page.getByRole('link', { name: /刑初/ }).first().click();
    await page.waitForURL(`**/cases/${cases.late}`);
    await c.done(page);
  });

  it('picks with one button, explains with names and reasons, overrides with a required reason, downloads the letter', async () => {
    const page = await dispatcherPage();
    await page.goto(`${c.base}/cases/${cases.fresh}`);
    expect(await text(page, 'case-route')).toContain('指派辩护');
    expect(await text(page, 'deadlines')).toContain('2026-10-15');
    await page.getByTestId('pick').click();
    await page.getByTestId('current-lawyer').waitFor();
    expect(await text(page, 'case-status')).toBe('已指派');
    const candidates = await text(page, 'candidates');
    for (const n of names) expect(candidates).toContain(n);
    // An inactive lawyer is counted by reason, not listed by name (the pick loads only the nearest excluded ones).
    expect(await text(page, 'excluded-counts')).toContain('律师未在执业或已被暂停指派 1 名');
    expect(await text(page, 'why')).toContain('选定');
    await c.axeCheck(page);
    await page.getByTestId('current-lawyer').scrollIntoViewIfNeeded();
    await shot(page, 'dispatcher-case');

    const picked = await text(page, 'current-lawyer');
    const chosen = names.find((n) => !picked.includes(n))!;
    await page.getByTestId('open-override').click();
    await page.getByTestId('submit-override').click();
    await page.getByRole('dialog').getByText('必填').first().waitFor();
    await page.getByTestId('override-lawyer').click();
    await page.getByRole('option', { name: new RegExp(chosen) }).click();
    await page.getByRole('dialog').getByText(chosen).waitFor();
    await field(page, 'override-reason').fill('被告人家属指定律所，经中心负责人同意');
    await page.getByTestId('submit-override').click();
    await page
      .getByTestId('current-lawyer')
      .filter({ hasText: `当前律师：${chosen}` })
      .waitFor();
    expect(await text(page, 'assignments')).toContain('人工指定');
    expect(await text(page, 'audit')).toContain('更换律师');

    const download = page.waitForEvent('download');
    await page.getByTestId('download-letter').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.(docx|pdf|html)$/);

    // Art 13: the lawyer asks to read the file; the centre records when the court arranged it.
    const lawyer = c.t.as(await c.t.tokenFor('lawyer', members.find((m) => m.name === chosen)!.id));
    await lawyer.post(`/api/v1/cases/${cases.fresh}/file-reading-requests`).send({ requestedAt: '2026-10-12T08:30:00+08:00' }).expect(201);
    await page.reload();
    await page.getByTestId('file-readings').getByRole('button', { name: '登记安排' }).click();
    await field(page, 'arrange-date').fill('2026-10-12');
    await field(page, 'arrange-date').press('Enter');
    await page.getByTestId('save-arrangement').click();
    await page.getByTestId('file-readings').getByText('2026-10-12 09:00').waitFor();
    await c.done(page);
  }, 120_000);

  it('explains a 409 when nobody can be appointed, warns a short hearing notice, and terminates on an Art 17 ground', async () => {
    const page = await dispatcherPage();
    await page.goto(`${c.base}/cases/${cases.juvenile}`);
    expect(await text(page, 'mandatory-grounds')).toContain('未成年人');
    await page.getByTestId('pick').click();
    await page.getByTestId('pick-error').waitFor();
    const error = await text(page, 'pick-error');
    expect(error).toContain('没有可指派的律师');
    for (const n of names) expect(error).toContain(n);
    expect(error).toContain('无承办未成年人刑事案件经历');
    await c.axeCheck(page);

    await page.getByTestId('open-hearing').click();
    await field(page, 'hearing-date').fill('2026-10-13');
    await field(page, 'hearing-date').press('Enter');
    await page.getByTestId('submit-hearing').click();
    await page.getByText('通知时间不足三日').first().waitFor();
    await page.getByTestId('hearings').getByText('2026-10-13 09:00').waitFor();

    await page.getByTestId('open-terminate').click();
    await page.getByTestId('submit-terminate').click();
    await page.getByRole('dialog').getByText('必填').first().waitFor();
    await page.getByTestId('terminate-ground').click();
    await page.getByRole('option', { name: '被告人自行委托其他辩护人' }).click();
    await page.getByTestId('submit-terminate').click();
    await page.getByText('已终止', { exact: true }).first().waitFor();
    expect(await text(page, 'audit')).toContain('终止法律援助');
    await c.done(page);
  });

  it('converts a fast-track trial to ordinary procedure: the case becomes an appointed defence on the to-do (CPL Art 226)', async () => {
    const id = (
      await clerk
        .post('/api/v1/court-notices')
        .send(noticeBody(stationId, { procedure: 'fast_track', trialAt: undefined }))
        .expect(201)
    ).body.caseId;
    const page = await dispatcherPage();
    await page.goto(`${c.base}/cases/${id}`);
    expect(await text(page, 'case-route')).toContain('值班律师法律帮助');
    await page.getByTestId('open-convert').click();
    await page.getByTestId('submit-convert').click();
    await page.getByRole('dialog').getByText('必填').first().waitFor();
    await page.getByTestId('convert-procedure').getByText('普通程序').click();
    await page.getByTestId('submit-convert').click();
    await page.getByTestId('case-route').filter({ hasText: '指派辩护' }).waitFor();
    expect(await text(page, 'audit')).toContain('程序转换');
    await page.goto(`${c.base}/todo`);
    await page.getByTestId(`due-${id}`).waitFor();
    await c.done(page);
  });

  it('律师库 searches, adds (with Chinese validation and a 409), suspends, imports a CSV all-or-nothing', async () => {
    const page = await dispatcherPage();
    await page.goto(`${c.base}/lawyers`);
    await field(page, 'lawyer-search').fill('赵丽');
    await field(page, 'lawyer-search').press('Enter');
    await page.getByTestId('lawyer-table').getByText('王明').waitFor({ state: 'detached' });
    await expectCount(page.getByTestId('lawyer-table').locator('tbody tr'), 1);
    await c.axeCheck(page);

    await page.getByTestId('add-lawyer').click();
    await field(page, 'f-licenseNo').fill('123');
    await page.getByTestId('save-lawyer').click();
    await page.getByText('执业证号应为 17 位数字').waitFor();
    const fill = async (id: string, v: string) => field(page, id).fill(v);
    await fill('f-name', '周新');
    await fill('f-licenseNo', members[0].licenseNo);
    await fill('f-firm', '溧阳律师事务所');
    await fill('f-phone', '13800001234');
    await fill('f-email', 'zhou@example.com');
    await fill('f-since', '2012-01-01');
    await field(page, 'f-since').press('Enter');
    await page.getByTestId('save-lawyer').click();
    await page.getByText('该执业证号已在律师库中').waitFor();
    await fill('f-licenseNo', '32048120120000001');
    await page.getByTestId('save-lawyer').click();
    await page.getByText('已新增 周新').waitFor();

    await page.getByTestId(`suspend-${members[1].licenseNo}`).click();
    await page.getByRole('dialog').getByRole('button', { name: '暂停' }).click();
    await page.getByText('请填写暂停原因').waitFor();
    await page.getByRole('dialog').locator('input').fill('停业整顿');
    await page.getByRole('dialog').getByRole('button', { name: '暂停' }).click();
    await page.getByText(`已暂停 ${members[1].name} 的指派`).waitFor();
    await page.getByText(`已暂停 ${members[1].name} 的指派`).waitFor({ state: 'hidden' }); // the toast fades before the scan

    const before = (await dispatcher.get('/api/v1/lawyers?limit=1000').expect(200)).body.length;
    const header = 'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier';
    const bad = `${header}\n吴一,32048120120000011,甲律所,13800000011,wu1@example.com,是,2012-01-01,core\n吴二,123,乙律所,13800000012,wu2@example.com,否,2013-01-01,gold\n`;
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: 'pool.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await page.getByTestId('send-import').click();
    await page.getByTestId('import-rejected').waitFor();
    const errors = await text(page, 'import-errors');
    expect(errors).toContain('执业证号');
    expect(errors).toContain('律师库层级');
    expect(errors).toMatch(/\b3\b/);
    expect((await dispatcher.get('/api/v1/lawyers?limit=1000').expect(200)).body.length).toBe(before);
    await c.axeCheck(page);
    await shot(page, 'dispatcher-lawyers-import');
    const good = bad.replace('吴二,123,', '吴二,32048120120000012,').replace(',gold', ',reserve');
    await page.getByTestId('import-file').setInputFiles({ name: 'pool.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByTestId('send-import').click();
    await page.getByTestId('import-done').waitFor();
    expect(await text(page, 'import-done')).toContain('新增 2 名');
    await c.done(page);
  }, 120_000);

  it('律师库 records leave over published shifts and offers to reassign them on the roster', async () => {
    const page = await dispatcherPage();
    await page.goto(`${c.base}/lawyers`);
    const shifts = (await dispatcher.get(`/api/v1/stations/${stationId}/shifts?from=2026-10-13&to=2026-10-16`).expect(200)).body as {
      lawyerId: string;
      date: string;
    }[];
    const holder = members.find((m) => m.id === shifts[0].lawyerId)!;
    await page.getByTestId(`leave-${holder.licenseNo}`).click();
    await page.getByTestId('add-leave').click();
    await page.getByText('请选择请假起止日期').waitFor();
    const range = field(page, 'leave-range');
    await range.nth(0).fill(shifts[0].date);
    await range.nth(1).fill(shifts[0].date);
    await range.nth(1).press('Enter');
    await field(page, 'leave-reason').fill('病假');
    await page.getByTestId('add-leave').click();
    await page.getByTestId('leave-warning').waitFor();
    // The list reloads after the warning shows: wait for the new row, then read it.
    await page.getByTestId('leave-table').getByText('病假').waitFor();
    expect(await text(page, 'leave-table')).toContain(shifts[0].date);
    await c.axeCheck(page);
    await page.getByRole('link', { name: '去排班表改派' }).first().click();
    await page.waitForURL(`**/rosters/${rosterId}`);
    await c.done(page);
  });
});
