import type { ValidationError } from 'class-validator';
import type { FieldError } from './errors';

/** Flattens class-validator's tree into `[{field: 'defendant.birthDate', reason}]`. */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const reason of Object.values(e.constraints ?? {})) {
      out.push({ field, reason: reason.replace(/^property \S+ /, '') });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}
