import { api } from './client';
import type { CaseDetail, CaseSummary } from './cases';
import type { Answer, RequestBody } from './contract';

/**
 * The court clerk's calls (issue 11): the 通知辩护函 (Art 4), its dry run, the court's cases,
 * changing a hearing (Art 11; adding one is cases.ts's addHearing, the letter its letter).
 */

/** What POST /court-notices (and its dry run, /court-notices/validate) accepts. */
export type NoticeBody = RequestBody<'CourtNoticesController_receive'>;

/** What the notice becomes (the dry run answers it without caseId; sending adds it). */
export type NoticeOutcome = Answer<'CourtNoticesController_check'> & { caseId?: string };

export type HearingView = Answer<'CasesController_updateHearing'>;

const silent = { silent: true };

export const checkNotice = (body: NoticeBody) => api<NoticeOutcome>('POST', '/court-notices/validate', body, silent);
/** The key stays the same for one filled-in form: a retry after a lost answer returns the first case, never a second. */
export const sendNotice = (body: NoticeBody, idempotencyKey: string) =>
  api<Answer<'CourtNoticesController_receive', 201>>('POST', '/court-notices', body, { ...silent, headers: { 'Idempotency-Key': idempotencyKey } });
export const courtCases = (courtCaseNo?: string) => api<CaseSummary[]>('GET', '/cases', undefined, { ...silent, query: { limit: 1000, courtCaseNo } });
export const courtCase = (id: string) => api<CaseDetail>('GET', `/cases/${id}`, undefined, silent);
export const changeHearing = (id: string, body: RequestBody<'CasesController_updateHearing'>) =>
  api<HearingView>('PATCH', `/hearings/${id}`, body, silent);
