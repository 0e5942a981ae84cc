import type { INestApplication } from '@nestjs/common';

/**
 * Graceful shutdown on SIGTERM/SIGINT: stop accepting connections, let requests and jobs
 * finish, close the database; if that takes longer than `timeoutMs` (a request stuck on a
 * database that does not answer), exit anyway with status 1.
 */
export function installShutdown(app: INestApplication, timeoutMs: number, exit: (code: number) => void = (c) => process.exit(c)): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      process.stdout.write(`${signal}: shutting down\n`);
      const timer = setTimeout(() => {
        process.stderr.write(`shutdown: not done after ${timeoutMs} ms, exiting\n`);
        exit(1);
      }, timeoutMs);
      timer.unref();
      app.close().then(
        () => {
          clearTimeout(timer);
          exit(0);
        },
        (err: unknown) => {
          clearTimeout(timer);
          process.stderr.write(`shutdown failed: ${String(err)}\n`);
          exit(1);
        },
      );
    });
  }
}
