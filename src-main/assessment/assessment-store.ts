// Assessment rows and their anonymous counters. Who submitted lives in assessment_voters; what was
// marked lives only in counters per (subject, level) and per sheet status, never beside a member.
import { AppError } from '../shared/result';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import type {
  AssessmentMethod,
  AssessmentOutcome,
  AssessmentState,
  SatisfactionRuleName,
  ScaleName,
  ShareThreshold,
  SheetKind,
  SheetSubject,
} from './types';

/** Level stored for a subject left unmarked on a counted sheet. */
export const UNMARKED_LEVEL = -1;

export interface AssessmentRow {
  id: number;
  sessionId: number;
  itemId: number;
  round: number;
  kind: SheetKind;
  title: string;
  subjects: SheetSubject[];
  method: AssessmentMethod;
  state: AssessmentState;
  scale: ScaleName | null;
  rule: SatisfactionRuleName | null;
  countIncomplete: boolean;
  unmarkedSubjects: 'against' | 'excluded';
  chooseMax: number | null;
  minShare: ShareThreshold | null;
  allMembers: number;
  year: number | null;
  reportItemId: number | null;
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
  announcedAt: string | null;
  eligible: number[];
  result: AssessmentOutcome | null;
  /** The session's rules.satisfaction.tieBreak (read by getAssessment, for ranking at close). */
  tieBreak?: 'shared' | 'sheet' | 'strokes';
}

interface Raw {
  id: number;
  session_id: number;
  item_id: number;
  round: number;
  kind: SheetKind;
  title: string;
  subjects: string;
  method: AssessmentMethod;
  state: AssessmentState;
  scale: ScaleName | null;
  rule: SatisfactionRuleName | null;
  count_incomplete: number;
  unmarked_subjects: 'against' | 'excluded';
  choose_max: number | null;
  min_share: string | null;
  all_members: number;
  year: number | null;
  report_item_id: number | null;
  created_at: string;
  opened_at: string | null;
  closed_at: string | null;
  announced_at: string | null;
  eligible: string;
  result: string | null;
}

function toRow(r: Raw): AssessmentRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    itemId: r.item_id,
    round: r.round,
    kind: r.kind,
    title: r.title,
    subjects: JSON.parse(r.subjects) as SheetSubject[],
    method: r.method,
    state: r.state,
    scale: r.scale,
    rule: r.rule,
    countIncomplete: r.count_incomplete === 1,
    unmarkedSubjects: r.unmarked_subjects,
    chooseMax: r.choose_max,
    minShare: r.min_share ? (JSON.parse(r.min_share) as ShareThreshold) : null,
    allMembers: r.all_members,
    year: r.year,
    reportItemId: r.report_item_id,
    createdAt: r.created_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    announcedAt: r.announced_at,
    eligible: JSON.parse(r.eligible) as number[],
    result: r.result ? (JSON.parse(r.result) as AssessmentOutcome) : null,
  };
}

export function getAssessment(store: Store, id: number): AssessmentRow {
  const r = store.db.prepare('SELECT * FROM assessments WHERE id = ?').get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为${id}的测评或票决`);
  return { ...toRow(r), tieBreak: getSession(store, r.session_id).rules.satisfaction.tieBreak };
}

export function listAssessments(store: Store, sessionId: number): AssessmentRow[] {
  return (store.db.prepare('SELECT * FROM assessments WHERE session_id = ? ORDER BY id').all(sessionId) as Raw[]).map(toRow);
}

export function assessmentsOfItem(store: Store, itemId: number): AssessmentRow[] {
  return (store.db.prepare('SELECT * FROM assessments WHERE item_id = ? ORDER BY id').all(itemId) as Raw[]).map(toRow);
}

export function openAssessments(store: Store): AssessmentRow[] {
  return (store.db.prepare("SELECT * FROM assessments WHERE state = 'open' ORDER BY id").all() as Raw[]).map(toRow);
}

export interface NewAssessment {
  sessionId: number;
  itemId: number;
  kind: SheetKind;
  title: string;
  subjects: SheetSubject[];
  method: AssessmentMethod;
  scale: ScaleName | null;
  rule: SatisfactionRuleName | null;
  countIncomplete: boolean;
  unmarkedSubjects: 'against' | 'excluded';
  chooseMax: number | null;
  minShare: ShareThreshold | null;
  allMembers: number;
  year: number | null;
  reportItemId: number | null;
}

/** A new assessment (draft). A repeat on the same item is the next round. */
export function insertAssessment(store: Store, a: NewAssessment): number {
  const prev = store.db.prepare('SELECT max(round) AS r FROM assessments WHERE item_id = ?').get(a.itemId) as { r: number | null };
  return Number(
    store.db
      .prepare(
        `INSERT INTO assessments (session_id, item_id, round, kind, title, subjects, method, scale, rule, count_incomplete, unmarked_subjects,
           choose_max, min_share, all_members, year, report_item_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        a.sessionId,
        a.itemId,
        (prev.r ?? 0) + 1,
        a.kind,
        a.title,
        JSON.stringify(a.subjects),
        a.method,
        a.scale,
        a.rule,
        a.countIncomplete ? 1 : 0,
        a.unmarkedSubjects,
        a.chooseMax,
        a.minShare ? JSON.stringify(a.minShare) : null,
        a.allMembers,
        a.year,
        a.reportItemId,
        new Date().toISOString(),
      ).lastInsertRowid,
  );
}

/** Opens the assessment with the members who may submit, and zeroed counters for every subject and level. */
export function markOpened(store: Store, a: AssessmentRow, eligible: number[], levelCount: number): void {
  store.db.prepare("UPDATE assessments SET state = 'open', opened_at = ?, eligible = ? WHERE id = ?").run(new Date().toISOString(), JSON.stringify(eligible), a.id);
  const init = store.db.prepare('INSERT OR IGNORE INTO assessment_counts (assessment_id, subject, level, count) VALUES (?, ?, ?, 0)');
  a.subjects.forEach((_, s) => {
    for (let level = UNMARKED_LEVEL; level < levelCount; level++) init.run(a.id, s, level);
  });
  const sheets = store.db.prepare('INSERT OR IGNORE INTO assessment_sheets (assessment_id, status, count) VALUES (?, ?, 0)');
  for (const status of ['counted', 'set_aside', 'invalid']) sheets.run(a.id, status);
}

export function storeOutcome(store: Store, id: number, result: AssessmentOutcome, eligible?: number[]): void {
  store.db
    .prepare("UPDATE assessments SET state = 'closed', closed_at = ?, result = ?, eligible = coalesce(?, eligible) WHERE id = ?")
    .run(new Date().toISOString(), JSON.stringify(result), eligible ? JSON.stringify(eligible) : null, id);
}

export function markAnnounced(store: Store, id: number): void {
  store.db.prepare("UPDATE assessments SET state = 'announced', announced_at = ? WHERE id = ?").run(new Date().toISOString(), id);
}

export interface Counters {
  /** [subject][level] counts, levels in scale order. */
  levels: number[][];
  /** [subject] unmarked on counted sheets. */
  unmarked: number[];
  counted: number;
  setAside: number;
  invalid: number;
}

/** The anonymous counters of an assessment. */
export function readCounters(store: Store, a: Pick<AssessmentRow, 'id' | 'subjects'>, levelCount: number): Counters {
  const levels = a.subjects.map(() => new Array<number>(levelCount).fill(0));
  const unmarked = a.subjects.map(() => 0);
  const rows = store.db.prepare('SELECT subject, level, count FROM assessment_counts WHERE assessment_id = ?').all(a.id) as {
    subject: number;
    level: number;
    count: number;
  }[];
  for (const r of rows) {
    if (r.subject >= a.subjects.length) continue;
    if (r.level === UNMARKED_LEVEL) unmarked[r.subject] = r.count;
    else if (r.level < levelCount) levels[r.subject]![r.level] = r.count;
  }
  const sheets = new Map(
    (store.db.prepare('SELECT status, count FROM assessment_sheets WHERE assessment_id = ?').all(a.id) as { status: string; count: number }[]).map((r) => [
      r.status,
      r.count,
    ]),
  );
  return { levels, unmarked, counted: sheets.get('counted') ?? 0, setAside: sheets.get('set_aside') ?? 0, invalid: sheets.get('invalid') ?? 0 };
}

/** Adds to the counters (one UPDATE per non-zero cell, so a batch of sheets leaves no per-sheet trace). */
export function bumpCounters(store: Store, id: number, cells: Map<string, number>, sheets: Map<string, number>): void {
  const cell = store.db.prepare('UPDATE assessment_counts SET count = count + ? WHERE assessment_id = ? AND subject = ? AND level = ?');
  for (const [key, n] of cells) {
    if (n === 0) continue;
    const [subject, level] = key.split(':').map(Number) as [number, number];
    cell.run(n, id, subject, level);
  }
  const sheet = store.db.prepare('UPDATE assessment_sheets SET count = count + ? WHERE assessment_id = ? AND status = ?');
  for (const [status, n] of sheets) if (n !== 0) sheet.run(n, id, status);
}

export function submittedCount(store: Store, id: number): number {
  return (store.db.prepare('SELECT count(*) AS n FROM assessment_voters WHERE assessment_id = ?').get(id) as { n: number }).n;
}

export function hasSubmitted(store: Store, id: number, memberId: number): boolean {
  return store.db.prepare('SELECT 1 AS x FROM assessment_voters WHERE assessment_id = ? AND member_id = ?').get(id, memberId) !== undefined;
}

export function submittedMemberIds(store: Store, id: number): Set<number> {
  const rows = store.db.prepare('SELECT member_id FROM assessment_voters WHERE assessment_id = ?').all(id) as { member_id: number }[];
  return new Set(rows.map((r) => r.member_id));
}

export function insertVoter(store: Store, id: number, memberId: number): void {
  store.db.prepare('INSERT INTO assessment_voters (assessment_id, member_id) VALUES (?, ?)').run(id, memberId);
}
