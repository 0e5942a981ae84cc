import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, RetryLaterError } from '../common/errors';
import { APP_CONFIG, AppConfig } from '../config/config';
import { iso } from '../database/columns';
import { Transactions } from '../database/transactions';
import type { Actor } from '../common/actor';
import { actorOf } from './api-tokens.service';
import { lockAfterFailure, lockedForSeconds, LockoutPolicy, passwordProblem } from './domain/sign-in-rules';
import { hashPassword, passwordMatches } from './passwords';
import { SessionsService, signInRequired } from './sessions/sessions.service';
import { User } from './user.entity';

export interface SignedInUser {
  id: string;
  name: string;
  username: string | null;
  role: User['role'];
  lawyerId: string | null;
  courtName: string | null;
  mustChangePassword: boolean;
}

export const signedInView = (u: User): SignedInUser => ({
  id: u.id,
  name: u.name,
  username: u.username,
  role: u.role,
  lawyerId: u.lawyerId,
  courtName: u.courtName,
  mustChangePassword: u.mustChangePassword,
});

const WRONG = '用户名或密码错误';

/** Password sign-in with per-account lockout, and changing one's own password. */
@Injectable()
export class SignInService {
  private readonly lockout: LockoutPolicy;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly sessions: SessionsService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.lockout = { maxFailures: config.auth.loginMaxFailures, lockoutMinutes: config.auth.loginLockoutMinutes };
  }

  /**
   * → the user and a session secret. Unknown user, no password, inactive, wrong password:
   * one 401 answer for all. A locked account answers 429 even for the right password.
   */
  async login(username: string, password: string): Promise<{ user: SignedInUser; secret: string }> {
    const user = await this.users.findOneBy({ username });
    const now = this.clock.now();
    const wait = lockedForSeconds(user?.lockedUntil ? new Date(user.lockedUntil) : null, now);
    if (wait > 0) throw this.locked(wait);
    const ok = await passwordMatches(user?.active ? user.passwordHash : null, password);
    if (!user || !user.active || !ok) {
      if (user) await this.failed(user, now);
      throw signInRequired(WRONG);
    }
    return this.tx.run(async (m) => {
      await m.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: null });
      const secret = await this.sessions.start(m, user.id);
      await this.audit.record(m, actorOf(user), 'auth.login', 'user', user.id);
      return { user: signedInView(user), secret };
    });
  }

  /** Counts in the database (+1 in one statement), so parallel guesses cannot slip past the limit. */
  private async failed(user: User, now: Date): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update(User)
      .set({ failedLogins: () => 'failed_logins + 1' })
      .where('id = :id', { id: user.id })
      .execute();
    const fresh = await this.users.findOneByOrFail({ id: user.id });
    const until = lockAfterFailure(fresh.failedLogins, now, this.lockout);
    if (!until) return;
    await this.tx.run(async (m) => {
      await m.update(User, { id: user.id }, { failedLogins: 0, lockedUntil: iso(until) });
      await this.audit.record(m, actorOf(user), 'auth.locked', 'user', user.id, { until: iso(until) });
    });
    throw this.locked(lockedForSeconds(until, now));
  }

  private locked(seconds: number): RetryLaterError {
    const minutes = Math.ceil(seconds / 60);
    return new RetryLaterError(
      'too_many_requests',
      'ACCOUNT_LOCKED',
      `登录失败次数过多，账户已暂时锁定，请 ${minutes} 分钟后再试`,
      seconds,
    );
  }

  /** Own password: the current one is checked; the user's other sessions end. */
  async changePassword(actor: Actor, sessionId: string | undefined, current: string, next: string): Promise<SignedInUser> {
    const user = await this.users.findOneBy({ id: actor.id });
    if (!user) throw signInRequired();
    if (!(await passwordMatches(user.passwordHash, current))) throw badRequest('current', 'is not the current password', 'WRONG_PASSWORD');
    const problem = passwordProblem(next, { current });
    if (problem) throw badRequest('next', problem);
    const passwordHash = await hashPassword(next);
    return this.tx.run(async (m) => {
      await m.update(User, { id: user.id }, { passwordHash, mustChangePassword: false });
      await this.sessions.endAll(m, user.id, sessionId);
      await this.audit.record(m, actor, 'auth.password.change', 'user', user.id);
      return signedInView({ ...user, mustChangePassword: false });
    });
  }
}
