// What an agenda item holds once the session has worked on it, and the edits that would lose it:
// a ballot keeps the persons it was cast for and an assessment the subjects on its sheet, so those
// persons and subjects can no longer be removed, changed or reordered (new ones may be added); and an
// item that holds ballots, assessments, remarks, opinions or resolutions cannot be deleted.
import { AppError } from '../shared/result';
import { castOnRefusal, personLine, personsWithIds, type AgendaDetails, type AgendaKind, type BallotPerson, type CastLine } from '../domain/agenda';
import { scaleWords, type Scale } from '../domain/satisfaction';
import type { Store } from './store';

interface Current {
  kind: AgendaKind;
  title: string;
  details: AgendaDetails;
}

/** The persons the item's ballots were cast for, in the item's order (stored snapshots; ids of old ballots by place). */
export function castPersons(store: Store, itemId: number, current: readonly BallotPerson[]): BallotPerson[] {
  const rows = store.db.prepare('SELECT persons FROM ballots WHERE item_id = ?').all(itemId) as { persons: string }[];
  const byId = new Map<string, BallotPerson>();
  for (const r of rows) {
    for (const p of JSON.parse(r.persons) as (BallotPerson | number)[]) {
      const person = typeof p === 'number' ? current[p] : p;
      if (person && !byId.has(person.id)) byId.set(person.id, person);
    }
  }
  const order = new Map(current.map((p, i) => [p.id, i]));
  return [...byId.values()].sort((a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity));
}

const subjectLine = (s: { name: string; unit?: string; post?: string; category?: string; officialId?: number | null }): CastLine => {
  const content = [s.name, s.unit ?? '', s.post ?? '', s.category ?? '', s.officialId ?? ''].join('|');
  return { key: content, content, label: s.name };
};

/** The sheet lines the item's assessments were cast on, in sheet order, without repeats. */
function castSubjects(store: Store, itemId: number): CastLine[] {
  const rows = store.db.prepare('SELECT subjects FROM assessments WHERE item_id = ? ORDER BY id').all(itemId) as { subjects: string }[];
  const seen = new Map<string, CastLine>();
  for (const r of rows) for (const s of JSON.parse(r.subjects) as Parameters<typeof subjectLine>[0][]) seen.set(subjectLine(s).key, subjectLine(s));
  return [...seen.values()];
}

const count = (store: Store, sql: string, id: number) => (store.db.prepare(sql).get(id) as { n: number }).n;

/** Refuses an edit that would change what was voted or assessed on this item. */
export function assertEditKeepsCastData(store: Store, itemId: number, before: Current, next: Current): void {
  const ballots = count(store, 'SELECT count(*) AS n FROM ballots WHERE item_id = ?', itemId);
  const assessments = count(store, 'SELECT count(*) AS n FROM assessments WHERE item_id = ?', itemId);
  if (ballots + assessments === 0) return;
  if (next.kind !== before.kind) throw new AppError('INVALID_STATE', `“${before.title}”已有${ballots ? '表决' : '测评或票决'}，不能更改议程类型`);
  if (ballots && before.kind === 'appointment') {
    const current = personsWithIds(before.details.persons);
    const refusal = castOnRefusal(castPersons(store, itemId, current).map(personLine), personsWithIds(next.details.persons).map(personLine), '任免人员', '已经表决');
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
  if (assessments && (before.kind === 'assessment' || before.kind === 'project_ballot')) {
    const project = before.kind === 'project_ballot';
    const lines = project ? (next.details.candidates ?? []).map((name) => subjectLine({ name })) : (next.details.subjects ?? []).map(subjectLine);
    const refusal = castOnRefusal(castSubjects(store, itemId), lines, project ? '候选项目' : '测评对象', project ? '已经票决' : '已经测评');
    if (refusal) throw new AppError('INVALID_STATE', refusal);
  }
}

/** Refuses to delete an item that holds data, naming what it holds. */
export function assertDeletable(store: Store, itemId: number, title: string): void {
  const live = store.db.prepare("SELECT 1 AS x FROM session_live l JOIN sessions s ON s.id = l.session_id WHERE l.current_item_id = ? AND s.status = 'open'").get(itemId);
  if (live) throw new AppError('INVALID_STATE', `“${title}”是正在进行的会议的当前议程，请先切换到其他议程再删除`);
  const holds: string[] = [];
  const n = (sql: string) => count(store, sql, itemId);
  const ballots = n('SELECT count(*) AS n FROM ballots WHERE item_id = ?');
  if (ballots) holds.push(`${ballots}轮表决`);
  const sheets = store.db.prepare('SELECT kind, scale, count(*) AS n FROM assessments WHERE item_id = ? GROUP BY kind, scale').all(itemId) as { kind: string; scale: Scale | null; n: number }[];
  for (const s of sheets) holds.push(`${s.n}轮${s.kind === 'project' ? '票决' : scaleWords(s.scale ?? 'three').scaleTitle}`);
  const remarks = n('SELECT count(*) AS n FROM review_remarks WHERE item_id = ?');
  if (remarks) holds.push(`${remarks}条审议发言`);
  if (n('SELECT count(*) AS n FROM review_opinions WHERE item_id = ?')) holds.push('审议意见');
  if (n('SELECT count(*) AS n FROM resolutions WHERE item_id = ?')) holds.push('决议或决定');
  if (n('SELECT count(*) AS n FROM opinion_handlings WHERE item_id = ? AND outcome IS NOT NULL')) holds.push('办理情况报告的结果');
  if (n('SELECT count(*) AS n FROM assessments WHERE report_item_id = ?') + n('SELECT count(*) AS n FROM official_years WHERE report_item_id = ?')) holds.push('述职记录');
  if (n('SELECT count(*) AS n FROM speaker_requests WHERE item_id = ?')) holds.push('申请发言记录');
  if (n('SELECT count(*) AS n FROM oaths WHERE item_id = ?')) holds.push('宪法宣誓记录');
  if (holds.length) throw new AppError('INVALID_STATE', `“${title}”已有${holds.join('、')}，不能删除`);
}
