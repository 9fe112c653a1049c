// Non-voting attendees (列席人员) and reporting officials (述职/报告人员): two simple lists that share
// one shape (name, unit, a title, optionally a category) and the same operations.
import { AppError } from '../shared/result';
import type { Attendee, AttendeeFields, Official, OfficialFields } from '../domain/people';
import type { Actor } from './audit';
import type { Store } from './store';

interface ListSpec<F, T> {
  table: 'attendees' | 'officials';
  label: string;
  columns: (keyof F & string)[];
  toEntry: (row: Record<string, unknown>) => T;
}

const attendeeSpec: ListSpec<AttendeeFields, Attendee> = {
  table: 'attendees',
  label: '列席人员',
  columns: ['sort', 'name', 'unit', 'title'],
  toEntry: (r) => ({ id: r.id as number, sort: r.sort as number, name: r.name as string, unit: r.unit as string, title: r.title as string, active: r.active === 1 }),
};

const officialSpec: ListSpec<OfficialFields, Official> = {
  table: 'officials',
  label: '述职人员',
  columns: ['sort', 'name', 'unit', 'post', 'category'],
  toEntry: (r) => ({
    id: r.id as number,
    sort: r.sort as number,
    name: r.name as string,
    unit: r.unit as string,
    post: r.post as string,
    category: r.category as string,
    active: r.active === 1,
  }),
};

function makeDirectory<F extends { name: string }, T>(spec: ListSpec<F, T>) {
  const { table, label, columns } = spec;
  const get = (store: Store, id: number): T => {
    const row = store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
    if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的${label}`);
    return spec.toEntry(row);
  };
  const values = (f: F) => Object.fromEntries(columns.map((c) => [c, c === 'name' ? f.name.trim() : f[c]]));
  const insert = (store: Store, who: Actor, f: F, action: string): number => {
    const id = Number(
      store.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => '@' + c).join(', ')})`).run(values(f))
        .lastInsertRowid,
    );
    store.audit.recordRow(who, action, table, id);
    return id;
  };
  const write = (store: Store, who: Actor, id: number, f: Partial<F> & { active?: boolean }, action: string): void => {
    const sets = [...columns.filter((c) => c in f).map((c) => `${c} = @${c}`), ...('active' in f ? ['active = @active'] : [])];
    const bound: Record<string, unknown> = { id };
    for (const c of columns) if (c in f) bound[c] = c === 'name' ? String(f[c]).trim() : f[c];
    if ('active' in f) bound.active = f.active ? 1 : 0;
    store.db.prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`).run(bound);
    store.audit.recordRow(who, action, table, id);
  };
  return {
    list(store: Store, opts: { includeInactive?: boolean } = {}): T[] {
      const where = opts.includeInactive ? '' : 'WHERE active = 1';
      return (store.db.prepare(`SELECT * FROM ${table} ${where} ORDER BY active DESC, sort, id`).all() as Record<string, unknown>[]).map(
        spec.toEntry,
      );
    },
    get,
    create(store: Store, who: Actor, f: F): T {
      return store.change(who, () => get(store, insert(store, who, f, `${table}.create`)));
    },
    update(store: Store, who: Actor, id: number, f: F): T {
      return store.change(who, () => {
        get(store, id);
        write(store, who, id, f, `${table}.update`);
        return get(store, id);
      });
    },
    setActive(store: Store, who: Actor, id: number, active: boolean): T {
      return store.change(who, () => {
        get(store, id);
        write(store, who, id, { active } as Partial<F> & { active: boolean }, active ? `${table}.restore` : `${table}.retire`);
        return get(store, id);
      });
    },
    /** Applies a reviewed import (roster-io/plan.ts) inside the caller's change. */
    applyImport(store: Store, who: Actor, p: { updates: { id: number; fields: F; restore: boolean }[]; adds: F[]; deactivate: number[] }): void {
      store.change(who, () => {
        for (const u of p.updates) write(store, who, u.id, u.restore ? { ...u.fields, active: true } : u.fields, `${table}.import.update`);
        for (const f of p.adds) insert(store, who, f, `${table}.import.add`);
        for (const id of p.deactivate) write(store, who, id, { active: false } as Partial<F> & { active: boolean }, `${table}.import.retire`);
      });
    },
  };
}

export const attendees = makeDirectory(attendeeSpec);
export const officials = makeDirectory(officialSpec);
