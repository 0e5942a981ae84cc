import SwaggerParser from '@apidevtools/swagger-parser';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, TestApp } from './helpers/app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateMetadata, METADATA_FILE, RESPONSES_FILE } = require('../scripts/openapi-metadata.js') as {
  generateMetadata(outputDir?: string): string;
  METADATA_FILE: string;
  RESPONSES_FILE: string;
};

type Doc = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema?: Schema }> };
        responses: Record<string, { content?: unknown }>;
        parameters?: { name: string; in: string }[];
      }
    >
  >;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, { bearerFormat?: string }> };
};
type Schema = { $ref?: string; properties?: Record<string, Schema>; type?: string; enum?: unknown[]; additionalProperties?: unknown };

/** The contract a court's integrator generates a client from. */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await startApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body as Doc;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ id: `${method.toUpperCase()} ${path}`, method, op })),
    );
  const resolve = (s: Schema | undefined): Schema | undefined => (s?.$ref ? doc.components.schemas[s.$ref.split('/').pop()!] : s);

  it('is a valid OpenAPI 3 document', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('describes the body of every write: JSON fields, or the CSV text', () => {
    const undescribed = operations()
      .filter(({ op }) => op.requestBody)
      .filter(({ op }) =>
        Object.entries(op.requestBody!.content).some(([type, c]) => {
          const s = resolve(c.schema);
          return type === 'application/json' ? !s?.properties || Object.keys(s.properties).length === 0 : s?.type !== 'string';
        }),
      )
      .map((o) => o.id);
    expect(undescribed).toEqual([]);
    const csv = doc.paths['/api/v1/lawyers/import'].post.requestBody!.content;
    expect(Object.keys(csv)).toEqual(['text/csv']);
  });

  it('lists each header once, the tokens as opaque bearer tokens, and enums from the validators', () => {
    const params = doc.paths['/api/v1/court-notices'].post.parameters!.filter((p) => p.in === 'header');
    expect(params.map((p) => p.name.toLowerCase())).toEqual(['idempotency-key']);
    expect(doc.components.securitySchemes.bearer.bearerFormat).not.toBe('JWT');
    const lawyer = resolve(doc.components.schemas.CreateLawyerDto)!;
    expect(lawyer.properties!.poolTier.enum).toEqual(['core', 'reserve', 'none']);
  });

  it('describes the answer of every operation that answers with a body, files with their media types', () => {
    const missing = operations()
      .filter(({ op }) => !Object.entries(op.responses).some(([status, r]) => status === '204' || (status.startsWith('2') && r.content)))
      .map((o) => o.id);
    expect(missing).toEqual([]);
    const media = (path: string) => Object.keys(doc.paths[path].get.responses['200'].content as object);
    expect(media('/api/v1/cases/{id}/appointment-letter')).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
    ]);
    expect(media('/api/v1/ledger')).toEqual([
      'application/json',
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    expect(media('/calendar/lawyers/{token}.ics')).toEqual(['text/calendar']);
    expect(media('/reception/{stationId}')).toEqual(['text/html']);
  });

  it('describes what the answers contain: no empty object schema among the components', () => {
    const empty = Object.entries(doc.components.schemas)
      .filter(([, s]) => s.type === 'object' && !s.additionalProperties && Object.keys(s.properties ?? {}).length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });

  it('is generated from the current DTOs and controllers (npm run openapi:metadata)', () => {
    const dir = mkdtempSync(join(__dirname, '..', 'src', '.openapi-check-'));
    try {
      // One folder deeper than src/: the generated imports say ../x where the committed file says ./x.
      const fresh = generateMetadata(dir)
        .replace(/\("\.\.\//g, '("./')
        .replace(/\["\.\.\//g, '["./');
      const stale = [
        ...(fresh !== readFileSync(join(__dirname, '..', 'src', METADATA_FILE), 'utf8') ? [METADATA_FILE] : []),
        ...(readFileSync(join(dir, RESPONSES_FILE), 'utf8') !== readFileSync(join(__dirname, '..', 'src', RESPONSES_FILE), 'utf8')
          ? [RESPONSES_FILE]
          : []),
      ];
      if (stale.length > 0) {
        throw new Error(
          `src/${stale.join(', src/')} stale: a DTO, controller or returned type changed. Run \`npm run openapi:metadata\` and commit.`,
        );
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);

  it('types the console from the same document (npm run openapi:client)', () => {
    const check = spawnSync(process.execPath, [join(__dirname, '..', 'scripts', 'openapi-client.js'), '--check'], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect({ status: check.status, stderr: check.stderr.trim() }).toEqual({ status: 0, stderr: '' });
  }, 300_000);
});
