// Bytes of an uploaded list -> validated rows and EVERY problem, each with the spreadsheet row (the
// header is row 1), the column (its Chinese header) and the reason; also which columns the file has
// and which of their cells were left empty (plan.ts compares them with what the app already has).
// Pure apart from reading the bytes.
import { cellText, headerKey } from './cells';
import { looksUndecodable, MAX_ROWS, readGrid, UnreadableFile, type Cell, type Grid, type GridRow, type SheetFormat } from './decode';
import { ALL_HEADERS, KIND_SPECS, type FieldsByKind, type ImportKind, type KindSpec } from './specs';

export interface RowError {
  row: number | null;
  column: string | null;
  reason: string;
}

export type ImportRow<K extends ImportKind> = FieldsByKind[K] & { row: number };

export interface ParsedFile<K extends ImportKind> {
  kind: K;
  fileName: string;
  /** null when the file could not be read as a table at all (then `errors` says why). */
  format: SheetFormat | null;
  rows: ImportRow<K>[];
  errors: RowError[];
}

/** What validating a grid gives: valid rows, every error, the columns the file has, its empty cells. */
export interface ValidatedGrid<K extends ImportKind> {
  rows: ImportRow<K>[];
  errors: RowError[];
  /** Headers of the known columns present in the file. */
  columns: string[];
  /** Per spreadsheet row, the present columns whose cell was empty. */
  blanks: Record<number, string[]>;
}

const HEADER_SEARCH_ROWS = 10;

export const ENCODING_HINT = '文件编码无法识别，请另存为 UTF-8 或 GBK 编码的 CSV，或 XLSX';

/** Reads and validates a file. Never throws for bad input: problems come back in `errors`. */
export async function parseRosterFile<K extends ImportKind>(kind: K, fileName: string, bytes: Buffer): Promise<ParsedFile<K>> {
  const read = await readRosterGrid(fileName, bytes);
  if (!read.ok) return { kind, fileName, format: null, rows: [], errors: [read.error] };
  const { rows, errors } = validateGrid(kind, read.grid);
  return { kind, fileName, format: read.grid.format, rows, errors };
}

/** The first step alone (async for XLSX), so that validating and importing can run in one go. */
export async function readRosterGrid(fileName: string, bytes: Buffer): Promise<{ ok: true; grid: Grid } | { ok: false; error: RowError }> {
  try {
    return { ok: true, grid: await readGrid(fileName, bytes) };
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    return { ok: false, error: { row: e.row, column: null, reason: e.message } };
  }
}

interface Entry<F> {
  row: number;
  fields: F;
  valid: boolean;
}

export function validateGrid<K extends ImportKind>(kind: K, grid: Grid): ValidatedGrid<K> {
  const spec = KIND_SPECS[kind] as unknown as KindSpec<FieldsByKind[K]>;
  const errors: RowError[] = [];
  const nothing = { rows: [], columns: [], blanks: {} };
  const nonBlank = grid.rows.filter((r) => r.cells.some((c) => cellText(c) !== ''));
  if (nonBlank.length === 0) return { ...nothing, errors: [{ row: null, column: null, reason: '表格是空的：没有表头，也没有数据' }] };

  const headerRow = nonBlank.slice(0, HEADER_SEARCH_ROWS).find((r) => r.cells.some((c) => headerKey(c) === '姓名'));
  const columns = headerRow ? readHeader(spec, headerRow, errors) : null;
  if (!headerRow || !columns) {
    if (!headerRow) errors.push(...missingHeaderErrors(spec, grid, nonBlank));
    return { ...nothing, errors };
  }
  const blanks: Record<number, string[]> = {};

  const entries: Entry<FieldsByKind[K]>[] = [];
  const dataRows = nonBlank.filter((r) => r.row > headerRow.row);
  if (dataRows.length === 0) errors.push({ row: null, column: null, reason: `表格中只有表头，没有任何${spec.label}` });
  if (dataRows.length > MAX_ROWS) {
    errors.push({ row: null, column: null, reason: `表格有${dataRows.length}行数据，一次最多导入${MAX_ROWS}行` });
    return { ...nothing, errors };
  }
  dataRows.forEach((r, i) => {
    let valid = true;
    const cell = (header: string): Cell => {
      const at = columns.get(header);
      return at === undefined ? null : (r.cells[at] ?? null);
    };
    const fields = spec.read(cell, i + 1, (column, reason) => {
      valid = false;
      errors.push({ row: r.row, column, reason });
    });
    entries.push({ row: r.row, fields, valid });
    const empty = [...columns.keys()].filter((h) => cellText(cell(h)) === '');
    if (empty.length) blanks[r.row] = empty;
  });

  findDuplicates(spec, entries, errors);
  if (kind === 'members') checkSeats(entries as unknown as Entry<FieldsByKind['members']>[], errors);

  const rows = entries.filter((e) => e.valid).map((e) => ({ ...e.fields, row: e.row }));
  return { rows, errors: sortErrors(errors), columns: [...columns.keys()], blanks };
}

/** Column index per known header; reports duplicated and missing required columns. */
function readHeader<F>(spec: KindSpec<F>, headerRow: GridRow, errors: RowError[]): Map<string, number> | null {
  const known = new Set(spec.columns.map((c) => c.header));
  const columns = new Map<string, number>();
  let ok = true;
  headerRow.cells.forEach((c, i) => {
    const key = headerKey(c);
    if (!known.has(key)) return;
    if (columns.has(key)) {
      errors.push({ row: headerRow.row, column: key, reason: `列“${key}”出现了不止一次，请只保留一列` });
      ok = false;
    } else columns.set(key, i);
  });
  for (const c of spec.columns) {
    if (c.required && !columns.has(c.header)) {
      errors.push({ row: headerRow.row, column: c.header, reason: `找不到必需的列“${c.header}”（${expectedHeaders(spec)}）` });
      ok = false;
    }
  }
  return ok ? columns : null;
}

const expectedHeaders = <F>(spec: KindSpec<F>): string =>
  `${spec.label}名单的表头应为：${spec.columns
    .filter((c) => !c.date)
    .map((c) => c.header)
    .join('、')}`;

/** No row has a 姓名 header: say which required columns are missing, and whether the encoding is to blame. */
function missingHeaderErrors<F>(spec: KindSpec<F>, grid: Grid, nonBlank: GridRow[]): RowError[] {
  const first = nonBlank[0]!;
  const firstKeys = new Set(first.cells.map(headerKey));
  const top = nonBlank.slice(0, HEADER_SEARCH_ROWS);
  const topText = top.flatMap((r) => r.cells.map(cellText)).join(',');
  const knownSeen = top.some((r) => r.cells.some((c) => ALL_HEADERS.has(headerKey(c))));
  const encoding = looksUndecodable(topText) || (grid.guessedEncoding && !knownSeen);
  const out: RowError[] = encoding ? [{ row: null, column: null, reason: ENCODING_HINT }] : [];
  for (const c of spec.columns) {
    if (c.required && !firstKeys.has(c.header)) {
      out.push({ row: first.row, column: c.header, reason: `找不到必需的列“${c.header}”（${expectedHeaders(spec)}）` });
    }
  }
  return out;
}

function findDuplicates<F>(spec: KindSpec<F>, entries: Entry<F>[], errors: RowError[]): void {
  const seen = new Map<string, number>();
  for (const e of entries) {
    const d = spec.duplicate(e.fields);
    if (!(e.fields as { name: string }).name) continue;
    const first = seen.get(d.key);
    if (first === undefined) seen.set(d.key, e.row);
    else {
      errors.push({ row: e.row, column: d.column, reason: d.reason(first) });
      e.valid = false;
    }
  }
}

/** Seats of members in office must differ within the file (those of members kept are checked by plan.ts). */
function checkSeats(entries: Entry<FieldsByKind['members']>[], errors: RowError[]): void {
  const inFile = new Map<number, Entry<FieldsByKind['members']>>();
  for (const e of entries) {
    const { seat, inOfficeTo, name } = e.fields;
    if (seat === null || inOfficeTo !== null || name === '') continue;
    const other = inFile.get(seat);
    if (other) {
      errors.push({ row: e.row, column: '座位号', reason: `座位号${seat}与第${other.row}行（${other.fields.name}）重复` });
      e.valid = false;
    } else inFile.set(seat, e);
  }
}

export function sortErrors(errors: RowError[]): RowError[] {
  return errors.map((e, i) => ({ e, i })).sort((a, b) => (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i).map(({ e }) => e);
}

/** "第3行“姓名”：姓名不能为空" — one error as a line of text. */
export function describeRowError(e: RowError): string {
  const where = e.row === null ? '' : e.column === null ? `第${e.row}行：` : `第${e.row}行“${e.column}”：`;
  return `${where}${e.reason}`;
}
