import type { INestApplication } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import { ApiTokensService } from '../auth/api-tokens.service';
import { bearerOf } from '../auth/credentials';
import { CalendarFeedsService } from '../calendar/calendar-feeds.service';
import { writeFeed } from '../calendar/feed-response';
import type { AppConfig } from '../config/config';
import { ReceptionPages } from '../reception/reception-pages';
import { OnDutyService } from '../stations/on-duty.service';
import { securityHeaders } from './express-platform';
import { requestLogOptions } from './request-log';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;
/** Answers the request and says true, or says false having written nothing (Nest then answers it). */
type Answer = (req: IncomingMessage, res: ServerResponse, match: RegExpExecArray) => Promise<boolean>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
/** Tokens as issued (base64url): anything else, percent-encoded or not, goes to Nest. */
const TOKEN = '[A-Za-z0-9_-]+';

/**
 * The hot GET paths answered by a node:http listener in front of Express, for the happy case
 * only: a known credential of the right role, an existing station or feed, no conditional
 * request to Express's freshness check. Whatever it does not answer (other paths and methods,
 * cookies, extra query parameters, 401/403/404, errors) goes to Nest untouched, which
 * answers it exactly as before. What it answers carries the same bytes and headers as the
 * Nest route (helmet's set, X-Request-Id, the route's own headers, Express's weak ETag) and
 * the same request log line: test/fast-path.e2e-spec.ts compares them. FAST_PATH=false
 * leaves Express alone.
 */
export class FastPath {
  /** Requests answered here, per route (tests and the bench read it). */
  readonly served = { onDuty: 0, reception: 0, lawyerFeed: 0, stationFeed: 0 };
  /** helmet's headers, worked out once: with these options they are the same on every answer. */
  private readonly helmet = helmetHeaders();
  private readonly log = pinoHttp(requestLogOptions(this.config.logLevel));
  private readonly routes: Array<[RegExp, keyof FastPath['served'], Answer]>;
  private readonly services = new Map<unknown, unknown>();

  constructor(
    private readonly app: INestApplication,
    private readonly config: AppConfig,
    private readonly express: Listener,
  ) {
    this.routes = [
      [new RegExp(`^/api/v1/stations/(${UUID})/on-duty$`), 'onDuty', (req, res, m) => this.onDuty(req, res, m[1])],
      [new RegExp(`^/reception/(${UUID})(?:\\?token=(${TOKEN}))?$`), 'reception', (req, res, m) => this.reception(req, res, m[1], m[2])],
      [new RegExp(`^/calendar/lawyers/(${TOKEN})\\.ics$`), 'lawyerFeed', (req, res, m) => this.lawyerFeed(req, res, m[1])],
      [
        new RegExp(`^/calendar/stations/(${UUID})\\.ics\\?token=(${TOKEN})$`),
        'stationFeed',
        (req, res, m) => this.stationFeed(req, res, m[1], m[2]),
      ],
    ];
  }

  handle(req: IncomingMessage, res: ServerResponse): void {
    if (req.method === 'GET') {
      const url = req.url ?? '';
      for (const [pattern, name, answer] of this.routes) {
        const match = pattern.exec(url);
        if (match) {
          void this.serve(req, res, name, answer, match);
          return;
        }
      }
    }
    this.express(req, res);
  }

  private async serve(req: IncomingMessage, res: ServerResponse, name: keyof FastPath['served'], answer: Answer, m: RegExpExecArray) {
    // Any failure (a database error, a feed that does not exist) is Nest's to answer, as before.
    const answered = await answer(req, res, m).catch(() => false);
    if (answered) this.served[name] += 1;
    else this.express(req, res);
  }

  private async onDuty(req: IncomingMessage, res: ServerResponse, stationId: string): Promise<boolean> {
    if (conditional(req) || !(await this.actor(bearerOf(req.headers.authorization)))) return false;
    const { json } = await this.service(OnDutyService).snapshot(stationId);
    this.send(req, res, 'application/json; charset=utf-8', Buffer.from(json, 'utf8'), []);
    return true;
  }

  private async reception(req: IncomingMessage, res: ServerResponse, stationId: string, token: string | undefined): Promise<boolean> {
    if (conditional(req)) return false;
    const actor = await this.actor(token ?? bearerOf(req.headers.authorization));
    if (actor?.role !== 'reception') return false;
    const html = await this.service(ReceptionPages).page(stationId);
    // As ReceptionController sets them, over helmet's.
    this.send(req, res, 'text/html; charset=utf-8', Buffer.from(html, 'utf8'), [
      ['Cache-Control', 'no-store'],
      ['Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'"],
      ['Referrer-Policy', 'no-referrer'],
    ]);
    return true;
  }

  private async lawyerFeed(req: IncomingMessage, res: ServerResponse, token: string): Promise<boolean> {
    const reply = await this.service(CalendarFeedsService).lawyerFeed(token, ifNoneMatch(req));
    this.headers(req, res);
    writeFeed(res, reply);
    return true;
  }

  private async stationFeed(req: IncomingMessage, res: ServerResponse, stationId: string, token: string): Promise<boolean> {
    const reply = await this.service(CalendarFeedsService).stationFeed(stationId, token, ifNoneMatch(req));
    this.headers(req, res);
    writeFeed(res, reply);
    return true;
  }

  /** The app's provider, looked up once (Nest's lookup is not free on every request). */
  private service<T>(type: new (...args: never[]) => T): T {
    const found = this.services.get(type) as T | undefined;
    if (found) return found;
    const resolved = this.app.get(type);
    this.services.set(type, resolved);
    return resolved;
  }

  private actor(token: string | undefined) {
    return token ? this.service(ApiTokensService).actorForToken(token) : Promise.resolve(null);
  }

  /** The request log (and with it X-Request-Id) and helmet's headers, as the middleware in front of every Nest route does them. */
  private headers(req: IncomingMessage & { id?: unknown }, res: ServerResponse): void {
    // Successful answers are logged at info: below it pino-http would only name the request.
    if (this.log.logger.isLevelEnabled('info')) this.log(req, res);
    else req.id = requestId(req, res);
    for (const [name, value] of this.helmet) res.setHeader(name, value);
  }

  /** What Express's res.send adds: Content-Type, Content-Length and its weak ETag. */
  private send(req: IncomingMessage, res: ServerResponse, type: string, body: Buffer, extra: Array<[string, string]>): void {
    this.headers(req, res);
    for (const [name, value] of extra) res.setHeader(name, value);
    res.setHeader('Content-Type', type);
    res.setHeader('Content-Length', String(body.length));
    res.setHeader('ETag', weakEtag(body));
    res.statusCode = 200;
    res.end(body);
  }
}

/** What helmet's middleware sets on a response, collected from one run against a stand-in. */
function helmetHeaders(): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const res = { setHeader: (name: string, value: unknown) => headers.push([name, String(value)]), removeHeader: () => undefined };
  securityHeaders()({} as IncomingMessage, res as unknown as ServerResponse, () => undefined);
  return headers;
}

const requestId = requestLogOptions('silent').genReqId as (req: IncomingMessage, res: ServerResponse) => string;

/** Express answers these with its own freshness check (304): left to it. */
const conditional = (req: IncomingMessage): boolean =>
  req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined;

const ifNoneMatch = (req: IncomingMessage): string | undefined => req.headers['if-none-match'];

/** Express's default ETag (the `etag` package, weak): length in hex and the SHA-1's first 27 base64 characters. */
export function weakEtag(body: Buffer): string {
  if (body.length === 0) return 'W/"0-2jmj7l5rSw0yVb/vlWAYkK/YBwk"';
  return `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').substring(0, 27)}"`;
}

const installed = new WeakMap<Server, FastPath>();

/** Puts the fast path in front of Express on the app's server (before listen); FAST_PATH=false → nothing. */
export function installFastPath(app: INestApplication, config: AppConfig): void {
  if (!config.fastPath) return;
  const server = app.getHttpServer() as Server;
  const [express] = server.listeners('request') as Listener[];
  server.removeListener('request', express);
  const fast = new FastPath(app, config, express);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => fast.handle(req, res));
  installed.set(server, fast);
}

/** The fast path in front of this server, if any. */
export function fastPathOf(server: Server): FastPath | undefined {
  return installed.get(server);
}
