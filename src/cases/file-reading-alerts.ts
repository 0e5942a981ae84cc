import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { localDateOf } from '../common/local-date';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LawyersQuery } from '../lawyers/lawyers.query';
import type { ReminderWindow } from '../notifications/domain/reminder-window';
import { FileReadingOverdueSource, ReminderRegistry } from '../notifications/reminders/reminder-registry';
import type { FileReadingOverdueMail } from '../notifications/templates/mail-types';
import { Case } from './case.entity';
import { mailCase } from './case-mail-events';
import { caseRef } from './case-notice';
import { FileReadingRequest } from './file-reading-request.entity';

/**
 * Art 13, 21: each file reading still not arranged after its date is reported to the center's
 * mailbox (the deadline job, DEADLINE_REMINDER_CRON). Every run reports them all; the outbox
 * key (request, arrangeBy) sends each once, and again only if a later obstacle moved its date.
 */
@Injectable()
export class FileReadingAlerts implements FileReadingOverdueSource, OnModuleInit {
  readonly kind = 'file_reading_overdue' as const;

  constructor(
    private readonly registry: ReminderRegistry,
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lawyers: LawyersQuery,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async dueReminders(window: ReminderWindow): Promise<FileReadingOverdueMail[]> {
    const today = localDateOf(window.from, this.config.courtTimezone);
    const overdue = await this.ds
      .createQueryBuilder(FileReadingRequest, 'r')
      .where('r.arranged_at IS NULL AND r.arrange_by < :today', { today })
      .orderBy('r.arrange_by', 'ASC')
      .getMany();
    if (overdue.length === 0) return [];
    const [cases, lawyers] = await Promise.all([
      this.ds.getRepository(Case).findBy({ id: In([...new Set(overdue.map((r) => r.caseId))]) }),
      this.lawyers.byIds(
        this.ds.manager,
        overdue.map((r) => r.lawyerId),
      ),
    ]);
    const caseById = new Map(cases.map((c) => [c.id, c]));
    const lawyerById = new Map(lawyers.map((l) => [l.id, l]));
    return overdue.map((r) => ({
      requestId: r.id,
      case: mailCase(caseRef(caseById.get(r.caseId)!)),
      lawyerName: lawyerById.get(r.lawyerId)!.name,
      requestedAt: r.requestedAt,
      arrangeBy: r.arrangeBy,
    }));
  }
}
