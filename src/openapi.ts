import type { INestApplication } from '@nestjs/common';
import { ApiProperty, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import metadata from './openapi.metadata';
import responses from './openapi.responses.json';
import { ERRORS_EXTENSION } from './common/api-errors';
import { ERROR_CODES, ErrorCode, ErrorStatus } from './shared/error-codes';

/**
 * The OpenAPI document at /api/docs (UI) and /api/docs-json. Field schemas come from the
 * swagger plugin's metadata (src/openapi.metadata.ts, generated from the DTOs' class-validator
 * rules and doc comments by scripts/openapi-metadata.js), so a court integrator can generate a
 * client from the document alone.
 */
export async function setupOpenApi(app: INestApplication): Promise<OpenAPIObject> {
  await SwaggerModule.loadPluginMetadata(metadata);
  describeEnumsFromValidators();
  const config = new DocumentBuilder()
    .setTitle('Duty-lawyer roster and assignment API')
    .setDescription('刑事案件律师辩护全覆盖: lawyer pool, duty rosters, court notices, the pick, ledger, feeds')
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'An opaque API token (POST /api/v1/users or the CLI).',
    })
    .build();
  const document = describeErrors(describeAnswers(tidy(SwaggerModule.createDocument(app, config))));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  documents.set(app, document);
  return document;
}

const documents = new WeakMap<INestApplication, OpenAPIObject>();

/** The document an app serves at /api/docs-json, without a request (scripts/openapi-client.js). */
export function documentOf(app: INestApplication): OpenAPIObject | undefined {
  return documents.get(app);
}

interface IsInMetadata {
  name?: string;
  target: { prototype: object } | string;
  propertyName: string;
  constraints: unknown[];
  each?: boolean;
}

/**
 * `@IsIn(LIST)` on a union-typed field (`poolTier: PoolTier`) is invisible to the plugin, which
 * sees only `Object`: lift the validator's list into the schema as an enum.
 */
function describeEnumsFromValidators(): void {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, IsInMetadata[]> };
  for (const list of storage.validationMetadatas.values()) {
    for (const m of list) {
      if (m.name !== 'isIn' || typeof m.target === 'string') continue;
      const values = m.constraints[0] as readonly (string | number)[];
      ApiProperty({
        enum: [...values],
        type: typeof values[0] === 'number' ? Number : String,
        isArray: m.each === true,
        required: undefined,
      })(m.target.prototype, m.propertyName);
    }
  }
}

type Operation = { parameters?: { name: string; in: string; required?: boolean; schema?: { default?: unknown } }[] };

/** Headers named twice (`@Headers('idempotency-key')` beside `@ApiHeader`) once; a defaulted query parameter is optional. */
function tidy(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as Operation[]) {
      if (!op || !Array.isArray(op.parameters)) continue;
      // Map.set keeps the first one's position and takes the later, documented one (@ApiHeader).
      const byKey = new Map(op.parameters.map((p) => [`${p.in}:${p.in === 'header' ? p.name.toLowerCase() : p.name}`, p] as const));
      op.parameters = [...byKey.values()];
      for (const p of op.parameters) if (p.in === 'query' && p.schema?.default !== undefined) p.required = false;
    }
  }
  return document;
}

type Schema = { $ref?: string; properties?: Record<string, unknown> };
type Answer = { description?: string; content?: Record<string, { schema?: Schema }> };
type AnsweringOperation = { operationId?: string; responses?: Record<string, Answer> };

const described = (s: Schema | undefined): boolean => !!s && Object.keys(s.properties ?? {}).length > 0;

/**
 * The answers' schemas from the controllers' return types (src/openapi.responses.json, written
 * by `npm run openapi:metadata`): each operation's success answer gets its JSON schema, each
 * named type a component. A component the plugin already described from a DTO class keeps the
 * plugin's version (it carries the doc comments); the plugin's empty ones (entities, interfaces) are replaced.
 */
function describeAnswers(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components ??= {}).schemas ?? (document.components.schemas = {});
  for (const [name, schema] of Object.entries(responses.components)) {
    if (!described(schemas[name] as Schema)) schemas[name] = schema as never;
  }
  const byOperation = responses.operations as Record<string, Schema>;
  for (const item of Object.values(document.paths)) {
    for (const op of Object.values(item) as AnsweringOperation[]) {
      const schema = op?.operationId ? byOperation[op.operationId] : undefined;
      if (!schema || !op.responses) continue;
      const status = Object.keys(op.responses).find((s) => s.startsWith('2'));
      if (!status) continue;
      const answer = op.responses[status];
      const json = answer.content?.['application/json'];
      if (described(json?.schema)) continue;
      answer.content = { ...answer.content, 'application/json': { schema } };
    }
  }
  return document;
}

const ERROR_TITLES: Record<ErrorStatus, string> = {
  400: 'Invalid input: `details` names each field',
  401: 'No valid bearer token or session',
  403: 'The role or the user may not do this',
  404: 'No such record (an id that is not a UUID, too)',
  409: 'The records’ state does not allow it',
  413: 'Request body too large',
  429: 'Too many requests: wait `Retry-After` seconds',
  503: 'The database is unavailable: retry after `Retry-After` seconds',
};

type ErrorOperation = AnsweringOperation & {
  security?: unknown[];
  requestBody?: unknown;
  parameters?: { in: string }[];
  [ERRORS_EXTENSION]?: ErrorCode[];
};

/** The codes every operation of its kind answers, from the machinery all routes share. */
function sharedCodes(method: string, path: string, op: ErrorOperation): ErrorCode[] {
  const codes: ErrorCode[] = [];
  // The validation pipe and its input guard (bodies, queries and path parameters) and the JSON body parser.
  if (op.requestBody || op.parameters?.some((p) => p.in === 'query' || p.in === 'path')) codes.push('VALIDATION_FAILED');
  if (op.requestBody) codes.push('MALFORMED_JSON', 'PAYLOAD_TOO_LARGE');
  // The auth guard: no credentials, a role not allowed, a console session's CSRF header and first sign-in.
  if (op.security?.length) {
    codes.push('UNAUTHORIZED', 'FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED');
    if (method !== 'get') codes.push('CSRF_TOKEN_INVALID');
  }
  // IdParam: an id that is not a UUID names no record.
  if (/\{(id|\w+Id)\}/.test(path)) codes.push('NOT_FOUND');
  // The error filter's database failures: a write's conflict or value the column cannot hold, any query's outage.
  if (method !== 'get') codes.push('TRANSACTION_CONFLICT', 'CONSTRAINT_VIOLATION', 'INVALID_VALUE');
  codes.push('DATABASE_UNAVAILABLE');
  return codes;
}

/** The operation's codes grouped by status, in the catalogue's order. */
function codesByStatus(method: string, path: string, op: ErrorOperation): Map<ErrorStatus, ErrorCode[]> {
  const own = new Set([...sharedCodes(method, path, op), ...(op[ERRORS_EXTENSION] ?? [])]);
  const byStatus = new Map<ErrorStatus, ErrorCode[]>();
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    if (!own.has(code)) continue;
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}

/**
 * The one error shape of API.md on every operation, per status, with the codes the operation
 * answers (its kind's shared codes and its `@ApiErrors`) as the `code` enum. Bodies may carry more (the pick's
 * explanation on NO_ELIGIBLE_LAWYER, `retryAfterSeconds`).
 */
function describeErrors(document: OpenAPIObject): OpenAPIObject {
  const codes = Object.keys(ERROR_CODES) as ErrorCode[];
  document.components!.schemas!.ApiError = {
    type: 'object',
    required: ['statusCode', 'error', 'message'],
    additionalProperties: true,
    properties: {
      statusCode: { type: 'number' },
      error: { type: 'string' },
      message: { type: 'string' },
      code: { type: 'string', enum: codes, description: 'Stable; the README lists each with its Chinese message.' },
      details: {
        type: 'array',
        items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
      },
      correlationId: { type: 'string', description: 'On 500 and 503: quote it to the administrator.' },
      retryAfterSeconds: { type: 'number' },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item) as [string, ErrorOperation][]) {
      if (!op?.responses) continue;
      for (const [status, own] of codesByStatus(method, path, op)) {
        const answer = (op.responses[String(status)] ??= { description: ERROR_TITLES[status] });
        answer.content ??= {
          'application/json': {
            schema: {
              allOf: [
                { $ref: '#/components/schemas/ApiError' },
                { type: 'object', additionalProperties: true, properties: { code: { type: 'string', enum: own } } },
              ],
            } as Schema,
          },
        };
      }
      delete op[ERRORS_EXTENSION];
    }
  }
  return document;
}
