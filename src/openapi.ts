import type { INestApplication } from '@nestjs/common';
import { ApiProperty, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import metadata from './openapi.metadata';

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
  const document = tidy(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return document;
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
