import { invalid } from '../common/errors';
import { daysBetween, toZonedIso } from '../common/local-date';
import type { LawyerContact, ShiftInfo, StationInfo } from './roster-events';
import type { Lawyer } from '../lawyers/lawyer.entity';
import type { Shift } from './shift.entity';
import type { Station } from './station.entity';

/** The API shape of a shift (API.md: id, date, start, end, lawyerId) plus what a screen or feed needs. */
export interface ShiftView extends ShiftInfo {
  rosterId: string;
  lawyerId: string | null;
  status: string;
  unfilledReason: string | null;
}

export function shiftView(s: Shift, timezone: string): ShiftView {
  return {
    id: s.id,
    rosterId: s.rosterId,
    date: s.date,
    templateName: s.templateName,
    start: s.startTime,
    end: s.endTime,
    startsAt: toZonedIso(new Date(s.startsAt), timezone),
    endsAt: toZonedIso(new Date(s.endsAt), timezone),
    lawyerId: s.lawyerId,
    status: s.status,
    sequence: s.sequence,
    unfilledReason: s.unfilledReason,
  };
}

export const shiftInfo = (s: Shift, timezone: string): ShiftInfo => {
  const v = shiftView(s, timezone);
  return {
    id: v.id,
    date: v.date,
    templateName: v.templateName,
    start: v.start,
    end: v.end,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    sequence: v.sequence,
  };
};

export const stationInfo = (s: Station): StationInfo => ({
  id: s.id,
  name: s.name,
  courtName: s.courtName,
  timezone: s.timezone,
  fallbackPhone: s.fallbackPhone,
});

export const lawyerContact = (l: Lawyer): LawyerContact => ({ id: l.id, name: l.name, email: l.email, phone: l.phone });

/** Roster periods and shift listings: dates in order, at most `maxDays` days (API.md: 366). */
export function checkPeriod(from: string, to: string, maxDays = 366): void {
  if (to < from) throw invalid([{ field: 'to', reason: 'must not be before from' }]);
  if (daysBetween(from, to) + 1 > maxDays) throw invalid([{ field: 'to', reason: `the period may span at most ${maxDays} days` }]);
}
