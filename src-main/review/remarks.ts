// Review remarks (审议发言): written on a member's terminal during an item, or spoken and recorded
// by the secretary with the speaker. Each remark is attributed to its speaker and carries the review
// group it was made in (none in a plenary or joint review, 全体会议/联组审议).
import { AppError } from '../shared/result';
import type { AgendaKind } from '../domain/agenda';
import { getItem, listItems } from '../store/agenda';
import type { Actor } from '../store/audit';
import { getMember } from '../store/members';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { getGroup, groupOfMember, listGroups } from './groups';

/** Items on which members review: reports, handling reports, drafts put to the vote, other business, 专题询问 and 质询案. */
export const REMARK_KINDS: readonly AgendaKind[] = ['report', 'handling_report', 'vote', 'other', 'inquiry', 'interpellation'];

export const REMARK_MAX_CHARS = 5000;

export interface Remark {
  id: number;
  sessionId: number;
  itemId: number;
  memberId: number | null;
  speaker: string;
  groupId: number | null;
  groupName: string;
  mode: 'written' | 'spoken';
  recordedBy: 'terminal' | 'secretary';
  text: string;
  createdAt: string;
  updatedAt: string | null;
}

export interface NewRemark {
  itemId: number;
  /** The member who spoke or wrote; null for a speaker who is not a member (e.g. 列席人员). */
  memberId: number | null;
  /** Needed when memberId is null. */
  speaker?: string;
  /** The group it was made in; default: the member's group; null: plenary/joint review. */
  groupId?: number | null;
  mode: Remark['mode'];
  recordedBy: Remark['recordedBy'];
  text: string;
}

const COLUMNS = `id, session_id AS sessionId, item_id AS itemId, member_id AS memberId, speaker, group_id AS groupId,
  group_name AS groupName, mode, recorded_by AS recordedBy, text, created_at AS createdAt, updated_at AS updatedAt`;

export function getRemark(store: Store, id: number): Remark {
  const r = store.db.prepare(`SELECT ${COLUMNS} FROM review_remarks WHERE id = ?`).get(id) as Remark | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为${id}的审议发言`);
  return r;
}

export function listRemarks(store: Store, filter: { sessionId?: number; itemId?: number; memberId?: number }): Remark[] {
  const where: string[] = [];
  const args: number[] = [];
  const and = (clause: string, value: number | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    args.push(value);
  };
  and('session_id = ?', filter.sessionId);
  and('item_id = ?', filter.itemId);
  and('member_id = ?', filter.memberId);
  const sql = `SELECT ${COLUMNS} FROM review_remarks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY item_id, id`;
  return store.db.prepare(sql).all(...args) as Remark[];
}

function cleanText(text: string): string {
  const t = text.replace(/\r\n?/g, '\n').trim();
  if (!t) throw new AppError('BAD_INPUT', '发言内容不能为空');
  if (t.length > REMARK_MAX_CHARS) throw new AppError('BAD_INPUT', `发言内容不能超过${REMARK_MAX_CHARS}字`);
  return t;
}

function resolveGroup(store: Store, sessionId: number, memberId: number | null, groupId: number | null | undefined): { id: number | null; name: string } {
  if (groupId === null) return { id: null, name: '' };
  if (groupId !== undefined) {
    const g = getGroup(store, groupId);
    if (g.sessionId !== sessionId) throw new AppError('BAD_INPUT', '该审议组不属于本次会议');
    return { id: g.id, name: g.name };
  }
  const g = memberId === null ? null : groupOfMember(store, sessionId, memberId);
  return g ? { id: g.id, name: g.name } : { id: null, name: '' };
}

export function addRemark(store: Store, who: Actor, r: NewRemark): Remark {
  return store.change(who, () => {
    const item = getItem(store, r.itemId);
    const session = getSession(store, item.sessionId);
    if (session.status === 'draft') throw new AppError('INVALID_STATE', `会议“${session.title}”尚未召开，不能记录审议发言`);
    if (!REMARK_KINDS.includes(item.kind)) throw new AppError('INVALID_STATE', `议程“${item.title}”不进行审议，不能提交审议发言`);
    const speaker = r.memberId !== null ? getMember(store, r.memberId).name : (r.speaker ?? '').trim();
    if (!speaker) throw new AppError('BAD_INPUT', '请填写发言人');
    const group = resolveGroup(store, session.id, r.memberId, r.groupId);
    const id = Number(
      store.db
        .prepare(
          `INSERT INTO review_remarks (session_id, item_id, member_id, speaker, group_id, group_name, mode, recorded_by, text, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(session.id, item.id, r.memberId, speaker, group.id, group.name, r.mode, r.recordedBy, cleanText(r.text), new Date().toISOString()).lastInsertRowid,
    );
    store.audit.recordRow(who, 'remark.add', 'review_remarks', id);
    return getRemark(store, id);
  });
}

export function updateRemark(store: Store, who: Actor, id: number, patch: { text: string; memberId?: number | null; speaker?: string; groupId?: number | null }): Remark {
  return store.change(who, () => {
    const old = getRemark(store, id);
    const memberId = patch.memberId === undefined ? old.memberId : patch.memberId;
    const speaker = memberId !== null ? getMember(store, memberId).name : (patch.speaker ?? old.speaker).trim();
    if (!speaker) throw new AppError('BAD_INPUT', '请填写发言人');
    const group = patch.groupId === undefined && memberId === old.memberId ? { id: old.groupId, name: old.groupName } : resolveGroup(store, old.sessionId, memberId, patch.groupId);
    store.db
      .prepare('UPDATE review_remarks SET member_id = ?, speaker = ?, group_id = ?, group_name = ?, text = ?, updated_at = ? WHERE id = ?')
      .run(memberId, speaker, group.id, group.name, cleanText(patch.text), new Date().toISOString(), id);
    store.audit.recordRow(who, 'remark.update', 'review_remarks', id);
    return getRemark(store, id);
  });
}

export function deleteRemark(store: Store, who: Actor, id: number): Remark {
  return store.change(who, () => {
    const old = getRemark(store, id);
    // A speaker-queue turn that pointed at this remark forgets it (issue 10, meeting/speakers.ts).
    for (const turn of store.db.prepare('SELECT id FROM speaker_requests WHERE remark_id = ?').all(id) as { id: number }[]) {
      store.db.prepare('UPDATE speaker_requests SET remark_id = NULL WHERE id = ?').run(turn.id);
      store.audit.recordRow(who, 'speaker.remark', 'speaker_requests', turn.id);
    }
    store.db.prepare('DELETE FROM review_remarks WHERE id = ?').run(id);
    store.audit.recordRow(who, 'remark.delete', 'review_remarks', id);
    return old;
  });
}

export interface RemarkGroupBlock {
  /** null: plenary or joint review (全体会议/联组审议). */
  groupId: number | null;
  groupName: string;
  remarks: Remark[];
}

export interface ItemRemarks {
  itemId: number;
  position: number;
  kind: AgendaKind;
  title: string;
  count: number;
  groups: RemarkGroupBlock[];
}

/** The session's remarks by item (agenda order) and by group (group order, then plenary). */
export function remarksByItem(store: Store, sessionId: number): ItemRemarks[] {
  const order = new Map(listGroups(store, sessionId).map((g) => [g.id, g.position]));
  const remarks = listRemarks(store, { sessionId });
  return listItems(store, sessionId)
    .filter((i) => REMARK_KINDS.includes(i.kind))
    .map((item) => {
      const mine = remarks.filter((r) => r.itemId === item.id);
      const blocks = new Map<string, RemarkGroupBlock>();
      for (const r of mine) {
        const key = r.groupId === null ? 'plenary' : `${r.groupId}`;
        let b = blocks.get(key);
        if (!b) blocks.set(key, (b = { groupId: r.groupId, groupName: r.groupName || '全体会议', remarks: [] }));
        b.remarks.push(r);
      }
      const rank = (b: RemarkGroupBlock) => (b.groupId === null ? Number.MAX_SAFE_INTEGER : (order.get(b.groupId) ?? Number.MAX_SAFE_INTEGER - 1));
      return {
        itemId: item.id,
        position: item.position,
        kind: item.kind,
        title: item.title,
        count: mine.length,
        groups: [...blocks.values()].sort((a, b) => rank(a) - rank(b)),
      };
    });
}
