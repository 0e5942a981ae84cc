import { LocalDate } from '../../common/local-date';

/**
 * What rules need to know of the official calendar: is a date a working day
 * (weekday not a statutory holiday, or a make-up workday 调休)? Implemented by
 * WorkdayCalendar (chinese-days data + admin overrides).
 */
export interface WorkdayLookup {
  isWorkday(date: LocalDate): boolean;
}
