import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, ErrorKind, RetryLaterError } from './errors';

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

/** A unique or foreign-key violation that slipped past the services' own checks. */
function isConstraintViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const code = (err as unknown as { code?: string; driverError?: { code?: string } }).driverError?.code;
  return code === '23505' || code === '23503' || (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT'));
}

/** The one error shape of API.md: {statusCode, error, message, details?}. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request & { id?: string }>();
    const body = this.toBody(err, req);
    if (body.statusCode >= 500) {
      this.logger.error({ err, requestId: req.id }, 'unhandled error');
    }
    if (res.headersSent) return;
    if (err instanceof RetryLaterError) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    res.status(body.statusCode).json(body);
  }

  private toBody(err: unknown, req: Request & { id?: string }): { statusCode: number } & Record<string, unknown> {
    const make = (statusCode: number, message: string, more: Record<string, unknown> = {}) => ({
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      message,
      ...more,
    });
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
      const message =
        typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? err.message);
      // @nestjs/throttler's 429 (it sets Retry-After itself).
      return make(status, message, status === HttpStatus.TOO_MANY_REQUESTS ? { code: 'RATE_LIMITED' } : {});
    }
    // body-parser errors carry a status and a type.
    const e = err as { status?: number; type?: string; message?: string };
    if (e && e.type === 'entity.parse.failed') {
      return make(400, 'malformed JSON body', { code: 'MALFORMED_JSON', details: [{ field: 'body', reason: 'malformed JSON' }] });
    }
    if (e && e.type === 'entity.too.large') {
      return make(413, 'request body too large', { code: 'PAYLOAD_TOO_LARGE' });
    }
    if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return make(e.status, e.message ?? 'bad request');
    }
    if (isConstraintViolation(err)) {
      return make(409, 'conflicts with existing data', { code: 'CONSTRAINT_VIOLATION' });
    }
    return make(500, 'internal error', { correlationId: req.id });
  }
}
