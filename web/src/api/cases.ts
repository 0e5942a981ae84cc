import { api, download } from './client';
import type { Answer, RequestBody } from './contract';

/** The case API as the dispatcher's screens read it (the OpenAPI document's shapes of src/cases/case-views.service.ts). */
export type CaseSummary = Answer<'CasesController_list'>[number];

export type Warning = CaseSummary['warnings'][number];

export type Procedure = CaseSummary['procedure'];
export type HearingKind = RequestBody<'CasesController_addHearing'>['kind'];
export type TerminationGround = RequestBody<'CasesController_terminate'>['ground'];

export type CaseDetail = Answer<'CasesController_get'>;

export type AssignmentView = CaseDetail['assignments'][number];

/** The pick's explanation as an assignment stores it (older ones lack the newer fields; POST /cases/:id/assign answers it whole). */
export type Explanation = NonNullable<AssignmentView['explanation']>;

export type Ranked = Explanation['candidates'][number];

export type LawyerContact = NonNullable<CaseDetail['currentLawyer']>;

/** Art 13: a file-reading request, to be arranged within 3 working days. */
export type FileReading = CaseDetail['fileReadingRequests'][number];

export const listTodo = () => api<CaseSummary[]>('GET', '/cases', undefined, { query: { awaiting: true, sort: 'appointBy', limit: 500 } });
export const getCase = (id: string) => api<CaseDetail>('GET', `/cases/${id}`);
/** 指派 (direct, whatever ASSIGNMENT_DEFAULT_MODE says) or 发出邀请 (offer: the lawyer accepts or declines first). */
export const pick = (id: string, mode: 'direct' | 'offer' = 'direct') =>
  api<Answer<'CasesController_assign', 201>>('POST', `/cases/${id}/assign`, { mode } satisfies RequestBody<'CasesController_assign'>, { silent: true });
export const override = (id: string, lawyerId: string, reason: string) =>
  api<Answer<'CasesController_assign', 201>>('POST', `/cases/${id}/assign`, { lawyerId, reason } satisfies RequestBody<'CasesController_assign'>, { silent: true });
export const recordRefusal = (id: string, body: RequestBody<'CasesController_refuse'>) => api<Answer<'CasesController_refuse', 201>>('POST', `/cases/${id}/refusal`, body, { silent: true });
export const terminate = (id: string, body: RequestBody<'CasesController_terminate'>) => api<Answer<'CasesController_terminate', 201>>('POST', `/cases/${id}/terminate`, body, { silent: true });
export const addHearing = (id: string, body: RequestBody<'CasesController_addHearing'>) =>
  api<Answer<'CasesController_addHearing', 201>>('POST', `/cases/${id}/hearings`, body, { silent: true });
export const letter = (id: string) => download(`/cases/${id}/appointment-letter`);
export const convertProcedure = (id: string, procedure: Procedure) =>
  api<Answer<'CourtNoticesController_supplement'>>('PATCH', `/cases/${id}/notice`, { procedure } satisfies RequestBody<'CourtNoticesController_supplement'>, { silent: true });
export const arrangeFileReading = (id: string, arrangedAt: string) =>
  api<Answer<'FileReadingController_update'>>('PATCH', `/file-reading-requests/${id}`, { arrangedAt } satisfies RequestBody<'FileReadingController_update'>, { silent: true });
/** Art 18 objections ask why this lawyer: the stored pick ranked again from its snapshot, and "why not" one lawyer. */
export type Replay = Answer<'AssignmentReplayController_replay'>;
export const replayPick = (assignmentId: string, lawyerId?: string) =>
  api<Replay>('GET', `/assignments/${assignmentId}/replay`, undefined, { query: { lawyerId }, silent: true });
/** Art 13 / Art 21: the requests the court has not arranged in time, for the centre. */
export const overdueFileReadings = () => api<Answer<'FileReadingController_list'>>('GET', '/file-reading-requests', undefined, { query: { overdue: true } });
/** Art 18: objections to a refusal or termination of aid, reviewed by the justice bureau within 5 days. */
export type Objection = Answer<'CasesController_listObjections'>[number];
export type ObjectionOutcome = RequestBody<'CasesController_decideObjection'>['outcome'];
export const pendingObjections = () => api<Answer<'CasesController_listObjections'>>('GET', '/objections', undefined, { query: { status: 'pending' } });
export const decideObjection = (id: string, body: RequestBody<'CasesController_decideObjection'>) =>
  api<Answer<'CasesController_decideObjection', 201>>('POST', `/objections/${id}/decision`, body, { silent: true });
