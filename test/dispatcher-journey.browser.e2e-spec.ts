import { noticeBody } from './factories/notice.factory';
import { ConsoleHarness, startConsole } from './helpers/browser';
import { field } from './helpers/console-fields';

/**
 * Issue 10 "Done when", in one browser session: a new dispatcher signs in, imports the pool
 * from CSV, sets up a station and publishes a month's roster, receives a court notice posted
 * by a court system's token, picks a lawyer, reads why, overrides once with a reason and
 * downloads the 法律援助公函.
 */
describe("a new dispatcher's first day, all in the browser (journey e2e)", () => {
  let c: ConsoleHarness;
  beforeAll(async () => {
    c = await startConsole({ now: '2026-10-12T02:00:00Z' }); // Monday 10:00 in Shanghai
  });
  afterAll(() => c?.close());

  it('signs in, imports, rosters, receives a notice, picks, reads why, overrides, downloads the letter', async () => {
    const me = await c.createUser('dispatcher', { name: '新调度员' });
    const court = c.t.as(await c.t.tokenFor('court_clerk'));
    const page = await c.newPage();

    await page.goto(`${c.base}/`);
    await page.getByLabel('登录名').fill(me.username);
    await page.getByLabel('密码').fill(me.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/todo');

    await page.goto(`${c.base}/lawyers`);
    const csv = [
      'name,licenseNo,firm,phone,email,juvenileExperience,criminalPracticeSince,poolTier',
      '钱一,32048120100000001,溧阳正平律师事务所,13800000001,qian1@example.com,是,2010-01-01,core',
      '钱二,32048120100000002,溧阳明理律师事务所,13800000002,qian2@example.com,否,2012-01-01,core',
      '钱三,32048120100000003,常州公信律师事务所,13800000003,qian3@example.com,否,2015-01-01,reserve',
    ].join('\n');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: '律师库.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('send-import').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('button', { name: '关闭', exact: true }).click();

    // Station and roster: the dispatcher's own token through the API until the roster screens land (console-rosters).
    const admin = c.t.as(me.token);
    const station = (
      await admin
        .post('/api/v1/stations')
        .send({
          name: '溧阳法院值班点',
          courtName: '溧阳市人民法院',
          shiftTemplates: [{ name: '全天', start: '09:00', end: '17:00' }],
          fallbackPhone: '0519-12348',
        })
        .expect(201)
    ).body as { id: string };
    await page.reload();
    await page.getByTestId('lawyer-table').getByText('钱三').waitFor();
    await page.getByTestId('lawyer-table').locator('thead label').first().click(); // select all
    await page.getByTestId('join-station').click();
    await page.getByRole('option', { name: '溧阳法院值班点' }).click();
    await page.getByTestId('join').click();
    await page.getByText('已将 3 名律师加入溧阳法院值班点').waitFor();
    const roster = await admin.post(`/api/v1/stations/${station.id}/rosters`).send({ from: '2026-11-01', to: '2026-11-30' }).expect(201);
    await admin.post(`/api/v1/rosters/${roster.body.id}/publish`).expect(200);

    const notice = await court
      .post('/api/v1/court-notices')
      .send(noticeBody(station.id, { trialAt: '2026-11-30T09:00:00+08:00' }))
      .expect(201);
    await page.goto(`${c.base}/todo`);
    await page.getByRole('link', { name: /刑初/ }).click();
    await page.waitForURL(`**/cases/${notice.body.caseId}`);
    await page.getByTestId('pick').click();
    await page.getByTestId('why').waitFor();
    expect(await page.getByTestId('why').innerText()).toMatch(/选定(钱一|钱二)/); // core before reserve (Art 9)
    const candidates = await page.getByTestId('candidates').innerText();
    for (const n of ['钱一', '钱二', '钱三']) expect(candidates).toContain(n);

    await page.getByTestId('open-override').click();
    await page.getByTestId('override-lawyer').click();
    await page.getByRole('option', { name: /钱三/ }).click();
    await page.getByRole('dialog').getByText('钱三').waitFor();
    await field(page, 'override-reason').fill('被告人系聋哑人，钱三律师通晓手语');
    await page.getByTestId('submit-override').click();
    await page.getByTestId('current-lawyer').filter({ hasText: '当前律师：钱三' }).waitFor();

    const download = page.waitForEvent('download');
    await page.getByTestId('download-letter').click();
    expect((await download).suggestedFilename()).toMatch(/\.(docx|pdf|html)$/);
    await c.done(page);
  });
});
