import 'reflect-metadata';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import type { LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { SYSTEM_ACTOR } from './common/actor';
import { ROLES, Role } from './common/actor';
import { UsersService } from './auth/users.service';
import { DomainError } from './common/errors';
import { ConfigError, isSqliteUrl, loadConfig } from './config/config';

const USAGE = `usage:
  node dist/src/cli.js migrate
  node dist/src/cli.js backup TARGET_FILE        (SQLite: an online, consistent copy)
  node dist/src/cli.js create-user --name NAME --role ${ROLES.join('|')} [--lawyer-id ID] [--username LOGIN]
  node dist/src/cli.js set-password --username LOGIN [--user-id ID]   (the password on standard input)
  node dist/src/cli.js deactivate (--username LOGIN | --user-id ID)   (every token and session stops at once)
  node dist/src/cli.js rotate-token (--username LOGIN | --user-id ID) (a new token, printed once; the old ones stop)
  node dist/src/cli.js list-tokens (--username LOGIN | --user-id ID)`;

const COMMANDS = ['migrate', 'create-user', 'set-password', 'deactivate', 'rotate-token', 'list-tokens'];
const USER_COMMANDS = ['deactivate', 'rotate-token', 'list-tokens'];

/** Warnings and errors go to stderr: stdout carries the command's answer (JSON a script parses). */
const STDERR_LOGGER: LoggerService = {
  log: () => undefined,
  warn: (message: unknown) => void process.stderr.write(`warning: ${String(message)}\n`),
  error: (message: unknown) => void process.stderr.write(`error: ${String(message)}\n`),
};

/** Operator commands against the configured database (DATABASE_URL etc., as the server). */
async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'backup' && rest.length === 1) return backup(rest[0]);
  if (!COMMANDS.includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = { ...loadConfig(), logLevel: 'warn' };
  // Building the application context runs pending migrations (database.module.ts).
  const app = await NestFactory.createApplicationContext(AppModule.register(config), { logger: STDERR_LOGGER });
  try {
    if (command === 'migrate') {
      process.stdout.write('migrations applied\n');
      return 0;
    }
    const { values } = parseArgs({
      args: rest,
      options: {
        name: { type: 'string' },
        role: { type: 'string' },
        'lawyer-id': { type: 'string' },
        username: { type: 'string' },
        'user-id': { type: 'string' },
      },
    });
    const users = app.get(UsersService);
    if (USER_COMMANDS.includes(command)) {
      const id = values['user-id'] ?? (values.username ? (await users.findByUsername(values.username)).id : undefined);
      if (!id) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const answer =
        command === 'deactivate'
          ? await users.update(id, { active: false }, SYSTEM_ACTOR)
          : command === 'rotate-token'
            ? await users.rotateToken(id, SYSTEM_ACTOR)
            : await users.listTokens(id);
      process.stdout.write(`${JSON.stringify(answer)}\n`);
      return 0;
    }
    if (command === 'set-password') {
      if (!values.username) {
        process.stderr.write(`${USAGE}\n`);
        return 2;
      }
      const id = values['user-id'] ?? (await users.findByUsername(values.username)).id;
      const user = await users.setPassword(id, values.username, await readPassword());
      process.stdout.write(`password set for ${user.username} (${user.id})\n`);
      return 0;
    }
    if (!values.name || !ROLES.includes(values.role as Role)) {
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    const user = await users.create(
      { name: values.name, role: values.role as Role, lawyerId: values['lawyer-id'], username: values.username },
      SYSTEM_ACTOR,
    );
    process.stdout.write(`${JSON.stringify(user)}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

/** The first line of standard input: a password never goes on the command line (ps, shell history). */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('new password (at least 10 characters): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

/**
 * SQLite's online backup API copies a consistent snapshot while the server keeps writing
 * (WAL mode); copying the file with cp could catch a half-applied transaction.
 */
async function backup(target: string): Promise<number> {
  const { databaseUrl } = loadConfig();
  if (!isSqliteUrl(databaseUrl) || databaseUrl === 'sqlite::memory:') {
    process.stderr.write('backup: DATABASE_URL is not a SQLite file; for PostgreSQL use pg_dump\n');
    return 2;
  }
  const db = new Database(databaseUrl.slice('sqlite:'.length), { fileMustExist: true, readonly: true });
  try {
    await db.backup(target);
    process.stdout.write(`backed up to ${target}\n`);
    return 0;
  } finally {
    db.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof ConfigError || err instanceof DomainError) process.stderr.write(`error: ${err.message}\n`);
    else process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
