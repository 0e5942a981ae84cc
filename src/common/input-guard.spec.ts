import { inputErrors, MAX_INPUT_DEPTH } from './input-guard';

const body = { rejectNull: true, name: 'body' };

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
}

describe('inputErrors', () => {
  it.each([
    [
      'a NUL byte in a nested string',
      { defendant: { name: '王\u0000明' } },
      body,
      [{ field: 'defendant.name', reason: 'must not contain NUL characters' }],
    ],
    [
      'a lone surrogate in an e-mail',
      { email: 'a\uD800@example.com' },
      body,
      [{ field: 'email', reason: 'must be well-formed Unicode (no lone surrogates)' }],
    ],
    [
      'null for an optional field of a body',
      { name: null },
      body,
      [{ field: 'name', reason: 'must not be null (leave the field out instead)' }],
    ],
    [
      'null inside an array',
      { shiftTemplates: [null] },
      body,
      [{ field: 'shiftTemplates.0', reason: 'must not be null (leave the field out instead)' }],
    ],
    [
      'JSON nested 5,000 deep, named by its top field',
      nested(5000),
      body,
      [{ field: 'a', reason: `must not be nested deeper than ${MAX_INPUT_DEPTH} levels` }],
    ],
    [
      'a NUL in a path parameter',
      'abc\u0000',
      { rejectNull: false, name: 'id' },
      [{ field: 'id', reason: 'must not contain NUL characters' }],
    ],
    ['null in a query is left to the DTO', { q: null }, { rejectNull: false, name: 'query' }, []],
    ['a paired surrogate (emoji) is fine', { note: '好😀' }, body, []],
    ['nesting at the limit is fine', nested(MAX_INPUT_DEPTH), body, []],
  ])('%s', (_name, value, options, expected) => {
    expect(inputErrors(value, options)).toEqual(expected);
  });
});
