import { Transactions } from '../src/database/transactions';
import { NotificationsService } from '../src/notifications/notifications.service';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { lawyerBody } from './factories/lawyer.factory';
import { assignedMail } from './factories/mail.factory';
import { atPath, ConsoleHarness, expectCount, pickOption, startConsole } from './helpers/browser';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

/** The admin's 用户 screen and the 邮件 screen, in a real browser. */
describe('console: users and mail screens in a browser (e2e)', () => {
  let c: ConsoleHarness;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink();
    c = await startConsole({ env: { SMTP_URL: sink.url, MAIL_MAX_ATTEMPTS: '1' } });
  });
  afterAll(async () => {
    await c.close();
    await sink.stop();
  });

  it('creates a lawyer’s login picked by name, resets a password, deactivates, and shows a new token once', async () => {
    const lawyer = await c.t.admin
      .post('/api/v1/lawyers')
      .send(lawyerBody({ name: '赵律师' }))
      .expect(201);
    const page = await c.signedInPage('admin');
    await page.goto(`${c.base}/users`);
    await page.getByRole('heading', { name: '用户' }).waitFor();
    await c.axeCheck(page);

    await page.getByTestId('new-user').click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('姓名').fill('赵律师');
    await pickOption(page, dialog.getByLabel('角色'), '律师');
    await pickOption(page, dialog.getByLabel('律师', { exact: true }), /赵律师/, '赵');
    await dialog.getByLabel('登录名', { exact: true }).fill('zhao');
    await dialog.getByLabel('初始密码').fill('short');
    await page.getByTestId('create-user').click();
    await dialog.getByText('至少 10 个字符').waitFor();
    await c.axeCheck(page);
    await dialog.getByLabel('初始密码').fill('zhao first password');
    await page.getByTestId('create-user').click();
    const row = page.getByTestId('users-table').getByRole('row', { name: /zhao/ });
    await row.getByText('赵律师').first().waitFor();
    const users = (await c.t.admin.get('/api/v1/users').expect(200)).body as Array<{ id: string; username: string; lawyerId: string }>;
    const zhao = users.find((u) => u.username === 'zhao')!;
    expect(zhao.lawyerId).toBe(lawyer.body.id);

    // Reset: the user must change it at the next sign-in.
    await row.getByRole('button', { name: '重置密码' }).click();
    const box = page.getByRole('dialog', { name: '重置密码' });
    await box.getByRole('textbox').fill('reset password 123');
    await box.getByRole('button', { name: '重置' }).click();
    await row.getByText('待改密码').waitFor();

    // Tokens: a new one shown once, listed, revoked.
    await row.getByRole('button', { name: '令牌' }).click();
    await page.getByTestId('issue-token').click();
    const shown = await page.getByTestId('token-once').inputValue();
    expect(shown).toMatch(/^dl_/);
    await c.t.as(shown).get('/api/v1/auth/me').expect(200);
    await c.axeCheck(page);
    await page.getByRole('button', { name: '我已保存' }).click();
    await expectCount(page.getByTestId('tokens-table').getByRole('row'), 3); // header + 2 tokens

    // Deactivate: its tokens stop at once.
    await page.keyboard.press('Escape');
    await row.getByRole('button', { name: '停用' }).click();
    await page.getByRole('dialog', { name: '停用用户' }).getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    await c.t.as(shown).get('/api/v1/auth/me').expect(401);
    await c.done(page);
  });

  it('creates an integration account and shows its token this once', async () => {
    const page = await c.signedInPage('admin');
    await page.goto(`${c.base}/users`);
    await page.getByTestId('new-user').click();
    const dialog = page.getByRole('dialog', { name: '新建用户' });
    await dialog.getByLabel('姓名').fill('法院案件系统');
    await pickOption(page, dialog.getByLabel('角色'), '法院书记员');
    await dialog.getByText('系统对接（仅 API 令牌）').click();
    await page.getByTestId('create-user').click();
    const token = await page.getByTestId('token-once').inputValue();
    await c.t.as(token).get('/api/v1/auth/me').expect(200);
    await page.getByRole('button', { name: '我已保存' }).click();
    await page.getByTestId('users-table').getByText('（仅令牌）').first().waitFor();
    await c.done(page);
  });

  it('lists failed mails; an admin resends one and it is delivered', async () => {
    const data = assignedMail();
    await c.t.app.get(Transactions).run((m) => c.t.app.get(NotificationsService).assigned(m, data));
    sink.reject(true);
    await c.t.app.get(OutboxWorker).drainOnce();
    sink.reject(false);

    const dispatcher = await c.signedInPage('dispatcher');
    await dispatcher.goto(`${c.base}/mail`);
    await dispatcher.getByTestId('mail-table').getByText(data.lawyer.email).waitFor();
    await dispatcher.getByText('重发失败的邮件需要管理员操作').waitFor();
    await expect(dispatcher.getByRole('button', { name: '重发' }).count()).resolves.toBe(0);
    await c.axeCheck(dispatcher);
    await c.done(dispatcher);

    const admin = await c.signedInPage('admin');
    await admin.goto(`${c.base}/mail`);
    const row = admin.getByTestId('mail-table').getByRole('row', { name: new RegExp(data.lawyer.email.replace('.', '\\.')) });
    await row.getByRole('button', { name: '重发' }).click();
    await admin.getByText(/已重新排队/).waitFor();
    await row.waitFor({ state: 'detached' });
    await c.t.app.get(OutboxWorker).drainOnce();
    await sink.waitFor(1);
    expect(sink.mails.some((m) => (m.to as { text: string }).text.includes(data.lawyer.email))).toBe(true);
    await atPath(admin, '/mail');
    await c.done(admin);
  });
});
