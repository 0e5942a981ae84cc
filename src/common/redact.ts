/**
 * Query keys whose values are secrets, compared on the key fully decoded, lower-cased and
 * stripped to its letters (`tok%65n`, `tok%2565n`, `a_token`, `TOKEN`, `t%00oken`).
 */
const SECRET_KEY = /token|secret|password|passwd|session|csrf/;
/** What this server's tokens look like (src/auth/tokens.ts): masked wherever they appear, under any key or none. */
const TOKEN_SHAPE = /(?:dl|cal)_[A-Za-z0-9_-]{20,}/;
/** Path prefixes after which every segment is a secret (a lawyer's feed URL is its token). */
const SECRET_PATH_PREFIXES = [['calendar', 'lawyers']];
const MASK = '***';
/** Where a query starts or one of its parts ends: `?`, `#` (a fragment a raw client sent), `&` and `;`. */
const QUERY_SEPARATORS = /([?#&;])/;

/** Every valid %XX run decoded, up to three times over (double encoding); a malformed escape is kept as it is. */
function decodeDeep(s: string): string {
  let out = s.replace(/\+/g, ' ');
  for (let round = 0; round < 3; round++) {
    const next = out.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

function maskPath(path: string): string {
  const segments = path.split('/');
  const decoded = segments.map((s) => decodeDeep(s).toLowerCase());
  // Empty and `.` segments (`/calendar//lawyers/…`, `/./calendar/…`) do not break a prefix.
  const meaningful = decoded.flatMap((s, i) => (s === '' || s === '.' ? [] : [i]));
  for (let n = 0; n < meaningful.length; n++) {
    const prefix = SECRET_PATH_PREFIXES.find((p) => p.every((part, j) => decoded[meaningful[n + j]] === part));
    if (prefix) {
      const last = meaningful[n + prefix.length - 1];
      for (let k = last + 1; k < segments.length; k++) if (segments[k] !== '') segments[k] = MASK;
      break;
    }
  }
  // decoded is lower-cased, which TOKEN_SHAPE matches whenever the segment's own case would.
  return segments.map((s, i) => (TOKEN_SHAPE.test(decoded[i]) ? MASK : s)).join('/');
}

function maskQueryPart(part: string): string {
  const eq = part.indexOf('=');
  const key = eq < 0 ? part : part.slice(0, eq);
  const decodedKey = decodeDeep(key);
  const letters = decodedKey.toLowerCase().replace(/[^a-z]/g, '');
  if (!SECRET_KEY.test(letters) && !TOKEN_SHAPE.test(decodeDeep(part))) return part;
  return eq < 0 || TOKEN_SHAPE.test(decodedKey) ? MASK : `${key}=${MASK}`;
}

/**
 * A request URL as it may be logged: secret query values, every path segment after a feed
 * prefix, and anything shaped like one of this server's tokens masked. Works on the decoded
 * text (double encodings too), case-insensitively, every occurrence, with `&`, `;`, `?` and `#`
 * all ending a query part, so encodings, repeated keys and odd separators do not slip through.
 */
export function redactUrl(url: string): string {
  const start = url.search(/[?#]/);
  const path = start < 0 ? url : url.slice(0, start);
  const tail = start < 0 ? '' : url.slice(start);
  const query = tail
    .split(QUERY_SEPARATORS)
    .map((piece, i) => (i % 2 === 1 ? piece : maskQueryPart(piece)))
    .join('');
  return maskPath(path) + query;
}
