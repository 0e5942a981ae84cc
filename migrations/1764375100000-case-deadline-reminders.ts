import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * The deadline reminders (Art 12, the day before) look up active appointments by due date.
 * Partial indexes hold only active rows, so they stay small as closed cases pile up.
 */
const INDEXES = [
  new TableIndex({ name: 'idx_assignments_active_contact_judge', columnNames: ['contact_judge_by'], where: "status = 'active'" }),
  new TableIndex({ name: 'idx_assignments_active_file_review', columnNames: ['file_review_by'], where: "status = 'active'" }),
];

export class CaseDeadlineReminders1764375100000 implements MigrationInterface {
  name = 'CaseDeadlineReminders1764375100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndices('assignments', INDEXES);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of INDEXES) await q.dropIndex('assignments', index.name!);
  }
}
