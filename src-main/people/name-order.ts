// Which order a session's name lists are printed in (签到表, 记名表决名单, 任免名单): as the roster
// keeps them, or 按姓氏笔画 (domain/strokes.ts). A setting per session that can change at any time
// (it is about printing, not a procedural rule), stored in the settings table as nameOrder:<id>.
import { NAME_ORDERS, type NameOrder } from '../domain/strokes';
import { MEMBER_ROLES } from '../domain/people';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import { getSession } from '../store/sessions';
import { compareNamesByStrokes, orderByName } from './strokes';

const key = (sessionId: number) => `nameOrder:${sessionId}`;

export function sessionNameOrder(store: Store, sessionId: number): NameOrder {
  const row = store.db.prepare('SELECT value FROM settings WHERE key = ?').get(key(sessionId)) as { value: string } | undefined;
  const v = row ? (JSON.parse(row.value) as unknown) : null;
  return (NAME_ORDERS as readonly unknown[]).includes(v) ? (v as NameOrder) : 'list';
}

export function setSessionNameOrder(store: Store, who: Actor, sessionId: number, order: NameOrder): NameOrder {
  return store.change(who, () => {
    getSession(store, sessionId);
    store.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key(sessionId), JSON.stringify(order));
    store.audit.recordRow(who, 'settings.nameOrder', 'settings', key(sessionId), 'key');
    return sessionNameOrder(store, sessionId);
  });
}

const roleRank = (role: string | undefined): number => {
  const i = (MEMBER_ROLES as readonly string[]).indexOf(role ?? '');
  return i < 0 ? MEMBER_ROLES.length : i;
};

/**
 * A list of people in the order asked for. By strokes, members stay grouped by post as official lists
 * are (主任, 副主任, 秘书长, then 委员), each group by surname strokes; entries without a role by strokes.
 */
export function orderPeople<T>(items: readonly T[], order: NameOrder, nameOf: (t: T) => string, roleOf?: (t: T) => string): T[] {
  if (order !== 'strokes' || !roleOf) return orderByName(items, nameOf, order);
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => roleRank(roleOf(a.item)) - roleRank(roleOf(b.item)) || compareNamesByStrokes(nameOf(a.item), nameOf(b.item)) || a.i - b.i)
    .map((x) => x.item);
}

/** The session's lists in its setting's order (called where a document gathers its names). */
export function orderForSession<T>(store: Store, sessionId: number, items: readonly T[], nameOf: (t: T) => string, roleOf?: (t: T) => string): T[] {
  return orderPeople(items, sessionNameOrder(store, sessionId), nameOf, roleOf);
}
