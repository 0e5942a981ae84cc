import type { ParsedMail } from 'mailparser';
import { OffersService } from '../src/assignment/offers.service';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { RemindersService } from '../src/notifications/reminders/reminders.service';
import { caseSetup, CaseSetup } from './helpers/case-setup';
import { SmtpSink, startSmtpSink } from './helpers/smtp';

const BASE_URL = 'https://aid.example.org';
const CENTER = 'aid-center@example.org';
const JUVENILE = { offenceDate: '2026-06-01', defendant: { name: '王小明', birthDate: '2009-01-01' } };

const everything = (m: ParsedMail) => [m.subject, m.text, m.html].join('\n');
const recipients = (m: ParsedMail) => JSON.stringify(m.to);

/** Sends what is queued and returns the new mails, in the order they were parsed. */
async function deliver(s: CaseSetup, sink: SmtpSink, expected: number): Promise<ParsedMail[]> {
  const before = sink.accepted;
  expect(await s.t.app.get(OutboxWorker).drainOnce()).toEqual({ sent: expected, retrying: 0, failed: 0 });
  await sink.waitFor(before + expected);
  return sink.mails.slice(before);
}

/** The bureau's order (Art 18, LAL Art 49) on a case the center ended; resolves to the decision's answer. */
async function orderAid(s: CaseSetup, caseId: string) {
  const supervisor = s.t.as(await s.t.tokenFor('supervisor'));
  await s.dispatcher.post(`/api/v1/cases/${caseId}/terminate`).send({ ground: 'concealment' }).expect(201);
  const o = await supervisor
    .post(`/api/v1/cases/${caseId}/objections`)
    .send({ decisionReceivedOn: '2026-10-12', grounds: '不服' })
    .expect(201);
  return supervisor.post(`/api/v1/objections/${o.body.id}/decision`).send({ outcome: 'aid_ordered', note: '责令提供法律援助' }).expect(201);
}

/** Issue 12 item 3's mail, and the other center-facing events: to LEGAL_AID_CENTER_EMAIL through the outbox. */
describe('mails to the legal aid center (e2e)', () => {
  let sink: SmtpSink;
  let s: CaseSetup;
  let lawyer: { id: string; email: string; name: string };
  beforeAll(async () => {
    sink = await startSmtpSink();
    s = await caseSetup({ env: { SMTP_URL: sink.url, PUBLIC_BASE_URL: BASE_URL, LEGAL_AID_CENTER_EMAIL: CENTER } });
    lawyer = await s.lawyer({ juvenileExperience: true }); // the only one: a decline leaves nobody to offer next
  });
  afterAll(async () => {
    await s.t.close();
    await sink.stop();
  });
  afterEach(() => s.t.clock.set('2026-10-12T02:00:00Z'));
  /** A new case with its court case number (the notice's answer has only the case's id and route). */
  const notice = async (o: Record<string, unknown> = {}) => {
    const { caseId } = await s.notice(o);
    return {
      caseId: caseId as string,
      courtCaseNo: (await s.dispatcher.get(`/api/v1/cases/${caseId}`).expect(200)).body.courtCaseNo as string,
    };
  };

  it('Art 18 / LAL Art 49: "aid ordered" mails the center once: case, court, defendant (masked, Art 23), the new Art 6 date, the console link', async () => {
    const c = await notice(JUVENILE);
    s.t.clock.set('2026-10-16T02:00:00Z'); // Friday: + 3 days = Monday 10-19
    const decided = await orderAid(s, c.caseId);
    expect(decided.body.case.deadlines.appointBy).toBe('2026-10-19');
    const [mail] = await deliver(s, sink, 1);
    expect(recipients(mail)).toContain(CENTER);
    expect(mail.subject).toBe(`【责令提供法律援助】${c.courtCaseNo}（请于2026年10月19日（星期一）前指派）`);
    const body = everything(mail);
    for (const part of [
      c.courtCaseNo,
      '溧阳市人民法院',
      '王某',
      '2026年10月19日（星期一）前',
      '责令提供法律援助',
      `${BASE_URL}/cases/${c.caseId}`,
    ]) {
      expect(body).toContain(part);
    }
    expect(body).not.toContain('王小明');
    expect(mail.text).toMatch(/^溧阳市法律援助中心：/);
    // Deciding again is refused and queues nothing more.
    const supervisor = s.t.as(await s.t.tokenFor('supervisor'));
    await supervisor.post(`/api/v1/objections/${decided.body.id}/decision`).send({ outcome: 'aid_ordered', note: '再次' }).expect(409);
    await deliver(s, sink, 0);
  });

  it('an offer declined with nobody left to offer: back to the dispatcher, and the center is told why (the lawyer’s mail links to /me/cases/:id)', async () => {
    const c = await notice();
    const offer = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'offer' }).expect(201);
    const [offered] = await deliver(s, sink, 1);
    expect(recipients(offered)).toContain(lawyer.email);
    expect(everything(offered)).toContain(`${BASE_URL}/me/cases/${c.caseId}`);
    const asLawyer = await s.asLawyer(lawyer.id);
    const declined = await asLawyer
      .post(`/api/v1/assignments/${offer.body.assignment.id}/decline`)
      .send({ reason: '与被害人有亲属关系' })
      .expect(200);
    expect(declined.body.next).toBeNull();
    const [mail] = await deliver(s, sink, 1);
    expect(recipients(mail)).toContain(CENTER);
    expect(mail.subject).toBe(`【待指派】${c.courtCaseNo}：${lawyer.name}律师拒绝邀请`);
    for (const part of ['与被害人有亲属关系', '没有其他符合条件的律师', `${BASE_URL}/cases/${c.caseId}`, '2026年10月15日（星期四）前']) {
      expect(everything(mail)).toContain(part);
    }
  });

  it('an offer left unanswered expires under the job lease: the center is told once, however often the job runs', async () => {
    const c = await notice();
    await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'offer' }).expect(201);
    await deliver(s, sink, 1);
    s.t.clock.set('2026-10-13T02:00:01Z');
    const offers = s.t.app.get(OffersService);
    expect((await offers.expireDue()).expired).toBe(1);
    expect((await offers.expireDue()).expired).toBe(0);
    const [mail] = await deliver(s, sink, 1);
    expect(recipients(mail)).toContain(CENTER);
    expect(mail.subject).toBe(`【待指派】${c.courtCaseNo}：${lawyer.name}律师答复超时`);
    expect(mail.text).toContain('未在答复期限内答复');
    expect((await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body.status).toBe('ready');
  });
  it('Art 13, 21: a file reading the court has not arranged by its date is reported to the center once, by the deadline job', async () => {
    const c = await notice();
    await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'direct' }).expect(201);
    const asLawyer = await s.asLawyer(lawyer.id);
    const request = await asLawyer
      .post(`/api/v1/cases/${c.caseId}/file-reading-requests`)
      .send({ requestedAt: '2026-10-12T09:30:00+08:00' })
      .expect(201);
    expect(request.body.arrangeBy).toBe('2026-10-15');
    await deliver(s, sink, 1); // the appointment
    const reminders = s.t.app.get(RemindersService);
    s.t.clock.set('2026-10-15T01:00:00Z'); // 09:00 on the last day: not overdue yet
    await reminders.run('file_reading_overdue');
    await deliver(s, sink, 0);
    s.t.clock.set('2026-10-16T01:00:00Z');
    expect((await reminders.run('file_reading_overdue')).ran).toBe(true);
    const [mail] = await deliver(s, sink, 1);
    expect(recipients(mail)).toContain(CENTER);
    expect(mail.subject).toBe(`【阅卷超期】${c.courtCaseNo}：法院未在2026年10月15日（星期四）前安排阅卷`);
    for (const part of [lawyer.name, '2026年10月12日（星期一）09:30', '第二十一条', `${BASE_URL}/cases/${c.caseId}`])
      expect(mail.text).toContain(part);
    s.t.clock.set('2026-10-17T01:00:00Z');
    await reminders.run('file_reading_overdue');
    await deliver(s, sink, 0); // once
  });
});

describe('mails to the legal aid center: LEGAL_AID_CENTER_EMAIL unset (e2e)', () => {
  let sink: SmtpSink;
  let s: CaseSetup;
  beforeAll(async () => {
    sink = await startSmtpSink();
    s = await caseSetup({ env: { SMTP_URL: sink.url } });
  });
  afterAll(async () => {
    await s.t.close();
    await sink.stop();
  });

  it('the same events work and mail nobody', async () => {
    const c = await s.notice();
    const decided = await orderAid(s, c.caseId);
    expect(decided.body.case.status).toBe('ready');
    const l = await s.lawyer();
    const offer = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'offer' }).expect(201);
    const asLawyer = await s.asLawyer(l.id);
    await asLawyer.post(`/api/v1/assignments/${offer.body.assignment.id}/decline`).send({ reason: '出差' }).expect(200);
    const mails = await deliver(s, sink, 1); // the offer to the lawyer only
    expect(recipients(mails[0])).toContain(l.email);
  });
});
