import { classifyDbError, loggableDbError } from './db-errors';

const query = (driverError: object) => Object.assign(new Error('query failed'), { driverError, query: 'INSERT …', parameters: ['王小明'] });

describe('classifyDbError', () => {
  it.each([
    ['SQLite disk full (SQLITE_FULL)', query({ code: 'SQLITE_FULL' }), { kind: 'unavailable', io: true }],
    ['SQLite I/O error, extended code', query({ code: 'SQLITE_IOERR_WRITE' }), { kind: 'unavailable', io: true }],
    ['SQLite read-only file', query({ code: 'SQLITE_READONLY_DBMOVED' }), { kind: 'unavailable', io: true }],
    ['SQLite busy after the busy timeout', query({ code: 'SQLITE_BUSY' }), { kind: 'unavailable', io: false }],
    ['SQLite unique violation', query({ code: 'SQLITE_CONSTRAINT_UNIQUE' }), { kind: 'constraint' }],
    ['SQLite NOT NULL', query({ code: 'SQLITE_CONSTRAINT_NOTNULL' }), { kind: 'bad_input' }],
    ['PostgreSQL deadlock 40P01', query({ code: '40P01' }), { kind: 'retry' }],
    ['PostgreSQL serialization failure 40001', query({ code: '40001' }), { kind: 'retry' }],
    [
      'PostgreSQL unique violation with its constraint',
      query({ code: '23505', constraint: 'uq_lawyers_license_no' }),
      { kind: 'constraint', constraint: 'uq_lawyers_license_no' },
    ],
    ['PostgreSQL NUL byte in text (22021)', query({ code: '22021' }), { kind: 'bad_input' }],
    ['PostgreSQL not-null violation names the column', query({ code: '23502', column: 'name' }), { kind: 'bad_input', column: 'name' }],
    ['PostgreSQL statement_timeout (57014)', query({ code: '57014' }), { kind: 'unavailable', io: false }],
    ['PostgreSQL lock_timeout (55P03)', query({ code: '55P03' }), { kind: 'unavailable', io: false }],
    ['PostgreSQL idle-in-transaction timeout (25P03)', query({ code: '25P03' }), { kind: 'unavailable', io: false }],
    ['PostgreSQL shutting down (57P01)', query({ code: '57P01' }), { kind: 'unavailable', io: false }],
    ['PostgreSQL connection failure class 08', query({ code: '08006' }), { kind: 'unavailable', io: false }],
    ['PostgreSQL disk full (53100)', query({ code: '53100' }), { kind: 'unavailable', io: true }],
    [
      'stopped server: ECONNREFUSED inside an AggregateError',
      new AggregateError([Object.assign(new Error('connect'), { code: 'ECONNREFUSED' })]),
      { kind: 'unavailable' },
    ],
    ['pool exhausted: pg-pool acquire timeout', new Error('timeout exceeded when trying to connect'), { kind: 'unavailable' }],
    ['connection dropped mid-query', new Error('Connection terminated unexpectedly'), { kind: 'unavailable' }],
  ])('%s', (_name, err, expected) => {
    expect(classifyDbError(err)).toMatchObject(expected);
  });

  it('leaves errors that are not the database’s alone', () => {
    expect(classifyDbError(new TypeError('x is undefined'))).toBeNull();
    expect(classifyDbError(undefined)).toBeNull();
  });
});

describe('loggableDbError', () => {
  it('keeps codes and constraint names, never the failing row, the query or its parameters', () => {
    const err = query({
      code: '23514',
      constraint: 'ck_cases_status',
      table: 'cases',
      detail: 'Failing row contains (王小明, 320481200801011234)',
    });
    const logged = loggableDbError(err);
    expect(logged).toEqual({ failure: 'bad_input', code: '23514', constraint: 'ck_cases_status', table: 'cases' });
    expect(JSON.stringify(logged)).not.toMatch(/王小明|3204812008|INSERT/);
  });

  it('is null for an error that is not the database’s', () => {
    expect(loggableDbError(new Error('plain'))).toBeNull();
  });
});
