import type ExcelJS from 'exceljs';
import { type EventEmitter, once } from 'node:events';
import type { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { exceljs } from '../common/exceljs';
import { csvField, csvLine, type LedgerColumn } from './domain/ledger-columns';

/**
 * Resolves when `stream` emits 'drain'; rejects when `out` (the response) closes first: a client
 * that went away never drains, and the export must stop (and give back its database connection)
 * rather than wait for ever.
 */
async function drained(stream: EventEmitter, out: Writable): Promise<void> {
  const gone = new AbortController();
  const onClose = () => gone.abort();
  out.once('close', onClose);
  try {
    if (out.destroyed) throw new Error('the client closed the download');
    await once(stream, 'drain', { signal: gone.signal });
  } finally {
    out.off('close', onClose);
  }
}

/** Writes with back-pressure: waits for 'drain' when the client reads slower than we query. */
async function send(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await drained(out, out);
}

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK = 128 * 1024;

/** UTF-8 with a BOM, so Excel opens it with the Chinese intact; CRLF lines. */
export async function writeCsv<T>(out: Writable, columns: LedgerColumn<T>[], pages: AsyncIterable<T[]>): Promise<void> {
  let buffer = '\uFEFF' + csvLine(columns.map((c) => c.header));
  const [first, ...rest] = columns.map((c) => c.value.bind(c));
  let n = 0;
  for await (const page of pages) {
    for (const row of page) {
      n += 1;
      buffer += csvField(first(row, n));
      for (const value of rest) buffer += ',' + csvField(value(row, n));
      buffer += '\r\n';
      if (buffer.length >= CHUNK) {
        await send(out, buffer);
        buffer = '';
      }
    }
  }
  out.end(buffer);
}

export interface JsonPart {
  name: string;
  pages: AsyncIterable<unknown[]>;
}

/** `{...head, part1: [...], part2: [...]}` written row by row. */
export async function writeJson(out: Writable, head: Record<string, unknown>, parts: JsonPart[]): Promise<void> {
  let buffer = JSON.stringify(head).slice(0, -1);
  for (const part of parts) {
    buffer += `,${JSON.stringify(part.name)}:[`;
    let first = true;
    for await (const page of part.pages) {
      for (const row of page) {
        buffer += (first ? '' : ',') + JSON.stringify(row);
        first = false;
        if (buffer.length >= CHUNK) {
          await send(out, buffer);
          buffer = '';
        }
      }
    }
    buffer += ']';
  }
  out.end(buffer + '}');
}

export interface XlsxSheet<T> {
  name: string;
  title: string;
  subtitle: string;
  columns: LedgerColumn<T>[];
  pages: AsyncIterable<T[]>;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_STYLE: Partial<ExcelJS.Style> = {
  font: { bold: true },
  border: BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};

/**
 * One style object per column, given to every cell of it: exceljs dedups styles by object
 * identity first, so a shared object costs one lookup instead of a serialisation per cell.
 */
const columnStyles = (columns: LedgerColumn<unknown>[]): Partial<ExcelJS.Style>[] =>
  columns.map((c) => ({ border: BORDER, alignment: { vertical: 'top', wrapText: true }, ...(c.cell ? { numFmt: c.cell.numFmt } : {}) }));

/**
 * How a clerk prints it: A4 landscape, one page wide, the header row repeated on every page,
 * the title in the page header and page numbers in the footer.
 */
const printSetup = (title: string) => ({
  pageSetup: {
    paperSize: 9,
    orientation: 'landscape' as const,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:3',
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
  },
  headerFooter: { oddHeader: `&C${title.replace(/&/g, '&&')}`, oddFooter: '&C第 &P 页，共 &N 页' },
});

/** How much uncompressed sheet XML may wait for the deflater: enough to keep rendering and compressing overlapped. */
const ZIP_BACKLOG = 2 ** 20;

/**
 * What exceljs's sheet stream (its StreamBuf) exposes: where it writes, once the zip has
 * reached its entry (archiver wraps it in a readable-stream PassThrough, which has no
 * `writableLength`, only its state), and its chunks not yet written there.
 */
interface SheetStream {
  pipes: Array<EventEmitter & { writableLength?: number; _writableState?: { length: number } }>;
  buffers: unknown[];
}

/**
 * exceljs's sheet stream hands its 64 KiB chunks to the zip without waiting for it (its pipe
 * ignores back-pressure), so a sheet rendered faster than it compresses queues up in Buffers
 * outside the heap: 81 MB for a 100,010-record year. After each row: wait for 'drain' while
 * more than ZIP_BACKLOG waits for the deflater (which goes only as fast as the client reads, so
 * this is the client's back-pressure too); while the zip is still finishing the entry before
 * this sheet (nothing piped yet), yield a turn per row so it can.
 */
async function zipCaughtUp(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const stream = (ws as unknown as { stream: SheetStream }).stream;
  const zip = stream.pipes[0];
  if (!zip) {
    if (stream.buffers.length > 1) await setImmediate();
  } else if ((zip.writableLength ?? zip._writableState?.length ?? 0) > ZIP_BACKLOG) await drained(zip, out);
}

/**
 * The paper ledger as a workbook, one sheet per table: a title line, a line naming station,
 * court and period, the Chinese header row, then the rows, dates and times as real Excel
 * values. exceljs's streaming writer commits each row to the zip as it goes, so memory stays flat.
 */
export async function writeXlsx(out: Writable, sheets: XlsxSheet<unknown>[]): Promise<void> {
  const ExcelJS = (await exceljs()).default;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 3 }], ...printSetup(sheet.title) });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    const width = sheet.columns.length;
    const title = ws.addRow([sheet.title]);
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: 'center' };
    ws.addRow([sheet.subtitle]);
    ws.mergeCells(1, 1, 1, width);
    ws.mergeCells(2, 1, 2, width);
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.eachCell((cell) => {
      cell.style = HEADER_STYLE;
    });
    const styles = columnStyles(sheet.columns);
    let n = 0;
    for await (const page of sheet.pages) {
      for (const value of page) {
        n += 1;
        const row = ws.addRow(sheet.columns.map((c) => (c.cell ? c.cell.value(value) : c.value(value, n))));
        for (let i = 0; i < width; i++) row.getCell(i + 1).style = styles[i];
        row.commit();
        await zipCaughtUp(ws, out);
      }
    }
    ws.commit();
  }
  await workbook.commit();
}
