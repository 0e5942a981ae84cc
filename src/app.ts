import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { Clock } from './common/clock';
import { ErrorFilter } from './common/error.filter';
import { createValidationPipe } from './common/validation';
import { AppConfig } from './config/config';
import { configureHttpPlatform } from './http/express-platform';

/** Builds the configured HTTP application; main.ts listens, tests use it with supertest. */
export async function createApp(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, clock), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureHttpPlatform(app, config);
  app.use((req: { id?: string }, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    if (req.id) res.setHeader('X-Request-Id', String(req.id));
    next();
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  const doc = new DocumentBuilder()
    .setTitle('Duty-lawyer roster and assignment API')
    .setDescription('刑事案件律师辩护全覆盖: lawyer pool, duty rosters, court notices, the pick, ledger, feeds')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
