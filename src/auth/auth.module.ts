import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LawyersModule } from '../lawyers/lawyers.module';
import { ApiToken } from './api-token.entity';
import { ApiTokensService } from './api-tokens.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { Revocations } from './revocations';
import { Session } from './sessions/session.entity';
import { SessionsService } from './sessions/sessions.service';
import { SignInService } from './sign-in.service';
import { User } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([User, ApiToken, Session]),
    LawyersModule,
    // Per-address limit on sign-in only (the guard is put on that route); accounts lock on their own.
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ ttl: 60_000, limit: config.auth.loginRateLimit }],
        errorMessage: '登录尝试过于频繁，请稍后再试',
      }),
    }),
  ],
  controllers: [AuthController, UsersController],
  providers: [UsersService, ApiTokensService, SessionsService, SignInService, Revocations, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [UsersService, ApiTokensService, Revocations],
})
export class AuthModule {}
