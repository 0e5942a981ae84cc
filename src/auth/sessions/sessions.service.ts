import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, Not, Repository } from 'typeorm';
import { Clock } from '../../common/clock';
import { DomainError } from '../../common/errors';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { iso, newId } from '../../database/columns';
import type { Actor } from '../../common/actor';
import { actorOf } from '../api-tokens.service';
import { needsTouch, SessionPolicy, sessionState } from '../domain/sign-in-rules';
import { hashToken } from '../tokens';
import { User } from '../user.entity';
import { Session } from './session.entity';

export interface SessionActor {
  actor: Actor;
  sessionId: string;
  mustChangePassword: boolean;
}

export const signInRequired = (message = '请先登录'): DomainError => new DomainError('unauthorized', 'UNAUTHORIZED', message);

/** Console sessions: one writer for the sessions table. */
@Injectable()
export class SessionsService {
  private readonly policy: SessionPolicy;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.policy = { idleMinutes: config.auth.sessionIdleMinutes, maxHours: config.auth.sessionMaxHours };
  }

  get maxAgeSeconds(): number {
    return this.policy.maxHours * 3600;
  }

  /** Starts a session inside the caller's transaction; the secret goes into the cookie only. */
  async start(m: EntityManager, userId: string): Promise<string> {
    const secret = randomBytes(32).toString('base64url');
    const now = iso(this.clock.now());
    await m.insert(Session, { id: newId(), tokenHash: hashToken(secret), userId, createdAt: now, lastSeenAt: now });
    return secret;
  }

  /** The signed-in active user, or null for an unknown, ended or timed-out session (which is removed). */
  async resolve(secret: string): Promise<SessionActor | null> {
    const row = (await this.sessions
      .createQueryBuilder('s')
      .innerJoinAndMapOne('s.user', User, 'u', 'u.id = s.userId AND u.active = :active', { active: true })
      .where('s.tokenHash = :hash', { hash: hashToken(secret) })
      .getOne()) as (Session & { user?: User }) | null;
    if (!row?.user) return null;
    const now = this.clock.now();
    if (sessionState(new Date(row.createdAt), new Date(row.lastSeenAt), now, this.policy) !== 'live') {
      await this.sessions.delete({ id: row.id });
      return null;
    }
    if (needsTouch(new Date(row.lastSeenAt), now)) await this.sessions.update({ id: row.id }, { lastSeenAt: iso(now) });
    return { actor: actorOf(row.user), sessionId: row.id, mustChangePassword: row.user.mustChangePassword };
  }

  async end(secret: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(secret) });
  }

  /** Ends every session of the user (deactivation, password reset) but `keep`, inside the caller's transaction. */
  async endAll(m: EntityManager, userId: string, keep?: string): Promise<void> {
    await m.delete(Session, keep ? { userId, id: Not(keep) } : { userId });
  }
}
