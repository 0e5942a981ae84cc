import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { invalid } from './errors';
import { inputErrors } from './input-guard';
import { isLocalDate } from './local-date';
import { flattenValidationErrors } from './validation-errors';

/** The largest `offset` of a listing: far past any real table, well inside every integer type. */
export const MAX_OFFSET = 1_000_000_000;

/** Runs the input guard (depth, NUL, lone surrogates, null in bodies) before class-validator. */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const errors = inputErrors(value, { rejectNull: metadata.type === 'body', name: metadata.data ?? metadata.type });
      if (errors.length) throw invalid(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Every body and query: unknown fields rejected, types converted, a per-field error list. */
export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
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

/** Years an instant of this domain can fall in; 9999-12-31T23:59:59Z overflowed into year 10000 in the court's zone. */
const INSTANT_YEARS = { min: 1900, max: 2199 };

export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string' || !INSTANT.test(value)) return false;
  const d = new Date(value);
  const year = Number(value.slice(0, 4));
  return !Number.isNaN(d.getTime()) && isLocalDate(value.slice(0, 10)) && year >= INSTANT_YEARS.min && year <= INSTANT_YEARS.max;
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
