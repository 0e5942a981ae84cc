import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './helpers/app';
import { startChildServer } from './helpers/child-server';

/**
 * A database that cannot be opened at start-up: the server exits with status 1 and says why
 * (it used to end through Nest's abort, which in a test run ended the whole jest process with
 * it, so one file's failed start took every later file down).
 */
describe('start-up on a database that cannot be opened (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-start-up-'));
  const file = join(dir, 'not-a-database.sqlite');
  writeFileSync(file, 'this is not a SQLite file '.repeat(200));
  const env = { DATABASE_URL: `sqlite:${file}`, DB_CONNECT_RETRIES: '0' };

  it('rejects createApp instead of ending the process, so the caller decides', async () => {
    // Not `.rejects.toThrow`: better-sqlite3's native part keeps the SqliteError class of the
    // first test file that loaded it, so in a whole run the error is no `Error` of this file's realm.
    const failure: unknown = await startApp({ env }).then(
      () => 'started',
      (err: unknown) => err,
    );
    expect(String((failure as { message?: unknown }).message)).toMatch(/file is not a database/);
  });

  it('the real server exits with status 1 and a one-line reason', async () => {
    await expect(startChildServer(env)).rejects.toThrow(/start-up failed: file is not a database/);
  });
});
