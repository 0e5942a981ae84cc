import { DateTime } from 'luxon';
import { weekday } from '../../common/local-date';
import type { EndGround, LawyerDeadlineKind, ShiftSlot, TerminationGround } from './mail-types';

const WEEKDAYS = ['星期一', '星期二', '星期三', '星期四', '星期五', '星期六', '星期日'];

/** 2026-10-13 → 2026年10月13日（星期二）; written out so mails do not depend on the ICU data Node ships. */
export function formatDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日（${WEEKDAYS[weekday(date) - 1]}）`;
}

/** An instant as the court's wall-clock time: 2026年10月20日（星期二）09:30. */
export function formatInstant(instant: string, timezone: string): string {
  const local = DateTime.fromISO(instant, { zone: timezone });
  return `${formatDate(local.toISODate()!)}${local.toFormat('HH:mm')}`;
}

export function isOvernight(slot: Pick<ShiftSlot, 'start' | 'end'>): boolean {
  return slot.end <= slot.start;
}

/** 09:00–12:00, or 22:00–次日08:00 for a shift past midnight. */
export function formatShiftTime(slot: Pick<ShiftSlot, 'start' | 'end'>): string {
  return `${slot.start}–${isOvernight(slot) ? '次日' : ''}${slot.end}`;
}

/** Art 17 (一)–(六). */
export const TERMINATION_GROUND_LABELS: Record<TerminationGround, string> = {
  self_retained: '被告人自行委托其他辩护人',
  defendant_request: '被告人要求终止法律援助',
  case_closed: '案件依法终止办理或被撤销起诉',
  concealment: '被告人故意隐瞒与案件有关的重要事实或者提供虚假证据',
  illegal_use: '被告人利用法律援助从事违法活动',
  other_law: '法律、法规规定应当终止的其他情形',
};

/** Why a lawyer's part in a case ended: an Art 17 ground, or a refusal found justified (Art 5). */
export const END_GROUND_LABELS: Record<EndGround, string> = {
  ...TERMINATION_GROUND_LABELS,
  refused: '拒绝辩护理由成立（实施意见第五条）',
};

/** Art 12 duties. */
export const DEADLINE_LABELS: Record<LawyerDeadlineKind, string> = {
  contact_judge: '联系案件承办法官',
  file_review_and_meeting: '完成阅卷和会见',
};
