import { ApiOkResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const TEXT: SchemaObject = { type: 'string' };
const BINARY: SchemaObject = { type: 'string', format: 'binary' };

/**
 * The 200 answer of a route that writes its own body (`@Res()`, a file): each media type it can
 * answer with, as text, as binary, or with a JSON schema, so the OpenAPI document describes it.
 */
export function ApiFileAnswer(description: string, media: Record<string, 'text' | 'binary' | SchemaObject>): MethodDecorator {
  const content = Object.fromEntries(
    Object.entries(media).map(([type, s]) => [type, { schema: s === 'text' ? TEXT : s === 'binary' ? BINARY : s }]),
  );
  return ApiOkResponse({ description, content });
}
