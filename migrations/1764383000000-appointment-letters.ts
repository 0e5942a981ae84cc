import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/**
 * 法律援助公函 numbering: one counter row per year (`last` = the last serial handed out, raised
 * in the same transaction that records the letter, so a failed issue leaves no gap), and the
 * letters as issued, unique per appointment and per (year, serial).
 */
export class AppointmentLetters1764383000000 implements MigrationInterface {
  name = 'AppointmentLetters1764383000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'letter_serials',
        columns: [{ name: 'year', type: 'integer', isPrimary: true }, col.int('last')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'appointment_letters',
        columns: [
          col.id(),
          col.ref('assignment_id'),
          col.ref('case_id'),
          col.int('year'),
          col.int('serial'),
          col.str('letter_no', 100),
          col.date('issued_on'),
          col.instant('issued_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_appointment_letters_assignment', columnNames: ['assignment_id'], isUnique: true }),
          new TableIndex({ name: 'uq_appointment_letters_serial', columnNames: ['year', 'serial'], isUnique: true }),
          new TableIndex({ columnNames: ['case_id'] }),
        ],
        foreignKeys: [
          { columnNames: ['assignment_id'], referencedTableName: 'assignments', referencedColumnNames: ['id'] },
          { columnNames: ['case_id'], referencedTableName: 'cases', referencedColumnNames: ['id'] },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('appointment_letters');
    await q.dropTable('letter_serials');
  }
}
