import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from '../src/database/migration-columns';
import { newId } from '../src/database/columns';

/** One SQL text with :named parameters for both drivers (? for SQLite, $1 for PostgreSQL). */
function run(q: QueryRunner, sql: string, parameters: Record<string, unknown>): Promise<unknown> {
  const [query, values] = q.connection.driver.escapeQueryWithParameters(sql, parameters);
  return q.query(query, values);
}

/**
 * Sign-in for people: login names, argon2id password hashes and lockout state on users;
 * server-side sessions; API tokens moved out of users into their own table, so a user
 * can hold several, each listed (created, last used) and revoked on its own.
 */
export class SignIn1764380000000 implements MigrationInterface {
  name = 'SignIn1764380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('users', [
      new TableColumn(col.str('username', 50, true)),
      new TableColumn(col.str('password_hash', 200, true)),
      new TableColumn(col.bool('must_change_password', false)),
      new TableColumn(col.int('failed_logins', 0)),
      new TableColumn(col.instant('locked_until', true)),
    ]);
    await q.createIndex('users', new TableIndex({ name: 'UQ_users_username', columnNames: ['username'], isUnique: true }));
    const existing: Array<{ id: string; token_hash: string; created_at: string }> = await q.query(
      'SELECT id, token_hash, created_at FROM users',
    );
    // Drop the column before api_tokens references users: SQLite rebuilds the table to drop a column.
    const users = await q.getTable('users');
    const old = users?.indices.find((i) => i.columnNames.length === 1 && i.columnNames[0] === 'token_hash');
    if (users && old) await q.dropIndex(users, old);
    await q.dropColumn('users', 'token_hash');
    await q.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.str('token_hash', 64),
          col.instant('created_at'),
          col.instant('last_used_at', true),
          col.instant('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_tokens_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IX_api_tokens_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
    for (const u of existing) {
      await run(q, 'INSERT INTO api_tokens (id, user_id, token_hash, created_at) VALUES (:id, :userId, :hash, :at)', {
        id: newId(),
        userId: u.id,
        hash: u.token_hash,
        at: u.created_at,
      });
    }
    await q.createTable(
      new Table({
        name: 'sessions',
        columns: [col.id(), col.str('token_hash', 64), col.ref('user_id'), col.instant('created_at'), col.instant('last_seen_at')],
        indices: [
          new TableIndex({ name: 'UQ_sessions_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IX_sessions_user', columnNames: ['user_id'] }),
        ],
        foreignKeys: [{ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sessions');
    await q.addColumn('users', new TableColumn({ ...col.str('token_hash', 64, true) }));
    const tokens: Array<{ user_id: string; token_hash: string }> = await q.query(
      'SELECT user_id, token_hash FROM api_tokens WHERE revoked_at IS NULL ORDER BY created_at',
    );
    for (const t of tokens) await run(q, 'UPDATE users SET token_hash = :hash WHERE id = :id', { hash: t.token_hash, id: t.user_id });
    await q.dropTable('api_tokens');
    await q.dropIndex('users', 'UQ_users_username');
    for (const c of ['locked_until', 'failed_logins', 'must_change_password', 'password_hash', 'username']) await q.dropColumn('users', c);
  }
}
