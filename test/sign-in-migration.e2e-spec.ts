import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations';
import { SignIn1764380000000 } from '../migrations/1764380000000-sign-in';
import { hashToken } from '../src/auth/tokens';
import { loadConfig } from '../src/config/config';
import { dataSourceOptions } from '../src/database/database.module';
import { ADMIN_TOKEN, onPostgres, startApp, TEST_DATABASE_URL } from './helpers/app';

/** Upgrading a database from before sign-in: the users' bearer tokens keep working. */
describe('sign-in migration (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'duty-signin-'));
  const url = onPostgres ? TEST_DATABASE_URL : `sqlite:${join(dir, 'old.sqlite')}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every user’s token into api_tokens, and the old token still signs requests', async () => {
    const before = migrations.slice(0, migrations.indexOf(SignIn1764380000000));
    const old = new DataSource({
      ...dataSourceOptions({ ...loadConfig({ DATABASE_URL: url }), dropSchema: onPostgres }),
      migrations: before,
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const token = 'an-old-integration-token-0123456789';
    for (const [id, name, role, hash] of [
      ['11111111-1111-4111-8111-111111111111', '法院系统', 'court_clerk', hashToken(token)],
      ['22222222-2222-4222-8222-222222222222', 'admin', 'admin', hashToken(ADMIN_TOKEN)],
    ]) {
      const [sql, values] = old.driver.escapeQueryWithParameters(
        'INSERT INTO users (id, name, role, token_hash, active, created_at) VALUES (:id, :name, :role, :hash, :active, :at)',
        { id, name, role, hash, active: true, at: '2026-01-01T00:00:00.000Z' },
      );
      await old.query(sql, values);
    }
    await old.destroy();

    const t = await startApp({ env: { DATABASE_URL: url }, keepSchema: true });
    try {
      const me = await t.as(token).get('/api/v1/auth/me').expect(200);
      expect(me.body.user).toMatchObject({
        id: '11111111-1111-4111-8111-111111111111',
        name: '法院系统',
        username: null,
        mustChangePassword: false,
      });
      const tokens = await t.admin.get('/api/v1/users/11111111-1111-4111-8111-111111111111/tokens').expect(200);
      expect(tokens.body).toEqual([{ id: expect.any(String), createdAt: '2026-01-01T00:00:00.000Z', lastUsedAt: expect.any(String) }]);
    } finally {
      await t.close();
    }
  });
});
