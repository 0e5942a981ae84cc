import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** A lawyer's console accounts, looked up on every calendar-feed request (a deactivated lawyer's feed is refused). */
export class UsersLawyerIndex1764412000000 implements MigrationInterface {
  name = 'UsersLawyerIndex1764412000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('users', new TableIndex({ name: 'idx_users_lawyer', columnNames: ['lawyer_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('users', 'idx_users_lawyer');
  }
}
