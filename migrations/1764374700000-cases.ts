import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';

const fk = (column: string, table: string) => ({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'] });

/** Court notices as cases, related case numbers, assignments with their explanations, hearings, refusals, objections. */
export class Cases1764374700000 implements MigrationInterface {
  name = 'Cases1764374700000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cases',
        columns: [
          col.id(),
          col.str('court_case_no', 100),
          col.str('court_name', 200),
          col.ref('station_id'),
          col.str('procedure', 20),
          col.json('charges'),
          col.str('possible_sentence', 10, true),
          col.date('offence_date'),
          col.json('defendant'),
          col.str('defendant_name', 100),
          col.bool('juvenile', false),
          col.bool('trial_in_absentia', false),
          col.bool('death_penalty_review', false),
          col.str('route', 20),
          col.str('route_reason', 20),
          col.bool('requires_juvenile_experience', false),
          col.bool('requires_senior_lawyer', false),
          col.str('status', 20),
          col.json('mandatory_grounds'),
          col.json('missing_fields'),
          col.json('warnings'),
          col.json('judge'),
          col.instant('trial_at', true),
          col.str('trial_place', 300, true),
          col.bool('indictment_attached', false),
          col.instant('received_at'),
          col.json('related_case_nos'),
          col.json('deadlines'),
          col.date('appoint_by'),
          col.ref('current_lawyer_id', true),
          col.str('termination_ground', 30, true),
          col.str('termination_note', 1000, true),
          col.instant('ended_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ columnNames: ['court_case_no'] }),
          new TableIndex({ columnNames: ['current_lawyer_id'] }),
          new TableIndex({ columnNames: ['status', 'appoint_by'] }),
          new TableIndex({ columnNames: ['received_at'] }),
          new TableIndex({ columnNames: ['station_id', 'route', 'status'] }),
        ],
        foreignKeys: [fk('station_id', 'stations'), fk('current_lawyer_id', 'lawyers')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'case_links',
        columns: [
          { name: 'case_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'court_case_no', type: 'varchar', length: '100', isPrimary: true },
        ],
        indices: [new TableIndex({ columnNames: ['court_case_no'] })],
        foreignKeys: [fk('case_id', 'cases')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assignments',
        columns: [
          col.id(),
          col.ref('case_id'),
          col.ref('lawyer_id'),
          col.str('kind', 10),
          col.str('reason', 1000, true),
          col.json('explanation'),
          col.str('status', 12),
          col.instant('appointed_at'),
          col.date('contact_judge_by'),
          col.date('file_review_by'),
          col.ref('appointed_by', true),
          col.instant('ended_at', true),
          col.str('end_reason', 1000, true),
        ],
        indices: [
          new TableIndex({ columnNames: ['case_id'] }),
          // A lawyer's history, newest first.
          new TableIndex({ name: 'idx_assignments_lawyer_time', columnNames: ['lawyer_id', 'appointed_at'] }),
          // The rolling-window count (rule 4) reads only the window's slice of this covering index.
          new TableIndex({ name: 'idx_assignments_time_lawyer', columnNames: ['appointed_at', 'lawyer_id'] }),
          // One active appointment per case, whatever races the application loses.
          new TableIndex({ name: 'uq_assignments_active_case', columnNames: ['case_id'], isUnique: true, where: "status = 'active'" }),
        ],
        foreignKeys: [fk('case_id', 'cases'), fk('lawyer_id', 'lawyers')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'hearings',
        columns: [
          col.id(),
          col.ref('case_id'),
          col.str('kind', 20),
          col.instant('at', true),
          col.str('place', 300, true),
          col.instant('told_at'),
          col.bool('short_notice', false),
          col.int('sequence', 0),
          col.bool('cancelled', false),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [new TableIndex({ columnNames: ['case_id', 'at'] }), new TableIndex({ columnNames: ['at'] })],
        foreignKeys: [fk('case_id', 'cases')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'refusals',
        columns: [
          col.id(),
          col.ref('case_id'),
          col.ref('assignment_id', true),
          col.ref('lawyer_id', true),
          col.bool('justified'),
          col.str('reason', 1000),
          col.ref('recorded_by', true),
          col.instant('recorded_at'),
        ],
        indices: [new TableIndex({ columnNames: ['case_id'] })],
        foreignKeys: [fk('case_id', 'cases')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'objections',
        columns: [
          col.id(),
          col.ref('case_id'),
          col.date('decision_received_on'),
          col.date('file_by'),
          col.instant('filed_at'),
          col.date('filed_on'),
          col.bool('late', false),
          col.str('grounds', 2000),
          col.date('review_by'),
          { ...col.str('status', 20), default: "'pending'" },
          col.str('decision_note', 2000, true),
          col.ref('decided_by', true),
          col.instant('decided_at', true),
          col.instant('created_at'),
        ],
        indices: [new TableIndex({ columnNames: ['case_id'] }), new TableIndex({ columnNames: ['status', 'review_by'] })],
        foreignKeys: [fk('case_id', 'cases')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['objections', 'refusals', 'hearings', 'assignments', 'case_links', 'cases']) await q.dropTable(t);
  }
}
