import { api } from './client';
import type { CaseDetail, CaseSummary, Warning } from './cases';

/**
 * The court clerk's calls (issue 11): the 通知辩护函 (Art 4), its dry run, the court's cases,
 * changing a hearing (Art 11; adding one is cases.ts's addHearing, the letter its letter).
 */

export interface NoticeBody {
  courtCaseNo: string;
  courtName: string;
  stationId: string;
  procedure: string;
  charges: string[];
  possibleSentence?: string;
  offenceDate: string;
  defendant: {
    name: string;
    idNumber?: string;
    birthDate: string;
    gender?: string;
    detained: boolean;
    detentionPlace?: string;
    address?: string;
    phone?: string;
    disabilities?: string[];
    hasRetainedCounsel?: boolean;
    refusedAid?: boolean;
  };
  judge: { name?: string; phone?: string };
  trialAt?: string;
  trialPlace?: string;
  indictmentAttached: boolean;
  relatedCaseNos?: string[];
  trialInAbsentia?: boolean;
  deathPenaltyReview?: boolean;
  otherMandatoryGround?: string;
}

/** What the notice becomes (the dry run answers it without caseId; sending adds it). */
export interface NoticeOutcome {
  caseId?: string;
  route: string;
  routeReason: string;
  status: string;
  juvenile: boolean;
  mandatoryGrounds: string[];
  missingFields: string[];
  warnings: Warning[];
  deadlines: Record<string, string | undefined>;
}

export interface HearingView {
  id: string;
  kind: string;
  at: string | null;
  place: string | null;
  cancelled: boolean;
  warnings: Warning[];
}

const silent = { silent: true };

export const checkNotice = (body: NoticeBody) => api<NoticeOutcome>('POST', '/court-notices/validate', body, silent);
/** The key stays the same for one filled-in form: a retry after a lost answer returns the first case, never a second. */
export const sendNotice = (body: NoticeBody, idempotencyKey: string) =>
  api<NoticeOutcome & { caseId: string }>('POST', '/court-notices', body, { ...silent, headers: { 'Idempotency-Key': idempotencyKey } });
export const courtCases = (courtCaseNo?: string) => api<CaseSummary[]>('GET', '/cases', undefined, { ...silent, query: { limit: 1000, courtCaseNo } });
export const courtCase = (id: string) => api<CaseDetail & { hearings: HearingView[] }>('GET', `/cases/${id}`, undefined, silent);
export const changeHearing = (id: string, body: { at?: string; place?: string; cancelled?: boolean }) =>
  api<HearingView>('PATCH', `/hearings/${id}`, body, silent);
