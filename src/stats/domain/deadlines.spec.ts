import type { CoverageCase } from './coverage';
import { Art12Appointment, art12Compliance, art6Compliance } from './deadlines';

const today = '2026-10-20';
const base: CoverageCase = {
  route: 'appointed_defence',
  routeReason: 'procedure',
  status: 'assigned',
  appointBy: '2026-10-15',
  firstAppointedOn: '2026-10-14',
  helpRecorded: false,
};
const c = (over: Partial<CoverageCase>): CoverageCase => ({ ...base, ...over });

describe('art6Compliance', () => {
  it.each<[string, CoverageCase[], Partial<ReturnType<typeof art6Compliance>>]>([
    ['Art 6: appointed on the last day is on time', [c({ firstAppointedOn: '2026-10-15' })], { appointed: 1, onTime: 1, rate: 1 }],
    ['Art 6: appointed a day after appointBy is late', [c({ firstAppointedOn: '2026-10-16' })], { late: 1, rate: 0 }],
    [
      'Art 6: a case still waiting past appointBy is a miss',
      [c({}), c({ firstAppointedOn: null, status: 'ready' })],
      { appointed: 1, onTime: 1, overdueUnappointed: 1, rate: 0.5 },
    ],
    [
      'Art 6: a case waiting but not yet due is neither',
      [c({ firstAppointedOn: null, status: 'ready', appointBy: '2026-10-22' })],
      { rate: null },
    ],
    [
      'Art 2: duty help has no appointment deadline',
      [c({ route: 'duty_lawyer_help', firstAppointedOn: null, status: 'duty_help' })],
      { rate: null },
    ],
    [
      'Art 17: a terminated case without a lawyer is not overdue',
      [c({ firstAppointedOn: null, status: 'terminated' })],
      { overdueUnappointed: 0 },
    ],
  ])('%s', (_name, cases, expected) => {
    expect(art6Compliance(cases, today)).toMatchObject(expected);
  });
});

describe('art12Compliance', () => {
  const a = (fileReviewBy: string, fileReadingRequestedOn: string | null): Art12Appointment => ({ fileReviewBy, fileReadingRequestedOn });
  it.each<[string, Art12Appointment[], Partial<ReturnType<typeof art12Compliance>>]>([
    ['Art 12: file reading requested within the 7 days', [a('2026-10-19', '2026-10-19')], { onTime: 1, rate: 1 }],
    ['Art 12: requested after the 7 days', [a('2026-10-19', '2026-10-20')], { late: 1, rate: 0 }],
    ['Art 12: nothing requested and past the deadline', [a('2026-10-19', null)], { overdue: 1, rate: 0 }],
    ['Art 12: nothing requested yet, deadline still running', [a('2026-10-20', null)], { pending: 1, rate: null }],
    ['Art 12: mixed', [a('2026-10-19', '2026-10-12'), a('2026-10-19', null), a('2026-10-25', null)], { appointments: 3, rate: 0.5 }],
  ])('%s', (_name, rows, expected) => {
    expect(art12Compliance(rows, today)).toMatchObject(expected);
  });
});
