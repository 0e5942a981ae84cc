import type { INestApplication } from '@nestjs/common';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app';
import type { Role } from '../../src/common/actor';
import { FixedClock } from '../../src/common/clock';
import { AppConfig, loadConfig } from '../../src/config/config';
import { recordErrorAnswers } from './error-answers';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

/** The database the e2e suite runs on: SQLite in memory, or PostgreSQL when CI sets TEST_DATABASE_URL. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'sqlite::memory:';
export const onPostgres = TEST_DATABASE_URL.startsWith('postgres');

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  clock: FixedClock;
  http: TestAgent;
  /** A request builder already carrying a bearer token. */
  as(token: string): {
    get(url: string): request.Test;
    post(url: string): request.Test;
    patch(url: string): request.Test;
    delete(url: string): request.Test;
  };
  admin: ReturnType<TestApp['as']>;
  /** Creates a user of the role through the API and returns its token. */
  tokenFor(role: Role, lawyerId?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  now?: string;
  env?: Record<string, string>;
  /** Keep the existing PostgreSQL schema (a second instance joining the first). */
  keepSchema?: boolean;
}

export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  const config: AppConfig = {
    ...loadConfig({
      DATABASE_URL: TEST_DATABASE_URL,
      BOOTSTRAP_ADMIN_TOKEN: ADMIN_TOKEN,
      LOG_LEVEL: 'silent',
      // No background mail sender: tests send with OutboxWorker.drainOnce(); without
      // SMTP_URL mails go to files outside the worktree.
      MAIL_POLL_MS: '0',
      MAIL_FILE_DIR: join(tmpdir(), 'duty-lawyer-test-mail'),
      ...options.env,
    }),
    dropSchema: onPostgres && !options.keepSchema,
  };
  const clock = new FixedClock(new Date(options.now ?? '2026-10-12T02:00:00Z'));
  const app = await createApp(config, clock);
  recordErrorAnswers(app);
  await app.init();
  const server = app.getHttpServer();
  const http = request(server);
  const as = (token: string) => ({
    get: (url: string) => request(server).get(url).set('Authorization', `Bearer ${token}`),
    post: (url: string) => request(server).post(url).set('Authorization', `Bearer ${token}`),
    patch: (url: string) => request(server).patch(url).set('Authorization', `Bearer ${token}`),
    delete: (url: string) => request(server).delete(url).set('Authorization', `Bearer ${token}`),
  });
  const admin = as(ADMIN_TOKEN);
  return {
    app,
    config,
    clock,
    http,
    as,
    admin,
    async tokenFor(role, lawyerId) {
      const res = await admin.post('/api/v1/users').send({ name: `${role} user`, role, ...(lawyerId ? { lawyerId } : {}) });
      if (res.status !== 201) throw new Error(`cannot create ${role}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token as string;
    },
    close: () => app.close(),
  };
}
