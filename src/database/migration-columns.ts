import { TableColumnOptions } from 'typeorm';

/** Schema-builder column shapes matching src/database/columns.ts, for migrations. */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  instant: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '30', isNullable: nullable }),
  date: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '10', isNullable: nullable }),
  str: (name: string, length = 255, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  json: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, dflt?: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'integer',
    isNullable: nullable,
    ...(dflt === undefined ? {} : { default: dflt }),
  }),
  real: (name: string, dflt?: number): TableColumnOptions => ({ name, type: 'real', ...(dflt === undefined ? {} : { default: dflt }) }),
  bool: (name: string, dflt?: boolean): TableColumnOptions => ({
    name,
    type: 'boolean',
    ...(dflt === undefined ? {} : { default: dflt ? 'true' : 'false' }),
  }),
};
