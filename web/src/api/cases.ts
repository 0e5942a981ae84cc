import { api, download } from './client';

/** The case API as the dispatcher's screens read it (shapes of src/cases/case-views.service.ts). */
export interface Warning {
  code: string;
  message?: string;
}

export interface CaseSummary {
  id: string;
  courtCaseNo: string;
  courtName: string;
  stationId: string;
  procedure: string;
  charges: string[];
  possibleSentence: string | null;
  defendantName: string;
  juvenile: boolean;
  route: string;
  routeReason: string;
  status: string;
  mandatoryGrounds: string[];
  missingFields: string[];
  warnings: Warning[];
  judge: { name?: string; phone?: string };
  trialAt: string | null;
  trialPlace: string | null;
  receivedAt: string;
  relatedCaseNos: string[];
  deadlines: Record<string, string | undefined> & { appointBy: string };
  overdue: { appointBy: boolean };
  daysLeft: { appointBy: number | null };
  currentLawyerId: string | null;
  terminationGround: string | null;
}

export interface Ranked {
  lawyerId: string;
  name?: string;
  rank: number;
  poolTier: string;
  recentAppointments: number;
  weight: number;
  score: number;
}

export interface Explanation {
  chosen: { lawyerId: string; decidedBy: string; why: string } | null;
  candidates: Ranked[];
  excluded: { lawyerId: string; name?: string; reason: string; reasons?: string[] }[];
  eligibleCount?: number;
  /** The whole pool's exclusions by reason; `excluded` lists only the nearest ones by name. */
  excludedCount?: number;
  excludedByReason?: Record<string, number>;
}

export interface LawyerContact {
  id: string;
  name: string;
  firm: string;
  phone: string;
  email: string;
}

export interface AssignmentView {
  id: string;
  lawyerId: string;
  kind: string;
  reason: string | null;
  status: string;
  appointedAt: string;
  /** An offer's answer deadline (instant in the court's zone); endReason: a decline's reason, or why it expired. */
  respondBy?: string | null;
  endReason?: string | null;
  explanation: Explanation;
  lawyer: LawyerContact | null;
}

export interface CaseDetail extends CaseSummary {
  notice: {
    offenceDate?: string;
    defendant: {
      name?: string;
      birthDate?: string;
      gender?: string;
      detained?: boolean;
      detentionPlace?: string;
      address?: string;
      phone?: string;
      disabilities?: string[];
    };
    indictmentAttached?: boolean;
  };
  currentLawyer: LawyerContact | null;
  assignments: AssignmentView[];
  hearings: { id: string; kind: string; at: string | null; place: string | null; warnings?: Warning[] }[];
  refusals: { id: string; justified: boolean; reason: string; recordedAt: string }[];
  fileReadingRequests?: FileReading[];
  audit: { id: string; at: string; action: string; actorRole: string | null; summary: Record<string, unknown> | null }[];
}

/** Art 13: a file-reading request, to be arranged within 3 working days. */
export interface FileReading {
  id: string;
  requestedAt: string;
  obstacleClearedAt: string | null;
  arrangeBy: string;
  arrangedAt: string | null;
  overdue: boolean;
}

export const listTodo = () => api<CaseSummary[]>('GET', '/cases', undefined, { query: { awaiting: true, sort: 'appointBy', limit: 500 } });
export const getCase = (id: string) => api<CaseDetail>('GET', `/cases/${id}`);
/** 指派 (direct, whatever ASSIGNMENT_DEFAULT_MODE says) or 发出邀请 (offer: the lawyer accepts or declines first). */
export const pick = (id: string, mode: 'direct' | 'offer' = 'direct') =>
  api<{ explanation: Explanation }>('POST', `/cases/${id}/assign`, { mode }, { silent: true });
export const override = (id: string, lawyerId: string, reason: string) =>
  api<{ explanation: Explanation }>('POST', `/cases/${id}/assign`, { lawyerId, reason }, { silent: true });
export const recordRefusal = (id: string, body: { justified: boolean; reason: string }) => api('POST', `/cases/${id}/refusal`, body, { silent: true });
export const terminate = (id: string, body: { ground: string; note?: string }) => api('POST', `/cases/${id}/terminate`, body, { silent: true });
export const addHearing = (id: string, body: { kind: string; at?: string; place?: string }) =>
  api<{ warnings?: Warning[] }>('POST', `/cases/${id}/hearings`, body, { silent: true });
export const letter = (id: string) => download(`/cases/${id}/appointment-letter`);
export const convertProcedure = (id: string, procedure: string) => api('PATCH', `/cases/${id}/notice`, { procedure }, { silent: true });
export const arrangeFileReading = (id: string, arrangedAt: string) => api('PATCH', `/file-reading-requests/${id}`, { arrangedAt }, { silent: true });
