import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { notFound } from '../common/errors';
import { iso, sortableId } from '../database/columns';
import type { Actor } from '../common/actor';
import { ActorCache } from './actor-cache';
import { ApiToken } from './api-token.entity';
import { needsTouch } from './domain/sign-in-rules';
import { Revocations } from './revocations';
import { hashToken, newToken } from './tokens';
import { User } from './user.entity';

export interface TokenView {
  id: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export const actorOf = (u: User): Actor => ({ id: u.id, name: u.name, role: u.role, lawyerId: u.lawyerId, courtName: u.courtName });

/** Bearer tokens: one writer for api_tokens. */
@Injectable()
export class ApiTokensService {
  private readonly logger = new Logger(ApiTokensService.name);
  private readonly cache = new ActorCache();

  constructor(
    @InjectRepository(ApiToken) private readonly tokens: Repository<ApiToken>,
    private readonly clock: Clock,
    private readonly revocations: Revocations,
  ) {
    revocations.onRevoke((r) => this.cache.drop(r));
  }

  /**
   * The active user holding a live token, or null; notes the use at most once a minute.
   * Answers from a brief cache (ActorCache: dropped at once by a revocation here, within
   * seconds on other instances); unknown tokens are not cached.
   */
  async actorForToken(token: string): Promise<Actor | null> {
    const hash = hashToken(token);
    const cached = this.cache.get(hash);
    if (cached) return cached;
    const row = await this.tokens
      .createQueryBuilder('t')
      .innerJoinAndMapOne('t.user', User, 'u', 'u.id = t.userId AND u.active = :active', { active: true })
      .where('t.tokenHash = :hash AND t.revokedAt IS NULL', { hash })
      .getOne();
    const user = (row as (ApiToken & { user?: User }) | null)?.user;
    if (!row || !user) return null;
    const now = this.clock.now();
    if (!row.lastUsedAt || needsTouch(new Date(row.lastUsedAt), now)) {
      // Bookkeeping only: a failed note (a busy or full database) must not fail the request it rides on.
      await this.tokens.update({ id: row.id }, { lastUsedAt: iso(now) }).catch((err: unknown) => {
        this.logger.warn({ code: (err as { code?: string }).code }, 'could not note token use');
      });
    }
    const actor = actorOf(user);
    this.cache.set(hash, actor);
    return actor;
  }

  /** A new token for the user, inside the caller's transaction; the secret is answered this once. */
  async issue(m: EntityManager, userId: string, token = newToken()): Promise<TokenView & { token: string }> {
    const now = this.clock.now();
    // Sortable ids: tokens issued within one clock tick still list in issue order.
    const row: ApiToken = {
      id: sortableId(now),
      userId,
      tokenHash: hashToken(token),
      createdAt: iso(now),
      lastUsedAt: null,
      revokedAt: null,
    };
    await m.insert(ApiToken, row);
    return { id: row.id, createdAt: row.createdAt, lastUsedAt: null, token };
  }

  async list(userId: string): Promise<TokenView[]> {
    const rows = await this.tokens.find({ where: { userId, revokedAt: IsNull() }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map((t) => ({ id: t.id, createdAt: t.createdAt, lastUsedAt: t.lastUsedAt }));
  }

  /** Revokes one live token of the user; call `revocations.revoked` after the commit. */
  async revoke(m: EntityManager, userId: string, tokenId: string): Promise<string> {
    const row = await m.findOneBy(ApiToken, { id: tokenId, userId, revokedAt: IsNull() });
    if (!row) throw notFound('ApiToken', tokenId);
    await m.update(ApiToken, { id: row.id, revokedAt: IsNull() }, { revokedAt: iso(this.clock.now()) });
    return row.tokenHash;
  }

  async revokeAll(m: EntityManager, userId: string): Promise<void> {
    await m.update(ApiToken, { userId, revokedAt: IsNull() }, { revokedAt: iso(this.clock.now()) });
  }

  announce(userId: string, tokenHash?: string): void {
    this.revocations.revoked({ userId, ...(tokenHash ? { tokenHash } : {}) });
  }
}
