import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { type Actor, ROLES, type Role } from './actor';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const SELF_SERVICE_KEY = 'auth:self-service';

/** No bearer token needed (health, calendar feeds with their own secret, the reception page). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/** The roles allowed; `admin` is always allowed as well. */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** Every role; and still open to a session that must change its password first (me, logout, password). */
export const SelfService = (): MethodDecorator => (target, key, descriptor) => {
  SetMetadata(ROLES_KEY, [...ROLES])(target, key, descriptor);
  SetMetadata(SELF_SERVICE_KEY, true)(target, key, descriptor);
};

export const CurrentActor = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): Actor => ctx.switchToHttp().getRequest<{ actor: Actor }>().actor,
);

/** How the current request signed in: the session's id and secret when it came with the console's cookie. */
export interface RequestAuth {
  via: 'bearer' | 'session';
  sessionId?: string;
  sessionSecret?: string;
}

export const CurrentAuth = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestAuth => ctx.switchToHttp().getRequest<{ auth: RequestAuth }>().auth,
);
