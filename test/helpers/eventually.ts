import { setTimeout as pause } from 'node:timers/promises';

/**
 * Polls `check` until it says true, every `everyMs`, for at most `withinMs`: for what another
 * process delivers in its own time (a PostgreSQL notification). Fails with `what` if it never does.
 */
export async function eventually(what: string, check: () => Promise<boolean>, withinMs = 5_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await pause(everyMs);
  }
}
