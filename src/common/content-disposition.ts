/** RFC 8187 attr-char: what may stand unencoded in `filename*`; encodeURIComponent leaves ' ( ) * ! unencoded too. */
const encode = (s: string): string => encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the real (Chinese) file name in `filename*=UTF-8''…` (RFC 6266 / 8187)
 * and an ASCII `filename` for clients that read only that.
 */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encode(fileName)}`;
}
