import type { FileReading } from './cases';
import { api, type CallOptions, download } from './client';

/**
 * What a lawyer's own screens call (API.md v1.1 "Lawyers act for themselves"). Shapes follow
 * src/ledger/lawyer-shifts.service.ts, src/ledger/domain/ledger-views.ts,
 * src/cases/case-views.service.ts, src/stations/swaps.service.ts.
 */

/** The court's zone and the server's clock (GET /api/v1/console/config). */
export interface ConsoleClock {
  timezone: string;
  /** ISO instant with the court's offset. */
  now: string;
  /** YYYY-MM-DD in the court's zone. */
  today: string;
}

export interface StationRef {
  id: string;
  name: string;
  courtName: string;
  timezone: string;
  fallbackPhone: string;
}

export type DutyAction = 'check_in' | 'check_out' | null;

export interface MyShift {
  id: string;
  date: string;
  templateName: string;
  start: string;
  end: string;
  startsAt: string;
  endsAt: string;
  station: StationRef;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  attendance: string;
  lateByMinutes: number;
  signedOffAt: string | null;
  action: DutyAction;
}

export interface DutyLogAnswer {
  kind: 'check_in' | 'check_out';
  at: string;
  status?: string;
  lateByMinutes?: number;
}

export interface HelpRecord {
  id: string;
  shiftId: string;
  stationId: string;
  date: string;
  caseId: string | null;
  courtCaseNo: string;
  defendantName: string;
  helpType: string;
  summary: string;
  startedAt: string;
  endedAt: string;
  current: boolean;
  afterSignOff: boolean;
}

export interface HelpRecordInput {
  shiftId: string;
  caseId?: string;
  courtCaseNo?: string;
  defendantName?: string;
  helpType: string;
  summary: string;
  startedAt: string;
  endedAt: string;
}

export interface PendingHelp {
  caseId: string;
  courtCaseNo: string;
  defendantName: string;
  procedure: string;
  charges: string[];
  detained: boolean;
  detentionPlace: string | null;
  trialAt: string | null;
}

export interface SignOff {
  lawyerId: string;
  stationId: string;
  date: string;
  signedAt: string;
}

export interface Hearing {
  id: string;
  kind: string;
  at: string;
  place: string | null;
}

export interface Contact {
  id: string;
  name: string;
  firm: string;
  phone: string;
  email: string;
}

export interface MyCase {
  id: string;
  courtCaseNo: string;
  courtName: string;
  procedure: string;
  charges: string[];
  defendantName: string;
  juvenile: boolean;
  route: string;
  status: string;
  judge: { name?: string; phone?: string };
  trialAt: string | null;
  trialPlace: string | null;
  receivedAt: string;
  deadlines: { appointBy: string; contactJudgeBy?: string; fileReviewAndMeetingBy?: string };
  daysLeft: { appointBy: number | null; contactJudgeBy?: number | null; fileReviewAndMeetingBy?: number | null };
  currentLawyerId: string | null;
}

/** The lawyer's own assignments of the case: an offer to answer, or how an earlier one ended. */
export interface MyAssignment {
  id: string;
  lawyerId: string;
  status: string;
  respondBy: string | null;
  endReason: string | null;
}

export interface MyCaseDetail extends MyCase {
  currentLawyer: Contact | null;
  assignments: MyAssignment[];
  fileReadingRequests: FileReading[];
  hearings: Hearing[];
  notice: { defendant: { detained?: boolean; detentionPlace?: string } };
}

export interface Swap {
  id: string;
  shiftId: string;
  fromLawyerId: string;
  toLawyerId: string;
  fromLawyerName: string | null;
  toLawyerName: string | null;
  status: 'pending' | 'accepted' | 'declined' | 'cancelled';
  createdAt: string;
  shift: { date: string; templateName: string; start: string; end: string; startsAt: string };
  station: { id: string; name: string; courtName: string };
}

export interface Colleague {
  id: string;
  name: string;
  firm: string;
}

export interface FeedUrls {
  url: string;
  webcalUrl: string;
}

const silent: CallOptions = { silent: true };

export const consoleClock = () => api<ConsoleClock>('GET', '/console/config');

export const myShifts = (lawyerId: string, from: string, to: string) => api<MyShift[]>('GET', `/lawyers/${lawyerId}/shifts`, undefined, { query: { from, to } });
export const checkIn = (shiftId: string) => api<DutyLogAnswer>('POST', `/shifts/${shiftId}/check-in`, undefined, silent);
export const checkOut = (shiftId: string) => api<DutyLogAnswer>('POST', `/shifts/${shiftId}/check-out`, undefined, silent);

/** The lawyer's own help records of a station's day (the ledger answers only their own to a lawyer). */
export async function helpRecordsOf(stationId: string, date: string): Promise<HelpRecord[]> {
  const ledger = await api<{ helpRecords: HelpRecord[] }>('GET', '/ledger', undefined, { query: { stationId, from: date, to: date, part: 'help' } });
  return ledger.helpRecords;
}
export const createHelpRecord = (input: HelpRecordInput) => api<HelpRecord>('POST', '/help-records', input, silent);
export const updateHelpRecord = (id: string, input: Partial<HelpRecordInput>) => api<HelpRecord>('PATCH', `/help-records/${id}`, input, silent);
export const pendingHelp = (stationId: string) => api<PendingHelp[]>('GET', '/ledger/pending-help', undefined, { ...silent, query: { stationId } });
export const signOffs = (stationId: string, date: string) => api<SignOff[]>('GET', '/ledger/sign-offs', undefined, { query: { stationId, from: date, to: date } });
export const signOff = (stationId: string, date: string) => api<SignOff>('POST', '/ledger/sign-offs', { stationId, date }, silent);

export const myCases = () => api<MyCase[]>('GET', '/cases');
export const myCase = (id: string) => api<MyCaseDetail>('GET', `/cases/${id}`, undefined, silent);
export const appointmentLetter = (id: string) => download(`/cases/${id}/appointment-letter`, silent);
export const acceptOffer = (assignmentId: string) => api<unknown>('POST', `/assignments/${assignmentId}/accept`, undefined, silent);
export const declineOffer = (assignmentId: string, reason: string) => api<unknown>('POST', `/assignments/${assignmentId}/decline`, { reason }, silent);
/** Art 13: the court arranges the reading within 3 working days of the request (or of the obstacle's removal). */
export const requestFileReading = (caseId: string, requestedAt: string) =>
  api<FileReading>('POST', `/cases/${caseId}/file-reading-requests`, { requestedAt }, silent);

export const mySwaps = () => api<Swap[]>('GET', '/swap-requests');
export const colleagues = (stationId: string) => api<Colleague[]>('GET', `/stations/${stationId}/members`);
export const offerShift = (shiftId: string, toLawyerId: string) => api<Swap>('POST', `/shifts/${shiftId}/swap-requests`, { toLawyerId }, silent);
export const answerSwap = (id: string, answer: 'accept' | 'decline' | 'cancel') => api<unknown>('POST', `/swap-requests/${id}/${answer}`, undefined, silent);

// Leave (请假): the lawyers API's own calls (api/lawyers.ts), for the lawyer's own id.

export const newFeedUrl = (lawyerId: string) => api<FeedUrls>('POST', `/lawyers/${lawyerId}/calendar-token`);
