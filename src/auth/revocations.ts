import { Injectable } from '@nestjs/common';

/** What stopped working: every credential of a user, or one API token (by its hash). */
export type Revocation = { userId: string; tokenHash?: string };

/**
 * The explicit call made after a revocation commits (a user deactivated, a token deleted,
 * sessions ended). A cache of token → actor subscribes here and drops what it holds, so
 * "401 at once" stays true with a cache in front of the database.
 */
@Injectable()
export class Revocations {
  private readonly listeners: Array<(r: Revocation) => void> = [];

  onRevoke(listener: (r: Revocation) => void): void {
    this.listeners.push(listener);
  }

  revoked(revocation: Revocation): void {
    for (const listener of this.listeners) listener(revocation);
  }
}
