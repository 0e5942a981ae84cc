import { SchedulerRegistry } from '@nestjs/schedule';
import { JobLeaseService } from '../src/jobs/job-lease.service';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { ReminderRegistry } from '../src/notifications/reminders/reminder-registry';
import { RemindersService } from '../src/notifications/reminders/reminders.service';
import { caseRef, recipient, shiftReminder } from './factories/mail.factory';
import { startApp, TestApp } from './helpers/app';
import { ListDeadlineSource, ListShiftSource } from './helpers/reminder-sources';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

// 2026-10-12 18:00 in Shanghai: the evening run of the shift reminders.
const EVENING = '2026-10-12T10:00:00Z';

describe('reminders: scheduled jobs under a database lease (e2e)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let reminders: RemindersService;
  let worker: OutboxWorker;

  const tomorrow = shiftReminder({ shift: { id: 's-tomorrow', date: '2026-10-13', start: '09:00', end: '12:00' } });
  const dayAfter = shiftReminder({ shift: { id: 's-later', date: '2026-10-14', start: '09:00', end: '12:00' } });
  const shifts = new ListShiftSource([
    { at: new Date('2026-10-13T01:00:00Z'), reminder: tomorrow },
    { at: new Date('2026-10-14T01:00:00Z'), reminder: dayAfter },
  ]);
  const deadline = {
    lawyer: recipient(),
    case: caseRef({ defendant: { name: '李小红', juvenile: true } }),
    deadline: { kind: 'file_review_and_meeting' as const, due: '2026-10-13' },
  };
  const deadlines = new ListDeadlineSource([{ at: new Date('2026-10-12T16:00:00Z'), reminder: deadline }]);

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApp({ now: EVENING, env: { SMTP_URL: sink.url } });
    reminders = t.app.get(RemindersService);
    worker = t.app.get(OutboxWorker);
    t.app.get(ReminderRegistry).register(shifts);
    t.app.get(ReminderRegistry).register(deadlines);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('schedules both jobs in the court time zone (18:00 for shifts, 09:00 for deadlines by default)', () => {
    const scheduler = t.app.get(SchedulerRegistry);
    const next = (name: string) => scheduler.getCronJob(name).nextDate().setZone('Asia/Shanghai').toFormat('HH:mm');
    expect(next('reminders:shift')).toBe('18:00');
    expect(next('reminders:deadline')).toBe('09:00');
  });

  it('reminds the evening before a shift, once however often the job runs', async () => {
    expect(await reminders.run('shift')).toEqual({ ran: true, reminders: 1 });
    expect(shifts.windows[0]).toEqual({ from: new Date(EVENING), to: new Date('2026-10-13T16:00:00Z') });
    expect(await reminders.run('shift')).toEqual({ ran: true, reminders: 1 });
    expect(await worker.drainOnce()).toMatchObject({ sent: 1 });
    const [mail] = await sink.waitFor(1);
    expect(mail.subject).toContain('【提醒】明日值班');
    expect(mail.to && JSON.stringify(mail.to)).toContain(tomorrow.lawyer.email);
    expect(mail.text).toContain('2026年10月13日（星期二） 09:00–12:00');
  });

  it('reminds the day before an Art 12 deadline without naming a juvenile', async () => {
    expect(await reminders.run('deadline')).toEqual({ ran: true, reminders: 1 });
    await worker.drainOnce();
    const mails = await sink.waitFor(2);
    const mail = mails.find((m) => JSON.stringify(m.to).includes(deadline.lawyer.email))!;
    expect(mail.subject).toContain('【提醒】');
    expect(mail.subject).toContain('完成阅卷和会见');
    expect(mail.text).toContain('李某');
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain('小红');
  });

  it('turns a second run away while the first holds the lease', async () => {
    let open!: () => void;
    shifts.gate = new Promise<void>((resolve) => (open = resolve));
    const runs = [reminders.run('shift'), reminders.run('shift')];
    expect(await Promise.race(runs)).toEqual({ ran: false, reminders: 0 });
    open();
    const results = await Promise.all(runs);
    expect(results.filter((r) => r.ran)).toHaveLength(1);
    shifts.gate = Promise.resolve();
  });

  it('lets another run take over a lease its holder never released (a crashed instance)', async () => {
    const leases = t.app.get(JobLeaseService);
    const outer = await leases.runExclusive('test-job', 60_000, async () => {
      const meanwhile = await leases.runExclusive('test-job', 60_000, async () => 'second');
      t.clock.advance(60_000);
      const afterExpiry = await leases.runExclusive('test-job', 60_000, async () => 'taken over');
      return [meanwhile, afterExpiry];
    });
    expect(outer).toEqual({ ran: true, result: [{ ran: false }, { ran: true, result: 'taken over' }] });
  });

  it('a day later the next shift is due and the first is not sent again', async () => {
    t.clock.set('2026-10-13T10:00:00Z');
    expect(await reminders.run('shift')).toEqual({ ran: true, reminders: 1 });
    await worker.drainOnce();
    await sink.waitFor(3);
    expect(sink.mails.filter((m) => JSON.stringify(m.to).includes(tomorrow.lawyer.email))).toHaveLength(1);
    expect(sink.mails.filter((m) => JSON.stringify(m.to).includes(dayAfter.lawyer.email))).toHaveLength(1);
  });
});
