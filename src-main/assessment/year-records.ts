// One record per appointed official and year (official_years): the pledge (text or a document), the
// mid-year review (notes and opinion-form tallies), the 述职 session and item, the assessment result
// and the follow-up. Every change is audited; the assessment part is filled when an assessment closes.
import { createHash } from 'node:crypto';
import { AppError } from '../shared/result';
import { percentText, scaleWords } from '../domain/satisfaction';
import type { Actor } from '../store/audit';
import { officials } from '../store/directory';
import { getItem } from '../store/agenda';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { getAssessment, type AssessmentRow } from './assessment-store';
import type { SatisfactionRow } from './types';
import { STANDING_LABELS, yearStanding, type Standing } from '../domain/year-standing';

/** The opinion forms of the mid-year review are rated on this scale. */
export const MIDYEAR_LEVELS = ['优秀', '称职', '基本称职', '不称职'] as const;

export interface YearRecordFields {
  pledgeText: string;
  pledgeDate: string | null;
  midyearDate: string | null;
  midyearNotes: string;
  /** Opinion forms returned (e.g. 1197). */
  midyearForms: number | null;
  /** Forms per level of MIDYEAR_LEVELS. */
  midyearLevels: number[] | null;
  followUp: string;
  followUpDate: string | null;
}

export interface YearRecordView extends YearRecordFields {
  official: { id: number; name: string; unit: string; post: string; category: string; active: boolean };
  year: number;
  recordId: number | null;
  pledgeFile: { fileName: string; mime: string; size: number; sha256: string } | null;
  /** Share of forms rated 优秀, e.g. "85.13%". */
  midyearTopShare: string | null;
  report: { sessionId: number; sessionTitle: string; sessionDate: string; itemId: number | null; itemTitle: string | null } | null;
  /** rateLabel: "满意率", or "称职率" on the four levels (domain/satisfaction.ts scaleWords). */
  assessment: { id: number; title: string; state: string; result: SatisfactionRow | null; subjects: number; rateLabel: string } | null;
  standing: Standing;
  standingLabel: string;
}

interface Raw {
  id: number;
  official_id: number;
  year: number;
  pledge_text: string;
  pledge_date: string | null;
  pledge_file_name: string | null;
  pledge_mime: string | null;
  pledge_size: number | null;
  pledge_sha256: string | null;
  midyear_date: string | null;
  midyear_notes: string;
  midyear_forms: number | null;
  midyear_levels: string | null;
  report_session_id: number | null;
  report_item_id: number | null;
  assessment_id: number | null;
  follow_up: string;
  follow_up_date: string | null;
}

const COLUMNS = `id, official_id, year, pledge_text, pledge_date, pledge_file_name, pledge_mime, pledge_size, pledge_sha256, midyear_date,
  midyear_notes, midyear_forms, midyear_levels, report_session_id, report_item_id, assessment_id, follow_up, follow_up_date`;

function rawRecord(store: Store, officialId: number, year: number): Raw | undefined {
  return store.db.prepare(`SELECT ${COLUMNS} FROM official_years WHERE official_id = ? AND year = ?`).get(officialId, year) as Raw | undefined;
}

/** The record's id, creating an empty one (audited) when there is none yet. Call inside a transaction. */
function ensureRecord(store: Store, who: Actor, officialId: number, year: number): number {
  const r = rawRecord(store, officialId, year);
  if (r) return r.id;
  const id = Number(store.db.prepare('INSERT INTO official_years (official_id, year) VALUES (?, ?)').run(officialId, year).lastInsertRowid);
  store.audit.recordRow(who, 'officialYear.create', 'official_years', id);
  return id;
}

function checkTallies(f: YearRecordFields): void {
  if (f.midyearLevels && f.midyearLevels.length !== MIDYEAR_LEVELS.length) throw new AppError('BAD_INPUT', `意见表统计应按${MIDYEAR_LEVELS.join('、')}四档填写`);
  const rated = (f.midyearLevels ?? []).reduce((a, b) => a + b, 0);
  if (f.midyearLevels && f.midyearForms === null) throw new AppError('BAD_INPUT', '请填写收回的意见表总数');
  if (f.midyearForms !== null && rated > f.midyearForms) {
    throw new AppError('BAD_INPUT', `各档合计${rated}份，超过了收回的意见表${f.midyearForms}份`);
  }
}

export function saveYearRecord(store: Store, who: Actor, officialId: number, year: number, f: YearRecordFields): YearRecordView {
  officials.get(store, officialId);
  checkTallies(f);
  store.change(who, () => {
    const id = ensureRecord(store, who, officialId, year);
    store.db
      .prepare(
        `UPDATE official_years SET pledge_text = ?, pledge_date = ?, midyear_date = ?, midyear_notes = ?, midyear_forms = ?, midyear_levels = ?,
           follow_up = ?, follow_up_date = ? WHERE id = ?`,
      )
      .run(
        f.pledgeText,
        f.pledgeDate,
        f.midyearDate,
        f.midyearNotes,
        f.midyearForms,
        f.midyearLevels ? JSON.stringify(f.midyearLevels) : null,
        f.followUp,
        f.followUpDate,
        id,
      );
    store.audit.recordRow(who, 'officialYear.update', 'official_years', id);
  });
  return yearRecord(store, officialId, year);
}

export function attachPledge(store: Store, who: Actor, officialId: number, year: number, fileName: string, mime: string, data: Buffer): YearRecordView {
  officials.get(store, officialId);
  if (data.length === 0) throw new AppError('BAD_INPUT', '文件是空的');
  store.change(who, () => {
    const id = ensureRecord(store, who, officialId, year);
    const sha = createHash('sha256').update(data).digest('hex');
    store.db
      .prepare('UPDATE official_years SET pledge_file_name = ?, pledge_mime = ?, pledge_size = ?, pledge_sha256 = ?, pledge_data = ? WHERE id = ?')
      .run(fileName, mime, data.length, sha, data, id);
    store.audit.recordRow(who, 'officialYear.pledgeFile', 'official_years', id);
  });
  return yearRecord(store, officialId, year);
}

export function readPledge(store: Store, officialId: number, year: number): { fileName: string; mime: string; data: Buffer } {
  const r = store.db.prepare('SELECT pledge_file_name AS f, pledge_mime AS m, pledge_data AS d FROM official_years WHERE official_id = ? AND year = ?').get(officialId, year) as
    | { f: string | null; m: string | null; d: Buffer | null }
    | undefined;
  if (!r?.d || !r.f) throw new AppError('NOT_FOUND', '该年度没有上传履职承诺书文件');
  return { fileName: r.f, mime: r.m ?? 'application/octet-stream', data: r.d };
}

/** After an assessment has a result: ties it (and its 述职 item) to each assessed official's record. */
export function linkAssessment(store: Store, who: Actor, a: AssessmentRow): void {
  if (a.kind !== 'satisfaction' || a.year === null) return;
  for (const s of a.subjects) {
    if (s.officialId === null) continue;
    const exists = store.db.prepare('SELECT 1 AS x FROM officials WHERE id = ?').get(s.officialId);
    if (!exists) continue;
    const id = ensureRecord(store, who, s.officialId, a.year);
    store.db
      .prepare('UPDATE official_years SET assessment_id = ?, report_session_id = ?, report_item_id = coalesce(?, report_item_id) WHERE id = ?')
      .run(a.id, a.sessionId, a.reportItemId ?? a.itemId, id);
    store.audit.recordRow(who, 'officialYear.assessment', 'official_years', id);
  }
}

function view(store: Store, o: ReturnType<typeof officials.get>, year: number, r: Raw | undefined): YearRecordView {
  const levels = r?.midyear_levels ? (JSON.parse(r.midyear_levels) as number[]) : null;
  const forms = r?.midyear_forms ?? null;
  let report: YearRecordView['report'] = null;
  if (r?.report_session_id) {
    const s = getSession(store, r.report_session_id);
    const item = r.report_item_id ? getItem(store, r.report_item_id) : null;
    report = { sessionId: s.id, sessionTitle: s.title, sessionDate: s.date, itemId: item?.id ?? null, itemTitle: item?.title ?? null };
  }
  let assessment: YearRecordView['assessment'] = null;
  if (r?.assessment_id) {
    const a = getAssessment(store, r.assessment_id);
    const result = a.result?.kind === 'satisfaction' ? (a.result.rows.find((x) => x.officialId === o.id) ?? null) : null;
    assessment = { id: a.id, title: a.title, state: a.state, result, subjects: a.subjects.length, rateLabel: scaleWords(a.scale ?? 'three').rateLabel };
  }
  const f: YearRecordFields = {
    pledgeText: r?.pledge_text ?? '',
    pledgeDate: r?.pledge_date ?? null,
    midyearDate: r?.midyear_date ?? null,
    midyearNotes: r?.midyear_notes ?? '',
    midyearForms: forms,
    midyearLevels: levels,
    followUp: r?.follow_up ?? '',
    followUpDate: r?.follow_up_date ?? null,
  };
  const standing = yearStanding({
    hasPledge: f.pledgeText.trim() !== '' || !!r?.pledge_file_name,
    hasMidyear: f.midyearNotes.trim() !== '' || forms !== null,
    reported: report !== null,
    assessed: assessment?.result != null,
    consequence: assessment?.result?.consequence ?? null,
    hasFollowUp: f.followUp.trim() !== '',
  });
  return {
    ...f,
    official: { id: o.id, name: o.name, unit: o.unit, post: o.post, category: o.category, active: o.active },
    year,
    recordId: r?.id ?? null,
    pledgeFile: r?.pledge_file_name ? { fileName: r.pledge_file_name, mime: r.pledge_mime ?? '', size: r.pledge_size ?? 0, sha256: r.pledge_sha256 ?? '' } : null,
    midyearTopShare: forms && levels ? percentText(levels[0]!, forms) : null,
    report,
    assessment,
    standing,
    standingLabel: STANDING_LABELS[standing],
  };
}

export function yearRecord(store: Store, officialId: number, year: number): YearRecordView {
  return view(store, officials.get(store, officialId), year, rawRecord(store, officialId, year));
}

/** Every active official (and any inactive one with a record that year), in list order. */
export function listYearRecords(store: Store, year: number): YearRecordView[] {
  const withRecord = new Set((store.db.prepare('SELECT official_id FROM official_years WHERE year = ?').all(year) as { official_id: number }[]).map((r) => r.official_id));
  return officials
    .list(store, { includeInactive: true })
    .filter((o) => o.active || withRecord.has(o.id))
    .map((o) => view(store, o, year, rawRecord(store, o.id, year)));
}
