import { Provider } from '@nestjs/common';
import { isWorkday } from 'chinese-days';
import type { WorkdayLookup } from '../workdays/domain/workday-lookup';

/** The working-day calendar the periods use (CPL Art 105 extension, Art 13 working days). */
export const WORKDAY_LOOKUP = Symbol('WORKDAY_LOOKUP');

/**
 * The one place to swap in the override-aware calendar of the workdays module. Until then:
 * the official calendar from the maintained chinese-days data (holidays and make-up workdays 调休).
 */
export const workdayLookupProvider: Provider = {
  provide: WORKDAY_LOOKUP,
  useValue: { isWorkday: (date: string) => isWorkday(date) } satisfies WorkdayLookup,
};
