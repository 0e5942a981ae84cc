import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parse } from 'csv-parse/sync';
import { FieldError } from '../../common/errors';
import { flattenValidationErrors } from '../../common/validation-errors';
import { LawyerFieldsDto } from '../dto/lawyer.dto';

export interface CsvRowError {
  /** The line of the file, the header being row 1 (as a spreadsheet numbers it). */
  row: number;
  field: string;
  reason: string;
}

export interface ParsedLawyerCsv {
  rows: { row: number; lawyer: LawyerFieldsDto }[];
  errors: CsvRowError[];
}

const KNOWN = [
  'name',
  'licenseNo',
  'firm',
  'phone',
  'email',
  'juvenileExperience',
  'criminalPracticeSince',
  'poolTier',
  'weight',
  'maxOpenCases',
  'dutyStationIds',
  'active',
];
const REQUIRED = ['name', 'licenseNo', 'firm', 'phone', 'email', 'juvenileExperience', 'criminalPracticeSince', 'poolTier'];
const BOOLEANS = new Map<string, boolean>([
  ['true', true],
  ['1', true],
  ['yes', true],
  ['是', true],
  ['false', false],
  ['0', false],
  ['no', false],
  ['否', false],
]);

/** Converts one text cell to the type the DTO expects; leaves bad text as it is so validation names it. */
function convert(field: string, text: string): unknown {
  if (text === '') return undefined;
  switch (field) {
    case 'juvenileExperience':
    case 'active':
      return BOOLEANS.get(text.toLowerCase()) ?? text;
    case 'weight':
    case 'maxOpenCases':
      return Number.isNaN(Number(text)) ? text : Number(text);
    case 'dutyStationIds':
      return text
        .split(/[;|]/)
        .map((s) => s.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

/**
 * Parses a lawyer CSV (UTF-8, with or without BOM, header row with API field names;
 * dutyStationIds separated by `;` or `|`). Reports every bad row; the caller writes nothing
 * when there is any error.
 */
export function parseLawyerCsv(text: string): ParsedLawyerCsv {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ row: line, field: 'file', reason: `not valid CSV: ${(err as Error).message}` }] };
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ row: 1, field: 'file', reason: 'empty file: a header row is required' }] };
  const headerErrors: CsvRowError[] = [
    ...header.filter((h) => !KNOWN.includes(h)).map((h) => ({ row: 1, field: h, reason: 'unknown column' })),
    ...REQUIRED.filter((r) => !header.includes(r)).map((r) => ({ row: 1, field: r, reason: 'missing column' })),
  ];
  if (headerErrors.length) return { rows: [], errors: headerErrors };

  const rows: ParsedLawyerCsv['rows'] = [];
  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  data.forEach((cells, i) => {
    const row = i + 2;
    if (cells.length !== header.length) {
      errors.push({ row, field: 'row', reason: `has ${cells.length} cells, the header has ${header.length}` });
      return;
    }
    const plain: Record<string, unknown> = {};
    header.forEach((h, c) => {
      const v = convert(h, cells[c]);
      if (v !== undefined) plain[h] = v;
    });
    const dto = plainToInstance(LawyerFieldsDto, plain);
    const fieldErrors: FieldError[] = flattenValidationErrors(validateSync(dto, { forbidUnknownValues: true, stopAtFirstError: true }));
    errors.push(...fieldErrors.map((e) => ({ row, ...e })));
    const first = seen.get(dto.licenseNo);
    if (first !== undefined) errors.push({ row, field: 'licenseNo', reason: `duplicates row ${first}` });
    else if (typeof dto.licenseNo === 'string') seen.set(dto.licenseNo, row);
    if (!fieldErrors.length) rows.push({ row, lawyer: dto });
  });
  return { rows, errors };
}
