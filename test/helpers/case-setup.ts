import { lawyerBody } from '../factories/lawyer.factory';
import { noticeBody } from '../factories/notice.factory';
import { createStation } from '../factories/station.factory';
import { startApp, StartOptions } from './app';

/** An app with a clerk, a dispatcher, a station, and one-call makers for lawyers and notices. */
export async function caseSetup(options: StartOptions = {}) {
  const t = await startApp({ now: '2026-10-12T02:00:00Z', ...options });
  const clerk = t.as(await t.tokenFor('court_clerk'));
  const dispatcher = t.as(await t.tokenFor('dispatcher'));
  const stationId = (await createStation(t)).id;
  const lawyer = async (o: Record<string, unknown> = {}) => (await dispatcher.post('/api/v1/lawyers').send(lawyerBody(o)).expect(201)).body;
  const notice = async (o: Record<string, unknown> = {}) =>
    (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId, o)).expect(201)).body;
  /** A lawyer user's agent for a lawyer id. */
  const asLawyer = async (lawyerId: string) => t.as(await t.tokenFor('lawyer', lawyerId));
  return { t, clerk, dispatcher, stationId, lawyer, notice, asLawyer };
}
export type CaseSetup = Awaited<ReturnType<typeof caseSetup>>;
