import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Assignment } from './assignment/assignment.entity';
import { APP_CONFIG, AppConfig } from '../config/config';
import { LawyersQuery } from '../lawyers/lawyers.query';
import type { ReminderWindow } from '../notifications/domain/reminder-window';
import { DeadlineReminderSource, ReminderRegistry } from '../notifications/reminders/reminder-registry';
import type { DeadlineReminderMail, LawyerDeadlineKind } from '../notifications/templates/mail-types';
import { Case } from './case.entity';
import { mailCase, recipient } from './case-mail-events';
import { caseRef } from './case-notice';
import { dueDatesIn } from './domain/reminder-days';

/** Each Art 12 duty and the assignment column holding its date. */
const DUTIES: ReadonlyArray<{ kind: LawyerDeadlineKind; column: 'contactJudgeBy' | 'fileReviewBy' }> = [
  { kind: 'contact_judge', column: 'contactJudgeBy' },
  { kind: 'file_review_and_meeting', column: 'fileReviewBy' },
];

/**
 * The day before each Art 12 deadline of an active appointment, the lawyer is reminded
 * (RemindersService runs this at DEADLINE_REMINDER_CRON). Each duty is one query on its
 * partial index over active assignments (migration 1764375100000): the literal
 * `status = 'active'` lets both databases use it.
 */
@Injectable()
export class CaseDeadlineReminders implements DeadlineReminderSource, OnModuleInit {
  readonly kind = 'deadline' as const;

  constructor(
    private readonly registry: ReminderRegistry,
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lawyers: LawyersQuery,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async dueReminders(window: ReminderWindow): Promise<DeadlineReminderMail[]> {
    const dates = dueDatesIn(window, this.config.courtTimezone);
    if (dates.length === 0) return [];
    const due = await Promise.all(
      DUTIES.map(async ({ kind, column }) => {
        const rows = await this.ds
          .createQueryBuilder(Assignment, 'a')
          .where("a.status = 'active'")
          .andWhere(`a.${column} IN (:...dates)`, { dates })
          .getMany();
        return rows.map((a) => ({ a, deadline: { kind, due: a[column] } }));
      }),
    );
    const flat = due.flat();
    if (flat.length === 0) return [];
    const [cases, lawyers] = await Promise.all([
      this.ds.getRepository(Case).findBy({ id: In([...new Set(flat.map(({ a }) => a.caseId))]) }),
      this.lawyers.byIds(
        this.ds.manager,
        flat.map(({ a }) => a.lawyerId),
      ),
    ]);
    const caseById = new Map(cases.map((c) => [c.id, c]));
    const lawyerById = new Map(lawyers.map((l) => [l.id, l]));
    return flat.map(({ a, deadline }) => {
      return { lawyer: recipient(lawyerById.get(a.lawyerId)!), case: mailCase(caseRef(caseById.get(a.caseId)!)), deadline };
    });
  }
}
