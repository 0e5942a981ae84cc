import { ErrorCode, ErrorCodeOf, NOT_FOUND_CODES, NotFoundEntity } from '../shared/error-codes';

/**
 * Domain errors: services throw these, never HTTP exceptions. Each has a stable `code` from
 * the catalogue (src/shared/error-codes.ts); the one global filter (error.filter.ts) maps `kind`
 * to an HTTP status, and the helpers below accept only the codes catalogued with that status.
 */
export type ErrorKind =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'payload_too_large' | 'too_many_requests' | 'unavailable';

export interface FieldError {
  field: string;
  reason: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    /** Extra body fields, e.g. the pick's explanation on NO_ELIGIBLE_LAWYER. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** An error the client may retry after a wait: the filter adds `Retry-After`. */
export class RetryLaterError extends DomainError {
  constructor(
    kind: ErrorKind,
    code: ErrorCode,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(kind, code, message, undefined, { retryAfterSeconds });
  }
}

export function badRequest(field: string, reason: string, code: ErrorCodeOf<400> = 'VALIDATION_FAILED'): DomainError {
  return new DomainError('bad_request', code, `${field}: ${reason}`, [{ field, reason }]);
}

export function invalid(details: FieldError[], code: ErrorCodeOf<400> = 'VALIDATION_FAILED'): DomainError {
  const message = details.map((d) => `${d.field}: ${d.reason}`).join('; ');
  return new DomainError('bad_request', code, message, details);
}

export function notFound(entity: NotFoundEntity, id: string): DomainError {
  return new DomainError('not_found', NOT_FOUND_CODES[entity], `${entity} ${id} not found`);
}

export function conflict(code: ErrorCodeOf<409>, message: string, extra?: Record<string, unknown>): DomainError {
  return new DomainError('conflict', code, message, undefined, extra);
}

export function forbidden(message = 'not allowed for this user', code: ErrorCodeOf<403> = 'FORBIDDEN'): DomainError {
  return new DomainError('forbidden', code, message);
}
