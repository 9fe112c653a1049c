// Anonymous sheets from members' terminals, recorded through the round engine's group commit: each
// sheet is acknowledged only after it has committed. A sheet is kept only as a sealed receipt in the
// member's voter row (every sheet of a round has the same length: one byte per subject), and nothing
// is counted on disk until the assessment closes. A member's second sheet changes nothing.
import { AppError } from '../shared/result';
import { validateProjectSheet } from '../domain/project-ballot';
import { countAssessmentSheets, scaleLevels } from '../domain/satisfaction';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundEngine } from '../rounds/round-engine';
import type { VoterTable } from '../rounds/round-recorder';
import { getAssessment, hasSubmitted, type AssessmentRow } from './assessment-store';
import type { SatisfactionCounts } from './results';

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
  /** Whether this sheet enters the count (an incomplete sheet may be set aside); null for a repeat. */
  counted: boolean | null;
}

export const ASSESSMENT_VOTERS: VoterTable = { table: 'assessment_voters', round: 'assessment_id' };

const UNMARKED = 0xff;

/** The body of a sheet's receipt: a version byte, then one byte per subject (0xff: unmarked). */
export function sheetBody(marks: (number | null)[]): Buffer {
  return Buffer.from([1, ...marks.map((m) => (m === null ? UNMARKED : m))]);
}

export function readSheetBody(b: Buffer, subjects: number): (number | null)[] {
  if (b[0] !== 1 || b.length !== subjects + 1) throw new AppError('INTERNAL', '一张测评表回执的格式无法识别');
  return [...b.subarray(1)].map((m) => (m === UNMARKED ? null : m));
}

/** The level labels a sheet of this assessment may mark. */
export function levelCountOf(a: Pick<AssessmentRow, 'kind' | 'scale'>): number {
  return a.kind === 'project' ? 1 : scaleLevels(a.scale ?? 'three').length;
}

/** Checks one sheet against its assessment; throws the Chinese refusal. */
export function checkSheet(a: AssessmentRow, marks: (number | null)[]): void {
  if (marks.length !== a.subjects.length) {
    throw new AppError('BAD_INPUT', `测评表应有${a.subjects.length}项，收到${marks.length}项，请刷新后重新填写`);
  }
  const n = levelCountOf(a);
  if (marks.some((m) => m !== null && !(Number.isInteger(m) && m >= 0 && m < n))) throw new AppError('BAD_INPUT', '测评表中有无效的选项');
  if (a.kind !== 'project') return;
  const chosen = marks.flatMap((m, i) => (m === null ? [] : [i]));
  const v = validateProjectSheet(chosen, a.subjects.length, a.chooseMax ?? 1);
  if (!v.valid) {
    throw new AppError('INVALID_STATE', `${v.reason.replace(/，本票无效$/, '')}，不能提交（多选的票无效），请修改后重新提交`, { reason: v.reason });
  }
}

/** The counts of the sheets at close (satisfaction), by the rules of domain/satisfaction.ts. */
export function satisfactionCounts(a: AssessmentRow, sheets: (number | null)[][]): SatisfactionCounts {
  const c = countAssessmentSheets(sheets, a.subjects.length, a.scale ?? 'three', a.countIncomplete);
  return { levels: c.subjects.map((s) => s.levels), unmarked: c.subjects.map((s) => s.unmarked), sheetsReturned: c.sheetsReturned, sheetsSetAside: c.sheetsSetAside };
}

/** Votes per candidate at close (project ballots: terminals refuse invalid sheets, so all are valid). */
export function projectVotes(a: AssessmentRow, sheets: (number | null)[][]): number[] {
  const votes = a.subjects.map(() => 0);
  for (const sheet of sheets) sheet.forEach((m, i) => m !== null && votes[i]!++);
  return votes;
}

export class SheetRecorder {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundEngine,
  ) {}

  /** Resolves only after the sheet is committed (or refused). */
  submit(sheet: SheetSubmission): Promise<SheetOutcome> {
    return this.rounds.submit({
      ref: { kind: 'assessment', id: sheet.assessmentId },
      memberId: sheet.memberId,
      failed: '测评表未能保存，请重新提交',
      head: () => getAssessment(this.store, sheet.assessmentId),
      run: (a: AssessmentRow) => this.accept(a, sheet),
    });
  }

  private accept(a: AssessmentRow, s: SheetSubmission): SheetOutcome {
    if (a.state !== 'open') throw new AppError('INVALID_STATE', a.state === 'draft' ? '测评尚未开始' : '测评已经结束，不能再提交');
    if (a.method !== 'electronic') throw new AppError('INVALID_STATE', '本次测评使用纸质测评表');
    if (!a.eligible.includes(s.memberId)) throw new AppError('INVALID_STATE', '您在测评开始时未签到，不能参加本次测评');
    if (hasSubmitted(this.store, a.id, s.memberId)) return { assessmentId: a.id, submitted: true, duplicate: true, counted: null };
    checkSheet(a, s.marks);
    this.rounds.putReceipt({ kind: 'assessment', id: a.id }, ASSESSMENT_VOTERS, s.memberId, sheetBody(s.marks));
    const counted = a.kind === 'project' || a.countIncomplete || s.marks.every((m) => m !== null);
    return { assessmentId: a.id, submitted: true, duplicate: false, counted };
  }
}
