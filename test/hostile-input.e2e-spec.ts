import { lawyerBody } from './factories/lawyer.factory';
import { noticeBody } from './factories/notice.factory';
import { createStation } from './factories/station.factory';
import { startApp, TestApp } from './helpers/app';

type Agent = ReturnType<TestApp['as']>;

/** Bad input that gave 500 (issue 13, items 5 and 11): each answers 400 naming the field. */
describe('hostile input → 400 naming the field (e2e)', () => {
  let t: TestApp;
  let dispatcher: Agent;
  let clerk: Agent;
  let lawyerId: string;
  let stationId: string;
  let caseId: string;
  beforeAll(async () => {
    t = await startApp();
    dispatcher = t.as(await t.tokenFor('dispatcher'));
    clerk = t.as(await t.tokenFor('court_clerk'));
    stationId = (await createStation(t)).id;
    lawyerId = (await dispatcher.post('/api/v1/lawyers').send(lawyerBody()).expect(201)).body.id;
    caseId = (await clerk.post('/api/v1/court-notices').send(noticeBody(stationId)).expect(201)).body.caseId;
  });
  afterAll(() => t.close());

  const cases: [string, () => Promise<{ status: number; body: { details?: { field: string }[] } }>, string][] = [
    ['a NUL byte in a string', () => dispatcher.post('/api/v1/lawyers').send(lawyerBody({ name: '王\u0000律师' })), 'name'],
    [
      'a NUL byte in a nested string',
      () => clerk.post('/api/v1/court-notices').send(noticeBody(stationId, { defendant: { name: '张\u0000三' } })),
      'defendant.name',
    ],
    ['null for an optional field', () => dispatcher.patch(`/api/v1/lawyers/${lawyerId}`).send({ name: null }), 'name'],
    [
      'JSON nested 5,000 deep',
      () =>
        dispatcher
          .patch(`/api/v1/lawyers/${lawyerId}`)
          .set('Content-Type', 'application/json')
          .send(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`),
      'a',
    ],
    ['offset=9223372036854775807', () => dispatcher.get('/api/v1/lawyers?offset=9223372036854775807'), 'offset'],
    [
      'an e-mail with a lone surrogate',
      () => dispatcher.post('/api/v1/lawyers').send(lawyerBody({ email: 'a\uD800@example.com' })),
      'email',
    ],
    [
      '9999-12-31T23:59:59Z as a hearing time',
      () =>
        clerk.post(`/api/v1/cases/${caseId}/hearings`).send({ kind: 'pretrial_meeting', at: '9999-12-31T23:59:59Z', place: '第一法庭' }),
      'at',
    ],
    ['shiftTemplates: null', () => t.admin.patch(`/api/v1/stations/${stationId}`).send({ shiftTemplates: null }), 'shiftTemplates'],
    [
      'nested arrays as shiftTemplates',
      () => t.admin.patch(`/api/v1/stations/${stationId}`).send({ shiftTemplates: [[{ name: '上午', start: '09:00', end: '12:00' }]] }),
      'shiftTemplates',
    ],
  ];

  it.each(cases)('%s', async (_name, send, field) => {
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.body.details?.map((d) => d.field)).toContain(field);
  });

  it('lists the working days of 9999-12-31 (found by the fuzz suite on seed 1001: a 500)', async () => {
    const res = await dispatcher.get('/api/v1/workdays?from=9999-12-31&to=9999-12-31').expect(200);
    expect(res.body.days.map((d: { date: string }) => d.date)).toEqual(['9999-12-31']);
  });

  it('keeps the station’s rosters working after the refused templates', async () => {
    await dispatcher.post(`/api/v1/stations/${stationId}/rosters`).send({ from: '2026-10-19', to: '2026-10-20' }).expect(201);
  });

  it('malformed JSON: 400 MALFORMED_JSON without the parser’s text (item 11)', async () => {
    const res = await dispatcher.post('/api/v1/lawyers').set('Content-Type', 'application/json').send('{"name": "x",');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
    expect(JSON.stringify(res.body)).not.toMatch(/Unexpected|position|JSON\.parse/);
  });
});
