import { CoverageCase, coverageReport, routeRates } from './coverage';

const base: CoverageCase = {
  route: 'appointed_defence',
  routeReason: 'procedure',
  status: 'assigned',
  appointBy: '2026-10-15',
  firstAppointedOn: '2026-10-14',
  helpRecorded: false,
};
const c = (over: Partial<CoverageCase>): CoverageCase => ({ ...base, ...over });

describe('coverageReport', () => {
  it('reports nothing as null rates, not as 0% coverage', () => {
    const r = coverageReport([]);
    expect(r).toMatchObject({ defendants: 0, coverageRate: null, deadlineCompliance: { rate: null } });
  });

  it.each<[string, CoverageCase[], number | null]>([
    ['Art 2: an appointed defender covers the defendant', [c({})], 1],
    ['Art 2: an ordinary case still waiting for a lawyer is not covered', [c({ firstAppointedOn: null, status: 'ready' })], 0],
    [
      'Art 2: duty help recorded in the ledger covers a fast-track defendant',
      [c({ route: 'duty_lawyer_help', firstAppointedOn: null, helpRecorded: true })],
      1,
    ],
    ['Art 2: duty help not yet given does not', [c({ route: 'duty_lawyer_help', firstAppointedOn: null })], 0],
    ['retained counsel counts as covered', [c({ route: 'none', routeReason: 'retained_counsel', firstAppointedOn: null })], 1],
    ['Art 3: a refusal leaves the denominator', [c({}), c({ route: 'none', routeReason: 'refused_aid', firstAppointedOn: null })], 1],
    ['half covered', [c({}), c({ firstAppointedOn: null, status: 'ready' })], 0.5],
  ])('%s', (_name, cases, rate) => {
    expect(coverageReport(cases).coverageRate).toBe(rate);
  });

  it('checks the Art 6 three-day appointment deadline', () => {
    const r = coverageReport([c({}), c({ firstAppointedOn: '2026-10-15' }), c({ firstAppointedOn: '2026-10-16' })]);
    expect(r.deadlineCompliance).toEqual({ appointments: 3, onTime: 2, rate: 0.6667 });
  });

  it('counts routes and outcomes', () => {
    const r = coverageReport([
      c({}),
      c({ status: 'terminated', firstAppointedOn: null }),
      c({ route: 'duty_lawyer_help', firstAppointedOn: null }),
      c({ route: 'none', routeReason: 'retained_counsel', firstAppointedOn: null }),
    ]);
    expect(r.byRoute).toEqual({ appointed_defence: 2, duty_lawyer_help: 1, none: 1 });
    expect(r.outcomes).toEqual({
      appointed: 1,
      awaitingAppointment: 0,
      dutyHelpRecorded: 0,
      dutyHelpPending: 1,
      retainedCounsel: 1,
      refusedAid: 0,
      terminated: 1,
    });
  });
});

describe('routeRates', () => {
  it('Art 2: coverage inside each route', () => {
    const r = coverageReport([
      c({}),
      c({ firstAppointedOn: null, status: 'ready' }),
      c({ route: 'duty_lawyer_help', firstAppointedOn: null, helpRecorded: true }),
    ]);
    expect(routeRates(r)).toEqual({ appointedDefence: 0.5, dutyHelp: 1 });
    expect(routeRates(coverageReport([]))).toEqual({ appointedDefence: null, dutyHelp: null });
  });
});
