import type { MailAttachment } from '../outbox-mail.entity';
import { TERMINATION_GROUND_CODES, type TerminationGroundCode } from '../../shared/termination-grounds';

/**
 * The data each mail takes. Modules that cause a mail (stations, cases) fill these in and
 * call NotificationsService; templates are pure functions of them. There is deliberately
 * no field for a defendant's ID number or address, so a template cannot leak one.
 * Dates are local `YYYY-MM-DD`, times local `HH:mm`, instants ISO-8601 strings.
 */

/** A lawyer as a mail recipient. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
}

export interface StationRef {
  id: string;
  name: string;
  courtName: string;
}

export interface ShiftSlot {
  id: string;
  date: string;
  start: string;
  /** An end not after the start means the shift runs past midnight. */
  end: string;
}

export interface RosterPublishedMail {
  rosterId: string;
  lawyer: Recipient;
  station: StationRef;
  /** All of this lawyer's shifts in the roster. */
  shifts: ShiftSlot[];
  /** The station's time zone. */
  timezone: string;
}

export interface ShiftChangedMail {
  /** Unique per change of this shift (the stations module sends the shift's sequence after the change). */
  changeId: string;
  change: 'override' | 'swap';
  shift: ShiftSlot;
  station: StationRef;
  /** Who held the shift before; null when the slot was empty. */
  previous: Recipient | null;
  lawyer: Recipient;
  reason?: string;
  timezone: string;
}

/** A lawyer offers one of their shifts to another (rule 10 swaps); the offered lawyer accepts in the system. */
export interface SwapRequestedMail {
  swapRequestId: string;
  /** The lawyer the shift is offered to: the recipient. */
  lawyer: Recipient;
  /** The lawyer offering it. */
  from: Recipient;
  shift: ShiftSlot;
  station: StationRef;
  timezone: string;
}

export interface CaseRef {
  id: string;
  courtCaseNo: string;
  courtName: string;
  charges: string[];
  /** Shown as 张某 when `juvenile` (Art 23); never an ID number. */
  defendant: { name: string; juvenile: boolean };
}

/** Either may be missing from the court's notice (Art 7: the centre asks for it). */
export interface JudgeContact {
  name: string | null;
  phone: string | null;
}

/** Art 12: contact the judge within 3 days, read the file and meet the defendant within 7. */
export interface LawyerDeadlines {
  contactJudgeBy: string;
  fileReviewAndMeetingBy: string;
}

export interface AssignedMail {
  assignmentId: string;
  lawyer: Recipient;
  case: CaseRef;
  judge: JudgeContact;
  deadlines: LawyerDeadlines;
}

/** An offer of a case (issue 12 item 10): accept or decline by `respondBy` (an instant). */
export interface OfferedMail extends AssignedMail {
  respondBy: string;
}

export interface ReassignedMail extends AssignedMail {
  /** The lawyer the case moves away from; told separately. */
  previous: Recipient;
  reason: string;
}

export const HEARING_KINDS = ['pretrial_meeting', 'trial', 'verdict', 'postponed', 'suspended'] as const;
export type HearingKind = (typeof HEARING_KINDS)[number];

export interface HearingMail {
  hearing: {
    id: string;
    kind: HearingKind;
    /** Null for a postponement or suspension without a new date. */
    at: string | null;
    place?: string | null;
    /** Told fewer than three days ahead (Art 11). */
    shortNotice?: boolean;
    /** iCalendar SEQUENCE, so a calendar updates the event it already has. */
    sequence?: number;
    /** Called off (by a postponement or suspension, or by the court). */
    cancelled?: boolean;
  };
  change: 'added' | 'changed';
  lawyer: Recipient;
  case: CaseRef;
}

/** Art 17 grounds. */
export const TERMINATION_GROUNDS = TERMINATION_GROUND_CODES;
export type TerminationGround = TerminationGroundCode;

/** Art 17 grounds end the aid; `refused` (Art 5) ends only this lawyer's part. */
export type EndGround = TerminationGround | 'refused';

export interface TerminatedMail {
  /** The assignment that ends. */
  assignmentId: string;
  lawyer: Recipient;
  case: CaseRef;
  ground: EndGround;
  note?: string;
}

export interface ShiftReminderMail {
  lawyer: Recipient;
  station: StationRef;
  shift: ShiftSlot;
  timezone: string;
}

export type LawyerDeadlineKind = 'contact_judge' | 'file_review_and_meeting';

export interface DeadlineReminderMail {
  lawyer: Recipient;
  case: CaseRef;
  deadline: { kind: LawyerDeadlineKind; due: string };
}

/**
 * Mails to the legal aid center's own mailbox (LEGAL_AID_CENTER_EMAIL): events that need a
 * dispatcher and would otherwise wait unseen on the console.
 */
export interface AidOrderedMail {
  objectionId: string;
  case: CaseRef;
  /** The new Art 6 deadline, 3 days from the decision. */
  appointBy: string;
  note: string;
}

/** An offer declined or expired, and no next lawyer offered (nobody eligible, or no time before Art 6). */
export interface OfferStalledMail {
  /** The offer that ended. */
  assignmentId: string;
  case: CaseRef;
  lawyerName: string;
  end: 'declined' | 'expired';
  reason: string | null;
  stop: 'NO_ELIGIBLE_LAWYER' | 'OFFER_TOO_LATE';
  appointBy: string;
}

/** Art 13, 21: the court has not arranged a file reading by its date; the center steps in for the lawyer. */
export interface FileReadingOverdueMail {
  requestId: string;
  case: CaseRef;
  lawyerName: string;
  /** Instant of the request. */
  requestedAt: string;
  arrangeBy: string;
}

/** What a template returns: ready for the outbox. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

/** Settings every template needs. */
export interface MailContext {
  baseUrl: string;
  centerName: string;
  centerPhone: string;
  /** The court's time zone, for hearing times. */
  timezone: string;
  /** DTSTAMP of calendar attachments. */
  now: Date;
}
