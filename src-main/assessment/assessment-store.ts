// Assessment rows. Who submitted lives in assessment_voters; while the assessment is open each row
// also holds that member's sheet as a sealed receipt (rounds/sealed.ts). At close the receipts are
// tallied into the stored result and erased: nothing of a sheet remains beside a member.
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

/** An item's last satisfaction round's scale (NULL before its first round), as an SQL expression on agenda_items `i`. */
const LAST_ROUND_SCALE =
  "(SELECT a.scale FROM assessments a WHERE a.item_id = i.id AND a.kind = 'satisfaction' AND a.scale IS NOT NULL ORDER BY a.id DESC LIMIT 1)";

/**
 * The scale each item of a session is assessed on: its last satisfaction round's, else the session's
 * rule (an item before its first round) — what its kind is called (agendaKindLabel), one query.
 */
export function itemScales(store: Store, sessionId: number, sessionScale: ScaleName): (itemId: number) => ScaleName {
  const rows = store.db.prepare(`SELECT i.id, ${LAST_ROUND_SCALE} AS scale FROM agenda_items i WHERE i.session_id = ?`).all(sessionId) as { id: number; scale: ScaleName | null }[];
  const last = new Map(rows.map((r) => [r.id, r.scale]));
  return (itemId) => last.get(itemId) ?? sessionScale;
}

/** The same rule for items of any sessions (the archive's result lines): one query for all of them. */
export function scalesOfItems(store: Store, itemIds: number[]): Map<number, ScaleName> {
  const rows = store.db
    .prepare(`SELECT i.id, i.session_id, ${LAST_ROUND_SCALE} AS scale FROM agenda_items i WHERE i.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(itemIds)) as { id: number; session_id: number; scale: ScaleName | null }[];
  const sessionScale = new Map<number, ScaleName>();
  const ofSession = (id: number) => sessionScale.get(id) ?? sessionScale.set(id, getSession(store, id).rules.satisfaction.scale).get(id)!;
  return new Map(rows.map((r) => [r.id, r.scale ?? ofSession(r.session_id)]));
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

/** Opens the assessment with the members who may submit. */
export function markOpened(store: Store, id: number, eligible: number[]): void {
  store.db.prepare("UPDATE assessments SET state = 'open', opened_at = ?, eligible = ? WHERE id = ?").run(new Date().toISOString(), JSON.stringify(eligible), id);
}

/** 作废本轮 (RoundEngine.voidRound): back to draft, as if never opened. */
export function markVoided(store: Store, id: number): void {
  store.db.prepare("UPDATE assessments SET state = 'draft', opened_at = NULL, eligible = '[]' WHERE id = ?").run(id);
}

export function storeOutcome(store: Store, id: number, result: AssessmentOutcome, eligible?: number[]): void {
  store.db
    .prepare("UPDATE assessments SET state = 'closed', closed_at = ?, result = ?, eligible = coalesce(?, eligible) WHERE id = ?")
    .run(new Date().toISOString(), JSON.stringify(result), eligible ? JSON.stringify(eligible) : null, id);
}

/** A corrected paper tally (before it is announced): the result only; state and times stay. */
export function replaceOutcome(store: Store, id: number, result: AssessmentOutcome): void {
  store.db.prepare('UPDATE assessments SET result = ? WHERE id = ?').run(JSON.stringify(result), id);
}

export function markAnnounced(store: Store, id: number): void {
  store.db.prepare("UPDATE assessments SET state = 'announced', announced_at = ? WHERE id = ?").run(new Date().toISOString(), id);
}

export function hasSubmitted(store: Store, id: number, memberId: number): boolean {
  return store.db.prepare('SELECT 1 AS x FROM assessment_voters WHERE assessment_id = ? AND member_id = ?').get(id, memberId) !== undefined;
}
