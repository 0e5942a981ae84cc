import type { FileReading } from './cases';
import { api, type CallOptions, download } from './client';
import type { Answer, RequestBody } from './contract';

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

export type MyShift = Answer<'LawyerShiftsController_list'>[number];

export type StationRef = MyShift['station'];

export type DutyAction = MyShift['action'];

export type DutyLogAnswer = Answer<'DutyLogController_checkIn', 201>;

export type HelpRecord = NonNullable<Answer<'LedgerController_export'>['helpRecords']>[number];

export type HelpRecordInput = RequestBody<'HelpRecordsController_create'>;

export type PendingHelp = Answer<'LedgerController_pendingHelp'>[number];

export type SignOff = Answer<'LedgerController_signOffs'>[number];

/** The lawyer's own cases: GET /cases and /cases/:id answer a lawyer the same shapes (only their cases). */
export type MyCase = Answer<'CasesController_list'>[number];

export type MyCaseDetail = Answer<'CasesController_get'>;

export type Hearing = MyCaseDetail['hearings'][number];

export type Contact = NonNullable<MyCaseDetail['currentLawyer']>;

/** The lawyer's own assignments of the case: an offer to answer, or how an earlier one ended. */
export type MyAssignment = MyCaseDetail['assignments'][number];

export type Swap = Answer<'ShiftsController_listSwaps'>[number];

export type Colleague = Answer<'StationsController_members'>[number];

export type FeedUrls = Answer<'CalendarTokensController_issue', 201>;

const silent: CallOptions = { silent: true };

export const consoleClock = () => api<ConsoleClock & Answer<'ConsoleConfigController_get'>>('GET', '/console/config');

export const myShifts = (lawyerId: string, from: string, to: string) => api<MyShift[]>('GET', `/lawyers/${lawyerId}/shifts`, undefined, { query: { from, to } });
export const checkIn = (shiftId: string) => api<DutyLogAnswer>('POST', `/shifts/${shiftId}/check-in`, undefined, silent);
export const checkOut = (shiftId: string) => api<DutyLogAnswer>('POST', `/shifts/${shiftId}/check-out`, undefined, silent);

/** The lawyer's own help records of a station's day (the ledger answers only their own to a lawyer). */
export async function helpRecordsOf(stationId: string, date: string): Promise<HelpRecord[]> {
  const ledger = await api<{ helpRecords: HelpRecord[] } & Answer<'LedgerController_export'>>('GET', '/ledger', undefined, { query: { stationId, from: date, to: date, part: 'help' } });
  return ledger.helpRecords;
}
export const createHelpRecord = (input: HelpRecordInput) => api<Answer<'HelpRecordsController_create', 201>>('POST', '/help-records', input, silent);
export const updateHelpRecord = (id: string, input: RequestBody<'HelpRecordsController_update'>) => api<Answer<'HelpRecordsController_update'>>('PATCH', `/help-records/${id}`, input, silent);
export const pendingHelp = (stationId: string) => api<PendingHelp[]>('GET', '/ledger/pending-help', undefined, { ...silent, query: { stationId } });
export const signOffs = (stationId: string, date: string) => api<SignOff[]>('GET', '/ledger/sign-offs', undefined, { query: { stationId, from: date, to: date } });
export const signOff = (stationId: string, date: string) =>
  api<Answer<'LedgerController_sign', 201>>('POST', '/ledger/sign-offs', { stationId, date } satisfies RequestBody<'LedgerController_sign'>, silent);

export const myCases = () => api<MyCase[]>('GET', '/cases');
export const myCase = (id: string) => api<MyCaseDetail>('GET', `/cases/${id}`, undefined, silent);
export const appointmentLetter = (id: string) => download(`/cases/${id}/appointment-letter`, silent);
export const acceptOffer = (assignmentId: string) => api<Answer<'OffersController_accept'>>('POST', `/assignments/${assignmentId}/accept`, undefined, silent);
export const declineOffer = (assignmentId: string, reason: string) =>
  api<Answer<'OffersController_decline'>>('POST', `/assignments/${assignmentId}/decline`, { reason } satisfies RequestBody<'OffersController_decline'>, silent);
/** Art 13: the court arranges the reading within 3 working days of the request (or of the obstacle's removal). */
export const requestFileReading = (caseId: string, requestedAt: string) =>
  api<FileReading & Answer<'FileReadingController_request', 201>>('POST', `/cases/${caseId}/file-reading-requests`, { requestedAt } satisfies RequestBody<'FileReadingController_request'>, silent);

export const mySwaps = () => api<Swap[]>('GET', '/swap-requests');
export const colleagues = (stationId: string) => api<Colleague[]>('GET', `/stations/${stationId}/members`);
export const offerShift = (shiftId: string, toLawyerId: string) =>
  api<Answer<'ShiftsController_requestSwap', 201>>('POST', `/shifts/${shiftId}/swap-requests`, { toLawyerId } satisfies RequestBody<'ShiftsController_requestSwap'>, silent);
export const answerSwap = (id: string, answer: 'accept' | 'decline' | 'cancel') =>
  api<Answer<'ShiftsController_accept'> | Answer<'ShiftsController_decline'> | Answer<'ShiftsController_cancel'>>('POST', `/swap-requests/${id}/${answer}`, undefined, silent);

// Leave (请假): the lawyers API's own calls (api/lawyers.ts), for the lawyer's own id.

export const newFeedUrl = (lawyerId: string) => api<FeedUrls>('POST', `/lawyers/${lawyerId}/calendar-token`);
