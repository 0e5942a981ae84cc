import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/clock';
import { conflict, notFound } from '../common/errors';
import { iso, newId } from '../database/columns';
import { Transactions } from '../database/transactions';
import { afterFailure } from './domain/retry';
import { MailAttachment, OutboxMail, OutboxStatus } from './outbox-mail.entity';

/** A mail for the outbox. */
export interface NewMail {
  /** Event + recipient, e.g. `roster:<rosterId>:<lawyerId>`; a second mail with the key is dropped. */
  idempotencyKey: string;
  event: string;
  to: { email: string; name: string; lawyerId?: string | null };
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** What the API shows of a mail: no bodies (they may name defendants). */
export type OutboxSummary = Omit<OutboxMail, 'text' | 'html' | 'attachments' | 'claimedBy' | 'claimedUntil'>;

const SUMMARY_COLUMNS: Array<keyof OutboxSummary> = [
  'id',
  'idempotencyKey',
  'event',
  'recipientEmail',
  'recipientName',
  'lawyerId',
  'subject',
  'status',
  'attempts',
  'nextAttemptAt',
  'lastError',
  'sentAt',
  'createdAt',
];

const summary = (row: OutboxMail): OutboxSummary => Object.fromEntries(SUMMARY_COLUMNS.map((k) => [k, row[k]])) as OutboxSummary;

/** Claimable: pending and due, or held by a sender whose lease ran out (it crashed or hung). */
const DUE = (now: string) => `(status = 'pending' AND next_attempt_at <= ${now}) OR (status = 'sending' AND claimed_until <= ${now})`;
/** Attempts count at the claim, so a mail that crashes its sender still runs out of attempts. */
const CLAIM_SET = (token: string, until: string) =>
  `status = 'sending', claimed_by = ${token}, claimed_until = ${until}, attempts = attempts + 1`;

/** Bound parameters per IN list, well below both databases' limits. */
const CHUNK = 500;

@Injectable()
export class OutboxService {
  constructor(
    private readonly tx: Transactions,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  /**
   * Queues a mail in the CALLER's transaction, so it exists exactly when the change it
   * reports commits. A known key is skipped (false). The check saves an insert; the unique
   * index with INSERT … ON CONFLICT DO NOTHING (PostgreSQL) / INSERT OR IGNORE (SQLite)
   * settles two transactions racing with one key without failing either.
   */
  async enqueue(manager: EntityManager, mail: NewMail): Promise<boolean> {
    if (await manager.existsBy(OutboxMail, { idempotencyKey: mail.idempotencyKey })) return false;
    const now = iso(this.clock.now());
    await manager
      .createQueryBuilder()
      .insert()
      .into(OutboxMail)
      .values({
        id: newId(),
        idempotencyKey: mail.idempotencyKey,
        event: mail.event,
        recipientEmail: mail.to.email,
        recipientName: mail.to.name,
        lawyerId: mail.to.lawyerId ?? null,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments ?? [],
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        claimedBy: null,
        claimedUntil: null,
        lastError: null,
        sentAt: null,
        createdAt: now,
      })
      .orIgnore()
      .execute();
    return true;
  }

  /**
   * Takes up to `limit` due mails for one sender batch, atomically across instances: due
   * pending rows, and `sending` rows whose lease ran out (their sender died). PostgreSQL
   * locks the candidates with FOR UPDATE SKIP LOCKED so concurrent senders take disjoint
   * rows without waiting; SQLite runs the one UPDATE under its database write lock.
   */
  async claim(token: string, limit: number, leaseMs: number): Promise<OutboxMail[]> {
    const now = this.clock.now();
    const until = iso(new Date(now.getTime() + leaseMs));
    return this.tx.run(async (m) => {
      if (this.tx.isSqlite) {
        await m.query(
          `UPDATE outbox SET ${CLAIM_SET('?', '?')} WHERE id IN (SELECT id FROM outbox WHERE ${DUE('?')} ORDER BY next_attempt_at LIMIT ?)`,
          [token, until, iso(now), iso(now), limit],
        );
        return m.findBy(OutboxMail, { claimedBy: token, status: 'sending' });
      }
      const [rows] = (await m.query(
        `UPDATE outbox SET ${CLAIM_SET('$1', '$2')} WHERE id IN (SELECT id FROM outbox WHERE ${DUE('$3')} ORDER BY next_attempt_at LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING id`,
        [token, until, iso(now), limit],
      )) as [Array<{ id: string }>, number];
      return rows.length ? m.findBy(OutboxMail, { id: In(rows.map((r) => r.id)) }) : [];
    });
  }

  /** Sent mails leave the claim; only rows still held by this batch's token are touched. */
  async markSent(token: string, ids: string[]): Promise<void> {
    const now = iso(this.clock.now());
    await this.tx.run(async (m) => {
      for (let i = 0; i < ids.length; i += CHUNK) {
        await m
          .createQueryBuilder()
          .update(OutboxMail)
          .set({ status: 'sent', sentAt: now, claimedBy: null, claimedUntil: null, lastError: null })
          .where({ id: In(ids.slice(i, i + CHUNK)), claimedBy: token })
          .execute();
      }
    });
  }

  /** A failed attempt: back to pending after the backoff, or failed for good after the last attempt. */
  async markFailed(
    token: string,
    mail: OutboxMail,
    error: string,
    policy: { maxAttempts: number; retryBaseMs: number },
  ): Promise<OutboxStatus> {
    const outcome = afterFailure(mail.attempts, policy, this.clock.now());
    await this.tx.run((m) =>
      m
        .createQueryBuilder()
        .update(OutboxMail)
        .set({
          status: outcome.status,
          nextAttemptAt: outcome.status === 'pending' ? iso(outcome.nextAttemptAt) : mail.nextAttemptAt,
          lastError: error.slice(0, 1000),
          claimedBy: null,
          claimedUntil: null,
        })
        .where({ id: mail.id, claimedBy: token })
        .execute(),
    );
    return outcome.status;
  }

  async list(filter: { status?: OutboxStatus; limit: number; offset: number }): Promise<{ items: OutboxSummary[]; total: number }> {
    const [rows, total] = await this.tx.run((m) =>
      m.findAndCount(OutboxMail, {
        where: filter.status ? { status: filter.status } : {},
        order: { createdAt: 'DESC', id: 'ASC' },
        take: filter.limit,
        skip: filter.offset,
      }),
    );
    return { items: rows.map(summary), total };
  }

  /** An admin sends a failed mail again: pending now, with a fresh set of attempts. */
  async resend(id: string, actor: Actor): Promise<OutboxSummary> {
    return this.tx.run(async (m) => {
      const mail = await m.findOneBy(OutboxMail, { id });
      if (!mail) throw notFound('Notification', id);
      const reset = { status: 'pending' as const, attempts: 0, nextAttemptAt: iso(this.clock.now()), lastError: null };
      const changed = await m.createQueryBuilder().update(OutboxMail).set(reset).where({ id, status: 'failed' }).execute();
      if (changed.affected !== 1) {
        throw conflict('NOTIFICATION_NOT_FAILED', `notification ${id} is ${mail.status}; only a failed one can be resent`);
      }
      await this.audit.record(m, actor, 'notification.resend', 'notification', id, { attempts: mail.attempts, lastError: mail.lastError });
      return summary({ ...mail, ...reset });
    });
  }
}
