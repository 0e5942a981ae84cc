/** A built feed, ready to send. */
export interface BuiltFeed {
  body: Buffer;
  lastModified: string;
}

/**
 * Built feed bodies keyed by ETag, least recently used evicted first, bounded in bytes.
 * A pure cache: the ETag names the content, so an instance that never saw a feed just
 * builds it once, and instances behind a load balancer never disagree.
 */
export class FeedCache {
  private readonly entries = new Map<string, BuiltFeed>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(etag: string): BuiltFeed | undefined {
    const hit = this.entries.get(etag);
    if (hit) {
      this.entries.delete(etag);
      this.entries.set(etag, hit);
    }
    return hit;
  }

  set(etag: string, feed: BuiltFeed): void {
    if (feed.body.length > this.maxBytes) return;
    const old = this.entries.get(etag);
    if (old) {
      this.entries.delete(etag);
      this.bytes -= old.body.length;
    }
    this.entries.set(etag, feed);
    this.bytes += feed.body.length;
    for (const [key, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(key);
      this.bytes -= entry.body.length;
    }
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
