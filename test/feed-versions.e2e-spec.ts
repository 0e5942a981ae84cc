import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { onPostgres, startApp, TEST_DATABASE_URL, TestApp } from './helpers/app';
import { caseSetup, CaseSetup } from './helpers/case-setup';

/**
 * The feeds' ETag comes from counters the writers bump (src/feed-versions/feed-versions.ts):
 * every kind of change a feed shows, made through the API on one instance, must give the
 * other instance (same database, its own feed cache) a new ETag and the body the writing
 * instance builds, in the very next request. A change the feeds do not show keeps the ETag.
 * On SQLite (one file) and, under scripts/with-postgres.sh, PostgreSQL.
 */
describe('feed counters: every change a feed shows, seen by the other instance at once (e2e)', () => {
  let dir: string;
  let s: CaseSetup;
  let reader: TestApp;
  let wang: { id: string };
  let li: { id: string };
  let paths: { wang: string; li: string; station: string; stationNames: string };
  let caseId: string;

  const read = async (t: TestApp, path: string) => {
    const res = await request(t.app.getHttpServer())
      .get(path)
      .buffer(true)
      .parse((r, done) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => done(null, text));
      });
    expect(res.status).toBe(200);
    return { etag: String(res.headers.etag), body: res.body as string };
  };
  const all = () => Object.values(paths);

  /** Reads the feeds on the reader, runs the change on the writer, and returns which feeds changed there. */
  async function change(work: () => Promise<unknown>): Promise<{ changed: string[]; bodies: Record<string, string> }> {
    const before = new Map<string, string>();
    for (const p of all()) before.set(p, (await read(reader, p)).etag);
    await work();
    const changed: string[] = [];
    const bodies: Record<string, string> = {};
    for (const [name, p] of Object.entries(paths)) {
      const after = await read(reader, p);
      bodies[name] = after.body;
      if (after.etag === before.get(p)) continue;
      changed.push(name);
      // What the reader now serves is what the writer builds for the same state.
      expect(after).toEqual(await read(s.t, p));
    }
    return { changed: changed.sort(), bodies };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'feed-versions-'));
    const url = onPostgres ? TEST_DATABASE_URL : `sqlite:${join(dir, 'duty.sqlite')}`;
    s = await caseSetup({ env: { DATABASE_URL: url } });
    reader = await startApp({ now: '2026-10-12T02:00:00Z', env: { DATABASE_URL: url }, keepSchema: true });
    const lawyer = (name: string, licenseNo: string) =>
      s.lawyer({ name, licenseNo, juvenileExperience: true, dutyStationIds: [s.stationId] }) as Promise<{ id: string }>;
    wang = await lawyer('王律师', '10000000000000101');
    li = await lawyer('李律师', '10000000000000102');
    const token = async (id: string) =>
      new URL((await s.dispatcher.post(`/api/v1/lawyers/${id}/calendar-token`).expect(201)).body.url as string).pathname;
    const station = `/calendar/stations/${s.stationId}.ics?token=`;
    paths = {
      wang: await token(wang.id),
      li: await token(li.id),
      station: `${station}${await s.t.tokenFor('dispatcher')}`,
      stationNames: `${station}${await s.t.tokenFor('court_clerk')}`,
    };
  });

  afterAll(async () => {
    await reader?.close();
    await s?.t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a published roster shows in its lawyers’ feeds and the station’s (a draft shows nowhere)', async () => {
    let rosterId = '';
    const draft = await change(async () => {
      const roster = await s.dispatcher.post(`/api/v1/stations/${s.stationId}/rosters`).send({ from: '2026-10-12', to: '2026-10-16' });
      expect(roster.status).toBe(201);
      rosterId = roster.body.id as string;
    });
    expect(draft.changed).toEqual([]);
    const published = await change(() => s.dispatcher.post(`/api/v1/rosters/${rosterId}/publish`).expect(200));
    expect(published.changed).toEqual(['li', 'station', 'stationNames', 'wang']);
    expect(published.bodies.wang).toContain('值班：');
  });

  it('an override and an accepted swap move a shift between both lawyers’ feeds and change the station’s', async () => {
    const shifts = (await s.dispatcher.get(`/api/v1/stations/${s.stationId}/shifts?from=2026-10-12&to=2026-10-16`).expect(200))
      .body as Array<{ id: string; lawyerId: string }>;
    const ofWang = shifts.find((x) => x.lawyerId === wang.id)!;
    const override = await change(() =>
      s.dispatcher.patch(`/api/v1/shifts/${ofWang.id}`).send({ lawyerId: li.id, reason: '临时调整' }).expect(200),
    );
    expect(override.changed).toEqual(['li', 'station', 'stationNames', 'wang']);
    const liUser = await s.asLawyer(li.id);
    const wangUser = await s.asLawyer(wang.id);
    const swap = await change(async () => {
      const asked = await liUser.post(`/api/v1/shifts/${ofWang.id}/swap-requests`).send({ toLawyerId: wang.id }).expect(201);
      await wangUser.post(`/api/v1/swap-requests/${asked.body.id}/accept`).expect(200);
    });
    expect(swap.changed).toEqual(['li', 'station', 'stationNames', 'wang']);
  });

  it('a station’s new name shows in every feed with its shifts; a lawyer’s new phone in the station feeds', async () => {
    const renamed = await change(() =>
      s.dispatcher.patch(`/api/v1/stations/${s.stationId}`).send({ name: '刑事值班室（新）' }).expect(200),
    );
    expect(renamed.changed).toEqual(['li', 'station', 'stationNames', 'wang']);
    expect(renamed.bodies.wang).toContain('刑事值班室（新）');
    const phone = await change(() => s.dispatcher.patch(`/api/v1/lawyers/${li.id}`).send({ phone: '13900000102' }).expect(200));
    expect(phone.changed).toEqual(['li', 'station', 'stationNames']);
    expect(phone.bodies.station).toContain('13900000102');
  });

  it('leave taken after publishing changes no feed (the shifts stay until a dispatcher moves them)', async () => {
    const leave = await change(() =>
      s.dispatcher
        .post(`/api/v1/lawyers/${wang.id}/unavailability`)
        .send({ from: '2026-11-02', to: '2026-11-03', reason: '年假' })
        .expect(201),
    );
    expect(leave.changed).toEqual([]);
  });

  it('a case’s appointment, hearings, notice changes, file reading and termination show in its lawyer’s feed only', async () => {
    const notice = await s.notice({ offenceDate: '2026-03-01', defendant: { name: '王小明', birthDate: '2008-06-01' } });
    caseId = notice.caseId as string;
    const assigned = await change(() =>
      s.dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({ lawyerId: wang.id, reason: '熟悉案情' }).expect(201),
    );
    expect(assigned.changed).toEqual(['wang']);
    expect(assigned.bodies.wang).toContain('期限：联系承办法官');
    let hearingId = '';
    const hearing = await change(async () => {
      const res = await s.clerk
        .post(`/api/v1/cases/${caseId}/hearings`)
        .send({ kind: 'trial', at: '2026-11-20T09:00:00+08:00', place: '第五法庭' });
      expect(res.status).toBe(201);
      hearingId = res.body.id as string;
    });
    expect(hearing.changed).toEqual(['wang']);
    expect(hearing.bodies.wang).toContain('第五法庭');
    const moved = await change(() => s.clerk.patch(`/api/v1/hearings/${hearingId}`).send({ place: '第六法庭' }).expect(200));
    expect(moved.changed).toEqual(['wang']);
    expect(moved.bodies.wang).toContain('第六法庭');
    const supplement = await change(() => s.clerk.patch(`/api/v1/cases/${caseId}/notice`).send({ trialPlace: '第七法庭' }).expect(200));
    expect(supplement.changed).toEqual(['wang']);
    const wangUser = await s.asLawyer(wang.id);
    const reading = await change(() =>
      wangUser.post(`/api/v1/cases/${caseId}/file-reading-requests`).send({ requestedAt: '2026-10-12T08:30:00+08:00' }).expect(201),
    );
    expect(reading.changed).toEqual(['wang']);
    expect(reading.bodies.wang).toContain('期限：法院安排阅卷');
    const ended = await change(() => s.dispatcher.post(`/api/v1/cases/${caseId}/terminate`).send({ ground: 'self_retained' }).expect(201));
    expect(ended.changed).toEqual(['wang']);
    expect(ended.bodies.wang).not.toContain('第六法庭');
  });

  it('a refusal moves the case from one lawyer’s feed to the next one’s', async () => {
    const notice = await s.notice({ offenceDate: '2026-03-01', defendant: { name: '李小红', birthDate: '2008-07-01' } });
    const id = notice.caseId as string;
    await s.dispatcher.post(`/api/v1/cases/${id}/assign`).send({ lawyerId: wang.id, reason: '熟悉案情' }).expect(201);
    const refused = await change(() =>
      s.dispatcher.post(`/api/v1/cases/${id}/refusal`).send({ justified: true, reason: '被告人拒绝' }).expect(201),
    );
    expect(refused.changed).toContain('wang');
    expect(refused.changed).not.toContain('station');
  });
});
