// Records anonymous sheets with group commit: sheets that arrive together are written in ONE durable
// transaction and each is acknowledged only after it has committed. Inside the transaction the voter
// rows are inserted and the counters are raised by the batch's totals (one UPDATE per cell), so
// nothing per sheet is written beside a member. A member's second sheet changes nothing.
import { AppError } from '../shared/result';
import { validateProjectSheet } from '../domain/project-ballot';
import { countAssessmentSheets, scaleLevels } from '../domain/satisfaction';
import type { Actor } from '../store/audit';
import { GroupCommit } from '../store/group-commit';
import type { Store } from '../store/store';
import { bumpCounters, getAssessment, hasSubmitted, insertVoter, UNMARKED_LEVEL, type AssessmentRow } from './assessment-store';

export interface SheetSubmission {
  assessmentId: number;
  memberId: number;
  /** Per subject: the level index (best first), or null when unmarked. Project ballots: 0 = chosen. */
  marks: (number | null)[];
  who: Actor;
}

export interface SheetOutcome {
  assessmentId: number;
  /** The member's sheet is recorded (now or before). */
  submitted: true;
  /** This was a repeat: nothing changed. */
  duplicate: boolean;
  /** Whether this sheet entered the count (an incomplete sheet may be set aside); null for a repeat. */
  counted: boolean | null;
}

/** The level labels a sheet of this assessment may mark. */
export function levelCountOf(a: Pick<AssessmentRow, 'kind' | 'scale'>): number {
  return a.kind === 'project' ? 1 : scaleLevels(a.scale ?? 'three').length;
}

/** Checks one sheet against its assessment; throws the Chinese refusal. Returns the chosen indexes for projects. */
export function checkSheet(a: AssessmentRow, marks: (number | null)[]): number[] {
  if (marks.length !== a.subjects.length) {
    throw new AppError('BAD_INPUT', `测评表应有${a.subjects.length}项，收到${marks.length}项，请刷新后重新填写`);
  }
  const n = levelCountOf(a);
  if (marks.some((m) => m !== null && !(Number.isInteger(m) && m >= 0 && m < n))) throw new AppError('BAD_INPUT', '测评表中有无效的选项');
  if (a.kind !== 'project') return [];
  const chosen = marks.flatMap((m, i) => (m === null ? [] : [i]));
  const v = validateProjectSheet(chosen, a.subjects.length, a.chooseMax ?? 1);
  if (!v.valid) {
    throw new AppError('INVALID_STATE', `${v.reason.replace(/，本票无效$/, '')}，不能提交（多选的票无效），请修改后重新提交`, { reason: v.reason });
  }
  return chosen;
}

type Batch = { accepted: Map<number, { a: AssessmentRow; sheets: (number | null)[][] }>; seen: Set<string> };

export class SheetRecorder {
  /** Called after each committed batch with the assessments it touched. */
  onCommitted: (assessmentIds: number[]) => void = () => {};
  private readonly group: GroupCommit<SheetSubmission, SheetOutcome, Batch>;

  constructor(private readonly store: Store) {
    this.group = new GroupCommit(store, {
      begin: () => ({ accepted: new Map(), seen: new Set() }),
      each: (batch, sheet) => this.accept(sheet, batch.accepted, batch.seen),
      end: (batch) => {
        for (const { a, sheets } of batch.accepted.values()) this.count(a, sheets);
      },
      failed: (e) => `测评表未能保存，请重新提交（${e.message}）`,
      committed: (sheets) => this.onCommitted([...new Set(sheets.map((s) => s.assessmentId))]),
    });
  }

  /** Resolves only after the sheet is committed (or refused). */
  submit(sheet: SheetSubmission): Promise<SheetOutcome> {
    return this.group.submit(sheet);
  }

  private accept(s: SheetSubmission, accepted: Map<number, { a: AssessmentRow; sheets: (number | null)[][] }>, seen: Set<string>): SheetOutcome {
    let entry = accepted.get(s.assessmentId);
    const a = entry?.a ?? getAssessment(this.store, s.assessmentId);
    if (a.state !== 'open') throw new AppError('INVALID_STATE', a.state === 'draft' ? '测评尚未开始' : '测评已经结束，不能再提交');
    if (a.method !== 'electronic') throw new AppError('INVALID_STATE', '本次测评使用纸质测评表');
    if (!a.eligible.includes(s.memberId)) throw new AppError('INVALID_STATE', '您在测评开始时未签到，不能参加本次测评');
    const key = `${a.id}:${s.memberId}`;
    if (seen.has(key) || hasSubmitted(this.store, a.id, s.memberId)) {
      return { assessmentId: a.id, submitted: true, duplicate: true, counted: null };
    }
    checkSheet(a, s.marks);
    seen.add(key);
    insertVoter(this.store, a.id, s.memberId);
    this.store.audit.append(s.who, 'assessment.sheet', 'assessments', a.id, { memberId: s.memberId });
    if (!entry) accepted.set(a.id, (entry = { a, sheets: [] }));
    entry.sheets.push(s.marks);
    const counted = a.kind === 'project' || a.countIncomplete || s.marks.every((m) => m !== null);
    return { assessmentId: a.id, submitted: true, duplicate: false, counted };
  }

  /** Raises the counters by the totals of the accepted sheets. */
  private count(a: AssessmentRow, sheets: (number | null)[][]): void {
    const cells = new Map<string, number>();
    const add = (subject: number, level: number, n: number) => cells.set(`${subject}:${level}`, (cells.get(`${subject}:${level}`) ?? 0) + n);
    if (a.kind === 'project') {
      for (const sheet of sheets) sheet.forEach((m, i) => m !== null && add(i, 0, 1));
      bumpCounters(this.store, a.id, cells, new Map([['counted', sheets.length]]));
      return;
    }
    const c = countAssessmentSheets(sheets, a.subjects.length, a.scale ?? 'three', a.countIncomplete);
    c.subjects.forEach((s, i) => {
      s.levels.forEach((n, level) => add(i, level, n));
      add(i, UNMARKED_LEVEL, s.unmarked);
    });
    bumpCounters(
      this.store,
      a.id,
      cells,
      new Map([
        ['counted', c.sheetsReturned],
        ['set_aside', c.sheetsSetAside],
      ]),
    );
  }
}
