// The store side of importing a list: preview (what would change, every error, nothing written) and
// commit (validate again against the database as it is now, then all rows or none).
import { createHash } from 'node:crypto';
import { AppError } from '../shared/result';
import type { Actor } from '../store/audit';
import { attendees, officials } from '../store/directory';
import { importMembers, listMembers } from '../store/members';
import type { Store } from '../store/store';
import type { SheetFormat } from './decode';
import { describeRowError, matchExisting, readRosterGrid, validateGrid, type Existing, type ImportRow, type RowError } from './parse';
import type { FieldsByKind, ImportKind } from './specs';

export interface ImportPreview<K extends ImportKind = ImportKind> {
  kind: K;
  fileName: string;
  format: SheetFormat;
  rows: ImportRow<K>[];
  errors: RowError[];
  toAdd: number;
  toUpdate: number;
}

export interface ImportOutcome {
  added: number;
  updated: number;
}

/** Current entries an import is matched against: members in office, active attendees/officials. */
export function existingEntries(store: Store, kind: ImportKind): Existing[] {
  if (kind === 'members') return listMembers(store).map((m) => ({ id: m.id, name: m.name, unit: '', seat: m.seat }));
  const list = kind === 'attendees' ? attendees.list(store) : officials.list(store);
  return list.map((e) => ({ id: e.id, name: e.name, unit: e.unit, seat: null }));
}

const MAX_LISTED_ERRORS = 10;

function unreadable(error: RowError, committing: boolean): AppError {
  return new AppError('IMPORT_INVALID', committing ? `导入失败，未导入任何数据：${error.reason}` : error.reason, [error]);
}

/** IMPORT_INVALID with every error in `details` and the first ones spelled out in the message. */
export function invalidImport(errors: RowError[]): AppError {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map(describeRowError).join('；');
  const more = errors.length > MAX_LISTED_ERRORS ? `；……其余${errors.length - MAX_LISTED_ERRORS}处见错误列表` : '';
  return new AppError('IMPORT_INVALID', `导入失败，共${errors.length}处错误，未导入任何数据：${listed}${more}`, errors);
}

/** Reads and checks a file against the database; changes nothing. */
export async function previewImport<K extends ImportKind>(store: Store, kind: K, fileName: string, bytes: Buffer): Promise<ImportPreview<K>> {
  const read = await readRosterGrid(fileName, bytes);
  if (!read.ok) throw unreadable(read.error, false);
  const existing = existingEntries(store, kind);
  const { rows, errors } = validateGrid(kind, read.grid, existing);
  const toUpdate = matchExisting(kind, rows, existing).filter((id) => id !== null).length;
  return { kind, fileName, format: read.grid.format, rows, errors, toAdd: rows.length - toUpdate, toUpdate };
}

const fieldsOnly = <T extends { row: number }>({ row: _row, ...fields }: T): Omit<T, 'row'> => fields;

/** Validates again inside the import's transaction and imports every row, or throws IMPORT_INVALID. */
export async function commitImport(store: Store, who: Actor, kind: ImportKind, fileName: string, bytes: Buffer): Promise<ImportOutcome> {
  const read = await readRosterGrid(fileName, bytes);
  if (!read.ok) throw unreadable(read.error, true);
  const { grid } = read;
  return store.change(who, () => {
    const { rows, errors } = validateGrid(kind, grid, existingEntries(store, kind));
    if (errors.length > 0) throw invalidImport(errors);
    const outcome = importRows(store, who, kind, rows);
    store.audit.append(who, `${kind}.import`, 'import', kind, {
      fileName,
      format: grid.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rows: rows.length,
      ...outcome,
    });
    return outcome;
  });
}

function importRows(store: Store, who: Actor, kind: ImportKind, rows: ImportRow<ImportKind>[]): ImportOutcome {
  switch (kind) {
    case 'members':
      return importMembers(store, who, (rows as ImportRow<'members'>[]).map(fieldsOnly) as FieldsByKind['members'][]);
    case 'attendees':
      return attendees.importMany(store, who, (rows as ImportRow<'attendees'>[]).map(fieldsOnly) as FieldsByKind['attendees'][]);
    case 'officials':
      return officials.importMany(store, who, (rows as ImportRow<'officials'>[]).map(fieldsOnly) as FieldsByKind['officials'][]);
  }
}
