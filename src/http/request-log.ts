import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { loggableDbError } from '../common/db-errors';
import { redactUrl } from '../common/redact';

/**
 * Every `err` a log line carries (a failed background job's `{ err }` too, not only the error
 * filter's): a database error is logged by its codes and names alone, as the error filter does,
 * since its `detail`, `query` and `parameters` hold the row's personal data. Gets the error
 * already serialized by pino (type, message, stack and its own fields).
 */
export function logError(serialized: Record<string, unknown>): Record<string, unknown> {
  const db = loggableDbError(serialized);
  return db ? { type: serialized.type, db } : serialized;
}

/**
 * The request log (pino-http): one JSON line per request with its id, taken from the
 * request's `X-Request-Id` when it brings a sane one and answered in `X-Request-Id`. Used by nestjs-pino for everything Nest serves
 * and by the fast path for what it answers, so both write the same line.
 */
export function requestLogOptions(level: string): Options {
  return {
    level,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && given.length <= 100 ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    // Calendar-feed URLs carry their secret in the path.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
      err: logError,
    },
  };
}
