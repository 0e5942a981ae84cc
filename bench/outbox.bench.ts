import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config/config';
import { Transactions } from '../src/database/transactions';
import { NotificationsService } from '../src/notifications/notifications.service';
import { OutboxWorker } from '../src/notifications/outbox-worker';
import { assignedMail as renderAssigned } from '../src/notifications/templates/case-mails';
import { assignedMail } from '../test/factories/mail.factory';
import { startSmtpSink } from '../test/helpers/smtp';

/**
 * Outbox throughput: 10,000 queued mails drained into a local SMTP sink, against a baseline
 * of plain pooled nodemailer sending the same mails to the same sink in the same run — the
 * ratio is the price of durability (claiming, status writes, retries bookkeeping).
 * PG_URL=postgres://… measures PostgreSQL instead of a SQLite file.
 */
const MAILS = 10_000;
const ENQUEUE_CHUNK = 500;

const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

export async function run(): Promise<string[]> {
  const sink = await startSmtpSink({ parse: false });
  const dir = await mkdtemp(join(tmpdir(), 'duty-bench-'));
  const databaseUrl = process.env.PG_URL || `sqlite:${join(dir, 'bench.sqlite')}`;
  const config = {
    ...loadConfig({ DATABASE_URL: databaseUrl, SMTP_URL: sink.url, MAIL_POLL_MS: '0', LOG_LEVEL: 'silent' }),
    dropSchema: true,
  };
  const app = await createApp(config);
  await app.init();
  try {
    const data = Array.from({ length: MAILS }, () => assignedMail());

    // Baseline: the same rendered mails straight to the sink, same pool size as the outbox's transport.
    const ctx = {
      baseUrl: config.publicBaseUrl,
      centerName: 'bench',
      centerPhone: '12348',
      timezone: config.courtTimezone,
      now: new Date(),
    };
    const rendered = data.map((d) => ({ to: d.lawyer.email, ...renderAssigned(d, ctx) }));
    const direct = createTransport({ url: sink.url, pool: true, maxConnections: 5 });
    const notifications = app.get(NotificationsService);
    let t0 = performance.now();
    await Promise.all(rendered.map((r) => direct.sendMail({ from: config.mail.from, ...r })));
    const baselineMs = performance.now() - t0;
    direct.close();

    t0 = performance.now();
    for (let i = 0; i < MAILS; i += ENQUEUE_CHUNK) {
      await app.get(Transactions).run(async (m) => {
        for (const d of data.slice(i, i + ENQUEUE_CHUNK)) await notifications.assigned(m, d);
      });
    }
    const enqueueMs = performance.now() - t0;

    t0 = performance.now();
    const drained = await app.get(OutboxWorker).drainOnce();
    await sink.waitFor(2 * MAILS, 60_000);
    const drainMs = performance.now() - t0;
    if (drained.sent !== MAILS) throw new Error(`outbox sent ${drained.sent} of ${MAILS}`);

    return [
      `outbox (${databaseUrl.split(':')[0]}, ${MAILS} mails, batch ${config.mail.batchSize}, SMTP pool 5, loopback sink)`,
      `  baseline  raw nodemailer pool   ${rate(MAILS, baselineMs)} mails/s`,
      `  enqueue   render + insert       ${rate(MAILS, enqueueMs)} mails/s`,
      `  drain     claim + send + mark   ${rate(MAILS, drainMs)} mails/s  = ${(baselineMs / drainMs).toFixed(2)} × baseline`,
    ];
  } finally {
    await app.close();
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
