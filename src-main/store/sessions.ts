import { AppError } from '../shared/result';
import { expectedReasonProblem } from '../domain/attendance';
import { inOfficeOn } from '../domain/people';
import { sessionTitle } from '../domain/numerals';
import { normalizeRules, type Rules } from '../domain/settings';
import type { Actor } from './audit';
import { getCommittee, getRules } from './committee';
import { listMembers } from './members';
import type { Store } from './store';

export type SessionStatus = 'draft' | 'open' | 'closed';

export interface SessionFields {
  term: number;
  number: number;
  date: string; // YYYY-MM-DD
  startTime: string; // HH:MM
  place: string;
  chair: string;
  /** 应到: members expected; explicit, frozen when the session opens. */
  expectedMembers: number;
  /** Why 应到 differs from the members in office on the date (printed); '' when it does not. */
  expectedReason?: string;
}

export interface Session extends SessionFields {
  expectedReason: string;
  id: number;
  title: string;
  status: SessionStatus;
  openedAt: string | null;
  closedAt: string | null;
  rules: Rules;
  itemCount: number;
}

interface SessionRow {
  id: number;
  term: number;
  number: number;
  date: string;
  start_time: string;
  place: string;
  chair: string;
  expected_members: number;
  region: string;
  status: SessionStatus;
  opened_at: string | null;
  closed_at: string | null;
  rules: string;
  item_count: number;
  expected_reason: string | null;
}

function toSession(store: Store, r: SessionRow): Session {
  const region = r.region || getCommittee(store).region;
  return {
    id: r.id,
    term: r.term,
    number: r.number,
    title: sessionTitle(region, r.term, r.number),
    date: r.date,
    startTime: r.start_time,
    place: r.place,
    chair: r.chair,
    expectedMembers: r.expected_members,
    expectedReason: r.expected_reason ?? '',
    status: r.status,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    rules: normalizeRules(JSON.parse(r.rules)),
    itemCount: r.item_count,
  };
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM agenda_items a WHERE a.session_id = s.id) AS item_count,
  (SELECT reason FROM session_expected e WHERE e.id = s.id) AS expected_reason FROM sessions s`;

export function listSessions(store: Store): Session[] {
  return (store.db.prepare(`${SELECT} ORDER BY s.date DESC, s.term DESC, s.number DESC`).all() as SessionRow[]).map((r) =>
    toSession(store, r),
  );
}

/** The id of the session that closed last (the big screens' 已闭会 line, a repeated 闭会), or null. */
export function lastClosedSessionId(store: Store): number | null {
  const row = store.db.prepare("SELECT id FROM sessions WHERE status = 'closed' ORDER BY closed_at DESC, id DESC LIMIT 1").get() as { id: number } | undefined;
  return row?.id ?? null;
}

export function getSession(store: Store, id: number): Session {
  const row = store.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as SessionRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的会议`);
  return toSession(store, row);
}

/** Members in office on the session date: the default for 应到. */
export function membersInOfficeOn(store: Store, date: string): number {
  return listMembers(store, { includeRetired: true }).filter((m) => inOfficeOn(m, date)).length;
}

function assertUnique(store: Store, term: number, number: number, exceptId: number | null): void {
  const clash = store.db.prepare('SELECT id FROM sessions WHERE term = ? AND number = ? AND id IS NOT ?').get(term, number, exceptId);
  if (clash) throw new AppError('CONFLICT', `第${term}届第${number}次会议已经存在`);
}

/**
 * 应到 other than the members in office on the date needs a reason. Checked when the session is saved
 * (once a roster exists to compare with) and again when it opens (engine.openSession).
 */
function assertExpectedReason(store: Store, f: SessionFields): void {
  const inOffice = membersInOfficeOn(store, f.date);
  const problem = inOffice > 0 ? expectedReasonProblem(f.expectedMembers, inOffice, f.expectedReason ?? '') : null;
  if (problem) throw new AppError('BAD_INPUT', problem);
}

/** Inside a transaction: keeps the stated reason for 应到 (audited), only while 应到 differs from the members in office. */
function writeExpectedReason(store: Store, who: Actor, id: number, f: SessionFields): void {
  const reason = membersInOfficeOn(store, f.date) === f.expectedMembers ? '' : (f.expectedReason ?? '').trim();
  const had = store.db.prepare('SELECT reason FROM session_expected WHERE id = ?').get(id) as { reason: string } | undefined;
  if ((had?.reason ?? '') === reason) return;
  if (reason) store.db.prepare('INSERT INTO session_expected (id, reason) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET reason = excluded.reason').run(id, reason);
  else store.db.prepare('DELETE FROM session_expected WHERE id = ?').run(id);
  store.audit.recordRow(who, 'session.expectedReason', 'session_expected', id);
}

export function assertDraft(s: Session): void {
  if (s.status !== 'draft') throw new AppError('INVALID_STATE', `会议“${s.title}”已经开始，不能再修改其基本信息和规则`);
}

export function createSession(store: Store, who: Actor, f: SessionFields & { rules?: Rules }): Session {
  return store.change(who, () => {
    assertUnique(store, f.term, f.number, null);
    assertExpectedReason(store, f);
    const rules = f.rules ?? getRules(store);
    const id = Number(
      store.db
        .prepare(
          `INSERT INTO sessions (term, number, date, start_time, place, chair, expected_members, rules, region)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(f.term, f.number, f.date, f.startTime, f.place, f.chair, f.expectedMembers, JSON.stringify(rules), getCommittee(store).region).lastInsertRowid,
    );
    store.audit.recordRow(who, 'session.create', 'sessions', id);
    writeExpectedReason(store, who, id, f);
    return getSession(store, id);
  });
}

export function updateSession(store: Store, who: Actor, id: number, f: SessionFields & { rules?: Rules }): Session {
  return store.change(who, () => {
    const s = getSession(store, id);
    assertDraft(s);
    assertUnique(store, f.term, f.number, id);
    assertExpectedReason(store, f);
    store.db
      .prepare(
        `UPDATE sessions SET term = ?, number = ?, date = ?, start_time = ?, place = ?, chair = ?, expected_members = ?, rules = ?,
           region = ? WHERE id = ?`,
      )
      .run(f.term, f.number, f.date, f.startTime, f.place, f.chair, f.expectedMembers, JSON.stringify(f.rules ?? s.rules), getCommittee(store).region, id);
    store.audit.recordRow(who, 'session.update', 'sessions', id);
    writeExpectedReason(store, who, id, f);
    return getSession(store, id);
  });
}

/**
 * 采用当前设置的规则: a session not yet opened takes the rules now in 设置 (audited as session.rules), so
 * that a rule changed after the session was created can still reach it; once opened it keeps its own.
 */
export function applyCurrentRules(store: Store, who: Actor, id: number): Session {
  return store.change(who, () => {
    assertDraft(getSession(store, id));
    store.db.prepare('UPDATE sessions SET rules = ? WHERE id = ?').run(JSON.stringify(getRules(store)), id);
    store.audit.recordRow(who, 'session.rules', 'sessions', id);
    return getSession(store, id);
  });
}

export function deleteSession(store: Store, who: Actor, id: number): void {
  store.change(who, () => {
    const s = getSession(store, id);
    assertDraft(s);
    const items = store.db.prepare('SELECT id FROM agenda_items WHERE session_id = ?').all(id) as { id: number }[];
    for (const it of items) deleteItemRows(store, who, it.id);
    if (store.db.prepare('DELETE FROM session_expected WHERE id = ?').run(id).changes) store.audit.recordRow(who, 'session.expectedReason', 'session_expected', id);
    store.db.prepare('DELETE FROM sessions WHERE id = ?').run(id);
    store.audit.recordRow(who, 'session.delete', 'sessions', id);
  });
}

/** Deletes an item and its documents, recording each deletion. */
export function deleteItemRows(store: Store, who: Actor, itemId: number): void {
  const docs = store.db.prepare('SELECT id FROM documents WHERE item_id = ?').all(itemId) as { id: number }[];
  for (const d of docs) {
    store.db.prepare('DELETE FROM documents WHERE id = ?').run(d.id);
    store.audit.recordRow(who, 'document.delete', 'documents', d.id);
  }
  // 暂不付表决 / 撤回 recorded on it (store/item-dispositions.ts) go with it
  for (const id of store.db.prepare('SELECT id FROM item_dispositions WHERE item_id = ?').pluck().all(itemId) as number[]) {
    store.db.prepare('DELETE FROM item_dispositions WHERE id = ?').run(id);
    store.audit.recordRow(who, 'agenda.deleteDisposition', 'item_dispositions', id);
  }
  store.db.prepare('DELETE FROM agenda_items WHERE id = ?').run(itemId);
  store.audit.recordRow(who, 'agenda.delete', 'agenda_items', itemId);
}
