import { DataSource } from 'typeorm';
import type { TestApp } from '../helpers/app';
import { lawyerBody } from './lawyer.factory';
import { noticeBody } from './notice.factory';
import { createShift } from './shift.factory';
import { stationWithLawyers } from './station.factory';

/** The day the scenario's statistics are read: Tuesday 2026-10-20, 10:00 in Shanghai. */
export const STATS_TODAY = '2026-10-20T02:00:00Z';

export interface StatsScenario {
  stationId: string;
  /** Station members 甲, 乙, 丙 (in that order) and 丁, an active lawyer of no station. */
  lawyers: { id: string; name: string }[];
  /** Who the pick appointed in September (S1) and in October (O1). */
  appointedInSeptember: string;
  appointedInOctober: string;
}

/**
 * Two months of a small court, through the API (shifts straight into the database), with
 * figures small enough to check by hand:
 * - September: S1 ordinary, appointed on the day (Art 6 kept), no file-reading request by
 *   its Art 12 deadline 09-21; S2 fast-track, duty help not yet recorded.
 * - October (received 10-12): O1 appointed on the day, file reading requested 10-14 (Art 12
 *   kept); O2 still without a lawyer past appointBy; O3 retained counsel; O4 refused aid.
 *   Objections: one on O4 pending past its review day, one on O3 upheld on 10-13.
 * - Published shifts in October: 甲 two, 乙 one, 丙 none (a draft one does not count); 甲 one in September.
 * Ends with the clock at STATS_TODAY.
 */
export async function seedStatsScenario(t: TestApp): Promise<StatsScenario> {
  const dispatcher = t.as(await t.tokenFor('dispatcher'));
  const clerk = t.as(await t.tokenFor('court_clerk'));
  const supervisor = t.as(await t.tokenFor('supervisor'));
  const names = ['甲律师', '乙律师', '丙律师'];
  let n = 0;
  const station = await stationWithLawyers(dispatcher, 3, (o) => lawyerBody({ ...o, name: names[n++] }));
  const outsider = (
    await dispatcher
      .post('/api/v1/lawyers')
      .send(lawyerBody({ name: '丁律师' }))
      .expect(201)
  ).body;
  const notice = async (over: Record<string, unknown> = {}) =>
    (await clerk.post('/api/v1/court-notices').send(noticeBody(station.stationId, over)).expect(201)).body.caseId as string;
  const assign = async (caseId: string) =>
    (await dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201)).body.assignment.lawyerId as string;

  t.clock.set('2026-09-14T02:00:00Z');
  const appointedInSeptember = await assign(await notice());
  await notice({ procedure: 'fast_track', trialAt: undefined });

  t.clock.set('2026-10-12T02:00:00Z');
  const o1 = await notice();
  const appointedInOctober = await assign(o1);
  await notice();
  const o3 = await notice({ defendant: { hasRetainedCounsel: true } });
  const o4 = await notice({ defendant: { refusedAid: true } });
  const objection = (caseId: string) =>
    supervisor
      .post(`/api/v1/cases/${caseId}/objections`)
      .send({ decisionReceivedOn: '2026-10-12', grounds: '不服不予援助决定' })
      .expect(201);
  await objection(o4);
  const upheld = (await objection(o3)).body.id;

  t.clock.set('2026-10-13T02:00:00Z');
  await supervisor.post(`/api/v1/objections/${upheld}/decision`).send({ outcome: 'upheld', note: '被告人已委托辩护人' }).expect(201);

  t.clock.set('2026-10-14T02:00:00Z');
  await t
    .as(await t.tokenFor('lawyer', appointedInOctober))
    .post(`/api/v1/cases/${o1}/file-reading-requests`)
    .send({ requestedAt: '2026-10-14T10:00:00+08:00' })
    .expect(201);

  const ds = t.app.get(DataSource);
  const [jia, yi, bing] = station.lawyers;
  for (const [lawyerId, date] of [
    [jia.id, '2026-09-15'],
    [jia.id, '2026-10-12'],
    [jia.id, '2026-10-13'],
    [yi.id, '2026-10-14'],
  ]) {
    await createShift(ds, { stationId: station.stationId, date, lawyerId });
  }
  await createShift(ds, { stationId: station.stationId, date: '2026-10-15', lawyerId: bing.id, status: 'draft' });

  t.clock.set(STATS_TODAY);
  return {
    stationId: station.stationId,
    lawyers: [...station.lawyers, outsider].map((l: { id: string; name: string }) => ({ id: l.id, name: l.name })),
    appointedInSeptember,
    appointedInOctober,
  };
}
