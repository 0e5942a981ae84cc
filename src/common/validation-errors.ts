import type { ValidationError } from 'class-validator';
import type { FieldError } from './errors';

/**
 * Flattens class-validator's tree into `[{field: 'defendant.birthDate', reason}]`. A field that is
 * missing altogether is `is required`, not the first rule it happens to fail (a length, a type).
 */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const reasons = Object.values(e.constraints ?? {});
    if (reasons.length && e.value === undefined) out.push({ field, reason: 'is required' });
    else for (const reason of reasons) out.push({ field, reason: reason.replace(/^property \S+ /, '') });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}
