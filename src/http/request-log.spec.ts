import { Writable } from 'node:stream';
import { pinoHttp } from 'pino-http';
import { QueryFailedError } from 'typeorm';
import { requestLogOptions } from './request-log';

/** What the server's logger (pino-http's, given to every Nest Logger) writes for `{ err }`, as a failing background job logs it. */
function logged(err: unknown): string {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  pinoHttp(requestLogOptions('info'), sink).logger.error({ err }, 'offer expiry failed');
  return lines.join('');
}

describe('error log lines (issue 13 item 4: codes and constraint names, never row contents)', () => {
  it('a database error a background job logs keeps its code and constraint, not the row, query or values', () => {
    const driverError = Object.assign(new Error('new row for relation "cases" violates check constraint "ck_cases_status"'), {
      code: '23514',
      constraint: 'ck_cases_status',
      table: 'cases',
      detail: 'Failing row contains (王小明, 320481200801011234)',
    });
    const line = logged(new QueryFailedError('INSERT INTO "cases" … VALUES ($1, $2)', ['王小明', '320481200801011234'], driverError));
    expect(JSON.parse(line).err).toEqual({
      type: 'QueryFailedError',
      db: { failure: 'bad_input', code: '23514', constraint: 'ck_cases_status', table: 'cases' },
    });
    expect(line).not.toMatch(/王小明|320481200801011234|INSERT/);
  });

  it('a SQLite write fault during a job (a mail body among the values) is logged by its code', () => {
    const driverError = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const line = logged(new QueryFailedError('INSERT INTO "notifications" …', ['欧阳小红的开庭通知'], driverError));
    expect(JSON.parse(line).err.db).toEqual({ failure: 'unavailable', code: 'SQLITE_FULL' });
    expect(line).not.toContain('欧阳小红');
  });

  it('any other error keeps its message and stack', () => {
    const err = JSON.parse(logged(new TypeError('boom'))).err;
    expect(err).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(err.stack).toContain('TypeError: boom');
  });
});
