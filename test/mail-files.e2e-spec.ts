import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { Transactions } from '../src/database/transactions';
import { NotificationsService } from '../src/notifications/notifications.service';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { assignedMail } from './factories/mail.factory';
import { startApp, TestApp } from './helpers/app';

describe('notifications without an SMTP server: .eml files (e2e)', () => {
  let dir: string;
  let t: TestApp;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'duty-mail-'));
    t = await startApp({ env: { MAIL_FILE_DIR: dir } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes each mail as <outbox id>.eml so the quick start works offline', async () => {
    const data = assignedMail();
    await t.app.get(Transactions).run((m) => t.app.get(NotificationsService).assigned(m, data));
    expect(await t.app.get(OutboxWorker).drainOnce()).toMatchObject({ sent: 1 });
    const [row] = (await t.admin.get('/api/v1/notifications').expect(200)).body;
    expect(await readdir(dir)).toEqual([`${row.id}.eml`]);
    const mail = await simpleParser(await readFile(join(dir, `${row.id}.eml`)));
    expect(mail.subject).toBe(`【指派通知】${data.case.courtCaseNo} ${data.case.courtName}`);
    expect(mail.text).toContain('被告人：张某');
  });
});
