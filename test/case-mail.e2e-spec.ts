import type { ParsedMail } from 'mailparser';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { RemindersService } from '../src/notifications/reminders/reminders.service';
import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';
import { parseFeed } from './helpers/ical';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

type Agent = ReturnType<TestApp['as']>;

const BASE_URL = 'https://aid.example.org';
const ID_NUMBERS = ['320481200806011234', '32048120090301567X'];
const JUVENILE_NAMES = ['王小明', '欧阳小红'];

/** Subject, both bodies and every attachment of a mail, as one string. */
const everything = (m: ParsedMail) => [m.subject, m.text, m.html, ...m.attachments.map((a) => a.content.toString('utf8'))].join('\n');

describe('case mails: notice → pick → hearings → refusal → re-pick → termination, and Art 12 reminders (e2e)', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let clerk: Agent;
  let dispatcher: Agent;
  let worker: OutboxWorker;
  let stationId: string;

  const mailsTo = (email: string) => sink.mails.filter((m) => JSON.stringify(m.to).includes(email));
  const queued = async () => Number((await dispatcher.get('/api/v1/notifications?limit=1').expect(200)).headers['x-total-count']);
  /** Sends what is queued and waits until the sink has parsed it; returns the new mails. */
  const deliver = async (expected: number): Promise<ParsedMail[]> => {
    const before = sink.accepted;
    expect(await worker.drainOnce()).toEqual({ sent: expected, retrying: 0, failed: 0 });
    await sink.waitFor(before + expected);
    return sink.mails.slice(before);
  };
  const lawyer = async (o: Record<string, unknown>) =>
    (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ juvenileExperience: true, ...o }))
        .expect(201)
    ).body;

  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await startApp({ now: '2026-10-12T02:00:00Z', env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: BASE_URL } });
    clerk = t.as(await t.tokenFor('court_clerk'));
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    worker = t.app.get(OutboxWorker);
    stationId = (await createStation(t)).id;
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('tells each lawyer every step of a juvenile case, once each, and never names the defendant', async () => {
    const a = await lawyer({ name: '周明远', licenseNo: '10000000000000001' });
    const b = await lawyer({ name: '陈静', licenseNo: '10000000000000002' });
    const body = noticeBody(stationId, {
      offenceDate: '2026-03-01',
      defendant: { name: JUVENILE_NAMES[0], birthDate: '2008-06-01', idNumber: ID_NUMBERS[0] },
    });

    // A retried notice (same Idempotency-Key) is one case and queues nothing.
    const first = await clerk.post('/api/v1/court-notices').set('Idempotency-Key', 'notice-1').send(body).expect(201);
    const again = await clerk.post('/api/v1/court-notices').set('Idempotency-Key', 'notice-1').send(body).expect(201);
    expect(again.body.caseId).toBe(first.body.caseId);
    expect(first.body).toMatchObject({ juvenile: true, route: 'appointed_defence' });
    const caseId = first.body.caseId as string;
    expect(await queued()).toBe(0);

    // 1. The pick: lawyer A gets the appointment with the Art 12 duties and dates.
    const pick = await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201);
    expect(pick.body.assignment).toMatchObject({ lawyerId: a.id, contactJudgeBy: '2026-10-15', fileReviewBy: '2026-10-19' });
    const [assigned] = await deliver(1);
    expect(JSON.stringify(assigned.to)).toContain(a.email);
    expect(assigned.subject).toBe(`【指派通知】${body.courtCaseNo} 溧阳市人民法院`);
    for (const part of [
      '法律援助中心指派您担任',
      `案号：${body.courtCaseNo}`,
      '法院：溧阳市人民法院',
      '罪名：盗窃罪',
      '被告人：王某',
      '承办法官：李法官（电话 0519-87000001）',
      '联系案件承办法官（第十二条，3日内）：2026年10月15日（星期四）前',
      '完成阅卷和会见（第十二条，7日内）：2026年10月19日（星期一）前',
      `${BASE_URL}/me/cases/${caseId}`,
    ]) {
      expect(assigned.text).toContain(part);
    }

    // 2. A pre-trial meeting told two days ahead: a mail with an .ics, flagged SHORT_NOTICE (Art 11).
    t.clock.set('2026-10-13T02:00:00Z');
    const hearing = await clerk
      .post(`/api/v1/cases/${caseId}/hearings`)
      .send({ kind: 'pretrial_meeting', at: '2026-10-15T09:00:00+08:00', place: '第二法庭' })
      .expect(201);
    const [added] = await deliver(1);
    expect(JSON.stringify(added.to)).toContain(a.email);
    expect(added.subject).toBe(`【庭前会议通知】${body.courtCaseNo} 2026年10月15日（星期四）09:00`);
    expect(added.text).toContain('地点：第二法庭');
    expect(added.text).toContain('通知时间不足三日：本次通知距庭前会议不足三日');
    expect(added.text).not.toMatch(/SHORT_NOTICE|开庭|庭审/);
    expect(added.attachments).toHaveLength(1);
    const [event] = parseFeed(added.attachments[0].content.toString('utf8')).events;
    expect(event).toMatchObject({ start: '2026-10-15T01:00:00.000Z', tzid: 'Asia/Shanghai', sequence: 0, location: '第二法庭' });

    // 3. Moved: a second mail updating the same calendar event; a repeat of the same move queues nothing.
    await clerk.patch(`/api/v1/hearings/${hearing.body.id}`).send({ at: '2026-10-20T09:00:00+08:00' }).expect(200);
    const [moved] = await deliver(1);
    expect(moved.subject).toBe(`【庭前会议变更】${body.courtCaseNo} 2026年10月20日（星期二）09:00`);
    expect(moved.text).not.toContain('不足三日');
    const [movedEvent] = parseFeed(moved.attachments[0].content.toString('utf8')).events;
    expect(movedEvent).toMatchObject({ uid: event.uid, start: '2026-10-20T01:00:00.000Z', sequence: 1 });
    let before = await queued();
    await clerk.patch(`/api/v1/hearings/${hearing.body.id}`).send({ at: '2026-10-20T09:00:00+08:00' }).expect(200);
    expect(await queued()).toBe(before);

    // A postponement without a new date calls the meeting off: the calendar entry is cancelled
    // (SEQUENCE 3: the repeated PATCH above counted as a change of the hearing row).
    await clerk.post(`/api/v1/cases/${caseId}/hearings`).send({ kind: 'postponed' }).expect(201);
    const postponed = await deliver(2);
    const cancelled = postponed.find((m) => m.subject?.startsWith('【庭前会议取消】'))!;
    expect(parseFeed(cancelled.attachments[0].content.toString('utf8')).events[0]).toMatchObject({
      uid: event.uid,
      status: 'CANCELLED',
      sequence: 3,
    });
    const decision = postponed.find((m) => m.subject?.startsWith('【延期审理通知】'))!;
    expect(decision.subject).toBe(`【延期审理通知】${body.courtCaseNo} 另行通知`);
    expect(decision.attachments).toHaveLength(0);

    // 4. A justified refusal releases A at once; the re-pick appoints B and tells A whom to hand over to.
    before = await queued();
    await clerk.post(`/api/v1/cases/${caseId}/refusal`).send({ justified: false, reason: '想换律师' }).expect(201);
    expect(await queued()).toBe(before);
    await clerk.post(`/api/v1/cases/${caseId}/refusal`).send({ justified: true, reason: '律师与被害人系亲属，法院准许' }).expect(201);
    const [released] = await deliver(1);
    expect(JSON.stringify(released.to)).toContain(a.email);
    expect(released.subject).toBe(`【指派结束】${body.courtCaseNo}`);
    expect(released.text).toContain('原因：拒绝辩护理由成立（实施意见第五条）');
    expect(released.text).toContain('说明：律师与被害人系亲属，法院准许');

    const repick = await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201);
    expect(repick.body.assignment.lawyerId).toBe(b.id);
    const repicked = await deliver(2);
    const toB = repicked.find((m) => JSON.stringify(m.to).includes(b.email))!;
    const toA = repicked.find((m) => JSON.stringify(m.to).includes(a.email))!;
    expect(toB.subject).toBe(`【重新指派】${body.courtCaseNo} 溧阳市人民法院`);
    expect(toB.text).toContain('因拒绝辩护理由成立（律师与被害人系亲属，法院准许），法律援助中心改为指派您');
    expect(toB.text).toContain('（原承办律师：周明远）');
    expect(toB.text).toContain('联系案件承办法官（第十二条，3日内）：2026年10月16日（星期五）前');
    expect(toA.subject).toBe(`【指派变更】${body.courtCaseNo}已改派其他律师`);
    expect(toA.text).toContain('已改由陈静律师承办，请做好案件材料交接');

    // 5. Termination (Art 17): B is told the ground.
    // The dispatcher types the juvenile's name into the note: the mail masks it (issue 13 item 10).
    await dispatcher
      .post(`/api/v1/cases/${caseId}/terminate`)
      .send({ ground: 'self_retained', note: `${JUVENILE_NAMES[0]}的家属另行委托，小明本人同意` })
      .expect(201);
    const [ended] = await deliver(1);
    expect(JSON.stringify(ended.to)).toContain(b.email);
    expect(ended.subject).toBe(`【终止法律援助】${body.courtCaseNo}`);
    expect(ended.text).toContain('终止理由：被告人自行委托其他辩护人');
    expect(ended.text).toContain('说明：王某的家属另行委托，王某本人同意');

    // Each step mailed once: the outbox holds exactly what the sink received.
    expect(mailsTo(a.email)).toHaveLength(7);
    expect(mailsTo(b.email)).toHaveLength(2);
    expect(await queued()).toBe(sink.accepted);
    expect(await worker.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('reminds the lawyer the day before the Art 12 contact-the-judge deadline, once however often the job runs', async () => {
    const reminders = t.app.get(RemindersService);
    const body = noticeBody(stationId, {
      offenceDate: '2026-04-01',
      defendant: { name: JUVENILE_NAMES[1], birthDate: '2009-03-01', idNumber: ID_NUMBERS[1] },
    });
    const c = (await clerk.post('/api/v1/court-notices').send(body).expect(201)).body;
    const pick = await dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    // Appointed 2026-10-13 like B above, whose appointment has since ended: only this one is due.
    expect(pick.body.assignment).toMatchObject({ contactJudgeBy: '2026-10-16', fileReviewBy: '2026-10-20' });
    const email = (await dispatcher.get(`/api/v1/lawyers/${pick.body.assignment.lawyerId}`).expect(200)).body.email as string;
    await deliver(1);

    // 09:00 in Shanghai the day before: the default DEADLINE_REMINDER_CRON.
    t.clock.set('2026-10-15T01:00:00Z');
    expect(await reminders.run('deadline')).toEqual({ ran: true, reminders: 1 });
    const [reminder] = await deliver(1);
    expect(JSON.stringify(reminder.to)).toContain(email);
    expect(reminder.subject).toBe(`【提醒】${body.courtCaseNo}明日到期：联系案件承办法官`);
    expect(reminder.text).toContain('您应于2026年10月16日（星期五）前联系案件承办法官');
    expect(reminder.text).toContain('被告人：欧阳某');

    expect(await reminders.run('deadline')).toEqual({ ran: true, reminders: 1 });
    expect(await worker.drainOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 });

    // The day before the file-review deadline, that duty's reminder follows.
    t.clock.set('2026-10-19T01:00:00Z');
    expect(await reminders.run('deadline')).toEqual({ ran: true, reminders: 1 });
    const [fileReview] = await deliver(1);
    expect(fileReview.subject).toBe(`【提醒】${body.courtCaseNo}明日到期：完成阅卷和会见`);
    expect(mailsTo(email).filter((m) => m.subject?.startsWith('【提醒】'))).toHaveLength(2);
  });

  it('no mail ever carries a juvenile defendant’s name or any ID number (Art 23)', () => {
    expect(sink.mails).toHaveLength(12);
    for (const mail of sink.mails) {
      const all = everything(mail);
      for (const secret of [...JUVENILE_NAMES, '小明', '小红', ...ID_NUMBERS]) expect(all).not.toContain(secret);
    }
  });
});
