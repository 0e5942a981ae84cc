/**
 * What a database error means for the request that met it, from the driver's codes alone
 * (PostgreSQL SQLSTATE, SQLite result codes, Node socket codes). Pure: no TypeORM import,
 * the error is inspected by shape (`code`, `driverError`, `cause`, `errors`).
 *
 * - `unavailable`: the database cannot serve now (stopped, unreachable, pool exhausted,
 *   statement or lock timeout, disk full, read-only file) → 503 with Retry-After.
 *   `io` marks the storage faults after which SQLite's health stays down until a real write succeeds.
 * - `retry`: a serialization failure or deadlock; the whole transaction may be run again.
 * - `constraint`: a unique or foreign-key violation that slipped past the services' checks.
 * - `bad_input`: a value the database refuses (NUL byte, out of range, not null).
 */
export type DbFailure =
  | { kind: 'unavailable'; io: boolean; code: string }
  | { kind: 'retry'; code: string }
  | { kind: 'constraint'; code: string; constraint?: string }
  | { kind: 'bad_input'; code: string; column?: string };

/** SQLite storage faults: the write did not reach the file (SQLITE_IOERR_* are extended codes). */
const SQLITE_IO = /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|CORRUPT|NOTADB|NOMEM|PROTOCOL)/;
const SQLITE_BUSY = /^SQLITE_(BUSY|LOCKED)/;
/** PostgreSQL storage faults: 53100 disk_full, 58030 io_error, 53200 out_of_memory. */
const PG_IO = new Set(['53100', '58030', '53200']);
/**
 * 08 connection exceptions, 57P01–57P03 shutdown / cannot connect now, 53300 too many connections,
 * 57014 statement timeout, 55P03 lock timeout, 25P03 idle-in-transaction timeout.
 */
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300|57014|55P03|25P03)$/;
const SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Messages of pg-pool and pg when the connection or its acquisition fails (they carry no code). */
const CONNECTION_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connection is not open|Client has encountered a connection error|Driver not Connected|database connection is not open/i;

interface Shape {
  code?: unknown;
  message?: unknown;
  constraint?: unknown;
  column?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The error and what it wraps: TypeORM's driverError, a cause, an AggregateError's errors. */
function layers(err: unknown, depth = 0): Shape[] {
  if (!err || typeof err !== 'object' || depth > 4) return [];
  const e = err as Shape;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return [e, ...inner.flatMap((x) => layers(x, depth + 1))];
}

function classifyOne(e: Shape): DbFailure | null {
  const code = typeof e.code === 'string' ? e.code : '';
  if (code.startsWith('SQLITE_CONSTRAINT_NOTNULL')) return { kind: 'bad_input', code };
  if (code.startsWith('SQLITE_CONSTRAINT')) return { kind: 'constraint', code };
  if (SQLITE_IO.test(code)) return { kind: 'unavailable', io: true, code };
  if (SQLITE_BUSY.test(code)) return { kind: 'unavailable', io: false, code };
  if (code === '40P01' || code === '40001') return { kind: 'retry', code };
  if (code === '23505' || code === '23503') {
    return { kind: 'constraint', code, ...(typeof e.constraint === 'string' ? { constraint: e.constraint } : {}) };
  }
  if (code === '23502' || code === '23514' || code.startsWith('22')) {
    return { kind: 'bad_input', code, ...(typeof e.column === 'string' ? { column: e.column } : {}) };
  }
  if (PG_IO.has(code)) return { kind: 'unavailable', io: true, code };
  if (PG_UNAVAILABLE.test(code)) return { kind: 'unavailable', io: false, code };
  if (SOCKET.has(code)) return { kind: 'unavailable', io: false, code };
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message))
    return { kind: 'unavailable', io: false, code: code || 'CONNECTION' };
  return null;
}

export function classifyDbError(err: unknown): DbFailure | null {
  for (const layer of layers(err)) {
    const f = classifyOne(layer);
    if (f) return f;
  }
  return null;
}

/**
 * What may be logged of a database error: codes and names, never the row (PostgreSQL's
 * `detail` says "Failing row contains (…)" with the personal data of the row; `parameters`
 * and `query` carry the values).
 */
export function loggableDbError(err: unknown): Record<string, string> | null {
  const f = classifyDbError(err);
  const source = layers(err).find((l) => typeof l.code === 'string');
  if (!f && !source) return null;
  const out: Record<string, string> = {};
  if (f) out.failure = f.kind;
  if (source) out.code = String(source.code);
  for (const l of layers(err)) {
    for (const key of ['constraint', 'table', 'column', 'routine'] as const) {
      const v = (l as Record<string, unknown>)[key];
      if (typeof v === 'string' && !out[key]) out[key] = v;
    }
  }
  return out;
}
