import type { FieldError } from '../../common/errors';
import { localDateOf, type LocalDate } from '../../common/local-date';

/**
 * A mainland resident ID number (18 characters, last may be X). DESIGN rule 12: the ledger
 * never carries ID numbers, so free text that holds one is refused rather than stored.
 */
const ID_NUMBER = /(?<![0-9])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;

export function containsIdNumber(text: string): boolean {
  return ID_NUMBER.test(text);
}

/**
 * A help record's times: the end after the start, both on the shift's local day in the
 * station's zone (the ledger is kept per day), neither in the future.
 */
export function helpTimeErrors(startedAt: Date, endedAt: Date, shiftDate: LocalDate, timezone: string, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (localDateOf(startedAt, timezone) !== shiftDate)
    errors.push({ field: 'startedAt', reason: `must be on the shift's day ${shiftDate}` });
  if (endedAt.getTime() <= startedAt.getTime()) errors.push({ field: 'endedAt', reason: 'must be after startedAt' });
  else if (localDateOf(endedAt, timezone) !== shiftDate)
    errors.push({ field: 'endedAt', reason: `must be on the shift's day ${shiftDate}` });
  else if (endedAt.getTime() > now.getTime()) errors.push({ field: 'endedAt', reason: 'must not be in the future' });
  return errors;
}

/** Free-text fields that must not carry an ID number. */
export function idNumberErrors(fields: Record<string, string | undefined>): FieldError[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && containsIdNumber(v))
    .map(([field]) => ({ field, reason: 'must not contain an ID number (身份证号)' }));
}
