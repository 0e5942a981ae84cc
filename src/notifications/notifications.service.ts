/**
 * Integration contract — how other modules send mail.
 *
 * Inject `NotificationsService` (NotificationsModule is global) and call the method of the
 * event INSIDE the transaction that makes the change, passing its EntityManager:
 *
 *   await this.tx.run(async (m) => {
 *     …publish the roster…
 *     for (const perLawyer of byLawyer) await this.notifications.rosterPublished(m, perLawyer);
 *   });
 *
 * The mail is queued in the outbox in that transaction — rolled back with it, sent after
 * it commits, retried until the SMTP server takes it. Each call is idempotent: the same
 * event for the same lawyer is queued once (keys below), so a retried request is safe.
 * Data shapes are in templates/mail-types.ts; never put a defendant's ID number in them.
 *
 * Reminders are not sent from here by callers: a module that owns shifts or deadlines
 * registers a ReminderSource (reminders/reminder-registry.ts) and the scheduled job asks it.
 */
import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { OutboxService } from './outbox.service';
import { aidOrderedMail, fileReadingOverdueMail, offerStalledMail } from './templates/center-mails';
import { assignedMail, deadlineReminderMail, hearingMail, offeredMail, reassignedMail, terminatedMail } from './templates/case-mails';
import type {
  AidOrderedMail,
  AssignedMail,
  DeadlineReminderMail,
  FileReadingOverdueMail,
  HearingMail,
  MailContext,
  OfferedMail,
  OfferStalledMail,
  ReassignedMail,
  Recipient,
  RenderedMail,
  RosterPublishedMail,
  ShiftChangedMail,
  ShiftReminderMail,
  SwapRequestedMail,
  TerminatedMail,
} from './templates/mail-types';
import { rosterPublishedMail, shiftChangedMail, shiftReminderMail, swapRequestedMail } from './templates/roster-mails';

const shortHash = (...parts: Array<string | null | undefined>): string =>
  createHash('sha256')
    .update(parts.map((p) => p ?? '').join('\u0000'))
    .digest('hex')
    .slice(0, 16);

@Injectable()
export class NotificationsService {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Key `roster:<rosterId>:<lawyerId>`: one mail per lawyer with all their shifts of the roster. */
  async rosterPublished(m: EntityManager, data: RosterPublishedMail): Promise<void> {
    await this.queue(
      m,
      `roster:${data.rosterId}:${data.lawyer.id}`,
      'roster_published',
      data.lawyer,
      rosterPublishedMail(data, this.context()),
    );
  }

  /** Override or swap: the new holder and (if any) the previous one. Key `shift:<shiftId>:<changeId>:<lawyerId>`. */
  async shiftChanged(m: EntityManager, data: ShiftChangedMail): Promise<void> {
    const key = (lawyer: Recipient) => `shift:${data.shift.id}:${data.changeId}:${lawyer.id}`;
    await this.queue(m, key(data.lawyer), 'shift_changed', data.lawyer, shiftChangedMail(data, 'holder', this.context()));
    if (data.previous && data.previous.id !== data.lawyer.id) {
      await this.queue(m, key(data.previous), 'shift_changed', data.previous, shiftChangedMail(data, 'previous', this.context()));
    }
  }

  /** The offered lawyer only; the offering one made the request. Key `swap:<swapRequestId>:<lawyerId>`. */
  async swapRequested(m: EntityManager, data: SwapRequestedMail): Promise<void> {
    await this.queue(
      m,
      `swap:${data.swapRequestId}:${data.lawyer.id}`,
      'swap_requested',
      data.lawyer,
      swapRequestedMail(data, this.context()),
    );
  }

  /** Key `assignment:<assignmentId>:<lawyerId>`. */
  async assigned(m: EntityManager, data: AssignedMail): Promise<void> {
    await this.queue(m, `assignment:${data.assignmentId}:${data.lawyer.id}`, 'assigned', data.lawyer, assignedMail(data, this.context()));
  }

  /** An offer to the lawyer (issue 12 item 10). Key `offer:<assignmentId>`. */
  async offered(m: EntityManager, data: OfferedMail): Promise<void> {
    await this.queue(m, `offer:${data.assignmentId}`, 'offered', data.lawyer, offeredMail(data, this.context()));
  }

  /** The new lawyer and the previous one. Key `reassignment:<assignmentId>:<lawyerId>` (the new assignment's id). */
  async reassigned(m: EntityManager, data: ReassignedMail): Promise<void> {
    const key = (lawyer: Recipient) => `reassignment:${data.assignmentId}:${lawyer.id}`;
    await this.queue(m, key(data.lawyer), 'reassigned', data.lawyer, reassignedMail(data, 'holder', this.context()));
    await this.queue(m, key(data.previous), 'reassigned', data.previous, reassignedMail(data, 'previous', this.context()));
  }

  /**
   * A hearing added or changed (Art 11). Key `hearing:<hearingId>:<lawyerId>:<hash of kind, time, place>`:
   * every real change is a new mail, a repeated report of the same one is not. Cancelling adds
   * to the hash, so calling a hearing off is a change too.
   */
  async hearingScheduled(m: EntityManager, data: HearingMail): Promise<void> {
    const { hearing } = data;
    const at = hearing.at ? new Date(hearing.at).toISOString() : null;
    const parts = [hearing.kind, at, hearing.place, ...(hearing.cancelled ? ['cancelled'] : [])];
    const key = `hearing:${hearing.id}:${data.lawyer.id}:${shortHash(...parts)}`;
    await this.queue(m, key, 'hearing', data.lawyer, hearingMail(data, this.context()));
  }

  /** An Art 17 termination, or a justified refusal that ends this lawyer's part (Art 5). Key `termination:<assignmentId>`. */
  async terminated(m: EntityManager, data: TerminatedMail): Promise<void> {
    await this.queue(m, `termination:${data.assignmentId}`, 'terminated', data.lawyer, terminatedMail(data, this.context()));
  }

  /** Key `reminder:shift:<shiftId>:<lawyerId>`: a shift that changes hands reminds its new holder too. */
  async shiftReminder(m: EntityManager, data: ShiftReminderMail): Promise<void> {
    const key = `reminder:shift:${data.shift.id}:${data.lawyer.id}`;
    await this.queue(m, key, 'shift_reminder', data.lawyer, shiftReminderMail(data, this.context()));
  }

  /** Key `reminder:deadline:<caseId>:<kind>:<due>:<lawyerId>`. */
  async deadlineReminder(m: EntityManager, data: DeadlineReminderMail): Promise<void> {
    const key = `reminder:deadline:${data.case.id}:${data.deadline.kind}:${data.deadline.due}:${data.lawyer.id}`;
    await this.queue(m, key, 'deadline_reminder', data.lawyer, deadlineReminderMail(data, this.context()));
  }

  /** The center's mailbox (LEGAL_AID_CENTER_EMAIL): a reopened case to appoint (Art 18). Key `center:aid_ordered:<objectionId>`. */
  async aidOrdered(m: EntityManager, data: AidOrderedMail): Promise<void> {
    await this.queueToCenter(m, `center:aid_ordered:${data.objectionId}`, 'center_aid_ordered', () => aidOrderedMail(data, this.context()));
  }

  /** The center's mailbox: an offer ended with no next lawyer. Key `center:offer_stalled:<assignmentId>` (the offer that ended). */
  async offerStalled(m: EntityManager, data: OfferStalledMail): Promise<void> {
    const key = `center:offer_stalled:${data.assignmentId}`;
    await this.queueToCenter(m, key, 'center_offer_stalled', () => offerStalledMail(data, this.context()));
  }

  /**
   * The center's mailbox: a file reading the court has not arranged in time (Art 13, 21).
   * Key `center:file_reading_overdue:<requestId>:<arrangeBy>`.
   */
  async fileReadingOverdue(m: EntityManager, data: FileReadingOverdueMail): Promise<void> {
    const key = `center:file_reading_overdue:${data.requestId}:${data.arrangeBy}`;
    await this.queueToCenter(m, key, 'center_file_reading_overdue', () => fileReadingOverdueMail(data, this.context()));
  }

  private context(): MailContext {
    return {
      baseUrl: this.config.publicBaseUrl,
      centerName: this.config.legalAidCenter.name,
      centerPhone: this.config.legalAidCenter.phone,
      timezone: this.config.courtTimezone,
      now: this.clock.now(),
    };
  }

  private async queue(m: EntityManager, idempotencyKey: string, event: string, to: Recipient, mail: RenderedMail): Promise<void> {
    await this.outbox.enqueue(m, { idempotencyKey, event, to: { email: to.email, name: to.name, lawyerId: to.id }, ...mail });
  }

  /** No LEGAL_AID_CENTER_EMAIL → nothing is queued (the console shows the case either way). */
  private async queueToCenter(m: EntityManager, idempotencyKey: string, event: string, render: () => RenderedMail): Promise<void> {
    const { email, name } = this.config.legalAidCenter;
    if (email) await this.outbox.enqueue(m, { idempotencyKey, event, to: { email, name, lawyerId: null }, ...render() });
  }
}
