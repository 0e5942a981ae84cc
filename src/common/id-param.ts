import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './errors';

/** `:id` path parameters: anything that is not a UUID cannot name a record, so 404 rather than 400. */
export const IdParam = new ParseUUIDPipe({
  exceptionFactory: () => new DomainError('not_found', 'NOT_FOUND', 'no such id'),
});
