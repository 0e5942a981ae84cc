import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it receives — for e2e tests and the
 * benchmark. Point the app at `sink.url` (SMTP_URL) and read the mails back parsed.
 *
 *   const sink = await startSmtpSink();
 *   const t = await startApp({ env: { SMTP_URL: sink.url } });
 *   …
 *   const [mail] = await sink.waitFor(1);
 *   await sink.stop();
 */
export interface SmtpSink {
  url: string;
  port: number;
  /** Every accepted mail, parsed (empty with `parse: false`). */
  mails: ParsedMail[];
  /** Accepted mails, parsed or not. */
  readonly accepted: number;
  /** Answer every message with a temporary failure (451) until called with false. */
  reject(on: boolean): void;
  /** Polls (bounded) until at least `n` mails were accepted and parsed. */
  waitFor(n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  stop(): Promise<void>;
}

export interface SinkOptions {
  /** Fixed port, e.g. to bring a stopped sink back where the app expects it; default a free one. */
  port?: number;
  /** Parse each mail with mailparser (default true); the benchmark only counts. */
  parse?: boolean;
}

const POLL_MS = 20;

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const parse = options.parse ?? true;
  const mails: ParsedMail[] = [];
  const parsing: Array<Promise<void>> = [];
  let accepted = 0;
  let rejecting = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Let stop() end idle pooled client connections at once instead of after 30 s.
    closeTimeout: 50,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejecting) {
          callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
          return;
        }
        accepted += 1;
        if (parse) parsing.push(simpleParser(Buffer.concat(chunks)).then((m) => void mails.push(m)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    get accepted() {
      return accepted;
    },
    reject(on) {
      rejecting = on;
    },
    async waitFor(n, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (accepted < n || (parse && mails.length < Math.min(n, parsing.length))) {
        if (Date.now() > deadline) throw new Error(`SMTP sink: ${accepted} of ${n} mails after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      await Promise.all(parsing);
      return mails;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
