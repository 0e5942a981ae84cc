import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Clock } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { configureHttpPlatform } from './http/express-platform';
import { installFastPath } from './http/fast-path';
import { setupOpenApi } from './openapi';

/** Builds the configured HTTP application; main.ts listens, tests use it with supertest. */
export async function createApp(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, clock), {
    bodyParser: false,
    bufferLogs: true,
    // A module that fails to start rejects this promise instead of ending the process, so the
    // caller decides: main.ts exits with status 1, a test file fails alone.
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  configureHttpPlatform(app, config);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  await setupOpenApi(app);
  installFastPath(app, config);
  return app;
}
