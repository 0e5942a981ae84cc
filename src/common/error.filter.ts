import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { classifyDbError, DbFailure, loggableDbError } from './db-errors';
import { ErrorCode } from '../shared/error-codes';
import { DomainError, ErrorKind, RetryLaterError } from './errors';

/** Seconds a client should wait before retrying a 503: long enough for a pool or a restart to free up. */
export const RETRY_AFTER_S = 5;

function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'bad_request':
      return HttpStatus.BAD_REQUEST;
    case 'unauthorized':
      return HttpStatus.UNAUTHORIZED;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'payload_too_large':
      return HttpStatus.PAYLOAD_TOO_LARGE;
    case 'too_many_requests':
      return HttpStatus.TOO_MANY_REQUESTS;
    case 'unavailable':
      return HttpStatus.SERVICE_UNAVAILABLE;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function make(statusCode: number, message: string, more: Record<string, unknown> = {}): { statusCode: number } & Record<string, unknown> {
  return { statusCode, error: REASONS[statusCode] ?? 'Error', message, ...more };
}

/** A database error no service turned into a domain error. */
function dbBody(f: DbFailure, req: Request & { id?: string }): { statusCode: number } & Record<string, unknown> {
  switch (f.kind) {
    case 'unavailable':
      return make(503, 'the database is unavailable; retry later', {
        code: 'DATABASE_UNAVAILABLE' satisfies ErrorCode,
        correlationId: req.id,
      });
    case 'retry':
      return make(409, 'a concurrent request changed the same records; try again', { code: 'TRANSACTION_CONFLICT' satisfies ErrorCode });
    case 'constraint':
      return make(409, 'conflicts with existing data', {
        code: 'CONSTRAINT_VIOLATION' satisfies ErrorCode,
        ...(f.constraint ? { constraint: f.constraint } : {}),
      });
    case 'bad_input': {
      const field = f.column ?? 'body';
      return make(400, `${field}: a value the database cannot store`, {
        code: 'INVALID_VALUE' satisfies ErrorCode,
        details: [{ field, reason: 'a value the database cannot store' }],
      });
    }
    default: {
      const unreachable: never = f;
      return unreachable;
    }
  }
}

/**
 * Express error middleware, mounted right after the body parsers: Nest turns a parser's
 * SyntaxError into a BadRequestException carrying the parser's text, so parse failures are
 * made domain errors before that (a stable MALFORMED_JSON code, no parser text).
 */
export function bodyParserErrors(err: unknown, _req: unknown, _res: unknown, next: (e: unknown) => void): void {
  const e = err as { type?: string } | null;
  if (e?.type === 'entity.parse.failed') {
    next(new DomainError('bad_request', 'MALFORMED_JSON', 'malformed JSON body', [{ field: 'body', reason: 'malformed JSON' }]));
    return;
  }
  next(err);
}

/** The one error shape of API.md: {statusCode, error, message, details?}. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const failure = err instanceof DomainError || err instanceof HttpException ? null : classifyDbError(err);
    const body = failure ? dbBody(failure, req) : this.toBody(err, req);
    // Database errors carry the failing row and the query's values: log codes and names only.
    const db = loggableDbError(err);
    if (body.statusCode === 503) this.logger.warn({ db, requestId: req.id }, 'database unavailable');
    else if (body.statusCode >= 500) this.logger.error(db ? { db, requestId: req.id } : { err, requestId: req.id }, 'unhandled error');
    if (res.headersSent) return;
    if (err instanceof RetryLaterError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    else if (body.statusCode === 503) res.setHeader('Retry-After', String(RETRY_AFTER_S));
    res.status(body.statusCode).json(body);
  }

  private toBody(err: unknown, req: Request & { id?: string }): { statusCode: number } & Record<string, unknown> {
    if (err instanceof DomainError) {
      return make(statusOf(err.kind), err.message, {
        code: err.code,
        ...(err.details ? { details: err.details } : {}),
        ...(err.extra ?? {}),
      });
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const response = err.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? err.message);
      // @nestjs/throttler's 429 (it sets Retry-After itself).
      return make(status, message, status === HttpStatus.TOO_MANY_REQUESTS ? { code: 'RATE_LIMITED' satisfies ErrorCode } : {});
    }
    // body-parser errors carry a status and a type.
    const e = err as { status?: number; type?: string; message?: string };
    if (e && e.type === 'entity.too.large') {
      return make(413, 'request body too large', { code: 'PAYLOAD_TOO_LARGE' satisfies ErrorCode });
    }
    if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return make(e.status, e.message ?? 'bad request');
    }
    return make(500, 'internal error', { correlationId: req.id });
  }
}
