import { OutboxWorker } from '../src/notifications/outbox-worker';
import { Transactions } from '../src/database/transactions';
import { NotificationsService } from '../src/notifications/notifications.service';
import { ReminderRegistry } from '../src/notifications/reminders/reminder-registry';
import { RemindersService } from '../src/notifications/reminders/reminders.service';
import { assignedMail, shiftReminder } from './factories/mail.factory';
import { onPostgres, startApp, TestApp } from './helpers/app';
import { ListShiftSource } from './helpers/reminder-sources';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

const MAILS = 300;

/** Polls (bounded) until `done()` holds; real SMTP delivery cannot be sped up with the clock. */
async function eventually(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Several instances share PostgreSQL in production; SQLite is one process's embedded database.
(onPostgres ? describe : describe.skip)('two instances on one PostgreSQL (e2e)', () => {
  let sink: SmtpSink;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    sink = await startSmtpSink();
    const env = { SMTP_URL: sink.url, MAIL_POLL_MS: '10', MAIL_BATCH_SIZE: '20' };
    a = await startApp({ env });
    b = await startApp({ env, keepSchema: true });
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await sink.stop();
  });

  const sentCount = async () => Number((await a.admin.get('/api/v1/notifications?status=sent&limit=1')).headers['x-total-count']);
  const received = (email: string) => sink.mails.filter((m) => JSON.stringify(m.to).includes(email)).length;

  it(`delivers each of ${MAILS} mails exactly once while both senders poll`, async () => {
    const mails = Array.from({ length: MAILS }, () => assignedMail());
    for (let i = 0; i < MAILS; i += 50) {
      await a.app.get(Transactions).run(async (m) => {
        for (const mail of mails.slice(i, i + 50)) await a.app.get(NotificationsService).assigned(m, mail);
      });
    }
    await eventually(async () => (await sentCount()) === MAILS);
    await sink.waitFor(MAILS);
    expect(sink.accepted).toBe(MAILS);
    expect(new Set(sink.mails.map((m) => m.messageId)).size).toBe(MAILS);
    expect(mails.every((m) => received(m.lawyer.email) === 1)).toBe(true);
  });

  it('keeps concurrent drains on both instances (besides their timers) from sending a mail twice', async () => {
    const mails = Array.from({ length: 100 }, () => assignedMail());
    await b.app.get(Transactions).run(async (m) => {
      for (const mail of mails) await b.app.get(NotificationsService).assigned(m, mail);
    });
    await Promise.all([a, b, a, b].map((t) => t.app.get(OutboxWorker).drainOnce()));
    await eventually(async () => (await sentCount()) === MAILS + 100);
    await sink.waitFor(MAILS + 100);
    expect(sink.accepted).toBe(MAILS + 100);
    expect(mails.every((m) => received(m.lawyer.email) === 1)).toBe(true);
  });

  it('sends a reminder once when both instances run the job', async () => {
    const reminder = shiftReminder();
    const at = new Date('2026-10-13T01:00:00Z');
    for (const t of [a, b]) t.app.get(ReminderRegistry).register(new ListShiftSource([{ at, reminder }]));
    const runs = await Promise.all([a, b, a, b].map((t) => t.app.get(RemindersService).run('shift')));
    expect(runs.some((r) => r.ran)).toBe(true);
    await eventually(async () => received(reminder.lawyer.email) === 1);
    // A later run of either instance finds the reminder already queued.
    await b.app.get(RemindersService).run('shift');
    await a.app.get(OutboxWorker).drainOnce();
    expect(received(reminder.lawyer.email)).toBe(1);
  });
});
