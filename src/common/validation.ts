import { ValidationError, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { FieldError, invalid } from './errors';
import { isLocalDate } from './local-date';

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

/** Every body and query: unknown fields rejected, types converted, a per-field error list. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => invalid(flattenValidationErrors(errors)),
  });
}

/** `YYYY-MM-DD` and a real calendar date. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a real date YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => isLocalDate(value) },
    });
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const d = new Date(value);
  return !Number.isNaN(d.getTime()) && isLocalDate(value.slice(0, 10));
}

/** ISO 8601 instant with an offset or Z, e.g. 2026-10-10T09:00:00+08:00. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an ISO 8601 instant with offset, e.g. 2026-10-10T09:00:00+08:00', ...options },
      validator: { validate: (value: unknown) => isInstant(value) },
    });
}

/** Query-string booleans: "true"/"false"/"1"/"0"; anything else stays a string and fails @IsBoolean. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }) => {
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    return value;
  });
}
