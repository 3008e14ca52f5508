import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ApiException } from '../common/errors/api.exception';

export interface ImportTable {
  format: 'csv' | 'xlsx';
  columns: string[];
  /** Data rows, every cell as text ('' when empty), as long as the header. */
  rows: string[][];
}

/** An XLSX file is a ZIP archive: it starts with the local file header PK\x03\x04. */
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Which format the bytes are, by their content (never by the file's name or the browser's type):
 * a ZIP archive is read as XLSX; text without NUL bytes that decodes as UTF-8 as CSV; anything else
 * (a PDF, an image, an old binary .xls) is refused.
 */
export function sniffFormat(bytes: Buffer): 'csv' | 'xlsx' {
  if (bytes.length === 0) throw ApiException.validation({ file: 'the file is empty; upload a CSV or XLSX file with a header row' });
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  const head = bytes.subarray(0, 64 * 1024);
  if (head.includes(0)) throw ApiException.validation({ file: 'the file is neither CSV nor XLSX (its content is binary); upload a CSV (UTF-8) or XLSX file' });
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw ApiException.validation({ file: 'the file is neither CSV nor XLSX (it is not UTF-8 text); save it as CSV UTF-8 or XLSX' });
  }
  return 'csv';
}

/** Danish Excel writes CSV with semicolons: the header line's more frequent separator wins. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : count('\t') > count(',') ? '\t' : ',';
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10); // an XLSX date cell: its calendar date
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('text' in value && typeof value.text === 'string') return value.text.trim();
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value).trim();
}

/** Reads the first sheet (XLSX) or the CSV: header row, then data rows; cells as text. */
export async function readImportFile(bytes: Buffer): Promise<ImportTable> {
  const format = sniffFormat(bytes);
  // Loaded on the first import, not at start: exceljs adds ~37 MiB to the API's resident size, which
  // every replica would carry for a feature used now and then (docs/performance.md, decision 186).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  let sheet: ExcelJS.Worksheet | undefined;
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
      sheet = workbook.worksheets[0];
    } else {
      const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
      // map: every cell stays text, as written (exceljs would turn 0101801234 into a number and drop the 0).
      sheet = await workbook.csv.read(Readable.from([text]), { map: (datum: string) => datum, parserOptions: { delimiter: delimiterOf(text) } } as never);
    }
  } catch {
    throw ApiException.validation({ file: `the file could not be read as ${format.toUpperCase()}; check that it is a valid ${format === 'xlsx' ? 'Excel workbook (.xlsx)' : 'CSV file (UTF-8, comma or semicolon separated)'}` });
  }
  if (!sheet || sheet.rowCount === 0) throw ApiException.validation({ file: 'the file has no rows; the first row must name the columns' });
  const width = sheet.getRow(1).cellCount;
  const read = (row: ExcelJS.Row): string[] => Array.from({ length: width }, (_, i) => cellText(row.getCell(i + 1).value));
  const columns = read(sheet.getRow(1));
  columns.forEach((name, i) => {
    if (name === '') throw ApiException.validation({ file: `the header row's column ${i + 1} has no name; every column needs a name` });
    const first = columns.indexOf(name);
    if (first !== i) throw ApiException.validation({ file: `two columns are named "${name}" (columns ${first + 1} and ${i + 1}); every column needs its own name` });
  });
  const rows: string[][] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const cells = read(sheet.getRow(r));
    if (cells.some((c) => c !== '')) rows.push(cells);
    else rows.push([]); // an empty line keeps its number (rows are reported as the spreadsheet numbers them)
  }
  while (rows.length > 0 && (rows.at(-1) as string[]).length === 0) rows.pop();
  if (rows.length === 0) throw ApiException.validation({ file: 'the file has a header row but no data rows' });
  return { format, columns, rows };
}
