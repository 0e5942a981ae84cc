import { LocalDate } from '../../common/local-date';
import { WorkdayLookup } from '../../workdays/domain/workday-lookup';
import { dueDate } from './periods';

/**
 * Art 13: the court arranges a requested file reading at once, or — when it cannot — within
 * 3 *working* days of the obstacle being removed (无法阅卷的事由消除后三个工作日以内). Reading taken:
 * a request without a recorded obstacle runs from the request day (the court was to arrange it
 * "及时"; 3 working days is the outer limit the article knows). An obstacle cleared before
 * the request does not shorten it. The start day is not counted (CPL Art 105).
 */
export function fileReadingArrangeBy(requestedOn: LocalDate, obstacleClearedOn: LocalDate | null, calendar: WorkdayLookup): LocalDate {
  const start = obstacleClearedOn && obstacleClearedOn > requestedOn ? obstacleClearedOn : requestedOn;
  return dueDate('fileReadingBy', start, calendar);
}

/** Overdue (for the centre's rights protection, Art 21): not arranged by the due day, or arranged after it. */
export function fileReadingOverdue(arrangeBy: LocalDate, arrangedOn: LocalDate | null, today: LocalDate): boolean {
  return (arrangedOn ?? today) > arrangeBy;
}
