import { AppError } from '../shared/result';
import type { Member, MemberFields } from '../domain/people';
import type { Actor } from './audit';
import type { Store } from './store';

interface MemberRow {
  id: number;
  sort: number;
  name: string;
  gender: string;
  role: string;
  seat: number | null;
  in_office_from: string | null;
  in_office_to: string | null;
  note: string;
}

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  sort: r.sort,
  name: r.name,
  gender: r.gender as Member['gender'],
  role: r.role as Member['role'],
  seat: r.seat,
  inOfficeFrom: r.in_office_from,
  inOfficeTo: r.in_office_to,
  note: r.note,
});

const params = (m: MemberFields) => ({
  sort: m.sort,
  name: m.name.trim(),
  gender: m.gender,
  role: m.role,
  seat: m.seat,
  in_office_from: m.inOfficeFrom,
  in_office_to: m.inOfficeTo,
  note: m.note,
});

export function listMembers(store: Store, opts: { includeRetired?: boolean } = {}): Member[] {
  const where = opts.includeRetired ? '' : 'WHERE in_office_to IS NULL';
  const rows = store.db.prepare(`SELECT * FROM members ${where} ORDER BY (in_office_to IS NOT NULL), sort, id`).all() as MemberRow[];
  return rows.map(toMember);
}

export function getMember(store: Store, id: number): Member {
  const row = store.db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的组成人员`);
  return toMember(row);
}

function assertSeatFree(store: Store, seat: number | null, exceptId: number | null): void {
  if (seat === null) return;
  const other = store.db
    .prepare('SELECT name FROM members WHERE seat = ? AND in_office_to IS NULL AND id IS NOT ?')
    .get(seat, exceptId) as { name: string } | undefined;
  if (other) throw new AppError('CONFLICT', `座位号${seat}已由${other.name}使用`);
}

function insertMember(store: Store, who: Actor, m: MemberFields, action: string): number {
  // Like the unique index, only members in office hold a seat: a former member may keep an old number.
  if (m.inOfficeTo === null) assertSeatFree(store, m.seat, null);
  const id = Number(
    store.db
      .prepare(
        `INSERT INTO members (sort, name, gender, role, seat, in_office_from, in_office_to, note)
         VALUES (@sort, @name, @gender, @role, @seat, @in_office_from, @in_office_to, @note)`,
      )
      .run(params(m)).lastInsertRowid,
  );
  store.audit.recordRow(who, action, 'members', id);
  return id;
}

function writeMember(store: Store, who: Actor, id: number, m: MemberFields, action: string): void {
  getMember(store, id);
  if (m.inOfficeTo === null) assertSeatFree(store, m.seat, id);
  store.db
    .prepare(
      `UPDATE members SET sort = @sort, name = @name, gender = @gender, role = @role, seat = @seat,
         in_office_from = @in_office_from, in_office_to = @in_office_to, note = @note WHERE id = @id`,
    )
    .run({ ...params(m), id });
  store.audit.recordRow(who, action, 'members', id);
}

export function createMember(store: Store, who: Actor, m: MemberFields): Member {
  return store.change(who, () => getMember(store, insertMember(store, who, m, 'member.create')));
}

export function updateMember(store: Store, who: Actor, id: number, m: MemberFields): Member {
  return store.change(who, () => {
    writeMember(store, who, id, m, 'member.update');
    return getMember(store, id);
  });
}

/** Retiring keeps the member (past sessions and ballots refer to them) and frees the seat. */
export function retireMember(store: Store, who: Actor, id: number, date: string): Member {
  return store.change(who, () => {
    const m = getMember(store, id);
    if (m.inOfficeTo) throw new AppError('INVALID_STATE', `${m.name}已于${m.inOfficeTo}离任`);
    writeMember(store, who, id, { ...m, inOfficeTo: date }, 'member.retire');
    return getMember(store, id);
  });
}

/**
 * Applies a reviewed roster import (roster-io/plan.ts), inside the caller's change: members retired
 * first, then every updated member's seat freed so the new seating plan can be applied in any order,
 * then the updates and the new members. Seats are checked as each row is written.
 */
export function applyMemberImport(
  store: Store,
  who: Actor,
  p: { updates: { id: number; fields: MemberFields }[]; adds: MemberFields[]; retire: { id: number; date: string }[] },
): void {
  store.change(who, () => {
    for (const r of p.retire) {
      const m = getMember(store, r.id);
      if (m.inOfficeFrom && r.date < m.inOfficeFrom) throw new AppError('BAD_INPUT', `${m.name}的离任日期${r.date}早于任职日期${m.inOfficeFrom}`);
      writeMember(store, who, r.id, { ...m, inOfficeTo: r.date }, 'member.import.retire');
    }
    for (const u of p.updates) store.db.prepare('UPDATE members SET seat = NULL WHERE id = ?').run(u.id);
    for (const u of p.updates) writeMember(store, who, u.id, u.fields, 'member.import.update');
    for (const f of p.adds) insertMember(store, who, f, 'member.import.add');
  });
}
