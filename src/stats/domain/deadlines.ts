import type { LocalDate } from '../../common/local-date';
import type { CoverageCase } from './coverage';
import { ratio } from './inequality';

export interface Art6Compliance {
  /** Defendants appointed a lawyer, and how many within the 3 days. */
  appointed: number;
  onTime: number;
  late: number;
  /** Appointed defence still without a lawyer after appointBy. */
  overdueUnappointed: number;
  /** onTime ÷ (appointed + overdueUnappointed): a case left waiting is a miss too. */
  rate: number | null;
}

const OPEN_WITHOUT_LAWYER = new Set(['received', 'incomplete', 'ready', 'offered', 'refused', 'awaiting_defender']);

/** Art 6: the centre appoints within 3 days of receiving the notice. */
export function art6Compliance(cases: readonly CoverageCase[], today: LocalDate): Art6Compliance {
  let appointed = 0;
  let onTime = 0;
  let overdueUnappointed = 0;
  for (const c of cases) {
    if (c.firstAppointedOn) {
      appointed += 1;
      if (c.firstAppointedOn <= c.appointBy) onTime += 1;
    } else if (c.route === 'appointed_defence' && OPEN_WITHOUT_LAWYER.has(c.status) && c.appointBy < today) {
      overdueUnappointed += 1;
    }
  }
  return { appointed, onTime, late: appointed - onTime, overdueUnappointed, rate: ratio(onTime, appointed + overdueUnappointed) };
}

/** One appointment as the Art 12 check sees it. */
export interface Art12Appointment {
  /** Art 12: file reading and meeting the defendant within 7 days of the appointment. */
  fileReviewBy: LocalDate;
  /** Court-local date of the lawyer's first file-reading request in the case (Art 13), if any. */
  fileReadingRequestedOn: LocalDate | null;
}

export interface Art12Compliance {
  appointments: number;
  onTime: number;
  late: number;
  /** Past the deadline with no request at all. */
  overdue: number;
  /** Not due yet and not requested yet: neither kept nor missed. */
  pending: number;
  rate: number | null;
}

/**
 * Art 12's file reading, measured by what the system records: the lawyer's file-reading
 * request (Art 13) on or before fileReviewBy. Contacting the judge (3 days) and the meeting
 * leave no record here, so they are not measured.
 */
export function art12Compliance(appointments: readonly Art12Appointment[], today: LocalDate): Art12Compliance {
  const r = { appointments: appointments.length, onTime: 0, late: 0, overdue: 0, pending: 0 };
  for (const a of appointments) {
    if (a.fileReadingRequestedOn) {
      if (a.fileReadingRequestedOn <= a.fileReviewBy) r.onTime += 1;
      else r.late += 1;
    } else if (a.fileReviewBy < today) r.overdue += 1;
    else r.pending += 1;
  }
  return { ...r, rate: ratio(r.onTime, r.onTime + r.late + r.overdue) };
}
