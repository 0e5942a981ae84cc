import { FieldError } from '../../common/errors';
import { LocalDate } from '../../common/local-date';
import { WorkdayLookup } from '../../workdays/domain/workday-lookup';
import { NoticeWarning, Procedure } from './notice.types';
import { dueDate, PeriodSettings } from './periods';
import { TerminationGroundCode } from './case-state';

/**
 * What a termination does (Art 17; Legal Aid Law 2021 Art 48; SPC CPL interpretation 2021
 * Art 50). In a mandatory case the defendant's own request ends this lawyer's part only: it
 * needs a recorded justified reason, and the defence must be restored (`end_at_request`:
 * he retains counsel within 5 days, or the court re-notifies within 3 more and the centre
 * re-appoints, Art 5). Every other termination ends the aid (`terminate`).
 */
export function terminationEvent(
  ground: TerminationGroundCode,
  mandatory: boolean,
  note: string | undefined,
): { event: 'terminate' | 'end_at_request' } | { error: FieldError } {
  if (ground !== 'defendant_request' || !mandatory) return { event: 'terminate' };
  if (!note?.trim()) {
    return {
      error: {
        field: 'note',
        reason: 'a justified reason is required to end a mandatory defence at the defendant’s request (LAL Art 48, SPC Art 50)',
      },
    };
  }
  return { event: 'end_at_request' };
}

export interface RestorationDeadlines {
  /** The defendant retains counsel by then (5 days). */
  retainCounselBy: LocalDate;
  /** Else the court re-notifies the centre by then (3 more days). */
  renotifyBy: LocalDate;
}

/** The two periods after a mandatory defence ended at the defendant's request or by a permitted refusal (Art 5; SPC Art 50). */
export function restorationDeadlines(endedOn: LocalDate, calendar: WorkdayLookup, settings: PeriodSettings = {}): RestorationDeadlines {
  const retainCounselBy = dueDate('retainCounselBy', endedOn, calendar, settings.retainCounselBy);
  return { retainCounselBy, renotifyBy: dueDate('renotifyBy', retainCounselBy, calendar, settings.renotifyBy) };
}

/**
 * SPC CPL interpretation 2021 Art 311: "被告人在一个审判程序中更换辩护人一般不得超过两次".
 * `earlierAppointments`: the case's appointments before the one being made; the new one is
 * change number `earlierAppointments`. A third change (or later) is warned, not refused:
 * "一般" leaves the court room, and the appointment is the centre's duty.
 */
export function defenceChangedTwice(earlierAppointments: number): boolean {
  return earlierAppointments >= 3;
}

export const WARNING_DEFENCE_CHANGED_TWICE = 'DEFENCE_CHANGED_TWICE';

export const DEFENCE_CHANGED_TWICE_WARNING: NoticeWarning = {
  code: WARNING_DEFENCE_CHANGED_TWICE,
  message: '被告人在本审判程序中已两次更换辩护人，依法一般不得超过两次（最高法刑诉解释第311条）；请核实后再指派。',
};

/**
 * CPL Art 221 (simplified → ordinary) and Art 226 (fast track → ordinary or simplified): a
 * court converts a summary procedure when it proves unsuitable. Nothing converts the other way
 * or out of ordinary / trial-supervision proceedings.
 */
export function conversionAllowed(from: Procedure, to: Procedure): boolean {
  if (from === to) return true;
  if (from === 'simplified') return to === 'ordinary';
  if (from === 'fast_track') return to === 'ordinary' || to === 'simplified';
  return false;
}
