import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

/** Every ledger entry belongs to one shift, and carries its station, lawyer and local date for the indexes. */
const onShift = () => [col.ref('shift_id'), col.ref('station_id'), col.ref('lawyer_id'), col.date('date')];

const fk = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });

/** The duty ledger (值班台账, Art 2): check-in/out log, legal-help records, daily sign-offs. All append-only once signed. */
export class Ledger1764374800000 implements MigrationInterface {
  name = 'Ledger1764374800000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'duty_log',
        columns: [
          col.id(),
          ...onShift(),
          col.str('kind', 12),
          col.instant('at'),
          col.ref('corrects_id', true),
          col.str('note', 500, true),
          col.ref('recorded_by'),
          col.instant('recorded_at'),
        ],
        indices: [
          new TableIndex({ columnNames: ['station_id', 'date'] }),
          new TableIndex({ columnNames: ['lawyer_id', 'date'] }),
          new TableIndex({ columnNames: ['shift_id'] }),
          // One check-in and one check-out per shift, whichever of two racing requests loses.
          new TableIndex({
            name: 'uq_duty_log_shift_kind',
            columnNames: ['shift_id', 'kind'],
            isUnique: true,
            where: "kind <> 'correction'",
          }),
          // Corrections form a chain: an entry is corrected at most once (correct the correction to change it again).
          new TableIndex({ name: 'uq_duty_log_corrects', columnNames: ['corrects_id'], isUnique: true }),
        ],
        foreignKeys: [fk('shift_id', 'shifts'), fk('station_id', 'stations'), fk('lawyer_id', 'lawyers'), fk('corrects_id', 'duty_log')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'help_records',
        columns: [
          col.id(),
          ...onShift(),
          col.ref('case_id', true),
          col.str('court_case_no', 100),
          col.str('defendant_name', 100),
          col.str('help_type', 30),
          col.text('summary'),
          col.instant('started_at'),
          col.instant('ended_at'),
          col.ref('corrects_id', true),
          col.str('correction_reason', 500, true),
          col.bool('after_sign_off', false),
          col.ref('created_by'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          // Exports page through a station's period in (date, id) order on this index.
          new TableIndex({ columnNames: ['station_id', 'date', 'id'] }),
          new TableIndex({ columnNames: ['lawyer_id', 'date'] }),
          new TableIndex({ columnNames: ['case_id'] }),
          new TableIndex({ name: 'uq_help_records_corrects', columnNames: ['corrects_id'], isUnique: true }),
        ],
        foreignKeys: [
          fk('shift_id', 'shifts'),
          fk('station_id', 'stations'),
          fk('lawyer_id', 'lawyers'),
          fk('case_id', 'cases'),
          fk('corrects_id', 'help_records'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_signoffs',
        columns: [col.id(), col.ref('lawyer_id'), col.ref('station_id'), col.date('date'), col.instant('signed_at'), col.ref('signed_by')],
        indices: [
          new TableIndex({ name: 'uq_ledger_signoffs_day', columnNames: ['lawyer_id', 'station_id', 'date'], isUnique: true }),
          new TableIndex({ columnNames: ['station_id', 'date'] }),
        ],
        foreignKeys: [fk('lawyer_id', 'lawyers'), fk('station_id', 'stations')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['ledger_signoffs', 'help_records', 'duty_log']) await q.dropTable(t);
  }
}
