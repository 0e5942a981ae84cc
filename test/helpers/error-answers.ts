import type { INestApplication } from '@nestjs/common';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every 4xx answer the e2e suite sees, as (method, route, status, code) lines under
 * tmp/error-answers/ (one file per Jest process; test/helpers/clear-error-answers.js empties the
 * folder when an e2e run starts). scripts/check-error-answers.js then checks that each one is
 * declared for its route in the OpenAPI document (`@ApiErrors` on the controllers).
 */
export const ERROR_ANSWERS_DIR = join(__dirname, '..', '..', 'tmp', 'error-answers');

export interface ErrorAnswer {
  method: string;
  /** The matched route as Express has it (`/api/v1/cases/:id`). */
  route: string;
  status: number;
  code: string | null;
}

type Req = { method: string; route?: { path?: unknown } };
type Res = { statusCode: number; json(body: unknown): unknown };

/**
 * Mounted before the routes (startApp calls it before `app.init()`). Answers outside a route
 * (unknown paths, the body parser) are no route's and are not recorded.
 */
export function recordErrorAnswers(app: INestApplication): void {
  const file = join(ERROR_ANSWERS_DIR, `${process.pid}.jsonl`);
  app.use((req: Req, res: Res, next: () => void) => {
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const route = req.route?.path;
      if (res.statusCode >= 400 && res.statusCode < 500 && typeof route === 'string') {
        const code = (body as { code?: unknown } | null)?.code;
        const line: ErrorAnswer = { method: req.method, route, status: res.statusCode, code: typeof code === 'string' ? code : null };
        // Made again each time: a run that starts meanwhile empties the folder (clear-error-answers.js).
        mkdirSync(ERROR_ANSWERS_DIR, { recursive: true });
        appendFileSync(file, `${JSON.stringify(line)}\n`);
      }
      return json(body);
    };
    next();
  });
}
