import { noticeBody } from './factories/notice.factory';
import { caseSetup, CaseSetup } from './helpers/case-setup';

const codes = (body: { warnings: { code: string }[] }) => body.warnings.map((w) => w.code);

/** Issue 12 items 1 and 7: LAL 2021 Art 25's grounds, and the 10-day rule for barred procedures (CPL Art 187, 215, 223). */
describe('mandatory defence 应当通知辩护 (e2e)', () => {
  let s: CaseSetup;
  beforeAll(async () => {
    s = await caseSetup(); // Monday 10:00 in Shanghai
  });
  afterAll(() => s.t.close());

  it.each([
    ['visual', 'visual_disability'],
    ['hearing', 'hearing_disability'],
    ['speech', 'speech_disability'],
    ['intellectual', 'limited_capacity'],
    ['deaf', 'hearing_disability'],
  ])('LAL Art 25: a "%s" defendant in ordinary procedure gets an appointed defence (%s)', async (disability, ground) => {
    const res = await s.clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(s.stationId, { defendant: { disabilities: [disability] } }))
      .expect(201);
    expect(res.body).toMatchObject({ route: 'appointed_defence', routeReason: 'mandatory_ground', mandatoryGrounds: [ground] });
  });

  it('LAL Art 25(7): another law’s ground is recorded and makes the defence mandatory in a fast-track case', async () => {
    const res = await s.clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(s.stationId, { procedure: 'fast_track', trialAt: undefined, otherMandatoryGround: '《某省法律援助条例》第十二条' }))
      .expect(201);
    expect(res.body).toMatchObject({ route: 'appointed_defence', mandatoryGrounds: ['other_law'] });
    const got = await s.dispatcher.get(`/api/v1/cases/${res.body.caseId}`).expect(200);
    expect(got.body.otherMandatoryGround).toBe('《某省法律援助条例》第十二条');
    await s.clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(s.stationId, { otherMandatoryGround: '' }))
      .expect(400);
  });

  it('CPL Art 187, 215: a deaf defendant in a "simplified" case gets NOTICE_LATE and POSTPONEMENT_ADVISED; a lawful one does not (CPL Art 219)', async () => {
    const late = { trialAt: '2026-10-15T09:00:00+08:00', trialPlace: undefined };
    const deaf = await s.clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(s.stationId, { procedure: 'simplified', ...late, defendant: { disabilities: ['hearing'] } }))
      .expect(201);
    expect(codes(deaf.body)).toEqual(['PROCEDURE_NOT_ALLOWED', 'NOTICE_LATE', 'POSTPONEMENT_ADVISED']);
    expect(deaf.body.deadlines.materialsDueBy).toBe('2026-10-05');
    const mental = await s.clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(s.stationId, { procedure: 'fast_track', ...late, defendant: { disabilities: ['mental'] } }))
      .expect(201);
    expect(codes(mental.body)).toEqual(['PROCEDURE_NOT_ALLOWED', 'NOTICE_LATE', 'POSTPONEMENT_ADVISED']);
    const got = await s.dispatcher.get(`/api/v1/cases/${mental.body.caseId}`).expect(200);
    expect(codes(got.body)).toEqual(['PROCEDURE_NOT_ALLOWED', 'NOTICE_LATE', 'POSTPONEMENT_ADVISED']);
    // A minor in simplified procedure: no bar (CPL Art 215 lists none), so the 10 days do not apply (CPL Art 219).
    const minor = await s.clerk
      .post('/api/v1/court-notices')
      .send(
        noticeBody(s.stationId, { procedure: 'simplified', ...late, offenceDate: '2026-06-01', defendant: { birthDate: '2009-01-01' } }),
      )
      .expect(201);
    expect(codes(minor.body)).toEqual([]);
    expect(minor.body.deadlines.materialsDueBy).toBeUndefined();
  });

  it('400 for an unknown disability word, naming the field', async () => {
    const bad = await s.clerk
      .post('/api/v1/court-notices')
      .send(noticeBody(s.stationId, { defendant: { disabilities: ['lame'] } }))
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['defendant.disabilities']);
  });
});
