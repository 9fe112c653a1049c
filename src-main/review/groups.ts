// Review groups (分组审议) of one session: named groups with a convener (召集人) and their members.
// A member belongs to at most one group of a session; remarks carry the group they were made in.
import { AppError } from '../shared/result';
import { inOfficeOn } from '../domain/people';
import { chineseNumeral } from '../domain/numerals';
import type { Actor } from '../store/audit';
import { listMembers } from '../store/members';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';

export interface ReviewGroup {
  id: number;
  sessionId: number;
  position: number;
  name: string;
  convener: string;
  memberIds: number[];
}

export interface ReviewGroupInput {
  id?: number;
  name: string;
  convener: string;
  memberIds: number[];
}

interface Row {
  id: number;
  session_id: number;
  position: number;
  name: string;
  convener: string;
  member_ids: string;
}

const toGroup = (r: Row): ReviewGroup => ({
  id: r.id,
  sessionId: r.session_id,
  position: r.position,
  name: r.name,
  convener: r.convener,
  memberIds: JSON.parse(r.member_ids) as number[],
});

export function listGroups(store: Store, sessionId: number): ReviewGroup[] {
  return (store.db.prepare('SELECT * FROM review_groups WHERE session_id = ? ORDER BY position, id').all(sessionId) as Row[]).map(toGroup);
}

export function getGroup(store: Store, id: number): ReviewGroup {
  const row = store.db.prepare('SELECT * FROM review_groups WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的审议组`);
  return toGroup(row);
}

export function groupOfMember(store: Store, sessionId: number, memberId: number): ReviewGroup | null {
  return listGroups(store, sessionId).find((g) => g.memberIds.includes(memberId)) ?? null;
}

/** Replaces the session's groups: existing ids are updated, new ones added, missing ones removed. */
export function saveGroups(store: Store, who: Actor, sessionId: number, groups: ReviewGroupInput[]): ReviewGroup[] {
  return store.change(who, () => {
    const s = getSession(store, sessionId);
    if (s.status === 'closed') throw new AppError('INVALID_STATE', `会议“${s.title}”已经闭会，审议分组不能再修改`);
    // Groups are set once the session has opened: a draft session must stay deletable (sessions.delete).
    if (s.status === 'draft') throw new AppError('INVALID_STATE', `会议“${s.title}”尚未开始，请在开会后设置审议分组`);
    const names = new Set<string>();
    const seen = new Map<number, string>();
    const memberIds = new Set(listMembers(store, { includeRetired: true }).map((m) => m.id));
    for (const g of groups) {
      const name = g.name.trim();
      if (names.has(name)) throw new AppError('CONFLICT', `审议组名称“${name}”重复`);
      names.add(name);
      for (const id of g.memberIds) {
        if (!memberIds.has(id)) throw new AppError('NOT_FOUND', `找不到编号为${id}的组成人员`);
        const other = seen.get(id);
        if (other) throw new AppError('CONFLICT', `同一位组成人员不能同时在“${other}”和“${name}”两个组`);
        seen.set(id, name);
      }
    }
    const existing = new Map(listGroups(store, sessionId).map((g) => [g.id, g]));
    for (const g of groups) if (g.id !== undefined && !existing.has(g.id)) throw new AppError('NOT_FOUND', `找不到编号为${g.id}的审议组`);
    const keep = new Set(groups.map((g) => g.id).filter((id): id is number => id !== undefined));
    for (const id of existing.keys()) {
      if (keep.has(id)) continue;
      store.db.prepare('DELETE FROM review_groups WHERE id = ?').run(id);
      store.audit.recordRow(who, 'reviewGroup.delete', 'review_groups', id);
    }
    groups.forEach((g, i) => {
      const values = { position: i + 1, name: g.name.trim(), convener: g.convener.trim(), member_ids: JSON.stringify(g.memberIds) };
      if (g.id !== undefined) {
        const old = existing.get(g.id)!;
        const same = old.position === values.position && old.name === values.name && old.convener === values.convener && JSON.stringify(old.memberIds) === values.member_ids;
        if (same) return;
        store.db.prepare('UPDATE review_groups SET position = @position, name = @name, convener = @convener, member_ids = @member_ids WHERE id = @id').run({ ...values, id: g.id });
        store.audit.recordRow(who, 'reviewGroup.update', 'review_groups', g.id);
      } else {
        const id = Number(
          store.db
            .prepare('INSERT INTO review_groups (session_id, position, name, convener, member_ids) VALUES (@session_id, @position, @name, @convener, @member_ids)')
            .run({ ...values, session_id: sessionId }).lastInsertRowid,
        );
        store.audit.recordRow(who, 'reviewGroup.add', 'review_groups', id);
      }
    });
    return listGroups(store, sessionId);
  });
}

/**
 * A proposal of `count` groups ("第一组"…): the members in office on the session date dealt out in
 * roster order, so the leadership is spread over the groups; the first 主任/副主任 of a group is its
 * convener. Not saved: the secretary adjusts it and saves.
 */
export function proposeGroups(store: Store, sessionId: number, count: number): ReviewGroupInput[] {
  const s = getSession(store, sessionId);
  const members = listMembers(store, { includeRetired: true }).filter((m) => inOfficeOn(m, s.date));
  const groups: ReviewGroupInput[] = Array.from({ length: count }, (_, i) => ({ name: `第${chineseNumeral(i + 1)}组`, convener: '', memberIds: [] }));
  members.forEach((m, i) => groups[i % count]!.memberIds.push(m.id));
  const byId = new Map(members.map((m) => [m.id, m]));
  for (const g of groups) {
    const lead = g.memberIds.map((id) => byId.get(id)!).find((m) => m.role === '主任' || m.role === '副主任');
    g.convener = lead?.name ?? '';
  }
  return groups;
}
