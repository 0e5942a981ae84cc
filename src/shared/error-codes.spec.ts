import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, notFound } from '../common/errors';
import { ERROR_CODES, NOT_FOUND_CODES } from './error-codes';

const CJK = /[\u4e00-\u9fff]/;

describe('the error-code catalogue', () => {
  it.each(Object.entries(ERROR_CODES))('%s has a Chinese message and an error status', (_code, { status, message }) => {
    expect(message).toMatch(CJK);
    expect([400, 401, 403, 404, 409, 413, 429, 503]).toContain(status);
  });

  it.each(Object.entries(NOT_FOUND_CODES))('notFound(%s) answers %s, a catalogued 404', (entity, code) => {
    const err: DomainError = notFound(entity as keyof typeof NOT_FOUND_CODES, 'x');
    expect({ kind: err.kind, code: err.code, status: ERROR_CODES[err.code].status }).toEqual({ kind: 'not_found', code, status: 404 });
  });
});

describe('docs/api-errors.md', () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'api-errors.md'), 'utf8');
  it.each(Object.entries(ERROR_CODES))('lists %s with its status', (code, { status }) => {
    expect(doc).toContain(`| ${status} | \`${code}\` |`);
  });
});
