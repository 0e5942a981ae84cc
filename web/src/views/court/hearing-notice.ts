/**
 * Art 11: a pre-trial meeting, trial or verdict is told to the lawyer at least three days ahead,
 * counted in court-local dates (told on T, the hearing on H: in time when H − T ≥ 3). The form
 * warns while the clerk picks a date; the server's answer (`SHORT_NOTICE`) is what is recorded.
 */
export const HEARING_NOTICE_DAYS = 3;

const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function hearingNoticeShort(today: string, hearingDate: string): boolean {
  return dayNumber(hearingDate) - dayNumber(today) < HEARING_NOTICE_DAYS;
}
