import { createHash } from 'node:crypto';
import { AppError } from '../shared/result';
import { agendaDetailsSchema, assignPersonIds, personsWithIds, type AgendaDetails, type AgendaKind } from '../domain/agenda';
import type { Actor } from './audit';
import { assertDeletable, assertEditKeepsCastData, castPersons } from './item-data';
import { carryItemRules } from './item-rules';
import { deleteItemRows, getSession } from './sessions';
import type { Store } from './store';

export interface AgendaItemFields {
  kind: AgendaKind;
  title: string;
  presenter: string;
  details: AgendaDetails;
}

export interface DocumentInfo {
  id: number;
  itemId: number;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  addedAt: string;
}

export interface AgendaItem extends AgendaItemFields {
  id: number;
  sessionId: number;
  position: number;
  documents: DocumentInfo[];
}

interface ItemRow {
  id: number;
  session_id: number;
  position: number;
  kind: AgendaKind;
  title: string;
  presenter: string;
  details: string;
}

const DOC_COLUMNS = 'id, item_id AS itemId, file_name AS fileName, mime, size, sha256, added_at AS addedAt';

/** Details as read: every appointment person has an id (one stored before ids existed: by place). */
function readDetails(json: string): AgendaDetails {
  const d = agendaDetailsSchema.parse(JSON.parse(json));
  return d.persons ? { ...d, persons: personsWithIds(d.persons) } : d;
}

/** Details as written: persons keep their ids, new ones get ids the item never used. */
function withPersonIds(store: Store, item: AgendaItem | null, d: AgendaDetails): AgendaDetails {
  if (!d.persons) return d;
  const previous = personsWithIds(item?.details.persons);
  const reserved = item ? castPersons(store, item.id, previous).map((p) => p.id) : [];
  return { ...d, persons: assignPersonIds(previous, d.persons, reserved) };
}

function toItem(store: Store, r: ItemRow): AgendaItem {
  return {
    id: r.id,
    sessionId: r.session_id,
    position: r.position,
    kind: r.kind,
    title: r.title,
    presenter: r.presenter,
    details: readDetails(r.details),
    documents: store.db.prepare(`SELECT ${DOC_COLUMNS} FROM documents WHERE item_id = ? ORDER BY id`).all(r.id) as DocumentInfo[],
  };
}

export function listItems(store: Store, sessionId: number): AgendaItem[] {
  return (store.db.prepare('SELECT * FROM agenda_items WHERE session_id = ? ORDER BY position, id').all(sessionId) as ItemRow[]).map((r) =>
    toItem(store, r),
  );
}

export function getItem(store: Store, id: number): AgendaItem {
  const row = store.db.prepare('SELECT * FROM agenda_items WHERE id = ?').get(id) as ItemRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的议程项`);
  return toItem(store, row);
}

function assertEditable(store: Store, sessionId: number): void {
  const s = getSession(store, sessionId);
  if (s.status === 'closed') throw new AppError('INVALID_STATE', `会议“${s.title}”已经闭会，议程不能再修改`);
}

/** Rewrites positions 1..n in the given order, recording every item whose position changed. */
function renumber(store: Store, who: Actor, ids: number[]): void {
  const current = store.db.prepare('SELECT position FROM agenda_items WHERE id = ?');
  const set = store.db.prepare('UPDATE agenda_items SET position = ? WHERE id = ?');
  ids.forEach((id, i) => {
    const row = current.get(id) as { position: number };
    if (row.position !== i + 1) {
      set.run(i + 1, id);
      store.audit.recordRow(who, 'agenda.reorder', 'agenda_items', id);
    }
  });
}

const itemIds = (store: Store, sessionId: number) =>
  (store.db.prepare('SELECT id FROM agenda_items WHERE session_id = ? ORDER BY position, id').all(sessionId) as { id: number }[]).map((r) => r.id);

export function addItem(store: Store, who: Actor, sessionId: number, f: AgendaItemFields): AgendaItem {
  return store.change(who, () => {
    assertEditable(store, sessionId);
    const position = itemIds(store, sessionId).length + 1;
    const id = Number(
      store.db
        .prepare('INSERT INTO agenda_items (session_id, position, kind, title, presenter, details) VALUES (?, ?, ?, ?, ?, ?)')
        .run(sessionId, position, f.kind, f.title.trim(), f.presenter.trim(), JSON.stringify(withPersonIds(store, null, f.details))).lastInsertRowid,
    );
    store.audit.recordRow(who, 'agenda.add', 'agenda_items', id);
    return getItem(store, id);
  });
}

export function updateItem(store: Store, who: Actor, id: number, f: AgendaItemFields): AgendaItem {
  return store.change(who, () => {
    const it = getItem(store, id);
    assertEditable(store, it.sessionId);
    const details = withPersonIds(store, it, f.details);
    assertEditKeepsCastData(store, id, it, { kind: f.kind, title: f.title, details });
    carryItemRules(store, who, it, details, getSession(store, it.sessionId).rules);
    store.db
      .prepare('UPDATE agenda_items SET kind = ?, title = ?, presenter = ?, details = ? WHERE id = ?')
      .run(f.kind, f.title.trim(), f.presenter.trim(), JSON.stringify(details), id);
    store.audit.recordRow(who, 'agenda.update', 'agenda_items', id);
    return getItem(store, id);
  });
}

export function deleteItem(store: Store, who: Actor, id: number): void {
  store.change(who, () => {
    const it = getItem(store, id);
    assertEditable(store, it.sessionId);
    assertDeletable(store, id, it.title);
    try {
      deleteItemRows(store, who, id);
    } catch (e) {
      if (!/FOREIGN KEY constraint failed/.test((e as Error).message)) throw e;
      throw new AppError('INVALID_STATE', `“${it.title}”还有关联的会议数据，不能删除`);
    }
    renumber(store, who, itemIds(store, it.sessionId));
  });
}

/** Sets the order of a session's agenda; `orderedIds` must list every item exactly once. */
export function reorderItems(store: Store, who: Actor, sessionId: number, orderedIds: number[]): AgendaItem[] {
  return store.change(who, () => {
    assertEditable(store, sessionId);
    const existing = itemIds(store, sessionId);
    const same = existing.length === orderedIds.length && new Set(orderedIds).size === orderedIds.length && orderedIds.every((id) => existing.includes(id));
    if (!same) throw new AppError('BAD_INPUT', '排序列表必须恰好包含本次会议的全部议程项');
    renumber(store, who, orderedIds);
    return listItems(store, sessionId);
  });
}

export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/** What a document's bytes say it is; the file name's extension is not trusted. */
export function sniffDocumentType(data: Uint8Array): string | null {
  const starts = (...b: number[]) => b.every((x, i) => data[i] === x);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'application/msword';
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  return null;
}

export function attachDocument(store: Store, who: Actor, itemId: number, fileName: string, data: Uint8Array): DocumentInfo {
  return store.change(who, () => {
    const it = getItem(store, itemId);
    assertEditable(store, it.sessionId);
    if (data.byteLength === 0) throw new AppError('BAD_INPUT', `文件“${fileName}”是空的`);
    if (data.byteLength > MAX_DOCUMENT_BYTES) throw new AppError('BAD_INPUT', `文件“${fileName}”超过100MB，无法附加`);
    const mime = sniffDocumentType(data);
    if (!mime) throw new AppError('BAD_INPUT', `文件“${fileName}”不是PDF、Word文档或图片（PNG/JPEG），无法附加`);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const id = Number(
      store.db
        .prepare('INSERT INTO documents (item_id, file_name, mime, size, sha256, data, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(itemId, fileName, mime, data.byteLength, sha256, Buffer.from(data), new Date().toISOString()).lastInsertRowid,
    );
    store.audit.recordRow(who, 'document.attach', 'documents', id);
    return store.db.prepare(`SELECT ${DOC_COLUMNS} FROM documents WHERE id = ?`).get(id) as DocumentInfo;
  });
}

export function removeDocument(store: Store, who: Actor, id: number): void {
  store.change(who, () => {
    const doc = store.db.prepare('SELECT item_id FROM documents WHERE id = ?').get(id) as { item_id: number } | undefined;
    if (!doc) throw new AppError('NOT_FOUND', `找不到编号为${id}的文件`);
    assertEditable(store, getItem(store, doc.item_id).sessionId);
    store.db.prepare('DELETE FROM documents WHERE id = ?').run(id);
    store.audit.recordRow(who, 'document.delete', 'documents', id);
  });
}

export function readDocument(store: Store, id: number): DocumentInfo & { data: Buffer } {
  const row = store.db.prepare(`SELECT ${DOC_COLUMNS}, data FROM documents WHERE id = ?`).get(id) as (DocumentInfo & { data: Buffer }) | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的文件`);
  return row;
}
