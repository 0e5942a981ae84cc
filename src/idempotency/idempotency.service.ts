import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { conflict } from '../common/errors';
import { insertRows, iso } from '../database/columns';
import { Transactions } from '../database/transactions';
import { IdempotencyKey } from './idempotency-key.entity';

function hashBody(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');
}

/**
 * `Idempotency-Key` for POSTs that create from a court system: the same key and body
 * returns the first answer; the same key with another body → 409. The key is stored in the
 * transaction of the creation, so two racing requests with one key create one thing:
 * the loser hits the primary key, rolls back, and is answered from the winner's row.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
  ) {}

  async run<T>(scope: string, key: string | undefined, body: unknown, work: (m: EntityManager) => Promise<T>): Promise<T> {
    if (!key) return this.tx.run(work);
    const requestHash = hashBody(body);
    const earlier = await this.replay<T>(scope, key, requestHash);
    if (earlier.found) return earlier.response;
    try {
      return await this.tx.run(async (m) => {
        const response = await work(m);
        await insertRows(
          m,
          IdempotencyKey,
          m.create(IdempotencyKey, {
            key,
            scope,
            requestHash,
            statusCode: 201,
            response: response as object,
            createdAt: iso(this.clock.now()),
          }),
        );
        return response;
      });
    } catch (err) {
      const after = await this.replay<T>(scope, key, requestHash);
      if (after.found) return after.response;
      throw err;
    }
  }

  private async replay<T>(scope: string, key: string, requestHash: string): Promise<{ found: true; response: T } | { found: false }> {
    const row = await this.tx.run((m) => m.findOneBy(IdempotencyKey, { scope, key }));
    if (!row) return { found: false };
    if (row.requestHash !== requestHash) {
      throw conflict('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with another request body');
    }
    return { found: true, response: row.response as T };
  }
}
