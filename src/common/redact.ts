/** Query keys whose values are secrets (decoded and compared case-insensitively: `tok%65n`, `a_token`, `TOKEN`). */
const SECRET_KEY = /token|secret|password|passwd|session|csrf/i;
/** Path prefixes after which every segment is a secret (a lawyer's feed URL is its token). */
const SECRET_PATH_PREFIXES = [['calendar', 'lawyers']];
const MASK = '***';

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s; // a malformed escape: compare the raw text
  }
}

/**
 * A request URL as it may be logged: secret query values and every path segment after a
 * feed prefix masked. Works on the decoded path and the parsed query, case-insensitively,
 * every occurrence, so encodings and repeated keys do not slip through.
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = q < 0 ? null : url.slice(q + 1);
  const segments = path.split('/');
  const lower = segments.map((s) => decode(s).toLowerCase());
  for (let i = 0; i < segments.length; i++) {
    const prefix = SECRET_PATH_PREFIXES.find((p) => p.every((part, j) => lower[i + j] === part));
    if (prefix) {
      for (let k = i + prefix.length; k < segments.length; k++) segments[k] = MASK;
      break;
    }
  }
  const safeQuery =
    query === null
      ? ''
      : '?' +
        query
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            const key = eq < 0 ? pair : pair.slice(0, eq);
            return SECRET_KEY.test(decode(key)) ? `${key}=${MASK}` : pair;
          })
          .join('&');
  return segments.join('/') + safeQuery;
}
