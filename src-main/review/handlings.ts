// The supervision loop after an opinion is sent: a handling-report agenda item (办理情况报告) is
// linked to its opinion (round 1, 2, … when it must report again); hearing it at a session moves the
// opinion to 已报告; its satisfaction assessment, or where none is held the secretary's decision,
// sets 已测评 or 需再次报告. The agenda item also carries the link (details.opinionId) while its
// session can still be edited, so the agenda and the assessment see which opinion it answers.
import { AppError } from '../shared/result';
import { getItem, updateItem, type AgendaItem } from '../store/agenda';
import type { Actor } from '../store/audit';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { getOpinion, refreshStatus, type Opinion } from './opinions';
import { addMonths, AWAITING_REPORT, localToday, outcomeOfGrade, type HandlingOutcome } from '../domain/review';

export interface Handling {
  id: number;
  opinionId: number;
  itemId: number;
  round: number;
  linkedAt: string;
  heardAt: string | null;
  /** The grade (满意 / 基本满意 / 不满意 …) or the secretary's wording. */
  result: string | null;
  outcome: HandlingOutcome | null;
  decidedBy: 'assessment' | 'secretary' | null;
  decidedAt: string | null;
  note: string;
  /** The agenda item and its session, when the item still exists. */
  itemTitle: string;
  sessionId: number | null;
  sessionTitle: string;
  sessionDate: string | null;
}

interface Row {
  id: number;
  opinion_id: number;
  item_id: number;
  round: number;
  linked_at: string;
  heard_at: string | null;
  result: string | null;
  outcome: HandlingOutcome | null;
  decided_by: Handling['decidedBy'];
  decided_at: string | null;
  note: string;
}

function itemOrNull(store: Store, id: number): AgendaItem | null {
  try {
    return getItem(store, id);
  } catch {
    return null;
  }
}

function toHandling(store: Store, r: Row): Handling {
  const item = itemOrNull(store, r.item_id);
  const session = item ? getSession(store, item.sessionId) : null;
  return {
    id: r.id,
    opinionId: r.opinion_id,
    itemId: r.item_id,
    round: r.round,
    linkedAt: r.linked_at,
    heardAt: r.heard_at,
    result: r.result,
    outcome: r.outcome,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    note: r.note,
    itemTitle: item?.title ?? '（议程项已删除）',
    sessionId: session?.id ?? null,
    sessionTitle: session?.title ?? '',
    sessionDate: session?.date ?? null,
  };
}

export function handlingsOf(store: Store, opinionId: number): Handling[] {
  return (store.db.prepare('SELECT * FROM opinion_handlings WHERE opinion_id = ? ORDER BY round').all(opinionId) as Row[]).map((r) => toHandling(store, r));
}

export function handlingOfItem(store: Store, itemId: number): Handling | null {
  const row = store.db.prepare('SELECT * FROM opinion_handlings WHERE item_id = ?').get(itemId) as Row | undefined;
  return row ? toHandling(store, row) : null;
}

/** Writes details.opinionId on the agenda item while its session is not closed (the agenda's own record). */
function writeItemLink(store: Store, who: Actor, item: AgendaItem, opinionId: number | null): void {
  if (getSession(store, item.sessionId).status === 'closed') return;
  if ((item.details.opinionId ?? null) === opinionId) return;
  updateItem(store, who, item.id, { kind: item.kind, title: item.title, presenter: item.presenter, details: { ...item.details, opinionId } });
}

/** Links a handling-report item to the opinion it answers: the next round of that opinion. */
export function linkHandling(store: Store, who: Actor, opinionId: number, itemId: number): Handling {
  return store.change(who, () => {
    const o = getOpinion(store, opinionId);
    const item = getItem(store, itemId);
    if (item.kind !== 'handling_report') throw new AppError('INVALID_STATE', `“${item.title}”不是审议意见办理情况报告`);
    if (o.status === 'draft') throw new AppError('INVALID_STATE', '审议意见尚未交办，不能关联办理情况报告');
    const other = handlingOfItem(store, itemId);
    if (other && other.opinionId !== opinionId) throw new AppError('CONFLICT', `该办理情况报告已关联到另一份审议意见（编号${other.opinionId}）`);
    if (other) return other;
    const open = handlingsOf(store, opinionId).find((h) => h.outcome === null && itemOrNull(store, h.itemId));
    if (open) throw new AppError('CONFLICT', `这份审议意见的第${open.round}次办理情况报告（${open.sessionTitle}）尚无结果，请先记录其结果`);
    if (!AWAITING_REPORT.includes(o.status)) throw new AppError('INVALID_STATE', `审议意见当前状态为“${o.statusLabel}”，不需要再报告办理情况`);
    const round = (store.db.prepare('SELECT coalesce(max(round), 0) + 1 AS n FROM opinion_handlings WHERE opinion_id = ?').get(opinionId) as { n: number }).n;
    const id = Number(
      store.db.prepare('INSERT INTO opinion_handlings (opinion_id, item_id, round, linked_at) VALUES (?, ?, ?, ?)').run(opinionId, itemId, round, new Date().toISOString()).lastInsertRowid,
    );
    store.audit.recordRow(who, 'opinion.handling.link', 'opinion_handlings', id);
    writeItemLink(store, who, item, opinionId);
    refreshStatus(store, who, opinionId);
    return handlingOfItem(store, itemId)!;
  });
}

function removeLink(store: Store, who: Actor, h: { id: number; opinionId: number }): void {
  store.db.prepare('DELETE FROM opinion_handlings WHERE id = ?').run(h.id);
  store.audit.recordRow(who, 'opinion.handling.unlink', 'opinion_handlings', h.id);
  refreshStatus(store, who, h.opinionId);
}

/** Removes a link that has no result yet. */
export function unlinkHandling(store: Store, who: Actor, itemId: number): Opinion {
  return store.change(who, () => {
    const h = handlingOfItem(store, itemId);
    if (!h) throw new AppError('NOT_FOUND', '该议程项没有关联审议意见');
    if (h.outcome !== null) throw new AppError('INVALID_STATE', '该办理情况报告已有结果，不能取消关联');
    removeLink(store, who, h);
    const item = itemOrNull(store, itemId);
    if (item) writeItemLink(store, who, item, null);
    return getOpinion(store, h.opinionId);
  });
}

/**
 * Brings links up to date with the sessions: a link whose agenda item was deleted is removed (when it
 * has no result), and a handling report counts as heard once its session has reached the item (the
 * current item is at or after it) or has closed. Returns how many links changed.
 */
export function syncHearings(store: Store, who: Actor): number {
  const open = store.db.prepare('SELECT * FROM opinion_handlings WHERE heard_at IS NULL').all() as Row[];
  if (open.length === 0) return 0;
  return store.change(who, () => {
    let changed = 0;
    for (const r of open) {
      const item = itemOrNull(store, r.item_id);
      if (!item) {
        if (r.outcome === null) {
          removeLink(store, who, { id: r.id, opinionId: r.opinion_id });
          changed++;
        }
        continue;
      }
      const session = store.db.prepare('SELECT status, closed_at FROM sessions WHERE id = ?').get(item.sessionId) as { status: string; closed_at: string | null };
      const current = store.db
        .prepare('SELECT a.position FROM session_live l JOIN agenda_items a ON a.id = l.current_item_id WHERE l.session_id = ?')
        .get(item.sessionId) as { position: number } | undefined;
      const reached = session.status === 'closed' || (session.status === 'open' && current !== undefined && current.position >= item.position);
      if (!reached) continue;
      store.db.prepare('UPDATE opinion_handlings SET heard_at = ? WHERE id = ?').run(new Date().toISOString(), r.id);
      store.audit.recordRow(who, 'opinion.handling.heard', 'opinion_handlings', r.id);
      refreshStatus(store, who, r.opinion_id);
      changed++;
    }
    return changed;
  });
}

/**
 * The handling-report item an item stands for: a handling_report item itself, or, for an assessment
 * item, the nearest handling_report item before it in the same session that is linked to an opinion.
 */
export function handlingItemFor(store: Store, itemId: number): number | null {
  const item = itemOrNull(store, itemId);
  if (!item) return null;
  if (item.kind === 'handling_report') return item.id;
  const row = store.db
    .prepare(
      `SELECT a.id FROM agenda_items a JOIN opinion_handlings h ON h.item_id = a.id
       WHERE a.session_id = ? AND a.kind = 'handling_report' AND a.position < ? ORDER BY a.position DESC LIMIT 1`,
    )
    .get(item.sessionId, item.position) as { id: number } | undefined;
  return row?.id ?? null;
}

function record(
  store: Store,
  who: Actor,
  h: Handling,
  r: { result: string; outcome: HandlingOutcome | null; decidedBy: 'assessment' | 'secretary'; note: string; deadline?: string },
): Opinion {
  const now = new Date().toISOString();
  store.db
    .prepare('UPDATE opinion_handlings SET heard_at = coalesce(heard_at, ?), result = ?, outcome = ?, decided_by = ?, decided_at = ?, note = ? WHERE id = ?')
    .run(now, r.result, r.outcome, r.decidedBy, now, r.note, h.id);
  store.audit.recordRow(who, `opinion.handling.${r.decidedBy}`, 'opinion_handlings', h.id);
  if (r.outcome === 'report_again') {
    const o = getOpinion(store, h.opinionId);
    const deadline = r.deadline ?? addMonths(localToday(), o.deadlineMonths);
    store.db.prepare('UPDATE review_opinions SET deadline = ?, updated_at = ? WHERE id = ?').run(deadline, now, h.opinionId);
    store.audit.recordRow(who, 'opinion.deadline', 'review_opinions', h.opinionId);
  }
  refreshStatus(store, who, h.opinionId);
  return getOpinion(store, h.opinionId);
}

/**
 * Called when the satisfaction assessment of a handling report closes (issue 4 calls this): the grade
 * the assessment reached (满意 / 基本满意 / 不满意, or the four-level scale) and, if it has one, its
 * consequence. 不满意 (or "限期整改并再次报告") → 需再次报告 with a new deadline; another grade → 已测评.
 * `itemId` is the handling-report item or the assessment item that follows it. Returns the opinion,
 * or null when the item answers no opinion known here (nothing to do).
 */
export function applyHandlingAssessment(
  store: Store,
  who: Actor,
  itemId: number,
  grade: string,
  opts: { consequence?: string | null; detail?: string } = {},
): Opinion | null {
  return store.change(who, () => {
    const handlingItem = handlingItemFor(store, itemId);
    const h = handlingItem === null ? null : handlingOfItem(store, handlingItem);
    if (!h) return null;
    const outcome = outcomeOfGrade(grade, opts.consequence);
    return record(store, who, h, { result: grade, outcome, decidedBy: 'assessment', note: opts.detail ?? '' });
  });
}

/** Where no assessment is held: the secretary records the committee's decision on the handling report. */
export function decideHandling(store: Store, who: Actor, itemId: number, outcome: HandlingOutcome, note: string, deadline?: string): Opinion {
  return store.change(who, () => {
    const h = handlingOfItem(store, itemId);
    if (!h) throw new AppError('NOT_FOUND', '该议程项没有关联审议意见');
    if (h.decidedBy === 'assessment') throw new AppError('INVALID_STATE', `该办理情况报告已经测评（${h.result}），结果不能由会务人员改动`);
    const result = outcome === 'accepted' ? '常委会认可' : '需再次报告';
    return record(store, who, h, { result, outcome, decidedBy: 'secretary', note: note.trim(), deadline });
  });
}

/** 办理中 by the secretary (e.g. the body confirmed receipt), or back to 已交办. */
export function markHandling(store: Store, who: Actor, id: number, since: string | null): Opinion {
  return store.change(who, () => {
    const o = getOpinion(store, id);
    if (o.status === 'draft') throw new AppError('INVALID_STATE', '审议意见尚未交办');
    store.db.prepare('UPDATE review_opinions SET handling_since = ?, updated_at = ? WHERE id = ?').run(since, new Date().toISOString(), id);
    store.audit.recordRow(who, since ? 'opinion.handling' : 'opinion.handling.clear', 'review_opinions', id);
    refreshStatus(store, who, id);
    return getOpinion(store, id);
  });
}

/** A new deadline (extension, or the date of the report asked again). */
export function setDeadline(store: Store, who: Actor, id: number, deadline: string): Opinion {
  return store.change(who, () => {
    const o = getOpinion(store, id);
    if (!o.sentAt) throw new AppError('INVALID_STATE', '审议意见尚未交办');
    if (deadline <= o.sentAt) throw new AppError('BAD_INPUT', '办理期限应晚于交办日期');
    store.db.prepare('UPDATE review_opinions SET deadline = ?, updated_at = ? WHERE id = ?').run(deadline, new Date().toISOString(), id);
    store.audit.recordRow(who, 'opinion.deadline', 'review_opinions', id);
    return getOpinion(store, id);
  });
}
