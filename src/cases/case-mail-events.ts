import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { defendantDisplayName, maskDefendantIn } from '../notifications/domain/privacy';
import { NotificationsService } from '../notifications/notifications.service';
import type { AssignedMail, CaseRef as MailCase, LawyerDeadlines, Recipient } from '../notifications/templates/mail-types';
import type {
  AidOrderedEvent,
  AssignedEvent,
  CaseEvents,
  CaseRef,
  HearingEvent,
  LawyerRef,
  OfferedEvent,
  OfferStalledEvent,
  ReassignedEvent,
  TerminatedEvent,
} from './case-events';

/**
 * The case module's events as mails. It lives on the cases side so the dependency runs one
 * way: cases → notifications (a global module that knows nothing of cases). Stations do the
 * same with their roster events; notifications stays a leaf both can use.
 */
@Injectable()
export class CaseMailEvents implements CaseEvents {
  constructor(private readonly notifications: NotificationsService) {}

  assigned(m: EntityManager, e: AssignedEvent): Promise<void> {
    return this.notifications.assigned(m, assignedMail(e));
  }

  offered(m: EntityManager, e: OfferedEvent): Promise<void> {
    return this.notifications.offered(m, { ...assignedMail(e), respondBy: e.respondBy });
  }

  /** The new lawyer gets the whole appointment, the previous one is told whom to hand the file to. */
  reassigned(m: EntityManager, e: ReassignedEvent): Promise<void> {
    if (!e.previousLawyer) return this.assigned(m, e);
    return this.notifications.reassigned(m, { ...assignedMail(e), previous: recipient(e.previousLawyer), reason: reassignReason(e) });
  }

  /** Art 11: every added, moved or called-off hearing; the template notes a short notice. */
  hearingScheduled(m: EntityManager, e: HearingEvent): Promise<void> {
    const { id, kind, at, place, shortNotice, sequence, cancelled } = e.hearing;
    return this.notifications.hearingScheduled(m, {
      hearing: { id, kind, at, place, shortNotice, sequence, cancelled },
      change: sequence === 0 ? 'added' : 'changed',
      lawyer: recipient(e.lawyer),
      case: mailCase(e.case),
    });
  }

  terminated(m: EntityManager, e: TerminatedEvent): Promise<void> {
    return this.notifications.terminated(m, {
      assignmentId: e.assignmentId,
      lawyer: recipient(e.lawyer),
      case: mailCase(e.case),
      ground: e.ground,
      note: e.note === null ? undefined : typed(e.note, e.case),
    });
  }

  aidOrdered(m: EntityManager, e: AidOrderedEvent): Promise<void> {
    const { appointBy } = e.case.deadlines;
    return this.notifications.aidOrdered(m, { objectionId: e.objectionId, case: mailCase(e.case), appointBy, note: typed(e.note, e.case) });
  }

  offerStalled(m: EntityManager, e: OfferStalledEvent): Promise<void> {
    const { assignmentId, end, reason, stop } = e;
    const { appointBy } = e.case.deadlines;
    return this.notifications.offerStalled(m, {
      assignmentId,
      case: mailCase(e.case),
      lawyerName: e.lawyer.name,
      end,
      reason: reason === null ? null : typed(reason, e.case),
      stop,
      appointBy,
    });
  }
}

export const recipient = (l: Pick<LawyerRef, 'id' | 'name' | 'email'>): Recipient => ({ id: l.id, name: l.name, email: l.email });

/**
 * What a mail may know of a case. A juvenile's name is reduced here already (Art 23), so the
 * full name never reaches the notifications module at all; the templates reduce it again.
 */
export function mailCase(c: CaseRef): MailCase {
  const { name, juvenile } = c.defendant;
  return {
    id: c.caseId,
    courtCaseNo: c.courtCaseNo,
    courtName: c.courtName,
    charges: c.charges,
    defendant: { name: defendantDisplayName(name, juvenile), juvenile },
  };
}

/**
 * What a dispatcher or lawyer typed about the case (a termination note, a reason), masked with
 * the defendant's full name while it is still known here: mailCase has reduced the name already,
 * so the templates' own masking cannot find it in the text any more.
 */
function typed(text: string, c: CaseRef): string {
  return maskDefendantIn(text, c.defendant.name, c.defendant.juvenile);
}

/** The Art 12 dates the pick has just set on the case. */
function lawyerDeadlines(c: CaseRef): LawyerDeadlines {
  const { contactJudgeBy, fileReviewAndMeetingBy } = c.deadlines;
  if (!contactJudgeBy || !fileReviewAndMeetingBy) throw new Error(`case ${c.caseId} was assigned without its Art 12 deadlines`);
  return { contactJudgeBy, fileReviewAndMeetingBy };
}

function assignedMail(e: AssignedEvent): AssignedMail {
  return {
    assignmentId: e.assignmentId,
    lawyer: recipient(e.lawyer),
    case: mailCase(e.case),
    judge: e.case.judge,
    deadlines: lawyerDeadlines(e.case),
  };
}

/** Read as "因…，" in the mails. */
function reassignReason(e: ReassignedEvent): string {
  const reason = e.reason === null ? null : typed(e.reason, e.case);
  if (e.previousEnd === 'refused') return `拒绝辩护理由成立${reason ? `（${reason}）` : ''}`;
  return reason ?? '法律援助中心调整指派';
}
