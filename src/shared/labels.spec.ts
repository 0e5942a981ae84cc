import { WARNING_SHORT_NOTICE } from '../cases/hearings.service';
import { WARNING_NOTICE_LATE, WARNING_POSTPONEMENT_ADVISED } from '../cases/domain/notice-completeness';
import { WARNING_PROCEDURE_NOT_ALLOWED, WARNING_REFUSAL_NEEDS_REASON } from '../cases/domain/routing';
import type { HearingKind } from '../cases/hearing.entity';
import type { RosterWarningCode } from '../stations/domain/roster-generator';
import type { CaseState } from '../cases/domain/case-state';
import type { Disability, PossibleSentence, Procedure } from '../cases/domain/notice.types';
import type { Route, RouteReason } from '../cases/domain/routing';
import type { DecidedBy, PoolTier } from '../cases/assignment/domain/types';
import type { CaseDeadlines } from '../cases/case.entity';
import type { HardViolation, SoftViolation, UnfilledReason } from '../stations/domain/roster-generator';
import type { RosterStatus } from '../stations/roster.entity';
import type { AttendanceStatus } from '../ledger/domain/duty-rules';
import type { WorkdaySource } from '../workdays/domain/workday-calendar';
import type { SwapStatus } from '../stations/swap-request.entity';
import { checkInRefusal } from '../ledger/domain/duty-rules';
import {
  CASE_STATUS_LABELS,
  DEADLINE_LABELS,
  DECIDED_BY_LABELS,
  DISABILITY_LABELS,
  HEARING_KIND_LABELS,
  LAWYER_ACTION_LABELS,
  labelOf,
  POOL_TIER_LABELS,
  PROCEDURE_LABELS,
  ROUTE_LABELS,
  ROUTE_REASON_LABELS,
  SENTENCE_LABELS,
  SWAP_STATUS_LABELS,
  WARNING_LABELS,
  warningLabel,
  SHIFT_RULE_LABELS,
  UNFILLED_REASON_LABELS,
  ROSTER_STATUS_LABELS,
  ATTENDANCE_LABELS,
  WORKDAY_SOURCE_LABELS,
} from './labels';

// Compile-time: every roster warning and hearing kind has its label.
WARNING_LABELS satisfies Record<RosterWarningCode, string>;
DISABILITY_LABELS satisfies Record<Disability, string>;
HEARING_KIND_LABELS satisfies Record<HearingKind, string>;
// …and every case state, route, procedure, sentence, deadline, pool tier and pick decision.
CASE_STATUS_LABELS satisfies Record<CaseState, string>;
ROUTE_LABELS satisfies Record<Route, string>;
ROUTE_REASON_LABELS satisfies Record<RouteReason, string>;
PROCEDURE_LABELS satisfies Record<Procedure, string>;
SENTENCE_LABELS satisfies Record<PossibleSentence, string>;
DEADLINE_LABELS satisfies Record<keyof CaseDeadlines, string>;
POOL_TIER_LABELS satisfies Record<PoolTier, string>;
DECIDED_BY_LABELS satisfies Record<DecidedBy, string>;
// …and the roster's rules, statuses, the ledger's attendance and the calendar's sources.
SHIFT_RULE_LABELS satisfies Record<HardViolation | 'NOT_ELIGIBLE_FOR_STATION', string>;
WARNING_LABELS satisfies Record<SoftViolation, string>;
UNFILLED_REASON_LABELS satisfies Record<UnfilledReason, string>;
ROSTER_STATUS_LABELS satisfies Record<RosterStatus, string>;
ATTENDANCE_LABELS satisfies Record<AttendanceStatus, string>;
WORKDAY_SOURCE_LABELS satisfies Record<WorkdaySource, string>;
SWAP_STATUS_LABELS satisfies Record<SwapStatus, string>;

describe('the code → Chinese catalogue', () => {
  it.each([
    ['Art 4: a late notice', 'NOTICE_LATE', '通知辩护晚于开庭前十日'],
    ['Art 11: short notice of a hearing', 'SHORT_NOTICE', '通知时间不足三日'],
    ['an unknown code reads as a generic notice, not as the code', 'SOMETHING_NEW', '系统提示'],
  ])('%s', (_name, code, label) => expect(warningLabel(code)).toBe(label));

  it.each([
    WARNING_NOTICE_LATE,
    WARNING_POSTPONEMENT_ADVISED,
    WARNING_PROCEDURE_NOT_ALLOWED,
    WARNING_REFUSAL_NEEDS_REASON,
    WARNING_SHORT_NOTICE,
  ])('knows the case warning %s', (code) => expect(Object.keys(WARNING_LABELS)).toContain(code));

  it('has Chinese, not codes, for every warning', () => {
    for (const label of Object.values(WARNING_LABELS)) expect(label).toMatch(/^[\u4e00-\u9fff，、]+$/);
  });

  it.each([
    ['a known code', 'ready', '待指派'],
    ['no code at all', null, '—'],
    ['a code the table does not know, never shown raw', 'lost', '未知'],
  ])('labels %s', (_name, code, label) => expect(labelOf(CASE_STATUS_LABELS, code)).toBe(label));

  it('does not call a pre-trial meeting a trial (Art 11)', () => {
    expect(HEARING_KIND_LABELS.pretrial_meeting).toBe('庭前会议');
    expect(HEARING_KIND_LABELS.pretrial_meeting).not.toContain('开庭');
  });

  it.each([
    ['Art 2: check-in before its window', new Date('2026-10-12T00:59:00Z')],
    ['Art 2: check-in after the shift', new Date('2026-10-12T04:00:00Z')],
  ])('words the duty rule refusal of %s for the lawyer', (_name, now) => {
    const refusal = checkInRefusal({ startsAt: new Date('2026-10-12T02:00:00Z'), endsAt: new Date('2026-10-12T04:00:00Z') }, now, 60)!;
    expect(Object.keys(LAWYER_ACTION_LABELS)).toContain(refusal.code);
  });
});
