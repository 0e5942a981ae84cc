import { DataSource } from 'typeorm';
import { OffersService } from '../src/cases/assignment/offers.service';
import { OutboxMail } from '../src/notifications/outbox-mail.entity';
import { caseSetup, CaseSetup } from './helpers/case-setup';

type Row = { lawyerId: string; reason: string };

/** Issue 12 item 10: offer → accept / decline / expire → the next eligible lawyer; the letter only once accepted. */
describe('offers: the lawyer’s answer to an appointment (e2e)', () => {
  let s: CaseSetup;
  let a: { id: string };
  let b: { id: string };
  beforeAll(async () => {
    s = await caseSetup(); // Monday 2026-10-12 10:00 Shanghai
    a = await s.lawyer({ licenseNo: '20000000000000001' });
    b = await s.lawyer({ licenseNo: '20000000000000002' });
  });
  afterAll(() => s.t.close());
  const offer = (caseId: string) => s.dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ mode: 'offer' });
  const mails = (event: string) => s.t.app.get(DataSource).getRepository(OutboxMail).countBy({ event });

  it('offers, the first lawyer declines, the next is offered automatically and accepts; letter only then', async () => {
    const c = await s.notice();
    const first = await offer(c.caseId).expect(201);
    expect(first.body.assignment).toMatchObject({ lawyerId: a.id, status: 'offered', respondBy: '2026-10-13T02:00:00.000Z' });
    expect(first.body.case.status).toBe('offered');
    expect(await mails('offered')).toBe(1);
    expect(await mails('assigned')).toBe(0);
    await s.clerk.get(`/api/v1/cases/${c.caseId}/appointment-letter`).expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
    await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(409); // an offer is pending

    const lawyerB = await s.asLawyer(b.id);
    await lawyerB.post(`/api/v1/assignments/${first.body.assignment.id}/accept`).expect(404);
    const lawyerA = await s.asLawyer(a.id);
    await lawyerA.post(`/api/v1/assignments/${first.body.assignment.id}/decline`).send({}).expect(400);
    const declined = await lawyerA
      .post(`/api/v1/assignments/${first.body.assignment.id}/decline`)
      .send({ reason: '与被害人有亲属关系' })
      .expect(200);
    expect(declined.body.assignment.status).toBe('declined');
    expect(declined.body.next.assignment).toMatchObject({ lawyerId: b.id, status: 'offered' });
    expect(declined.body.next.explanation.excluded as Row[]).toContainEqual(
      expect.objectContaining({ lawyerId: a.id, reason: 'DECLINED_OFFER' }),
    );
    await lawyerA.post(`/api/v1/assignments/${first.body.assignment.id}/accept`).expect(409);

    s.t.clock.set('2026-10-12T05:00:00Z');
    const accepted = await lawyerB.post(`/api/v1/assignments/${declined.body.next.assignment.id}/accept`).expect(200);
    expect(accepted.body.assignment).toMatchObject({ status: 'accepted', lawyerId: b.id });
    expect(accepted.body.case).toMatchObject({
      status: 'assigned',
      deadlines: { contactJudgeBy: '2026-10-15', fileReviewAndMeetingBy: '2026-10-19' },
    });
    expect(await mails('assigned')).toBe(1);
    await s.clerk.get(`/api/v1/cases/${c.caseId}/appointment-letter`).expect(200);
    const got = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(got.assignments.map((x: { status: string }) => x.status)).toEqual(['declined', 'accepted']);
    expect(got).toMatchObject({ status: 'assigned', currentLawyerId: b.id });
    await lawyerB.get(`/api/v1/cases/${c.caseId}`).expect(200);
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('silence past respondBy expires the offer under the job lease, once; nobody left → ready for the dispatcher', async () => {
    const c = await s.notice();
    const first = await offer(c.caseId).expect(201);
    const offers = s.t.app.get(OffersService);
    expect((await offers.expireDue()).expired).toBe(0);
    s.t.clock.set('2026-10-13T02:00:01Z');
    expect(await offers.expireDue()).toEqual({ ran: true, expired: 1 });
    const mid = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(mid.assignments.map((x: { status: string; lawyerId: string }) => [x.status, x.lawyerId])).toEqual([
      ['expired', first.body.assignment.lawyerId],
      ['offered', first.body.assignment.lawyerId === a.id ? b.id : a.id],
    ]);
    s.t.clock.set('2026-10-14T03:00:00Z');
    expect(await offers.expireDue()).toEqual({ ran: true, expired: 1 });
    const end = (await s.dispatcher.get(`/api/v1/cases/${c.caseId}`).expect(200)).body;
    expect(end.status).toBe('ready');
    expect(end.audit.map((x: { action: string }) => x.action)).toContain('case.offer.withdraw');
    // The dispatcher appoints directly; a lawyer who let the offer lapse may still be chosen with a reason.
    await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ lawyerId: a.id, reason: '电话确认可以承办' }).expect(201);
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('Art 6: respondBy never passes the appointment deadline; no time left → 409 OFFER_TOO_LATE', async () => {
    const c = await s.notice({ receivedAt: '2026-10-09T09:00:00+08:00' }); // Fri + 3 = Mon 10-12
    const res = await offer(c.caseId).expect(201);
    expect(res.body.assignment.respondBy).toBe('2026-10-12T16:00:00.000Z'); // end of 10-12 in Shanghai
    const late = await s.notice({ receivedAt: '2026-10-08T09:00:00+08:00' }); // due 10-11 → 10-12? (Sunday → Monday)
    expect(late.deadlines.appointBy).toBe('2026-10-12');
    s.t.clock.set('2026-10-12T16:30:00Z');
    const tooLate = await offer(late.caseId).expect(409);
    expect(tooLate.body.code).toBe('OFFER_TOO_LATE');
    s.t.clock.set('2026-10-12T02:00:00Z');
  });

  it('direct stays the default (API v1: assign appoints); bad mode → 400', async () => {
    const c = await s.notice();
    const direct = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({}).expect(201);
    expect(direct.body.assignment.status).toBe('active');
    const bad = await s.dispatcher.post(`/api/v1/cases/${c.caseId}/assign`).send({ mode: 'maybe' }).expect(400);
    expect(bad.body.details[0].field).toBe('mode');
  });
});
