// A re-import as a reviewed change: each file row matched with what the app has (新增 / 更新 field by
// field, old → new / 不变), and the current entries the file lacks (keep, or retire). Pure: the
// validated file and the app's entries come in, the plan and its problems go out.
//
// Decisions:
// - Matching: members by name; attendees and officials by name and 单位 (by name alone when the file
//   has no 单位 column). An entry in office / active is preferred; else the most recently retired
//   (or deactivated) one is matched, never duplicated. Two current entries with the same key are
//   ambiguous: the row is refused.
// - A column the file does not have is never touched. An empty cell of a column the file has, where
//   the app has a value, is an 清空 to confirm: unconfirmed, the old value stays. An empty 序号 keeps
//   the old order. A matched attendee or official who was deactivated is restored only when confirmed.
// - Members in office that the file lacks are kept unless the secretary retires them (with a date);
//   attendees and officials the file lacks are kept or deactivated.
// - Seats of members in office must differ across the file and the members kept.
import { createHash } from 'node:crypto';
import type { RowError, ValidatedGrid } from './parse';
import { sortErrors } from './parse';
import { KIND_SPECS, type ImportKind } from './specs';

/** An entry of the app's list: its id, fields, and whether it is current (in office / active). */
export interface CurrentEntry {
  id: number;
  fields: Record<string, unknown>;
  active: boolean;
  /** Members: the retirement date; else null. */
  retiredOn: string | null;
}

export interface FieldChange {
  /** `${row}:${field}`: what a confirmation names. */
  key: string;
  field: string;
  header: string;
  from: string;
  to: string;
  /** An empty cell over a value, or restoring a deactivated entry: applied only when confirmed. */
  needsConfirm: boolean;
  confirmed: boolean;
}

export interface RowPlan {
  row: number;
  name: string;
  action: 'add' | 'update' | 'same';
  matchId: number | null;
  /** The matched entry is retired / deactivated (its date for members, '' otherwise). */
  matchedInactive: string | null;
  changes: FieldChange[];
  /** What will be written (add / update). */
  fields: Record<string, unknown>;
  /** Attendees/officials: the entry becomes active again. */
  restore: boolean;
}

export interface MissingEntry {
  id: number;
  name: string;
  /** "委员，座位号12" / "示例区人民法院 院长". */
  detail: string;
  retire: boolean;
  /** Members: the date of retirement chosen. */
  retireOn: string | null;
}

export interface Decisions {
  /** Keys of confirmed changes (`${row}:${field}`). */
  confirm?: readonly string[];
  /** Current entries the file lacks, to retire (members: with a date) or deactivate. */
  retire?: ReadonlyArray<{ id: number; date?: string | null }>;
}

export interface ImportPlan {
  rows: RowPlan[];
  missing: MissingEntry[];
  errors: RowError[];
  toAdd: number;
  toUpdate: number;
  unchanged: number;
  toRetire: number;
  /** Fingerprint of the plan: a commit made against a different state of the list is refused. */
  planId: string;
}

const shown = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

function keyOf(kind: ImportKind, f: Record<string, unknown>, byUnit: boolean): string {
  return kind === 'members' || !byUnit ? String(f.name) : `${String(f.name)}\u0000${shown(f.unit)}`;
}

function detailOf(kind: ImportKind, f: Record<string, unknown>): string {
  if (kind === 'members') return `${shown(f.role)}${f.seat ? `，座位号${shown(f.seat)}` : ''}`;
  return [shown(f.unit), shown(kind === 'attendees' ? f.title : f.post)].filter(Boolean).join(' ');
}

export function planImport(kind: ImportKind, file: ValidatedGrid<ImportKind>, current: readonly CurrentEntry[], decisions: Decisions = {}): ImportPlan {
  const spec = KIND_SPECS[kind];
  const byUnit = file.columns.includes('单位');
  const confirmed = new Set(decisions.confirm ?? []);
  const retiring = new Map((decisions.retire ?? []).map((r) => [r.id, r.date ?? null]));
  const errors: RowError[] = [...file.errors];
  const byKey = new Map<string, CurrentEntry[]>();
  for (const e of current) byKey.set(keyOf(kind, e.fields, byUnit), [...(byKey.get(keyOf(kind, e.fields, byUnit)) ?? []), e]);
  const maxSort = current.reduce((m, e) => Math.max(m, Number(e.fields.sort) || 0), 0);

  const matched = new Set<number>();
  const rows: RowPlan[] = [];
  file.rows.forEach((r, position) => {
    const f = r as unknown as Record<string, unknown>;
    const same = byKey.get(keyOf(kind, f, byUnit)) ?? [];
    const live = same.filter((e) => e.active);
    if (live.length > 1) {
      errors.push({ row: r.row, column: '姓名', reason: `现有名单中有${live.length}位“${shown(f.name)}”${byUnit && kind !== 'members' ? '（同一单位）' : ''}，无法确定这一行对应哪一位，请先在名单中加以区分` });
      return;
    }
    const old = live[0] ?? [...same].sort((a, b) => shown(b.retiredOn).localeCompare(shown(a.retiredOn)) || b.id - a.id)[0];
    const blanks = new Set(file.blanks[r.row] ?? []);
    const fields: Record<string, unknown> = {};
    for (const c of spec.columns) fields[c.field] = f[c.field];
    if (!old) {
      if (!file.columns.includes('序号')) fields.sort = maxSort + position + 1;
      rows.push({ row: r.row, name: shown(f.name), action: 'add', matchId: null, matchedInactive: null, changes: [], fields, restore: false });
      return;
    }
    matched.add(old.id);
    const changes: FieldChange[] = [];
    for (const c of spec.columns) {
      const was = old.fields[c.field];
      if (!file.columns.includes(c.header) || (c.field === 'sort' && blanks.has(c.header))) {
        fields[c.field] = was;
        continue;
      }
      const now = f[c.field]; // an empty cell reads as '' (text) or null (dates, seat)
      if (shown(now) === shown(was)) {
        fields[c.field] = was;
        continue;
      }
      const key = `${r.row}:${c.field}`;
      const needsConfirm = blanks.has(c.header);
      const ok = !needsConfirm || confirmed.has(key);
      changes.push({ key, field: c.field, header: c.header, from: shown(was), to: shown(now), needsConfirm, confirmed: needsConfirm && ok });
      fields[c.field] = ok ? now : was;
    }
    let restore = false;
    if (kind !== 'members' && !old.active) {
      const key = `${r.row}:active`;
      restore = confirmed.has(key);
      changes.push({ key, field: 'active', header: '状态', from: '已停用', to: '在用', needsConfirm: true, confirmed: restore });
    }
    rows.push({
      row: r.row,
      name: shown(f.name),
      action: changes.length ? 'update' : 'same',
      matchId: old.id,
      matchedInactive: old.active ? null : shown(old.retiredOn),
      changes,
      fields,
      restore,
    });
  });

  const missing: MissingEntry[] = current
    .filter((e) => e.active && !matched.has(e.id))
    .map((e) => ({ id: e.id, name: shown(e.fields.name), detail: detailOf(kind, e.fields), retire: retiring.has(e.id), retireOn: retiring.get(e.id) ?? null }));
  for (const id of retiring.keys()) {
    if (!missing.some((m) => m.id === id)) errors.push({ row: null, column: null, reason: `要离任或停用的人员（编号${id}）不在“文件中没有的现有人员”之列` });
  }
  if (kind === 'members') {
    for (const m of missing.filter((x) => x.retire)) {
      if (!m.retireOn) errors.push({ row: null, column: '离任日期', reason: `请填写${m.name}的离任日期` });
    }
    checkKeptSeats(rows, current, missing, errors);
  }

  const fingerprint = JSON.stringify([rows.map((r) => [r.row, r.matchId, r.changes.map((c) => [c.key, c.from, c.to])]), missing.map((m) => m.id)]);
  return {
    rows,
    missing,
    errors: sortErrors(errors),
    toAdd: rows.filter((r) => r.action === 'add').length,
    toUpdate: rows.filter((r) => r.action === 'update').length,
    unchanged: rows.filter((r) => r.action === 'same').length,
    toRetire: missing.filter((m) => m.retire).length,
    planId: createHash('sha256').update(fingerprint).digest('hex').slice(0, 16),
  };
}

/** A seat the file gives must not be held by a member in office whom the file leaves alone. */
function checkKeptSeats(rows: RowPlan[], current: readonly CurrentEntry[], missing: MissingEntry[], errors: RowError[]): void {
  const kept = new Map<number, CurrentEntry>();
  for (const m of missing) {
    const e = current.find((x) => x.id === m.id)!;
    if (!m.retire && e.fields.seat !== null && e.fields.seat !== undefined) kept.set(Number(e.fields.seat), e);
  }
  const taken = new Map<number, RowPlan>();
  for (const r of rows) {
    const seat = r.fields.seat as number | null;
    if (seat === null || seat === undefined || r.fields.inOfficeTo !== null) continue;
    const holder = kept.get(seat);
    const other = taken.get(seat);
    if (holder) errors.push({ row: r.row, column: '座位号', reason: `座位号${seat}已由现任组成人员${shown(holder.fields.name)}使用，而${shown(holder.fields.name)}不在本次导入的名单中` });
    else if (other) errors.push({ row: r.row, column: '座位号', reason: `座位号${seat}与第${other.row}行（${other.name}）重复` });
    else taken.set(seat, r);
  }
}
