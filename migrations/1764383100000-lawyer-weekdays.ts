import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/** Recurring weekdays (ISO 1–7, JSON arrays): blocked ones are honoured like leave by the roster; preferred ones are favoured. */
export class LawyerWeekdays1764383100000 implements MigrationInterface {
  name = 'LawyerWeekdays1764383100000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('lawyers', [
      new TableColumn({ name: 'blocked_weekdays', type: 'text', isNullable: false, default: "'[]'" }),
      new TableColumn({ name: 'preferred_weekdays', type: 'text', isNullable: false, default: "'[]'" }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('lawyers', 'preferred_weekdays');
    await q.dropColumn('lawyers', 'blocked_weekdays');
  }
}
