import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { DomainError, forbidden } from '../common/errors';
import type { Actor } from '../common/actor';
import { ApiTokensService } from './api-tokens.service';
import { PUBLIC_KEY, RequestAuth, ROLES_KEY, SELF_SERVICE_KEY } from '../common/access.decorators';
import { credentialsOf, CSRF_HEADER, csrfMatches, isSafeMethod } from './credentials';
import { SessionsService, signInRequired } from './sessions/sessions.service';
import type { Role } from '../common/actor';

type AuthedRequest = IncomingMessage & { method: string; actor?: Actor; auth?: RequestAuth };

/**
 * Global guard: no or unknown credentials → 401; known, wrong role → 403.
 * A bearer token or the console's session cookie (which also needs the CSRF header on
 * every write). A route without @Roles is admin-only, so forgetting the decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: ApiTokensService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const actor = await this.authenticate(req, this.reflector.getAllAndOverride<boolean>(SELF_SERVICE_KEY, targets) ?? false);
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (actor.role !== 'admin' && !roles.includes(actor.role)) {
      throw new DomainError('forbidden', 'FORBIDDEN', `role ${actor.role} may not do this`);
    }
    return true;
  }

  private async authenticate(req: AuthedRequest, selfService: boolean): Promise<Actor> {
    const credentials = credentialsOf(req.headers);
    if (!credentials) throw new DomainError('unauthorized', 'UNAUTHORIZED', 'a valid bearer token is required');
    if (credentials.kind === 'bearer') {
      const actor = await this.tokens.actorForToken(credentials.token);
      if (!actor) throw new DomainError('unauthorized', 'UNAUTHORIZED', 'a valid bearer token is required');
      req.auth = { via: 'bearer' };
      return actor;
    }
    const session = await this.sessions.resolve(credentials.secret);
    if (!session) throw signInRequired('登录已失效，请重新登录');
    if (!isSafeMethod(req.method) && !csrfMatches(credentials.secret, req.headers[CSRF_HEADER])) {
      throw forbidden('CSRF 校验失败：请刷新页面后重试', 'CSRF_TOKEN_INVALID');
    }
    if (session.mustChangePassword && !selfService) throw forbidden('请先修改密码', 'PASSWORD_CHANGE_REQUIRED');
    req.auth = { via: 'session', sessionId: session.sessionId, sessionSecret: credentials.secret };
    return session.actor;
  }
}
