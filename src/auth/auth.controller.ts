import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Actor } from '../common/actor';
import { CurrentActor, CurrentAuth, Public, RequestAuth, SelfService } from '../common/access.decorators';
import { clearedSessionCookie, csrfTokenFor, sessionCookie } from './credentials';
import { ChangePasswordDto, LoginDto } from './dto/sign-in.dto';
import { SessionsService } from './sessions/sessions.service';
import { SignInService } from './sign-in.service';
import { UsersService } from './users.service';
import { ApiErrors } from '../common/api-errors';

/** What this needs of the HTTP platform: whether the request came over TLS, and setting a header. */
interface SecureRequest {
  secure?: boolean;
}
interface HeaderResponse {
  setHeader(name: string, value: string): unknown;
}

/** The console's sign-in: a session cookie and the CSRF token that goes with it. */
@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
  ) {}

  /** 200 {user, csrfToken} and the session cookie; 401 for any wrong pair; 429 locked or too fast. */
  @Post('login')
  @Public()
  @UseGuards(ThrottlerGuard)
  @HttpCode(200)
  @ApiErrors('UNAUTHORIZED', 'ACCOUNT_LOCKED', 'RATE_LIMITED')
  async login(@Body() dto: LoginDto, @Req() req: SecureRequest, @Res({ passthrough: true }) res: HeaderResponse) {
    const { user, secret } = await this.signIn.login(dto.username, dto.password);
    res.setHeader('Set-Cookie', sessionCookie(secret, { secure: req.secure === true, maxAgeSeconds: this.sessions.maxAgeSeconds }));
    return { user, csrfToken: csrfTokenFor(secret) };
  }

  /** 204; ends the session of this cookie (a bearer caller has none to end). */
  @Post('logout')
  @SelfService()
  @HttpCode(204)
  @ApiErrors('UNAUTHORIZED', 'CSRF_TOKEN_INVALID')
  async logout(
    @CurrentAuth() auth: RequestAuth,
    @Req() req: SecureRequest,
    @Res({ passthrough: true }) res: HeaderResponse,
  ): Promise<void> {
    if (auth.sessionSecret) await this.sessions.end(auth.sessionSecret);
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure === true));
  }

  /** {user, csrfToken?}: who is signed in (the console asks on every page load). */
  @Get('me')
  @SelfService()
  @ApiErrors('UNAUTHORIZED')
  async me(@CurrentActor() actor: Actor, @CurrentAuth() auth: RequestAuth) {
    const user = await this.users.signedIn(actor.id);
    return { user, ...(auth.sessionSecret ? { csrfToken: csrfTokenFor(auth.sessionSecret) } : {}) };
  }

  /** {user}: own password; the other sessions of the user end. */
  @Post('password')
  @SelfService()
  @HttpCode(200)
  @ApiErrors('UNAUTHORIZED', 'CSRF_TOKEN_INVALID', 'WRONG_PASSWORD')
  async password(@Body() dto: ChangePasswordDto, @CurrentActor() actor: Actor, @CurrentAuth() auth: RequestAuth) {
    return { user: await this.signIn.changePassword(actor, auth.sessionId, dto.current, dto.next) };
  }
}
