import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/errors';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { LawyersQuery } from '../lawyers/lawyers.query';
import { Actor, SYSTEM_ACTOR } from '../common/actor';
import { ApiTokensService, TokenView } from './api-tokens.service';
import { passwordProblem, USERNAME_PATTERN } from './domain/sign-in-rules';
import { hashPassword } from './passwords';
import { SessionsService } from './sessions/sessions.service';
import { SignedInUser, signedInView } from './sign-in.service';
import type { Role } from '../common/actor';
import { User } from './user.entity';

export interface NewUser {
  name: string;
  role: Role;
  lawyerId?: string;
  courtName?: string;
  username?: string;
  password?: string;
}

export interface UserChange {
  active?: boolean;
  role?: Role;
  courtName?: string | null;
  /** An admin's reset: the user must choose a new one at the next sign-in. */
  password?: string;
}

export interface UserView {
  id: string;
  name: string;
  username: string | null;
  role: Role;
  lawyerId: string | null;
  courtName: string | null;
  active: boolean;
  hasPassword: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

const view = (u: User): UserView => ({
  id: u.id,
  name: u.name,
  username: u.username,
  role: u.role,
  lawyerId: u.lawyerId,
  courtName: u.courtName,
  active: u.active,
  hasPassword: u.passwordHash !== null,
  mustChangePassword: u.mustChangePassword,
  lockedUntil: u.lockedUntil,
  createdAt: u.createdAt,
});

function checkLawyerLink(role: Role, lawyerId: string | null | undefined): void {
  if (role === 'lawyer' && !lawyerId) throw badRequest('lawyerId', 'is required for role lawyer');
  if (role !== 'lawyer' && lawyerId) throw badRequest('lawyerId', 'only users of role lawyer link to a lawyer');
}

function checkCourt(role: Role, courtName: string | null | undefined): void {
  if (role !== 'court_clerk' && courtName) throw badRequest('courtName', 'only users of role court_clerk belong to a court');
}

async function hashChecked(password: string): Promise<string> {
  const problem = passwordProblem(password);
  if (problem) throw badRequest('password', problem);
  return hashPassword(password);
}

/** Users: one writer for the users table (sign-in bookkeeping aside, see SignInService). */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly tokens: ApiTokensService,
    private readonly sessions: SessionsService,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly lawyers: LawyersQuery,
  ) {}

  /** Creates a user with a first API token, answered here once (only its hash is kept). */
  async create(input: NewUser, actor: Actor, token?: string) {
    checkLawyerLink(input.role, input.lawyerId);
    checkCourt(input.role, input.courtName);
    if (input.username !== undefined && !USERNAME_PATTERN.test(input.username)) {
      throw badRequest('username', '2–50 letters, digits, dots, dashes or underscores, starting with a letter or digit');
    }
    if (input.password !== undefined && input.username === undefined) throw badRequest('username', 'is required with a password');
    const passwordHash = input.password === undefined ? null : await hashChecked(input.password);
    return this.tx.run(async (m) => {
      if (input.lawyerId && !(await this.lawyers.exists(m, input.lawyerId))) {
        throw badRequest('lawyerId', 'no such lawyer');
      }
      if (input.username !== undefined) await this.usernameFree(m, input.username);
      const user: User = {
        id: newId(),
        name: input.name,
        role: input.role,
        lawyerId: input.lawyerId ?? null,
        courtName: input.courtName?.trim() ?? null,
        active: true,
        createdAt: iso(this.clock.now()),
        username: input.username ?? null,
        passwordHash,
        mustChangePassword: false,
        failedLogins: 0,
        lockedUntil: null,
      };
      await m.insert(User, user);
      const issued = await this.tokens.issue(m, user.id, token);
      await this.audit.record(m, actor, 'user.create', 'user', user.id, {
        name: user.name,
        role: user.role,
        ...(user.courtName ? { courtName: user.courtName } : {}),
        ...(user.username ? { username: user.username } : {}),
      });
      return {
        id: user.id,
        name: user.name,
        role: user.role,
        lawyerId: user.lawyerId,
        courtName: user.courtName,
        username: user.username,
        token: issued.token,
        tokenId: issued.id,
      };
    });
  }

  private async usernameFree(m: EntityManager, username: string): Promise<void> {
    if (await m.existsBy(User, { username })) throw conflict('USERNAME_TAKEN', `username ${username} is taken`);
  }

  list(): Promise<UserView[]> {
    return this.users.find({ order: { createdAt: 'ASC', id: 'ASC' } }).then((rows) => rows.map(view));
  }

  /**
   * Deactivating ends every session and revokes every token at once (issue 13 item 9);
   * a password reset by an admin ends the user's sessions and asks for a new password.
   */
  async update(id: string, change: UserChange, actor: Actor): Promise<UserView> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User', id);
    if (change.role !== undefined) checkLawyerLink(change.role, user.lawyerId);
    checkCourt(change.role ?? user.role, change.courtName === undefined ? user.courtName : change.courtName);
    if (change.password !== undefined && !user.username) throw badRequest('password', 'the user has no login name');
    if (id === actor.id && (change.active === false || (change.role !== undefined && change.role !== 'admin'))) {
      throw badRequest(change.active === false ? 'active' : 'role', 'an admin cannot lock themselves out');
    }
    const passwordHash = change.password === undefined ? undefined : await hashChecked(change.password);
    const set: Partial<User> = {
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(change.role !== undefined ? { role: change.role } : {}),
      ...(change.courtName !== undefined ? { courtName: change.courtName?.trim() ?? null } : {}),
      ...(passwordHash ? { passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null } : {}),
    };
    const moved = change.courtName !== undefined && (change.courtName?.trim() ?? null) !== user.courtName;
    const cut = change.active === false || passwordHash !== undefined || (change.role !== undefined && change.role !== user.role);
    const updated = await this.tx.run(async (m) => {
      if (Object.keys(set).length > 0) await m.update(User, { id }, set);
      if (cut) await this.sessions.endAll(m, id);
      if (change.active === false) await this.tokens.revokeAll(m, id);
      await this.audit.record(m, actor, 'user.update', 'user', id, {
        ...(change.active !== undefined ? { active: change.active } : {}),
        ...(change.role !== undefined ? { role: change.role } : {}),
        ...(change.courtName !== undefined ? { courtName: change.courtName } : {}),
        ...(passwordHash ? { passwordReset: true } : {}),
      });
      return m.findOneByOrFail(User, { id });
    });
    // A clerk moved to another court: the cached actors of their tokens and sessions go at once.
    if (cut || moved) this.tokens.announce(id);
    return view(updated);
  }

  async issueToken(userId: string, actor: Actor) {
    await this.existing(userId);
    return this.tx.run(async (m) => {
      const issued = await this.tokens.issue(m, userId);
      await this.audit.record(m, actor, 'user.token.issue', 'user', userId, { tokenId: issued.id });
      return issued;
    });
  }

  /** A new token; every older one of the user stops (the CLI's rotate-token: a leaked token replaced). */
  async rotateToken(userId: string, actor: Actor) {
    await this.existing(userId);
    const issued = await this.tx.run(async (m) => {
      await this.tokens.revokeAll(m, userId);
      const fresh = await this.tokens.issue(m, userId);
      await this.audit.record(m, actor, 'user.token.rotate', 'user', userId, { tokenId: fresh.id });
      return fresh;
    });
    this.tokens.announce(userId);
    return issued;
  }

  async revokeToken(userId: string, tokenId: string, actor: Actor): Promise<void> {
    const hash = await this.tx.run(async (m) => {
      const tokenHash = await this.tokens.revoke(m, userId, tokenId);
      await this.audit.record(m, actor, 'user.token.revoke', 'user', userId, { tokenId });
      return tokenHash;
    });
    this.tokens.announce(userId, hash);
  }

  async listTokens(userId: string): Promise<TokenView[]> {
    await this.existing(userId);
    return this.tokens.list(userId);
  }

  async signedIn(id: string): Promise<SignedInUser> {
    return signedInView(await this.existing(id));
  }

  async findByUsername(username: string): Promise<UserView> {
    const user = await this.users.findOneBy({ username });
    if (!user) throw notFound('User', username);
    return view(user);
  }

  private async existing(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User', id);
    return user;
  }

  /** The CLI: sets a login name and password directly (no change required afterwards). */
  async setPassword(id: string, username: string, password: string): Promise<UserView> {
    const user = await this.existing(id);
    if (!USERNAME_PATTERN.test(username)) throw badRequest('username', 'letters, digits, dots, dashes or underscores');
    const passwordHash = await hashChecked(password);
    return this.tx.run(async (m) => {
      if (user.username !== username) await this.usernameFree(m, username);
      await m.update(User, { id }, { username, passwordHash, mustChangePassword: false, failedLogins: 0, lockedUntil: null });
      await this.sessions.endAll(m, id);
      await this.audit.record(m, SYSTEM_ACTOR, 'user.password.set', 'user', id, { username });
      return view(await m.findOneByOrFail(User, { id }));
    });
  }

  /**
   * BOOTSTRAP_ADMIN_TOKEN and/or BOOTSTRAP_ADMIN_PASSWORD: the first admin (login `admin`),
   * only while there is no user at all.
   */
  async bootstrapAdmin(token: string | undefined, password: string | undefined): Promise<void> {
    if ((await this.users.count()) > 0) return;
    try {
      await this.create({ name: 'admin', role: 'admin', ...(password ? { username: 'admin', password } : {}) }, SYSTEM_ACTOR, token);
      this.logger.log('bootstrap admin created');
    } catch (err) {
      // Another instance starting at the same moment created it (unique token hash, unique username).
      if ((await this.users.count()) === 0) throw err;
    }
  }
}
