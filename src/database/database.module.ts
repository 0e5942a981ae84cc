import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations';
import { AppConfig, isSqliteUrl } from '../config/config';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { DatabaseHealth } from './database-health';
import { Transactions } from './transactions';

/** An arbitrary constant: the PostgreSQL advisory lock that serializes migrations across instances. */
const MIGRATION_LOCK = 727_001;

export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    dropSchema: config.dropSchema ?? false,
    namingStrategy: new SnakeNamingStrategy(),
  };
  if (isSqliteUrl(config.databaseUrl)) {
    const file = config.databaseUrl.slice('sqlite:'.length);
    const memory = file === ':memory:';
    if (!memory) mkdirSync(dirname(file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: file,
      enableWAL: !memory,
      timeout: 5000, // busy timeout: wait for a writer in another process instead of failing at once
      prepareDatabase: (db: { pragma(s: string): unknown }) => {
        db.pragma('foreign_keys = ON');
        db.pragma('synchronous = NORMAL');
      },
    };
  }
  const db = config.database;
  return {
    ...common,
    type: 'postgres',
    url: config.databaseUrl,
    // Every wait is bounded, so a stuck database answers 503 instead of freezing the server:
    // taking a pooled connection, a statement, a row lock, a transaction left idle.
    extra: {
      max: db.poolSize,
      connectionTimeoutMillis: db.acquireTimeoutMs,
      statement_timeout: db.statementTimeoutMs,
      lock_timeout: db.lockTimeoutMs,
      idle_in_transaction_session_timeout: db.idleInTransactionTimeoutMs,
    },
  };
}

/** Applies pending migrations; on PostgreSQL under an advisory lock so instances started together take turns. */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...dataSourceOptions(config), autoLoadEntities: true, retryAttempts: config.database.connectRetries }),
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [Transactions, DatabaseHealth],
      exports: [Transactions, DatabaseHealth],
    };
  }
}
