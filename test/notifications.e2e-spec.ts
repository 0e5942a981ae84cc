import type { ParsedMail } from 'mailparser';
import { Transactions } from '../src/database/transactions';
import { NotificationsService } from '../src/notifications/notifications.service';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { OutboxService } from '../src/notifications/outbox.service';
import { lawyerBody } from './factories/lawyer.factory';
import { assignedMail, caseRef, rosterMail } from './factories/mail.factory';
import { startApp, TestApp } from './helpers/app';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

const RETRY_BASE_MS = 1000;
const MAX_ATTEMPTS = 3;

describe('notifications: outbox, SMTP delivery, retries, admin API (e2e)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let notifications: NotificationsService;
  let worker: OutboxWorker;
  let tx: Transactions;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApp({
      env: {
        SMTP_URL: sink.url,
        MAIL_FROM: '"溧阳市法律援助中心" <aid@example.org>',
        MAIL_RETRY_BASE_MS: String(RETRY_BASE_MS),
        MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
        PUBLIC_BASE_URL: 'https://aid.example.org',
      },
    });
    notifications = t.app.get(NotificationsService);
    worker = t.app.get(OutboxWorker);
    tx = t.app.get(Transactions);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const mailsTo = (email: string): ParsedMail[] => sink.mails.filter((m) => JSON.stringify(m.to).includes(email));
  const row = async (email: string) => {
    const res = await t.admin.get('/api/v1/notifications?limit=1000').expect(200);
    return (res.body as Array<{ id: string; recipientEmail: string; status: string; attempts: number; lastError: string | null }>).find(
      (n) => n.recipientEmail === email,
    )!;
  };

  it('delivers a roster mail with text, HTML and an .ics of all the lawyer’s shifts', async () => {
    const data = rosterMail();
    await tx.run((m) => notifications.rosterPublished(m, data));
    expect(await worker.drainOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await sink.waitFor(sink.accepted);
    const [mail] = mailsTo(data.lawyer.email);
    expect(mail.subject).toBe('【值班安排】刑事值班室排班表已发布，您共有2个班次');
    expect(mail.from?.text).toContain('aid@example.org');
    expect(mail.text).toContain('2026年10月13日（星期二）  09:00–12:00');
    expect(mail.html).toContain('<a href="https://aid.example.org/me/shifts">');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0].contentType).toBe('text/calendar');
    const ics = mail.attachments[0].content.toString('utf8');
    expect(ics).toContain('TZID:Asia/Shanghai');
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20261015T140000');
    const sent = await row(data.lawyer.email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, event: 'roster_published' });
    expect(mail.messageId).toBe(`<${sent.id}@aid.example.org>`);
  });

  it('never puts a juvenile defendant’s name in a mail (Art 23)', async () => {
    const data = assignedMail({ case: caseRef({ defendant: { name: '欧阳小明', juvenile: true } }) });
    await tx.run((m) => notifications.assigned(m, data));
    await worker.drainOnce();
    await sink.waitFor(sink.accepted);
    const [mail] = mailsTo(data.lawyer.email);
    expect(mail.text).toContain('被告人：欧阳某');
    expect([mail.subject, mail.text, mail.html, JSON.stringify(mail.headerLines)].join()).not.toContain('小明');
  });

  it('queues a mail only with its transaction, and each idempotency key once', async () => {
    const data = rosterMail();
    await expect(
      tx.run(async (m) => {
        await notifications.rosterPublished(m, data);
        throw new Error('publishing failed');
      }),
    ).rejects.toThrow('publishing failed');
    expect(await row(data.lawyer.email)).toBeUndefined();
    await tx.run((m) => notifications.rosterPublished(m, data));
    await tx.run((m) => notifications.rosterPublished(m, data));
    const outbox = t.app.get(OutboxService);
    const queued = await tx.run((m) =>
      outbox.enqueue(m, {
        idempotencyKey: `roster:${data.rosterId}:${data.lawyer.id}`,
        event: 'x',
        to: data.lawyer,
        subject: 's',
        text: 't',
        html: 'h',
      }),
    );
    expect(queued).toBe(false);
    await worker.drainOnce();
    await sink.waitFor(sink.accepted);
    expect(mailsTo(data.lawyer.email)).toHaveLength(1);
  });

  it('retries after an SMTP outage with backoff and delivers exactly once when the server is back', async () => {
    const data = assignedMail();
    await tx.run((m) => notifications.assigned(m, data));
    sink.reject(true);
    expect(await worker.drainOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(data.lawyer.email)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('451') });
    sink.reject(false);
    expect(await worker.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // backoff not over yet
    t.clock.advance(RETRY_BASE_MS);
    expect(await worker.drainOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    await sink.waitFor(sink.accepted);
    expect(mailsTo(data.lawyer.email)).toHaveLength(1);
    expect(await row(data.lawyer.email)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('survives the SMTP server being down altogether', async () => {
    const data = assignedMail();
    await tx.run((m) => notifications.assigned(m, data));
    await sink.stop();
    expect(await worker.drainOnce()).toMatchObject({ sent: 0, retrying: 1 });
    sink = await startSmtpSink({ port: sink.port });
    t.clock.advance(RETRY_BASE_MS);
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    await sink.waitFor(1);
    expect(mailsTo(data.lawyer.email)).toHaveLength(1);
  });

  it('takes over a mail whose sender died once its lease runs out (at-least-once)', async () => {
    const data = assignedMail();
    await tx.run((m) => notifications.assigned(m, data));
    const [claimed] = await t.app.get(OutboxService).claim('crashed-instance', 10, 60_000);
    expect(claimed.recipientEmail).toBe(data.lawyer.email);
    expect(await worker.drainOnce()).toMatchObject({ sent: 0 });
    t.clock.advance(60_000);
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    await sink.waitFor(sink.accepted);
    expect(mailsTo(data.lawyer.email)).toHaveLength(1);
  });

  it('gives up after the last attempt; an admin resends, and it is delivered once', async () => {
    const data = assignedMail();
    await tx.run((m) => notifications.assigned(m, data));
    sink.reject(true);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const expected = attempt < MAX_ATTEMPTS ? { retrying: 1, failed: 0 } : { retrying: 0, failed: 1 };
      expect(await worker.drainOnce()).toMatchObject(expected);
      t.clock.advance(RETRY_BASE_MS * 2 ** (attempt - 1));
    }
    sink.reject(false);
    expect(await worker.drainOnce()).toMatchObject({ sent: 0 });
    const failed = await row(data.lawyer.email);
    expect(failed).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
    const listed = await t.admin.get('/api/v1/notifications?status=failed').expect(200);
    expect(listed.body.map((n: { id: string }) => n.id)).toContain(failed.id);

    const dispatcher = await t.tokenFor('dispatcher');
    await t.as(dispatcher).post(`/api/v1/notifications/${failed.id}/resend`).expect(403);
    const resent = await t.admin.post(`/api/v1/notifications/${failed.id}/resend`).expect(200);
    expect(resent.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    const again = await t.admin.post(`/api/v1/notifications/${failed.id}/resend`).expect(409);
    expect(again.body.code).toBe('NOTIFICATION_NOT_FAILED');
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    await sink.waitFor(sink.accepted);
    expect(mailsTo(data.lawyer.email)).toHaveLength(1);
    const audit = await t.admin.get(`/api/v1/audit?entity=notification&id=${failed.id}`).expect(200);
    expect(audit.body[0]).toMatchObject({ action: 'notification.resend' });
  });

  it('lists mails for dispatchers with paging and no bodies; other roles get 403, bad queries 400', async () => {
    const dispatcher = await t.tokenFor('dispatcher');
    const res = await t.as(dispatcher).get('/api/v1/notifications?status=sent&limit=2&offset=0').expect(200);
    expect(res.body).toHaveLength(2);
    expect(Number(res.headers['x-total-count'])).toBeGreaterThanOrEqual(5);
    expect(res.body[0]).not.toHaveProperty('html');
    expect(res.body[0]).not.toHaveProperty('text');
    const lawyer = await t.tokenFor('lawyer', (await t.admin.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id);
    await t.as(lawyer).get('/api/v1/notifications').expect(403);
    await t
      .as(await t.tokenFor('court_clerk'))
      .get('/api/v1/notifications')
      .expect(403);
    const bad = await t.admin.get('/api/v1/notifications?status=lost').expect(400);
    expect(bad.body.details[0].field).toBe('status');
    await t.admin.get('/api/v1/notifications?limit=0').expect(400);
    await t.admin.get('/api/v1/notifications?offset=-1').expect(400);
  });

  it('404 when resending an unknown notification', async () => {
    await t.admin.post('/api/v1/notifications/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/resend').expect(404);
    await t.admin.post('/api/v1/notifications/nope/resend').expect(404);
  });
});
