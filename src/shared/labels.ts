/**
 * The one catalogue of codes → Chinese labels that people read: mails and the console
 * (web/ imports this file as it is) show these, never the code. Plain data, no imports, so
 * the browser bundle can take it; the API keeps returning the codes (API.md).
 */

/** Every warning code the API returns: notices and cases, hearings, rosters. */
export const WARNING_LABELS = {
  /** Art 4; CPL Art 187. */
  NOTICE_LATE: '通知辩护晚于开庭前十日',
  /** Art 7. */
  POSTPONEMENT_ADVISED: '材料不全，可建议法院延期开庭',
  /** CPL Art 215, 223: simplified / fast-track not allowed for this defendant. */
  PROCEDURE_NOT_ALLOWED: '依法不适用简易程序或速裁程序',
  /** Art 5. */
  REFUSAL_NEEDS_REASON: '被告人拒绝指派，须查明理由',
  /** Legal Aid Law: a third defender in one case. */
  DEFENCE_CHANGED_TWICE: '辩护人已两次更换',
  /** Art 11: fewer than three days' notice of a pre-trial meeting, trial or verdict. */
  SHORT_NOTICE: '通知时间不足三日',
  UNFILLED_SHIFT: '班次无人可排',
  SECOND_SHIFT_SAME_DAY: '同一律师同日两个班次',
  CONSECUTIVE_DAYS: '连续两日值班',
  UNBALANCED: '班次分配不均',
  UNEVEN_SPREAD: '班次集中于同一星期或时段',
} as const;

export type WarningCode = keyof typeof WARNING_LABELS;

/** The label of a warning code; a code this catalogue does not know yet reads as a generic notice, never as the code. */
export function warningLabel(code: string): string {
  return (WARNING_LABELS as Record<string, string>)[code] ?? '系统提示';
}

/** Hearing kinds (Art 11). A pre-trial meeting (庭前会议) is not a trial. */
export const HEARING_KIND_LABELS = {
  pretrial_meeting: '庭前会议',
  trial: '开庭审理',
  verdict: '宣告判决',
  postponed: '延期审理',
  suspended: '中止审理',
} as const;
