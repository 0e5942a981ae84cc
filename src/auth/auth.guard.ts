import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/errors';
import type { Actor } from './actor';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { Role } from './user.entity';
import { UsersService } from './users.service';

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = header && /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : undefined;
}

/**
 * Global guard: no or unknown token → 401; known token, wrong role → 403.
 * A route without @Roles is admin-only, so forgetting the decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UsersService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const token = bearer(req);
    const actor = token ? await this.users.actorForToken(token) : null;
    if (!actor) throw new DomainError('unauthorized', 'UNAUTHORIZED', 'a valid bearer token is required');
    req.actor = actor;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
    if (actor.role !== 'admin' && !roles.includes(actor.role)) {
      throw new DomainError('forbidden', 'FORBIDDEN', `role ${actor.role} may not do this`);
    }
    return true;
  }
}
