import type { LocalDate } from '../../common/local-date';

/** One objection (Art 18) as the statistics see it. */
export interface ObjectionFact {
  filedOn: LocalDate;
  late: boolean;
  reviewBy: LocalDate;
  status: 'pending' | 'upheld' | 'aid_ordered';
  /** Court-local date of the decision, if decided. */
  decidedOn: LocalDate | null;
}

export interface ObjectionReport {
  filed: number;
  /** Filed after the 15 days. */
  filedLate: number;
  pending: number;
  /** Pending past the 5-day review. */
  overdue: number;
  upheld: number;
  aidOrdered: number;
  /** Decided after reviewBy. */
  decidedLate: number;
}

/** Art 18: objections within 15 days, reviewed within 5; outcome upheld or aid ordered. */
export function objectionReport(objections: readonly ObjectionFact[], today: LocalDate): ObjectionReport {
  const r: ObjectionReport = { filed: 0, filedLate: 0, pending: 0, overdue: 0, upheld: 0, aidOrdered: 0, decidedLate: 0 };
  for (const o of objections) {
    r.filed += 1;
    if (o.late) r.filedLate += 1;
    if (o.status === 'pending') {
      r.pending += 1;
      if (o.reviewBy < today) r.overdue += 1;
    } else {
      if (o.status === 'upheld') r.upheld += 1;
      else r.aidOrdered += 1;
      if (o.decidedOn && o.decidedOn > o.reviewBy) r.decidedLate += 1;
    }
  }
  return r;
}
