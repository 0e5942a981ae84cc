import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { createMailTransport, MailTransport } from './mail-transport';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { OutboxMail } from './outbox-mail.entity';
import { OutboxWorker } from './outbox-worker';
import { OutboxService } from './outbox.service';
import { ReminderRegistry } from './reminders/reminder-registry';
import { RemindersService } from './reminders/reminders.service';

/**
 * Mail: templates → outbox (in the caller's transaction) → sender → SMTP. Global, so the
 * stations and cases modules inject NotificationsService and register reminder sources
 * without importing this module.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([OutboxMail])],
  controllers: [NotificationsController],
  providers: [
    OutboxService,
    OutboxWorker,
    NotificationsService,
    ReminderRegistry,
    RemindersService,
    { provide: MailTransport, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMailTransport(config.mail) },
  ],
  exports: [NotificationsService, OutboxService, OutboxWorker, ReminderRegistry, RemindersService],
})
export class NotificationsModule {}
