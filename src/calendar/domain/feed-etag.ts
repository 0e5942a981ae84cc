import { createHash } from 'node:crypto';

/** Bumped when the rendering changes, so clients holding an old body re-download it. */
export const FEED_FORMAT_VERSION = 2; // 2: the last line ends with CRLF; hearing labels from src/shared/labels

/**
 * A strong ETag from the feed's identity and the aggregates of its rows (counts, latest
 * updates, sequence sums): any insert, update or removal in the window changes one of them.
 */
export function feedEtag(parts: ReadonlyArray<string | number | null>): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([FEED_FORMAT_VERSION, ...parts]))
    .digest('base64url');
  return `"${digest.slice(0, 32)}"`;
}

/** RFC 9110 §13.1.2: If-None-Match matches weakly; `*` matches any current representation. */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
