import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { SendMailOptions } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/config';
import { newId } from '../database/columns';
import { MailTransport } from './mail-transport';
import { OutboxMail } from './outbox-mail.entity';
import { OutboxService } from './outbox.service';

/**
 * How long a sender batch holds its mails. Longer than a batch can take with the SMTP
 * timeouts in mail-transport.ts; after it, another instance takes the mails over.
 */
export const SEND_LEASE_MS = 10 * 60_000;

export interface DrainResult {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * The sender: claims due mails from the outbox, hands them to the transport, records the
 * outcome. Delivery is at-least-once: if an instance dies after the SMTP server accepted a
 * mail but before `sent` is written, the lease runs out and another instance sends that
 * mail again (with the same Message-ID, so most mail systems show it once).
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxWorker.name);
  private timer?: NodeJS.Timeout;
  private tick?: Promise<void>;
  private stopped = false;
  private readonly messageIdDomain: string;

  constructor(
    private readonly outbox: OutboxService,
    private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.messageIdDomain = new URL(config.publicBaseUrl).hostname;
  }

  onApplicationBootstrap(): void {
    if (this.config.mail.pollMs > 0) this.schedule();
  }

  /** Stops polling and waits for a batch in flight, so its results are written before the database closes. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.tick;
    this.transport.close();
  }

  /** Sends every mail due now, batch by batch; the timer calls it, tests and the benchmark call it directly. */
  async drainOnce(): Promise<DrainResult> {
    const total: DrainResult = { sent: 0, retrying: 0, failed: 0 };
    for (;;) {
      const token = newId();
      const batch = await this.outbox.claim(token, this.config.mail.batchSize, SEND_LEASE_MS);
      if (batch.length === 0) return total;
      const result = await this.sendBatch(token, batch);
      total.sent += result.sent;
      total.retrying += result.retrying;
      total.failed += result.failed;
    }
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.tick = this.drainOnce()
        .then(
          (r) => (r.retrying || r.failed ? this.logger.warn(r, 'mail batch had failures') : undefined),
          (err: unknown) => this.logger.error({ err }, 'mail sender failed'),
        )
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.config.mail.pollMs);
  }

  private async sendBatch(token: string, batch: OutboxMail[]): Promise<DrainResult> {
    const outcomes = await Promise.allSettled(batch.map((mail) => this.transport.send(mail.id, this.toMessage(mail))));
    const sent = batch.filter((_, i) => outcomes[i].status === 'fulfilled').map((m) => m.id);
    await this.outbox.markSent(token, sent);
    const result: DrainResult = { sent: sent.length, retrying: 0, failed: 0 };
    for (const [i, outcome] of outcomes.entries()) {
      if (outcome.status === 'fulfilled') continue;
      const error = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      const status = await this.outbox.markFailed(token, batch[i], error, this.config.mail);
      if (status === 'failed') result.failed += 1;
      else result.retrying += 1;
    }
    return result;
  }

  private toMessage(mail: OutboxMail): SendMailOptions {
    return {
      from: this.config.mail.from,
      to: { name: mail.recipientName, address: mail.recipientEmail },
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: mail.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      // Stable across retries and a resend after a crash, so receivers can tell a duplicate.
      messageId: `<${mail.id}@${this.messageIdDomain}>`,
      headers: { 'X-Outbox-Id': mail.id },
    };
  }
}
