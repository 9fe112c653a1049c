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
 * All-or-nothing roster import: a current member with the same name is updated, anyone else is
 * added. Seats are checked only after every row is written, so rows may swap seats.
 */
export function importMembers(store: Store, who: Actor, rows: MemberFields[]): { added: number; updated: number } {
  return store.change(who, () => {
    let added = 0;
    let updated = 0;
    const current = listMembers(store);
    // Free every seat first so the new seating plan can be applied in any order.
    const touched = new Map<number, MemberFields>();
    for (const r of rows) {
      const same = current.filter((m) => m.name === r.name.trim());
      if (same.length === 1) touched.set(same[0]!.id, r);
    }
    for (const id of touched.keys()) store.db.prepare('UPDATE members SET seat = NULL WHERE id = ?').run(id);
    for (const [id, r] of touched) {
      writeMember(store, who, id, r, 'member.import.update');
      updated++;
    }
    for (const r of rows) {
      if ([...touched.values()].includes(r)) continue;
      insertMember(store, who, r, 'member.import.add');
      added++;
    }
    return { added, updated };
  });
}
