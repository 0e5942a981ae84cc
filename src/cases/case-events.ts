import type { EntityManager } from 'typeorm';
import type { CaseDeadlines } from './case.entity';
import type { TerminationGroundCode } from './domain/case-state';
import type { HearingKind } from './hearing.entity';

/**
 * What the case module tells the outside world, inside the transaction of the change (so a
 * mail outbox row commits or rolls back with it). CaseMailEvents (case-mail-events.ts) turns
 * them into mails. Data is rich so a mail needs no extra reads.
 * Privacy (rule 12): `defendant.juvenile` tells the mail to print initials, not the name.
 */
export const CASE_EVENTS = Symbol('CASE_EVENTS');

export interface LawyerRef {
  id: string;
  name: string;
  email: string;
  phone: string;
  firm: string;
}

export interface CaseRef {
  caseId: string;
  courtCaseNo: string;
  courtName: string;
  charges: string[];
  defendant: { name: string; juvenile: boolean; detained: boolean; detentionPlace: string | null };
  judge: { name: string | null; phone: string | null };
  trialAt: string | null;
  trialPlace: string | null;
  deadlines: CaseDeadlines;
}

export interface AssignedEvent {
  lawyer: LawyerRef;
  case: CaseRef;
  assignmentId: string;
  appointedAt: string;
  kind: 'pick' | 'manual';
}

export interface ReassignedEvent extends AssignedEvent {
  /** The lawyer the case was taken from (refused or replaced), if any. */
  previousLawyer: LawyerRef | null;
  /** How the previous lawyer's part ended: a justified refusal (Art 5) or a dispatcher's replacement. */
  previousEnd: 'refused' | 'replaced';
  /** The refusal's or the replacement's recorded reason. */
  reason: string | null;
}

/** An offer (issue 12 item 10): the lawyer is asked to accept or decline by `respondBy`. */
export interface OfferedEvent extends AssignedEvent {
  respondBy: string;
}

export interface HearingEvent {
  lawyer: LawyerRef;
  case: CaseRef;
  hearing: {
    id: string;
    kind: HearingKind;
    at: string | null;
    place: string | null;
    toldAt: string;
    shortNotice: boolean;
    sequence: number;
    cancelled: boolean;
  };
}

export interface TerminatedEvent {
  lawyer: LawyerRef;
  case: CaseRef;
  /** The assignment that ended. */
  assignmentId: string;
  /** Art 17 ground code, or `refused` when a justified refusal ended this lawyer's part (Art 5). */
  ground: TerminationGroundCode | 'refused';
  note: string | null;
}

/** Art 18, LAL Art 49: the justice bureau ordered aid; the case is open for appointment again (new appointBy in `case.deadlines`). */
export interface AidOrderedEvent {
  objectionId: string;
  case: CaseRef;
  note: string;
}

/** An offer declined or expired, and the case went back to the dispatcher (nobody else eligible, or no time before Art 6). */
export interface OfferStalledEvent {
  /** The offer that ended. */
  assignmentId: string;
  case: CaseRef;
  lawyer: LawyerRef;
  end: 'declined' | 'expired';
  reason: string | null;
  stop: 'NO_ELIGIBLE_LAWYER' | 'OFFER_TOO_LATE';
}

export interface CaseEvents {
  assigned(manager: EntityManager, event: AssignedEvent): Promise<void>;
  offered(manager: EntityManager, event: OfferedEvent): Promise<void>;
  reassigned(manager: EntityManager, event: ReassignedEvent): Promise<void>;
  hearingScheduled(manager: EntityManager, event: HearingEvent): Promise<void>;
  terminated(manager: EntityManager, event: TerminatedEvent): Promise<void>;
  /** The next two go to the center's own mailbox. */
  aidOrdered(manager: EntityManager, event: AidOrderedEvent): Promise<void>;
  offerStalled(manager: EntityManager, event: OfferStalledEvent): Promise<void>;
}
