// 暂不付表决 and 撤回 on an agenda item (migration 015; the rule and its words in
// domain/item-disposition.ts): recorded with the reason, refused once the session has closed, while a
// round of the item is open, or when a vote has already decided the item; undone before 闭会, the row
// kept with the time. A standing one stops every round of the item from beginning (`assertRoundable`).
import { AppError } from '../shared/result';
import { dispositionLabel, dispositionLine, dispositionProblem, dispositionRefusal, type DispositionKind } from '../domain/item-disposition';
import type { AgendaKind } from '../domain/agenda';
import type { Actor } from './audit';
import { getItem, type AgendaItem } from './agenda';
import { getSession } from './sessions';
import type { Store } from './store';

export interface ItemDisposition {
  id: number;
  itemId: number;
  kind: DispositionKind;
  reason: string;
  recordedAt: string;
  undoneAt: string | null;
  undoReason: string;
  /** Its name as said of this item (dispositionLabel: 暂不付表决, 提案人撤回, a 任免案's 提请人撤回, a 质询案's 提出人撤回). */
  label: string;
  /** The sentence faces and documents show (dispositionLine). */
  line: string;
}

interface Row {
  id: number;
  item_id: number;
  kind: DispositionKind;
  reason: string;
  recorded_at: string;
  undone_at: string | null;
  undo_reason: string;
  /** The item's kind (joined): the words depend on it. */
  item_kind: AgendaKind;
}

/** Every query of the decisions reads them with their item's kind. */
const SELECT = 'SELECT d.*, i.kind AS item_kind FROM item_dispositions d JOIN agenda_items i ON i.id = d.item_id';

const toDisposition = (r: Row): ItemDisposition => ({
  id: r.id,
  itemId: r.item_id,
  kind: r.kind,
  reason: r.reason,
  recordedAt: r.recorded_at,
  undoneAt: r.undone_at,
  undoReason: r.undo_reason,
  label: dispositionLabel(r.kind, r.item_kind),
  line: dispositionLine(r.kind, r.reason, r.item_kind),
});

/** The decision standing on an item, if any. */
export function standingDisposition(store: Store, itemId: number): ItemDisposition | null {
  const row = store.db.prepare(`${SELECT} WHERE d.item_id = ? AND d.undone_at IS NULL`).get(itemId) as Row | undefined;
  return row ? toDisposition(row) : null;
}

/** The standing decisions of a session's items, by item id (one query: the live snapshot asks it). */
export function standingDispositions(store: Store, sessionId: number): Map<number, ItemDisposition> {
  const rows = store.db
    .prepare(`${SELECT} WHERE i.session_id = ? AND d.undone_at IS NULL`)
    .all(sessionId) as Row[];
  return new Map(rows.map((r) => [r.item_id, toDisposition(r)]));
}

/** Every decision recorded on an item, undone ones too, oldest first. */
export function dispositionHistory(store: Store, itemId: number): ItemDisposition[] {
  return (store.db.prepare(`${SELECT} WHERE d.item_id = ? ORDER BY d.id`).all(itemId) as Row[]).map(toDisposition);
}

/**
 * Refused (ITEM_DEFERRED / ITEM_WITHDRAWN) when a decision stands on the item: no round of it begins,
 * no result of it is entered. `what`: 开始表决, 录入表决结果, 发起表决…
 */
export function assertRoundable(store: Store, itemId: number, what: string): void {
  const d = standingDisposition(store, itemId);
  if (!d) return;
  const item = getItem(store, itemId);
  throw new AppError(d.kind === 'deferred' ? 'ITEM_DEFERRED' : 'ITEM_WITHDRAWN', dispositionRefusal(d.kind, item, what));
}

function assertSessionNotClosed(store: Store, item: AgendaItem, what: string): void {
  const s = getSession(store, item.sessionId);
  if (s.status === 'closed') throw new AppError('INVALID_STATE', `会议“${s.title}”已经闭会，不能再${what}`);
}

/** Whether a round of the item (a ballot or an assessment) is open now. */
function roundOpenOn(store: Store, itemId: number): boolean {
  const open = "SELECT EXISTS (SELECT 1 FROM ballots WHERE item_id = @item AND state = 'open') OR EXISTS (SELECT 1 FROM assessments WHERE item_id = @item AND state = 'open')";
  return store.db.prepare(open).pluck().get({ item: itemId }) === 1;
}

/** Whether a vote has decided the item: a ballot of it (of the whole, not of a single provision: 单独表决) with a result. */
function decidedByVote(store: Store, itemId: number): boolean {
  return (store.db.prepare("SELECT count(*) FROM ballots WHERE item_id = ? AND provision IS NULL AND state IN ('closed', 'announced')").pluck().get(itemId) as number) > 0;
}

/** 暂不付表决 / 撤回, with the reason stated; audited. */
export function recordDisposition(store: Store, who: Actor, itemId: number, kind: DispositionKind, reason: string): ItemDisposition {
  return store.change(who, () => {
    const item = getItem(store, itemId);
    const label = dispositionLabel(kind, item.kind);
    assertSessionNotClosed(store, item, `记为${label}`);
    if (!reason.trim()) throw new AppError('BAD_INPUT', `请填写${label}的理由`);
    const problem = dispositionProblem(kind, item, decidedByVote(store, itemId));
    if (problem) throw new AppError('INVALID_STATE', problem);
    if (roundOpenOn(store, itemId)) throw new AppError('CONFLICT', `“${item.title}”的表决正在进行，不能记为${label}；请先结束表决`);
    const standing = standingDisposition(store, itemId);
    if (standing) {
      if (standing.kind === kind && standing.reason === reason.trim()) return standing; // a repeat of the same request
      throw new AppError('CONFLICT', `“${item.title}”已记为${standing.label}；如需改记，请先撤销`);
    }
    const id = Number(
      store.db
        .prepare('INSERT INTO item_dispositions (item_id, kind, reason, recorded_at) VALUES (?, ?, ?, ?)')
        .run(itemId, kind, reason.trim(), new Date().toISOString()).lastInsertRowid,
    );
    store.audit.recordRow(who, `agenda.${kind === 'deferred' ? 'defer' : 'withdraw'}`, 'item_dispositions', id);
    return standingDisposition(store, itemId)!;
  });
}

/** Undoes the standing decision before 闭会 with the reason stated (the row stays, with when and why); audited. */
export function undoDisposition(store: Store, who: Actor, itemId: number, reason: string): ItemDisposition {
  return store.change(who, () => {
    const item = getItem(store, itemId);
    const standing = standingDisposition(store, itemId);
    if (!standing) throw new AppError('INVALID_STATE', `“${item.title}”没有记为暂不付表决或撤回，无需撤销`);
    assertSessionNotClosed(store, item, `撤销${standing.label}`);
    if (!reason.trim()) throw new AppError('BAD_INPUT', `请填写撤销${standing.label}的理由`);
    store.db.prepare('UPDATE item_dispositions SET undone_at = ?, undo_reason = ? WHERE id = ?').run(new Date().toISOString(), reason.trim(), standing.id);
    store.audit.recordRow(who, 'agenda.undoDisposition', 'item_dispositions', standing.id);
    return toDisposition(store.db.prepare(`${SELECT} WHERE d.id = ?`).get(standing.id) as Row);
  });
}
