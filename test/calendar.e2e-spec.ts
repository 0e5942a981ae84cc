import { DataSource, IsNull } from 'typeorm';
import { CalendarToken } from '../src/calendar/calendar-token.entity';
import * as ics from '../src/calendar/domain/ics-calendar';
import { CalendarFixtures } from './factories/calendar-fixtures';
import { lawyerBody } from './factories/lawyer.factory';
import { parseFeed, ParsedEvent } from './helpers/ical';
import { startApp, TestApp } from './helpers/app';

/** Run under TZ=UTC and TZ=America/New_York too: the feed must not depend on the server's zone. */
describe('calendar feeds (e2e)', () => {
  let t: TestApp;
  let f: CalendarFixtures;
  let dispatcher: ReturnType<TestApp['as']>;
  let station: Awaited<ReturnType<CalendarFixtures['station']>>;
  let wang: { id: string; phone: string };
  let li: { id: string; phone: string };

  const pathOf = (url: string): string => new URL(url).pathname;
  const issue = async (lawyerId: string, as = dispatcher) =>
    (await as.post(`/api/v1/lawyers/${lawyerId}/calendar-token`).expect(201)).body as { url: string; webcalUrl: string };
  const feed = async (path: string, etag?: string) => {
    const req = t.http.get(path);
    if (etag) req.set('If-None-Match', etag);
    return req.buffer(true).parse((res, cb) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => cb(null, text));
    });
  };
  const events = async (path: string): Promise<ParsedEvent[]> => {
    const res = await feed(path);
    expect(res.status).toBe(200);
    return parseFeed(res.body as string).events;
  };
  const byUid = (list: ParsedEvent[], uidPart: string) => list.find((e) => e.uid.includes(uidPart));

  beforeAll(async () => {
    t = await startApp({ now: '2026-10-12T02:00:00Z', env: { PUBLIC_BASE_URL: 'https://duty.example.org' } });
    f = new CalendarFixtures(t.app, () => t.clock.now());
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    wang = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name: '王律师' }))
        .expect(201)
    ).body;
    li = (
      await dispatcher
        .post('/api/v1/lawyers')
        .send(lawyerBody({ name: '李律师' }))
        .expect(201)
    ).body;
    station = await f.station();
  });
  afterAll(() => t.close());

  describe('tokens', () => {
    it('gives a lawyer their own https and webcal:// URLs with ≥ 128 random bits, stored only hashed', async () => {
      const own = t.as(await t.tokenFor('lawyer', wang.id));
      const { url, webcalUrl } = await issue(wang.id, own);
      const match = /^https:\/\/duty\.example\.org\/calendar\/lawyers\/([A-Za-z0-9_-]+)\.ics$/.exec(url);
      expect(match).not.toBeNull();
      const secret = match![1].replace(/^cal_/, '');
      expect(Buffer.from(secret, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
      expect(webcalUrl).toBe(url.replace('https://', 'webcal://'));
      const stored = await t.app.get(DataSource).query('SELECT * FROM calendar_tokens');
      expect(JSON.stringify(stored)).not.toContain(secret);
    });

    it('403 for another lawyer or a court clerk, 401 without a bearer, 404 for an unknown lawyer', async () => {
      const own = t.as(await t.tokenFor('lawyer', wang.id));
      await own.post(`/api/v1/lawyers/${li.id}/calendar-token`).expect(403);
      await t
        .as(await t.tokenFor('court_clerk'))
        .post(`/api/v1/lawyers/${li.id}/calendar-token`)
        .expect(403);
      await t.http.post(`/api/v1/lawyers/${li.id}/calendar-token`).expect(401);
      await dispatcher.post('/api/v1/lawyers/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01/calendar-token').expect(404);
      await dispatcher.post('/api/v1/lawyers/not-a-uuid/calendar-token').expect(404);
    });

    it('a new token revokes the old; revoked and unknown tokens get the same bare 404', async () => {
      const first = await issue(li.id);
      expect((await feed(pathOf(first.url))).status).toBe(200);
      const second = await issue(li.id);
      const revoked = await t.http.get(pathOf(first.url)).expect(404);
      const unknown = await t.http.get('/calendar/lawyers/cal_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics').expect(404);
      expect(revoked.body).toEqual(unknown.body);
      expect(JSON.stringify(revoked.body)).not.toMatch(/revoked|expired/i);
      expect((await feed(pathOf(second.url))).status).toBe(200);
      await dispatcher.delete(`/api/v1/lawyers/${li.id}/calendar-token`).expect(204);
      await t.http.get(pathOf(second.url)).expect(404);
      const audit = await t.admin.get(`/api/v1/audit?entity=lawyer&id=${li.id}`).expect(200);
      expect(audit.body.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining(['calendar.token.issue', 'calendar.token.revoke']),
      );
    });
    it('a deactivated lawyer’s feed stops at once with their tokens and sessions (issue 13 item 9), a lawyer without an account keeps theirs', async () => {
      const lawyer = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body;
      const user = (await t.admin.post('/api/v1/users').send({ name: '律师', role: 'lawyer', lawyerId: lawyer.id }).expect(201)).body;
      const path = pathOf((await issue(lawyer.id)).url);
      const withoutAccount = pathOf((await issue(li.id)).url);
      expect((await feed(path)).status).toBe(200);
      await t.admin.patch(`/api/v1/users/${user.id}`).send({ active: false }).expect(200);
      await t.http.get(path).expect(404);
      expect((await feed(withoutAccount)).status).toBe(200);
      // A new account for the same lawyer (the old one stays deactivated): their feed works again.
      await t.admin.post('/api/v1/users').send({ name: '律师', role: 'lawyer', lawyerId: lawyer.id }).expect(201);
      expect((await feed(path)).status).toBe(200);
    });

    it('requests racing to replace a token leave exactly one live URL (lost races → 409)', async () => {
      const lawyer = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body;
      const replies = await Promise.all([1, 2, 3, 4].map(() => dispatcher.post(`/api/v1/lawyers/${lawyer.id}/calendar-token`)));
      expect(replies.every((r) => r.status === 201 || r.status === 409)).toBe(true);
      const issued = replies.filter((r) => r.status === 201).map((r) => pathOf(r.body.url));
      expect(issued.length).toBeGreaterThan(0);
      const statuses = await Promise.all(issued.map(async (p) => (await t.http.get(p)).status));
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(await t.app.get(DataSource).getRepository(CalendarToken).countBy({ lawyerId: lawyer.id, revokedAt: IsNull() })).toBe(1);
    });
  });

  describe("a lawyer's feed", () => {
    let path: string;
    let adult: Awaited<ReturnType<CalendarFixtures['appointedCase']>>;

    beforeAll(async () => {
      path = pathOf((await issue(wang.id)).url);
      await f.shift(station, '2026-10-13', wang.id);
      await f.shift(station, '2026-10-14', wang.id, { template: '下午' });
      await f.shift(station, '2026-10-15', li.id);
      await f.shift(station, '2026-10-16', wang.id, { status: 'draft' });
      await f.shift(station, '2026-06-01', wang.id); // more than 90 days back
      await f.shift(station, '2027-11-01', wang.id); // more than a year ahead
      adult = await f.appointedCase(wang.id, {
        stationId: station.id,
        defendantName: '张三丰',
        idNumber: '320481198001011234',
        appointedOn: '2026-10-12',
      });
      await f.hearing(adult.kase.id, 'trial', '2026-11-20T01:30:00Z');
    });

    it('is text/calendar UTF-8 with an hourly refresh, a VTIMEZONE and UTC DTSTAMPs', async () => {
      const res = await feed(path);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const parsed = parseFeed(res.body as string);
      expect(parsed.name).toContain('王律师');
      expect(parsed.refreshInterval).toBe('PT1H');
      expect(parsed.publishedTtl).toBe('PT1H');
      expect(parsed.timezones).toEqual(['Asia/Shanghai']);
      for (const e of parsed.events) expect(e.dtstamp).toMatch(/^\d{8}T\d{6}Z$/);
    });

    it('shows published shifts in the court zone, not drafts, not others, not outside the window', async () => {
      const shifts = (await events(path)).filter((e) => e.uid.startsWith('shift-'));
      expect(shifts.map((e) => [e.summary, e.start, e.end, e.tzid])).toEqual([
        ['值班：溧阳法院值班室', '2026-10-13T01:00:00.000Z', '2026-10-13T04:00:00.000Z', 'Asia/Shanghai'],
        ['值班：溧阳法院值班室', '2026-10-14T05:30:00.000Z', '2026-10-14T09:00:00.000Z', 'Asia/Shanghai'],
      ]);
      expect(shifts[0].location).toContain('溧阳法院值班室');
      const raw = (await feed(path)).body as string;
      expect(raw).toContain('DTSTART;TZID=Asia/Shanghai:20261013T090000');
    });

    it('shows hearings of open cases and the Art 12 deadlines as all-day events', async () => {
      const list = await events(path);
      const trial = list.find((e) => e.summary.startsWith('开庭审理：'))!;
      expect(trial).toMatchObject({
        summary: `开庭审理：${adult.kase.courtCaseNo} 张某`,
        start: '2026-11-20T01:30:00.000Z',
        location: '第三审判庭',
      });
      const deadlines = list.filter((e) => e.summary.startsWith('期限：')).map((e) => [e.summary, e.start, e.end, e.allDay]);
      expect(deadlines).toEqual([
        [`期限：联系承办法官 ${adult.kase.courtCaseNo} 张某`, '2026-10-15', '2026-10-16', true],
        [`期限：阅卷会见 ${adult.kase.courtCaseNo} 张某`, '2026-10-19', '2026-10-20', true],
      ]);
    });

    it('never shows a juvenile defendant, an ID number or case details (Art 23)', async () => {
      const juvenile = await f.appointedCase(wang.id, {
        stationId: station.id,
        defendantName: '欧阳小明',
        idNumber: '320481200901015678',
        juvenile: true,
      });
      await f.hearing(juvenile.kase.id, 'pretrial_meeting', '2026-11-03T06:00:00Z');
      const text = (await feed(path)).body as string;
      for (const secret of ['欧阳小明', '欧某', '320481200901015678', '320481198001011234', '张三丰', '盗窃', '看守所', '李法官']) {
        expect(text).not.toContain(secret);
      }
      const list = parseFeed(text).events;
      expect(list.find((e) => e.summary.startsWith('庭前会议'))!.summary).toBe(`庭前会议：${juvenile.kase.courtCaseNo}`);
      for (const e of list) expect(e.description).toContain('详情请登录法律援助值班系统查看：https://duty.example.org');
    });

    it('a moved shift leaves the old holder with the same UID in the new holder, SEQUENCE bumped', async () => {
      const moving = await f.shift(station, '2026-10-20', wang.id);
      const liPath = pathOf((await issue(li.id)).url);
      expect(byUid(await events(path), moving.id)).toMatchObject({ sequence: 0 });
      t.clock.advance(60_000);
      await f.moveShift(moving, li.id);
      expect(byUid(await events(path), moving.id)).toBeUndefined();
      expect(byUid(await events(liPath), moving.id)).toMatchObject({ sequence: 1, start: '2026-10-20T01:00:00.000Z' });
    });

    it('a rescheduled hearing keeps its UID with a higher SEQUENCE; a cancelled one is STATUS:CANCELLED', async () => {
      const { kase } = await f.appointedCase(wang.id, { stationId: station.id });
      const hearing = await f.hearing(kase.id, 'verdict', '2026-12-01T02:00:00Z');
      const before = byUid(await events(path), hearing.id)!;
      t.clock.advance(60_000);
      await f.changeHearing(hearing, { at: '2026-12-08T02:00:00Z' });
      const moved = byUid(await events(path), hearing.id)!;
      expect(moved).toMatchObject({ summary: before.summary, sequence: before.sequence + 1, start: '2026-12-08T02:00:00.000Z' });
      expect(moved.dtstamp > before.dtstamp).toBe(true);
      t.clock.advance(60_000);
      await f.changeHearing(hearing, { cancelled: true });
      expect(byUid(await events(path), hearing.id)).toMatchObject({ status: 'CANCELLED', sequence: before.sequence + 2 });
    });

    it('a replaced lawyer loses the case hearings and deadlines; the new lawyer gets them', async () => {
      const { kase, assignment } = await f.appointedCase(wang.id, { stationId: station.id });
      const hearing = await f.hearing(kase.id, 'trial', '2027-01-05T01:00:00Z');
      expect(byUid(await events(path), hearing.id)).toBeDefined();
      t.clock.advance(60_000);
      const next = await f.replace(assignment, li.id);
      const mine = await events(path);
      expect(byUid(mine, hearing.id)).toBeUndefined();
      expect(byUid(mine, assignment.id)).toBeUndefined();
      const liPath = pathOf((await issue(li.id)).url);
      const theirs = await events(liPath);
      expect(byUid(theirs, hearing.id)).toBeDefined();
      expect(theirs.filter((e) => e.uid.includes(next.id))).toHaveLength(2);
    });
  });

  describe('caching', () => {
    let path: string;
    let lawyerId: string;
    beforeAll(async () => {
      lawyerId = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
      path = pathOf((await issue(lawyerId)).url);
      await f.shift(station, '2026-11-02', lawyerId);
    });
    afterEach(() => jest.restoreAllMocks());

    it('ETag + Last-Modified; If-None-Match → 304; a change → new ETag; rebuilt only when changed', async () => {
      const build = jest.spyOn(ics, 'writeIcs');
      const first = await feed(path);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      expect(new Date(first.headers['last-modified']).toString()).not.toBe('Invalid Date');
      expect(build).toHaveBeenCalledTimes(1);
      const again = await feed(path);
      expect(again.body).toBe(first.body);
      const head = await t.http.head(path).expect(200);
      expect(head.headers.etag).toBe(first.headers.etag);
      const notModified = await feed(path, first.headers.etag);
      expect(notModified.status).toBe(304);
      expect(notModified.text ?? '').toBe('');
      expect(build).toHaveBeenCalledTimes(1);

      t.clock.advance(60_000);
      await f.shift(station, '2026-11-03', lawyerId);
      const changed = await feed(path, first.headers.etag);
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).not.toBe(first.headers.etag);
      expect(build).toHaveBeenCalledTimes(2);
    });

    it('a new day moves the window, so the ETag changes at local midnight', async () => {
      const today = await feed(path);
      t.clock.set('2026-10-12T15:59:00Z'); // 23:59 in Shanghai
      expect((await feed(path, today.headers.etag)).status).toBe(304);
      t.clock.set('2026-10-12T16:01:00Z');
      expect((await feed(path, today.headers.etag)).status).toBe(200);
    });
  });

  describe("a station's roster feed for court staff", () => {
    let path: string;
    let other: Awaited<ReturnType<CalendarFixtures['station']>>;
    beforeAll(async () => {
      other = await f.station({ name: '城区法庭值班点' });
      await f.shift(other, '2026-10-22', wang.id);
      await f.shift(other, '2026-10-23', null);
      await f.shift(other, '2026-10-26', li.id, { status: 'draft' });
      path = `/calendar/stations/${other.id}.ics?token=${await t.tokenFor('court_clerk')}`;
    });

    it('lists the published roster with names and times for a court clerk, no mobile numbers, and unfilled shifts', async () => {
      const list = await events(path);
      expect(list.map((e) => [e.summary, e.start])).toEqual([
        ['值班：王律师', '2026-10-22T01:00:00.000Z'],
        ['值班：未安排', '2026-10-23T01:00:00.000Z'],
      ]);
      expect(list[0].description).not.toContain(wang.phone);
      expect(list[1].description).toContain(other.fallbackPhone);
      const reception = await events(`/calendar/stations/${other.id}.ics?token=${await t.tokenFor('reception')}`);
      expect(JSON.stringify(reception)).not.toContain(wang.phone);
    });

    it('gives the center’s dispatcher the mobile numbers, under an ETag of its own', async () => {
      const dispatcherPath = `/calendar/stations/${other.id}.ics?token=${await t.tokenFor('dispatcher')}`;
      const list = await events(dispatcherPath);
      expect(list[0].summary).toBe(`值班：王律师 ${wang.phone}`);
      const clerkTag = (await t.http.get(path).expect(200)).headers.etag;
      const dispatcherTag = (await t.http.get(dispatcherPath).expect(200)).headers.etag;
      expect(dispatcherTag).not.toBe(clerkTag);
    });

    it('404 for a lawyer token, an unknown or missing token, or an unknown station', async () => {
      const lawyerToken = await t.tokenFor('lawyer', wang.id);
      await t.http.get(`/calendar/stations/${other.id}.ics?token=${lawyerToken}`).expect(404);
      await t.http.get(`/calendar/stations/${other.id}.ics?token=nope`).expect(404);
      await t.http.get(`/calendar/stations/${other.id}.ics`).expect(404);
      await t.http.get(`/calendar/stations/6f1c1f7e-1f1a-4c2b-9b8e-0b5e7e0e1a01.ics?token=${await t.tokenFor('reception')}`).expect(404);
    });

    it("304 until a lawyer's phone changes, then the new phone (the center's feed)", async () => {
      const path = `/calendar/stations/${other.id}.ics?token=${await t.tokenFor('dispatcher')}`;
      const first = await feed(path);
      expect((await feed(path, first.headers.etag)).status).toBe(304);
      t.clock.advance(60_000);
      await dispatcher.patch(`/api/v1/lawyers/${wang.id}`).send({ phone: '13900009999' }).expect(200);
      const changed = await feed(path, first.headers.etag);
      expect(changed.status).toBe(200);
      expect(parseFeed(changed.body as string).events[0].summary).toBe('值班：王律师 13900009999');
    });
  });
});
