import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, SendMailOptions } from 'nodemailer';
import type { MailConfig } from '../config/config';

/** Where composed mails go: an SMTP server, or .eml files when none is configured. */
export abstract class MailTransport {
  /** Resolves once the server accepted the mail (or the file is written); rejects otherwise. */
  abstract send(id: string, message: SendMailOptions): Promise<void>;
  abstract close(): void;
}

/**
 * Pooled SMTP: a few long-lived connections instead of one per mail. Timeouts are far below
 * nodemailer's defaults (10 min idle socket) so a hung server fails a mail well within
 * the outbox lease (SEND_LEASE_MS), and it is retried rather than sent twice.
 */
class SmtpTransport extends MailTransport {
  private readonly transporter;

  constructor(url: string) {
    super();
    this.transporter = createTransport({
      url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    });
  }

  async send(_id: string, message: SendMailOptions): Promise<void> {
    await this.transporter.sendMail(message);
  }

  close(): void {
    this.transporter.close();
  }
}

/** Offline quick start: each mail becomes `<dir>/<outbox id>.eml`, openable in any mail client. */
class FileTransport extends MailTransport {
  private readonly transporter = createTransport({ streamTransport: true, buffer: true });

  constructor(private readonly dir: string) {
    super();
  }

  async send(id: string, message: SendMailOptions): Promise<void> {
    const info = await this.transporter.sendMail(message);
    await mkdir(this.dir, { recursive: true });
    await writeFile(join(this.dir, `${id}.eml`), info.message as Buffer);
  }

  close(): void {
    this.transporter.close();
  }
}

export function createMailTransport(config: MailConfig): MailTransport {
  return config.smtpUrl ? new SmtpTransport(config.smtpUrl) : new FileTransport(config.fileDir);
}
