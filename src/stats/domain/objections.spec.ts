import { ObjectionFact, objectionReport } from './objections';

const o = (over: Partial<ObjectionFact>): ObjectionFact => ({
  filedOn: '2026-10-12',
  late: false,
  reviewBy: '2026-10-21',
  status: 'pending',
  decidedOn: null,
  ...over,
});

describe('objectionReport', () => {
  it.each<[string, ObjectionFact[], Partial<ReturnType<typeof objectionReport>>]>([
    ['Art 18: a pending objection inside its 5 days', [o({})], { filed: 1, pending: 1, overdue: 0 }],
    ['Art 18: pending past reviewBy is overdue', [o({ reviewBy: '2026-10-19' })], { pending: 1, overdue: 1 }],
    ['Art 18: filed after the 15 days is counted late', [o({ late: true })], { filedLate: 1 }],
    ['Art 18: upheld on time', [o({ status: 'upheld', decidedOn: '2026-10-17' })], { upheld: 1, decidedLate: 0, pending: 0 }],
    [
      'Art 18, LAL Art 49: aid ordered after reviewBy',
      [o({ status: 'aid_ordered', reviewBy: '2026-10-17', decidedOn: '2026-10-18' })],
      { aidOrdered: 1, decidedLate: 1 },
    ],
  ])('%s', (_name, rows, expected) => {
    expect(objectionReport(rows, '2026-10-20')).toMatchObject(expected);
  });
});
