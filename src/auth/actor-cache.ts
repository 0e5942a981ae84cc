import type { Actor } from '../common/actor';
import type { Revocation } from './revocations';

/** How long another instance may still accept a revoked token: revocation is effective within this everywhere. */
export const ACTOR_CACHE_MS = 2_000;
/** Bounded: the oldest entry goes first when full. */
export const ACTOR_CACHE_ENTRIES = 2_000;

interface Entry {
  actor: Actor;
  until: number;
}

/**
 * token hash → actor for ACTOR_CACHE_MS (monotonic time), so a hot read does not pay the
 * token lookup on every request. `drop` (wired to Revocations) forgets at once what a
 * revocation on this instance names; other instances forget within ACTOR_CACHE_MS.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  get(hash: string): Actor | undefined {
    const e = this.entries.get(hash);
    if (!e) return undefined;
    if (e.until > this.now()) return e.actor;
    this.entries.delete(hash);
    return undefined;
  }

  set(hash: string, actor: Actor): void {
    this.entries.delete(hash);
    if (this.entries.size >= ACTOR_CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(hash, { actor, until: this.now() + ACTOR_CACHE_MS });
  }

  drop(r: Revocation): void {
    if (r.tokenHash) {
      this.entries.delete(r.tokenHash);
      return;
    }
    for (const [hash, e] of this.entries) if (e.actor.id === r.userId) this.entries.delete(hash);
  }

  get size(): number {
    return this.entries.size;
  }
}
