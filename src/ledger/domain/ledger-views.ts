import type { AttendanceStatus } from './duty-rules';
import type { HelpType } from './help-types';

/** Who recorded a check-in or check-out for the lawyer, and the reason they gave. */
export interface OnBehalf {
  recordedBy: string;
  recordedByName: string | null;
  reason: string | null;
}

/** One shift of the ledger as the API returns it; instants with the station's offset. */
export interface DutyRecordView {
  shiftId: string;
  date: string;
  templateName: string;
  start: string;
  end: string;
  lawyerId: string | null;
  lawyerName: string | null;
  firm: string | null;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  /** Ids of the original entries: what a correction names. */
  checkInEntryId: string | null;
  checkOutEntryId: string | null;
  checkInCorrected: boolean;
  checkOutCorrected: boolean;
  /** Recorded by someone else on the lawyer's behalf (the dispatcher, Art 2 ledger), with why; null when the lawyer did. */
  checkInOnBehalf: OnBehalf | null;
  checkOutOnBehalf: OnBehalf | null;
  attendance: AttendanceStatus;
  lateByMinutes: number;
  signedOffAt: string | null;
}

/** One help record as the API returns it; corrected records stay, marked `current: false`. */
export interface HelpRecordView {
  id: string;
  shiftId: string;
  stationId: string;
  date: string;
  lawyerId: string;
  lawyerName: string | null;
  caseId: string | null;
  courtCaseNo: string;
  defendantName: string;
  helpType: HelpType;
  summary: string;
  startedAt: string;
  endedAt: string;
  correctsId: string | null;
  correctionReason: string | null;
  correctedById: string | null;
  current: boolean;
  afterSignOff: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
