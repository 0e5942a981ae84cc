import { addDays, instantAt, LocalDate } from '../../../common/local-date';

export const ASSIGN_MODES = ['offer', 'direct'] as const;
export type AssignMode = (typeof ASSIGN_MODES)[number];

/**
 * When an offered lawyer must answer: the response window from now, but never past the end
 * of the Art 6 day (the centre must have its lawyer by then). Null when no time is left —
 * the dispatcher appoints directly instead.
 */
export function offerRespondBy(now: Date, windowHours: number, appointBy: LocalDate, timezone: string): Date | null {
  const window = new Date(now.getTime() + windowHours * 3_600_000);
  const endOfAppointDay = instantAt(addDays(appointBy, 1), '00:00', timezone);
  const by = window < endOfAppointDay ? window : endOfAppointDay;
  return by > now ? by : null;
}

/** Past its answer time: an offer expires strictly after respondBy. */
export function offerExpired(respondBy: string, now: Date): boolean {
  return now.getTime() > Date.parse(respondBy);
}

/**
 * What the API shows: an offer the lawyer accepted is in force like a direct appointment
 * (`active` in the database, one per case) and reads `accepted` (API.md v1.1).
 */
export function shownStatus(a: { status: string; respondBy?: string | null }): string {
  return a.status === 'active' && a.respondBy ? 'accepted' : a.status;
}
