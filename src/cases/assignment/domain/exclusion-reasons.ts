/**
 * Why a lawyer cannot be picked. The codes are part of the HTTP contract (API.md, assign);
 * the labels are what the dispatcher screen and the stored explanation show.
 */
export const EXCLUSION_REASONS = [
  'INACTIVE',
  'UNAVAILABLE',
  'NO_JUVENILE_EXPERIENCE',
  'INSUFFICIENT_EXPERIENCE',
  'AT_CAPACITY',
  'CONFLICT_CO_DEFENDANT',
  'SAME_FIRM_AS_CO_DEFENDANT',
  'REFUSED_BY_DEFENDANT',
  'DECLINED_OFFER',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface ExclusionReasonInfo {
  /** 中文 label for screens and the stored explanation. */
  label: string;
  description: string;
  /** The rule it encodes. */
  basis: string;
  /**
   * Hard reasons bind a dispatcher's manual override too (409). Only the same-firm rule is
   * soft: Art 13 of the bar rules allows it with each client's consent, which a dispatcher
   * may have obtained; every other reason is a statutory bar, a fact about the lawyer
   * (leave, status, capacity) or a court decision the center cannot waive.
   */
  hard: boolean;
}

export const EXCLUSION_REASON_INFO: Readonly<Record<ExclusionReason, ExclusionReasonInfo>> = {
  INACTIVE: { label: '律师未在执业或已被暂停指派', description: 'inactive or suspended', basis: 'DESIGN rule 5', hard: true },
  UNAVAILABLE: { label: '指派日在请假/不可用期间', description: 'on leave on the appointment date', basis: 'DESIGN rule 5', hard: true },
  NO_JUVENILE_EXPERIENCE: {
    label: '无承办未成年人刑事案件经历',
    description: 'juvenile case needs a lawyer with juvenile-case experience',
    basis: 'seed Art 8',
    hard: true,
  },
  INSUFFICIENT_EXPERIENCE: {
    label: '刑事辩护执业不满三年',
    description: 'possible life imprisonment or death needs ≥ 3 years of criminal practice',
    basis: 'Legal Aid Law 2021 Art 26',
    hard: true,
  },
  AT_CAPACITY: { label: '在办案件已达上限', description: 'open cases at maxOpenCases', basis: 'DESIGN rule 5', hard: true },
  CONFLICT_CO_DEFENDANT: {
    label: '已为同案或关联案件其他被告人辩护',
    description: 'already defends a co-defendant or a defendant of a related case',
    basis: 'SPC CPL interpretation 2021 Art 43',
    hard: true,
  },
  SAME_FIRM_AS_CO_DEFENDANT: {
    label: '与同案被告人的辩护律师同所',
    description: 'same firm as a co-defendant’s lawyer',
    basis: 'bar criminal-case rules 2017 Art 13',
    hard: false,
  },
  REFUSED_BY_DEFENDANT: {
    label: '被告人有正当理由拒绝过该律师',
    description: 'refused by this defendant with a justified reason',
    basis: 'seed Art 5',
    hard: true,
  },
  // Soft: a dispatcher may still appoint the lawyer directly (LAL Art 16 duty), with a reason.
  DECLINED_OFFER: {
    label: '律师已拒绝或未答复本案指派',
    description: 'declined this case’s offer, or let it expire',
    basis: 'issue 12 item 10 (offer and answer)',
    hard: false,
  },
};

/**
 * The order `reason` (the headline) is taken from when a lawyer has several. Most lasting
 * and least curable first, so the headline tells the dispatcher what would still block the
 * lawyer after the others cleared: status, then bars tied to this case (conflict, refusal),
 * then qualifications, then temporary states (leave, capacity), and the one soft rule last.
 */
export const REASON_PRIORITY: readonly ExclusionReason[] = [
  'INACTIVE',
  'CONFLICT_CO_DEFENDANT',
  'REFUSED_BY_DEFENDANT',
  'NO_JUVENILE_EXPERIENCE',
  'INSUFFICIENT_EXPERIENCE',
  'UNAVAILABLE',
  'AT_CAPACITY',
  'DECLINED_OFFER',
  'SAME_FIRM_AS_CO_DEFENDANT',
];

export const HARD_REASONS: readonly ExclusionReason[] = EXCLUSION_REASONS.filter((r) => EXCLUSION_REASON_INFO[r].hard);

export function isHardReason(reason: ExclusionReason): boolean {
  return EXCLUSION_REASON_INFO[reason].hard;
}
