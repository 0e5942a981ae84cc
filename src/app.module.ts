import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { Clock } from './common/clock';
import { CommonModule } from './common/common.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { DatabaseModule } from './database/database.module';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { HealthController } from './health/health.controller';
import { requestLogOptions } from './http/request-log';
import { ConsoleConfigController } from './console/console-config.controller';
import { CalendarModule } from './calendar/calendar.module';
import { CasesModule } from './cases/cases.module';
import { JobsModule } from './jobs/jobs.module';
import { LawyersModule } from './lawyers/lawyers.module';
import { LedgerModule } from './ledger/ledger.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReceptionModule } from './reception/reception.module';
import { DutyStationsModule } from './stations/duty-stations.module';
import { FeedVersionsModule } from './feed-versions/feed-versions.module';
import { StationsModule } from './stations/stations.module';
import { StatsModule } from './stats/stats.module';
import { WorkdaysModule } from './workdays/workdays.module';
import { BootstrapService } from './bootstrap.service';

/** The whole application for one validated configuration (main.ts, the CLI and tests build it). */
@Module({})
export class AppModule {
  static register(config: AppConfig, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        LoggerModule.forRoot({ pinoHttp: requestLogOptions(config.logLevel) }),
        DatabaseModule.forRoot(config),
        CommonModule.forRoot(clock),
        IdempotencyModule,
        ScheduleModule.forRoot(),
        JobsModule,
        AuditModule,
        AuthModule,
        FeedVersionsModule,
        DutyStationsModule,
        LawyersModule,
        WorkdaysModule,
        StationsModule,
        ReceptionModule,
        CasesModule,
        LedgerModule,
        CalendarModule,
        StatsModule,
        NotificationsModule,
      ],
      controllers: [HealthController, ConsoleConfigController],
      providers: [{ provide: APP_CONFIG, useValue: config }, BootstrapService],
      exports: [APP_CONFIG],
    };
  }
}
