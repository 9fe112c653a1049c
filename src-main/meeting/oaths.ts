// 宪法宣誓 of the newly appointed, recorded with the session (oaths, audited): who took it (persons
// an appointment ballot adopted, or named by hand for those appointed elsewhere), when, who
// administered it (监誓人), alone or together (集体宣誓, led by one of them). The 会议记录 and the
// 主持词 print it (documents-session/minutes.ts, chair-script.ts).
import { AppError } from '../shared/result';
import { isAppointing } from '../domain/appointments';
import { getItem } from '../store/agenda';
import type { Actor } from '../store/audit';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { appointmentList } from './appointments';

export interface OathPerson {
  /** The person's id within the appointment item, when the oath follows its ballot. */
  personId?: string;
  name: string;
  post: string;
}

export interface Oath {
  id: number;
  sessionId: number;
  itemId: number | null;
  takenAt: string;
  administeredBy: string;
  form: 'single' | 'collective';
  ledBy: string;
  persons: OathPerson[];
  note: string;
}

export interface NewOath {
  sessionId: number;
  itemId: number | null;
  /** Persons of the item by id (they must have been appointed by its ballots). */
  personIds: string[];
  /** Persons named by hand (appointed elsewhere, e.g. by another body). */
  others: { name: string; post: string }[];
  takenAt: string;
  administeredBy: string;
  form: 'single' | 'collective';
  ledBy: string;
  note: string;
}

interface Row {
  id: number;
  session_id: number;
  item_id: number | null;
  taken_at: string;
  administered_by: string;
  form: 'single' | 'collective';
  led_by: string;
  persons: string;
  note: string;
}

const toOath = (r: Row): Oath => ({
  id: r.id,
  sessionId: r.session_id,
  itemId: r.item_id,
  takenAt: r.taken_at,
  administeredBy: r.administered_by,
  form: r.form,
  ledBy: r.led_by,
  persons: JSON.parse(r.persons) as OathPerson[],
  note: r.note,
});

export function listOaths(store: Store, sessionId: number): Oath[] {
  return (store.db.prepare('SELECT * FROM oaths WHERE session_id = ? ORDER BY taken_at, id').all(sessionId) as Row[]).map(toOath);
}

/** The persons of the session's appointment items whose ballots appointed them (决定任命 / 任命 adopted): who may take the oath. */
export function newlyAppointed(store: Store, sessionId: number, itemId?: number): { itemId: number; personId: string; name: string; post: string }[] {
  return appointmentList(store, sessionId)
    .filter((e) => (itemId === undefined || e.itemId === itemId) && isAppointing(e.actionKey) && e.result?.adopted)
    .map((e) => ({ itemId: e.itemId, personId: e.personId, name: e.name, post: e.post }));
}

export function recordOath(store: Store, who: Actor, o: NewOath): Oath {
  const session = getSession(store, o.sessionId);
  if (session.status === 'draft') throw new AppError('INVALID_STATE', `会议“${session.title}”尚未召开，不能记录宪法宣誓`);
  if (o.itemId !== null) {
    const item = getItem(store, o.itemId);
    if (item.sessionId !== session.id || item.kind !== 'appointment') throw new AppError('BAD_INPUT', '宪法宣誓应对应本次会议的人事任免议程');
  }
  const appointed = newlyAppointed(store, session.id, o.itemId ?? undefined);
  const persons: OathPerson[] = o.personIds.map((pid) => {
    const p = appointed.find((a) => a.personId === pid);
    if (!p) throw new AppError('INVALID_STATE', '只有经表决通过任命的人员可以在此进行宪法宣誓，请刷新后重新选择');
    return { personId: p.personId, name: p.name, post: p.post };
  });
  for (const x of o.others) if (x.name.trim()) persons.push({ name: x.name.trim(), post: x.post.trim() });
  if (persons.length === 0) throw new AppError('BAD_INPUT', '请选择进行宪法宣誓的人员');
  if (new Set(persons.map((p) => p.personId ?? p.name)).size !== persons.length) throw new AppError('BAD_INPUT', '宣誓人员重复');
  if (!o.administeredBy.trim()) throw new AppError('BAD_INPUT', '请填写监誓人');
  const ledBy = o.form === 'collective' ? o.ledBy.trim() : '';
  if (o.form === 'collective' && !ledBy) throw new AppError('BAD_INPUT', '集体宣誓请填写领誓人');
  return store.change(who, () => {
    const id = Number(
      store.db
        .prepare('INSERT INTO oaths (session_id, item_id, taken_at, administered_by, form, led_by, persons, note, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(session.id, o.itemId, o.takenAt, o.administeredBy.trim(), o.form, ledBy, JSON.stringify(persons), o.note.trim(), new Date().toISOString()).lastInsertRowid,
    );
    store.audit.recordRow(who, 'oath.record', 'oaths', id);
    return toOath(store.db.prepare('SELECT * FROM oaths WHERE id = ?').get(id) as Row);
  });
}

export function deleteOath(store: Store, who: Actor, id: number): void {
  store.change(who, () => {
    const r = store.db.prepare('SELECT id FROM oaths WHERE id = ?').get(id);
    if (!r) throw new AppError('NOT_FOUND', `找不到编号为${id}的宪法宣誓记录`);
    store.db.prepare('DELETE FROM oaths WHERE id = ?').run(id);
    store.audit.recordRow(who, 'oath.delete', 'oaths', id);
  });
}

/** "周明、吴芳" */
export const oathNames = (o: Pick<Oath, 'persons'>): string => o.persons.map((p) => p.name).join('、');
