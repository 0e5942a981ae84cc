/**
 * The server's OpenAPI document as types (schema.d.ts, `npm run openapi:client`): the API
 * modules take their request bodies and answers from here, so a DTO change on the server that
 * the console does not follow fails `npm run build:web`.
 */
import type { components, operations } from './schema';

export type Schemas = components['schemas'];

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON answer of an operation (by its operationId) with status `S`. */
export type Answer<Op extends keyof operations, S extends keyof operations[Op]['responses'] = 200 & keyof operations[Op]['responses']> = Json<
  operations[Op]['responses'][S]
>;

/** The JSON request body of an operation. */
export type RequestBody<Op extends keyof operations> = Json<NonNullable<operations[Op]['requestBody']>>;
