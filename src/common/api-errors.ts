import { ApiExtension } from '@nestjs/swagger';
import type { ErrorCode } from '../shared/error-codes';

/** The operation extension src/openapi.ts turns into the route's error answers (and then removes). */
export const ERRORS_EXTENSION = 'x-error-codes';

/**
 * The error codes a route answers besides those every route of its kind shares (input, identity,
 * `:id`, the database: src/openapi.ts `sharedCodes`), from the catalogue (src/shared/error-codes.ts).
 * The OpenAPI document lists them per status; scripts/check-error-answers.js fails when the e2e
 * suite sees an answer a route does not declare. One per route (a second one is ignored).
 */
export function ApiErrors(...codes: ErrorCode[]): MethodDecorator {
  return ApiExtension(ERRORS_EXTENSION, codes) as MethodDecorator;
}
