import type { FieldError } from './errors';

/** Deeper JSON than any DTO needs; class-transformer recurses and overflowed the stack at ~5,000. */
export const MAX_INPUT_DEPTH = 32;
const MAX_REPORTED = 10;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

export interface GuardOptions {
  /** Bodies: no field takes `null` (an optional field is left out instead; `null` reached NOT NULL columns). */
  rejectNull: boolean;
  /** The name errors are reported under when the value itself is a string (a path or query parameter, a CSV body). */
  name: string;
}

/**
 * What no endpoint accepts, whatever its DTO, checked before validation walks the input:
 * nesting deeper than MAX_INPUT_DEPTH, NUL characters (PostgreSQL refuses them in text),
 * strings that are not well-formed Unicode (lone surrogates threw URIError in validators),
 * and `null` in bodies. Iterative, so hostile depth cannot overflow the stack here either.
 */
export function inputErrors(value: unknown, options: GuardOptions): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  while (stack.length && errors.length < MAX_REPORTED) {
    const { v, path, depth } = stack.pop()!;
    const field = path || options.name;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) errors.push({ field, reason: 'must not contain NUL characters' });
      else if (!wellFormed(v)) errors.push({ field, reason: 'must be well-formed Unicode (no lone surrogates)' });
    } else if (v === null) {
      if (options.rejectNull && depth > 0) errors.push({ field, reason: 'must not be null (leave the field out instead)' });
    } else if (typeof v === 'object') {
      if (depth >= MAX_INPUT_DEPTH) {
        errors.push({ field: path.split('.')[0] || options.name, reason: `must not be nested deeper than ${MAX_INPUT_DEPTH} levels` });
        continue;
      }
      const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v as object);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        if (!wellFormed(key) || key.includes('\u0000')) {
          errors.push({ field: path || options.name, reason: 'field names must be well-formed Unicode without NUL' });
          continue;
        }
        stack.push({ v: child, path: path ? `${path}.${key}` : key, depth: depth + 1 });
      }
    }
  }
  return errors;
}
