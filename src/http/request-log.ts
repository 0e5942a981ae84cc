import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Options } from 'pino-http';
import { redactUrl } from '../common/redact';

/**
 * The request log (pino-http): one JSON line per request with its id (`X-Request-Id`, taken
 * from the request when it brings a sane one). Used by nestjs-pino for everything Nest serves
 * and by the fast path for what it answers, so both write the same line.
 */
export function requestLogOptions(level: string): Options {
  return {
    level,
    genReqId: (req: IncomingMessage) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && given.length <= 100 ? given : randomUUID();
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    // Calendar-feed URLs carry their secret in the path.
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url) }),
    },
  };
}
