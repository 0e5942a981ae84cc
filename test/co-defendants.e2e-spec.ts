import { caseSetup, CaseSetup } from './helpers/case-setup';

type Excluded = { lawyerId: string; reason: string };

/** Issue 12 item 4: SPC CPL interpretation 2021 Art 43 bars one lawyer for two *different* defendants. */
describe('the same defendant notified again is not his own co-defendant (e2e)', () => {
  let s: CaseSetup;
  beforeAll(async () => {
    s = await caseSetup();
  });
  afterAll(() => s.t.close());

  async function appointed(caseId: string) {
    return (await s.dispatcher.post(`/api/v1/cases/${caseId}/assign`).send({}).expect(201)).body;
  }

  it.each([
    ['by ID number', { idNumber: '32048119900315001X', name: '张三' }, { idNumber: '32048119900315001x', name: '张叁' }],
    [
      'by name + birth date when a notice has no ID number',
      { name: '李四', birthDate: '1988-01-02' },
      { name: '李四', birthDate: '1988-01-02' },
    ],
  ])('matches %s: his former lawyer stays eligible, a co-defendant’s lawyer is excluded', async (_label, first, again) => {
    const courtCaseNo = `（2026）苏0481刑初${Math.floor(Math.random() * 1e6)}号`;
    const a = await s.lawyer();
    const b = await s.lawyer();
    const him = await s.notice({ courtCaseNo, defendant: first });
    const other = await s.notice({ courtCaseNo, defendant: { name: '王五', birthDate: '1970-05-05', idNumber: '320481197005050011' } });
    const p1 = await appointed(him.caseId);
    const p2 = await appointed(other.caseId);
    await s.dispatcher.post(`/api/v1/cases/${him.caseId}/terminate`).send({ ground: 'self_retained' }).expect(201);

    const againCase = await s.notice({ courtCaseNo, defendant: again });
    const p3 = await appointed(againCase.caseId);
    const excluded = p3.explanation.excluded as Excluded[];
    expect(excluded).not.toContainEqual(expect.objectContaining({ lawyerId: p1.assignment.lawyerId }));
    expect(excluded).toContainEqual(expect.objectContaining({ lawyerId: p2.assignment.lawyerId, reason: 'CONFLICT_CO_DEFENDANT' }));
    expect([a.id, b.id]).toContain(p1.assignment.lawyerId);
  });

  it('a different person with the same name but another ID number is still a co-defendant', async () => {
    const courtCaseNo = `（2026）苏0481刑初${Math.floor(Math.random() * 1e6)}号`;
    await s.lawyer();
    const first = await s.notice({ courtCaseNo, defendant: { name: '赵六', idNumber: '320481199003150028' } });
    const p1 = await appointed(first.caseId);
    const namesake = await s.notice({ courtCaseNo, defendant: { name: '赵六', idNumber: '320481199103150027' } });
    const p2 = await appointed(namesake.caseId);
    expect(p2.explanation.excluded as Excluded[]).toContainEqual(
      expect.objectContaining({ lawyerId: p1.assignment.lawyerId, reason: 'CONFLICT_CO_DEFENDANT' }),
    );
  });
});
