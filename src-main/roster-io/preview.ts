// The store side of importing a list: preview (the reviewed change, every error, nothing written) and
// commit (validate and plan again against the database as it is now, then apply all of it or none).
import { createHash } from 'node:crypto';
import { AppError } from '../shared/result';
import type { Actor } from '../store/audit';
import { attendees, officials } from '../store/directory';
import { applyMemberImport, listMembers } from '../store/members';
import type { Store } from '../store/store';
import type { SheetFormat } from './decode';
import { describeRowError, readRosterGrid, validateGrid, type ImportRow, type RowError } from './parse';
import { planImport, type CurrentEntry, type Decisions, type ImportPlan } from './plan';
import type { ImportKind } from './specs';

export interface ImportPreview<K extends ImportKind = ImportKind> extends ImportPlan {
  kind: K;
  fileName: string;
  format: SheetFormat;
  /** The valid rows as read from the file. */
  valid: ImportRow<K>[];
  /** Headers of the columns the file has: the others are left as they are. */
  columns: string[];
}

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
  retired: number;
}

/** Every entry of the list, current or not: a retired member is matched, never added again. */
export function currentEntries(store: Store, kind: ImportKind): CurrentEntry[] {
  if (kind === 'members') {
    return listMembers(store, { includeRetired: true }).map(({ id, ...fields }) => ({ id, fields, active: fields.inOfficeTo === null, retiredOn: fields.inOfficeTo }));
  }
  const list = kind === 'attendees' ? attendees.list(store, { includeInactive: true }) : officials.list(store, { includeInactive: true });
  return list.map(({ id, active, ...fields }) => ({ id, fields, active, retiredOn: null }));
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

/** Reads and checks a file against the database and plans the change; writes nothing. */
export async function previewImport<K extends ImportKind>(store: Store, kind: K, fileName: string, bytes: Buffer, decisions: Decisions = {}): Promise<ImportPreview<K>> {
  const read = await readRosterGrid(fileName, bytes);
  if (!read.ok) throw unreadable(read.error, false);
  const file = validateGrid(kind, read.grid);
  const plan = planImport(kind, file, currentEntries(store, kind), decisions);
  return { kind, fileName, format: read.grid.format, valid: file.rows as ImportRow<K>[], columns: file.columns, ...plan };
}

/**
 * Validates and plans again inside the import's transaction and applies the plan, or throws
 * IMPORT_INVALID. With `planId`, a list changed since the preview is refused (CONFLICT).
 */
export async function commitImport(store: Store, who: Actor, kind: ImportKind, fileName: string, bytes: Buffer, decisions: Decisions = {}, planId?: string): Promise<ImportOutcome> {
  const read = await readRosterGrid(fileName, bytes);
  if (!read.ok) throw unreadable(read.error, true);
  const { grid } = read;
  return store.change(who, () => {
    const file = validateGrid(kind, grid);
    const plan = planImport(kind, file, currentEntries(store, kind), decisions);
    if (plan.errors.length > 0) throw invalidImport(plan.errors);
    if (planId !== undefined && planId !== plan.planId) throw new AppError('CONFLICT', '名单在预览之后已有变动，请重新选择文件预览后再导入');
    applyPlan(store, who, kind, plan);
    const outcome: ImportOutcome = { added: plan.toAdd, updated: plan.toUpdate, unchanged: plan.unchanged, retired: plan.toRetire };
    store.audit.append(who, `${kind}.import`, 'import', kind, {
      fileName,
      format: grid.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rows: file.rows.length,
      columns: file.columns,
      confirmed: plan.rows.flatMap((r) => r.changes.filter((c) => c.confirmed).map((c) => c.key)),
      ...outcome,
    });
    return outcome;
  });
}

function applyPlan(store: Store, who: Actor, kind: ImportKind, plan: ImportPlan): void {
  const updates = plan.rows.filter((r) => r.action === 'update').map((r) => ({ id: r.matchId!, fields: r.fields, restore: r.restore }));
  const adds = plan.rows.filter((r) => r.action === 'add').map((r) => r.fields);
  const retire = plan.missing.filter((m) => m.retire).map((m) => ({ id: m.id, date: m.retireOn }));
  if (kind === 'members') {
    applyMemberImport(store, who, {
      updates: updates.map((u) => ({ id: u.id, fields: u.fields as never })),
      adds: adds as never,
      retire: retire.map((r) => ({ id: r.id, date: r.date! })),
    });
    return;
  }
  const dir = kind === 'attendees' ? attendees : officials;
  dir.applyImport(store, who, { updates: updates as never, adds: adds as never, deactivate: retire.map((r) => r.id) });
}
