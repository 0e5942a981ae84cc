import { Column, Entity } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, RefColumn } from '../database/columns';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text content (e.g. an .ics calendar), sent as UTF-8. */
  content: string;
}

/**
 * One mail to send. Written in the transaction of the change it reports, so a mail exists
 * exactly when the change committed; the senders of all instances claim rows atomically.
 */
@Entity('outbox')
export class OutboxMail {
  @IdColumn() id: string;
  /** Event + recipient, e.g. `roster:<rosterId>:<lawyerId>`: the same mail is never queued twice. */
  @Column({ type: 'varchar', length: 200 }) idempotencyKey: string;
  @Column({ type: 'varchar', length: 40 }) event: string;
  @Column({ type: 'varchar', length: 200 }) recipientEmail: string;
  @Column({ type: 'varchar', length: 100 }) recipientName: string;
  @RefColumn({ nullable: true }) lawyerId: string | null;
  @Column({ type: 'varchar', length: 300 }) subject: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) html: string;
  @JsonColumn() attachments: MailAttachment[];
  @Column({ type: 'varchar', length: 10 }) status: OutboxStatus;
  @Column({ type: 'integer', default: 0 }) attempts: number;
  @InstantColumn() nextAttemptAt: string;
  /** The claim token of the sender batch holding the row while `status` is `sending`. */
  @Column({ type: 'varchar', length: 36, nullable: true }) claimedBy: string | null;
  @InstantColumn({ nullable: true }) claimedUntil: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) lastError: string | null;
  @InstantColumn({ nullable: true }) sentAt: string | null;
  @InstantColumn() createdAt: string;
}
