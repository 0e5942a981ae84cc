import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { json, text } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config';
import { bodyParserErrors } from '../common/error.filter';

/**
 * Everything that ties the server to Express, in one file: proxy trust, security headers,
 * body limits, and serving the built console. Moving to another platform means rewriting
 * this file (and the two tiny request/response shapes in auth.controller.ts), nothing else.
 */

/** JSON bodies over 1 MB → 413; CSV imports (5,000 lawyers) may be larger. */
const JSON_LIMIT = '1mb';
const CSV_LIMIT = '10mb';

/** Paths the console must never shadow: the API, feeds, the reception screen. */
const SERVER_PATHS = /^\/(api|calendar|reception)(\/|$)/i;

/**
 * The console is built to files only (no inline script); Element Plus sets element styles
 * through the CSSOM (allowed), but some of its components add `style` attributes, hence
 * 'unsafe-inline' for styles only. The reception page sends its own, stricter policy.
 */
const CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/** helmet's headers as every answer carries them (the fast path sets the very same set). */
export function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({ contentSecurityPolicy: CSP, strictTransportSecurity: false });
}

export function configureHttpPlatform(app: NestExpressApplication, config: AppConfig): void {
  // Behind a TLS-terminating proxy: req.secure (the session cookie's Secure flag) and req.ip from X-Forwarded-*.
  app.set('trust proxy', true);
  app.use(securityHeaders());
  app.use(json({ limit: JSON_LIMIT }));
  app.use(text({ type: ['text/csv', 'text/plain'], limit: CSV_LIMIT }));
  app.use(bodyParserErrors);
  serveConsole(app, resolve(config.consoleDir));
}

/** The built console at `/`, and its index.html for every client route (history mode). */
function serveConsole(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  app.use(
    express.static(dir, {
      index: false,
      // Vite names assets by content hash: cache them for good; index.html is always revalidated.
      setHeaders: (res, path) =>
        res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || SERVER_PATHS.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
