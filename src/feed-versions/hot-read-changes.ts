import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, ClientConfig } from 'pg';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';

/** The PostgreSQL channel feedsChanged() notifies when a change alters who is on duty somewhere. */
export const HOT_READS_CHANNEL = 'hot_reads_changed';

/** Transactions that changed what the hot reads show, until they commit or roll back. */
const changing = new WeakSet<QueryRunner>();
/** Each app's instance, by its DataSource. */
const instances = new WeakMap<DataSource, HotReadChanges>();

const FIRST_RETRY_MS = 50;
const LAST_RETRY_MS = 5_000;

/**
 * Inside a writer's transaction (through feedsChanged): the change alters what on-duty or the
 * reception page shows. On PostgreSQL the NOTIFY is delivered, on commit only, to every
 * instance's listener; this instance also moves on as soon as the commit returns.
 */
export async function hotReadsChanged(m: EntityManager): Promise<void> {
  if (m.connection.options.type === 'postgres') await m.query(`NOTIFY ${HOT_READS_CHANNEL}`);
  // Outside a transaction (a fixture, a script) the statement has committed already.
  if (m.queryRunner?.isTransactionActive) changing.add(m.queryRunner);
  else instances.get(m.connection)?.changed();
}

/**
 * Whether an answer kept in memory (on-duty, and through it the reception page) may still be
 * served. A change counter, `generation`, moves on every change: on this instance when the
 * writer's transaction commits (before its 2xx), from any instance when the PostgreSQL
 * notification arrives on this instance's own listener connection (a pg Client, not from the
 * pool). A reader takes `stamp()` BEFORE it reads and keeps the answer with it; the answer is
 * served again only while `fresh(stamp)`, so an answer read during a writer's transaction is
 * never reused after its commit. While the listener is not connected (start-up, a dropped
 * connection, SQLite) there is no stamp: every request reads, as before; the counter moves
 * again when it reconnects, since notifications sent meanwhile were lost.
 */
@Injectable()
export class HotReadChanges implements EntitySubscriberInterface, OnApplicationBootstrap, OnApplicationShutdown {
  private generation = 0;
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private retryMs = FIRST_RETRY_MS;
  private retry: NodeJS.Timeout | null = null;
  private readonly logger = new Logger(HotReadChanges.name);
  /** Times the listener has started listening (tests wait on it). */
  connects = 0;

  constructor(private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
    instances.set(dataSource, this);
  }

  /** Null when answers must be read per request; otherwise the mark to keep with what is read next. */
  stamp(): number | null {
    return this.listening ? this.generation : null;
  }

  fresh(stamp: number | null): boolean {
    return stamp !== null && this.listening && stamp === this.generation;
  }

  changed(): void {
    this.generation += 1;
  }

  /** The listener's backend, while connected (tests terminate it). */
  get backendPid(): number | null {
    return this.listening ? ((this.client as unknown as { processID?: number } | null)?.processID ?? null) : null;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A savepoint's release commits nothing yet: wait for the outermost COMMIT.
    if (event.queryRunner.isTransactionActive || !changing.has(event.queryRunner)) return;
    changing.delete(event.queryRunner);
    this.changed();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) changing.delete(event.queryRunner);
  }

  onApplicationBootstrap(): void {
    if (this.dataSource.options.type === 'postgres') void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    this.retry = null;
    // The pool's own settings (URL, TLS, timeouts), for one connection of its own.
    const pool = (this.dataSource.driver as unknown as { master: { options: ClientConfig } }).master;
    const client = new Client({ ...pool.options, keepAlive: true });
    this.client = client;
    client.on('notification', () => this.changed());
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${HOT_READS_CHANNEL}`);
    } catch {
      this.lost(client);
      return;
    }
    if (this.client !== client) return;
    this.changed();
    this.listening = true;
    this.retryMs = FIRST_RETRY_MS;
    this.connects += 1;
  }

  private lost(client: Client): void {
    if (this.client !== client) return;
    if (this.listening) this.logger.warn('change listener disconnected: on-duty answers are read per request until it reconnects');
    this.drop();
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.retry = setTimeout(() => void this.listen(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, LAST_RETRY_MS);
  }

  private drop(): void {
    this.client = null;
    this.listening = false;
    this.changed();
  }
}
