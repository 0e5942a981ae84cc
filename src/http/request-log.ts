import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Options } from 'pino-http';
import { redactUrl } from '../common/redact';

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
    },
  };
}
