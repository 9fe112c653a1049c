// Anonymous sheets from members' terminals, recorded through the round engine's group commit: each
// sheet is acknowledged only after it has committed. A sheet is kept only as a sealed receipt beside
// the member's voter row (round_receipts; every sheet of a round has the same length: one byte per
// subject), and nothing is counted on disk until the assessment closes. A member's second sheet changes nothing.
// A member without a working terminal hands in a paper sheet, which the secretary enters: it becomes
// the same sealed receipt beside the same voter row (its origin sealed inside it, one length for both),
// so the member is marked as handed in, their terminal refuses a second sheet, and nothing on disk
// links the member to what the sheet marks. It follows the terminals' rule (an over-marked sheet is
// refused, never counted invalid: an invalid count would come only from paper). At close the receipts
// say how many came on paper; the result keeps only counts of terminal and paper sheets together.
import { AppError } from '../shared/result';
import { validateProjectSheet } from '../domain/project-ballot';
import { countAssessmentSheets, scaleLevels } from '../domain/satisfaction';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import type { RoundEngine } from '../rounds/round-engine';
import type { VoterTable } from '../rounds/round-recorder';
import { leftRefusal } from '../domain/attendance';
import type { LiveContext } from '../rounds/types';
import { getAssessment, hasSubmitted, type AssessmentRow } from './assessment-store';
import type { SatisfactionCounts } from './results';

export interface SheetSubmission {
  assessmentId: number;
  memberId: number;
  /** Per subject: the level index (best first), or null when unmarked. Project ballots: 0 = chosen. */
  marks: (number | null)[];
  who: Actor;
  /** The terminal that sent it (none for a paper sheet the secretary enters). */
  terminalId?: string;
  /** A paper sheet entered again, in place of the one entered for this member before (a mistake in the entry). */
  correction?: true;
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

export type SheetOrigin = 'terminal' | 'paper';
const ORIGIN_BYTE: Record<SheetOrigin, number> = { terminal: 1, paper: 2 };

/** The body of a sheet's receipt: its origin (1 terminal, 2 paper), then one byte per subject (0xff: unmarked). */
export function sheetBody(marks: (number | null)[], origin: SheetOrigin = 'terminal'): Buffer {
  return Buffer.from([ORIGIN_BYTE[origin], ...marks.map((m) => (m === null ? UNMARKED : m))]);
}

export function readSheetBody(b: Buffer, subjects: number): (number | null)[] {
  if ((b[0] !== 1 && b[0] !== 2) || b.length !== subjects + 1) throw new AppError('INTERNAL', '一张测评表回执的格式无法识别');
  return [...b.subarray(1)].map((m) => (m === UNMARKED ? null : m));
}

/** Where an opened receipt came from. */
export const sheetOrigin = (b: Buffer): SheetOrigin => (b[0] === 2 ? 'paper' : 'terminal');

/** The level labels a sheet of this assessment may mark. */
export function levelCountOf(a: Pick<AssessmentRow, 'kind' | 'scale'>): number {
  return a.kind === 'project' ? 1 : scaleLevels(a.scale ?? 'three').length;
}

/**
 * A paper sheet entered in a round held on terminals follows the terminals' rule: an over-marked one
 * is refused, never counted invalid. Terminals take no invalid sheet, so every 无效票 of such a round
 * would have come from the few members who handed in paper (all of them: one sheet, or all paper
 * sheets invalid), and the result would tie those members to it. The member corrects the sheet, as on
 * a terminal. A round held wholly on paper is entered as totals (assessments.enterPaper) and keeps its 无效票.
 */
export const PAPER_SHEET_OVERMARKED = '这张纸质选票按规定无效（多选的票无效）。本轮在终端上进行，终端不收无效票；若录入它，结果中的无效票只能出自交纸质选票的组成人员，会泄露其选择。请将选票交还本人修改后重新录入';

/**
 * Checks one sheet against its assessment; throws the Chinese refusal. An over-marked project sheet
 * is refused, from a terminal and on paper (`paper`) alike (PAPER_SHEET_OVERMARKED).
 */
export function checkSheet(a: AssessmentRow, marks: (number | null)[], paper = false): void {
  if (marks.length !== a.subjects.length) {
    throw new AppError('BAD_INPUT', `测评表应有${a.subjects.length}项，收到${marks.length}项，请刷新后重新填写`);
  }
  const n = levelCountOf(a);
  if (marks.some((m) => m !== null && !(Number.isInteger(m) && m >= 0 && m < n))) throw new AppError('BAD_INPUT', '测评表中有无效的选项');
  if (a.kind !== 'project') return;
  const chosen = marks.flatMap((m, i) => (m === null ? [] : [i]));
  const v = validateProjectSheet(chosen, a.subjects.length, a.chooseMax ?? 1);
  if (!v.valid) {
    const why = v.reason.replace(/，本票无效$/, '');
    throw new AppError('INVALID_STATE', paper ? `${why}：${PAPER_SHEET_OVERMARKED}` : `${why}，不能提交（多选的票无效），请修改后重新提交`, { reason: v.reason });
  }
}

/** The counts of the sheets at close (satisfaction), by the rules of domain/satisfaction.ts. */
export function satisfactionCounts(a: AssessmentRow, sheets: (number | null)[][]): SatisfactionCounts {
  const c = countAssessmentSheets(sheets, a.subjects.length, a.scale ?? 'three', a.countIncomplete);
  return { levels: c.subjects.map((s) => s.levels), unmarked: c.subjects.map((s) => s.unmarked), sheetsReturned: c.sheetsReturned, sheetsSetAside: c.sheetsSetAside };
}

/** Whether a project sheet is valid (terminals refuse invalid ones; a paper sheet may mark too many). */
export const validProjectSheet = (a: AssessmentRow, sheet: (number | null)[]): boolean =>
  validateProjectSheet(sheet.flatMap((m, i) => (m === null ? [] : [i])), a.subjects.length, a.chooseMax ?? 1).valid;

/** Votes per candidate at close, from the valid sheets. */
export function projectVotes(a: AssessmentRow, sheets: (number | null)[][]): number[] {
  const votes = a.subjects.map(() => 0);
  for (const sheet of sheets) sheet.forEach((m, i) => m !== null && votes[i]!++);
  return votes;
}

export class SheetRecorder {
  constructor(
    private readonly store: Store,
    private readonly rounds: RoundEngine,
    private readonly hall: Pick<LiveContext, 'hasLeft' | 'assertTerminalInCommit'>,
  ) {}

  /**
   * Resolves only after the sheet is committed (or refused). `paper`: a paper sheet the secretary
   * enters for a member without a working terminal, refused when the member has handed in a sheet
   * already (terminal or paper).
   */
  submit(sheet: SheetSubmission, origin: SheetOrigin = 'terminal'): Promise<SheetOutcome> {
    return this.rounds.submit({
      ref: { kind: 'assessment', id: sheet.assessmentId },
      memberId: sheet.memberId,
      failed: origin === 'paper' ? '纸质测评表未能保存，请重新录入' : '测评表未能保存，请重新提交',
      head: () => getAssessment(this.store, sheet.assessmentId),
      run: (a: AssessmentRow) => this.accept(a, sheet, origin),
    });
  }

  private accept(a: AssessmentRow, s: SheetSubmission, origin: SheetOrigin = 'terminal'): SheetOutcome {
    const paper = origin === 'paper';
    // Behind a takeover of the seat in the same commit: the old terminal's sheet counts for nothing.
    if (s.terminalId !== undefined) this.hall.assertTerminalInCommit(s.terminalId);
    const noun = a.kind === 'project' ? '票决' : '测评';
    if (a.state !== 'open') throw new AppError('INVALID_STATE', a.state === 'draft' ? `${noun}尚未开始` : `${noun}已经结束，不能再提交`);
    if (a.method !== 'electronic') throw new AppError('INVALID_STATE', paper ? '纸质测评请在收回后直接录入统计结果' : '本次测评使用纸质测评表');
    if (!a.eligible.includes(s.memberId)) throw new AppError('INVALID_STATE', paper ? `该组成人员在${noun}开始时未签到，不能参加本次${noun}` : '您在测评开始时未签到，不能参加本次测评');
    const ref = { kind: 'assessment' as const, id: a.id };
    const sheet = a.kind === 'project' ? '选票' : '测评表';
    if (s.correction) {
      if (!paper) throw new AppError('FORBIDDEN', `只有会务工作人员录入的纸质${sheet}可以更正`);
      return this.correct(a, s, sheet);
    }
    if (hasSubmitted(this.store, a.id, s.memberId)) {
      if (paper) throw new AppError('CONFLICT', '该组成人员已经交表（终端或纸质），不能再录入');
      const mine = this.rounds.receipts.of(ref, s.memberId);
      if (mine && sheetOrigin(mine) === 'paper') throw new AppError('CONFLICT', '您的测评表已由会务工作人员按纸质表录入，不能再从终端提交');
      return { assessmentId: a.id, submitted: true, duplicate: true, counted: null };
    }
    // A member recorded as 离会 is not in the hall: no sheet from their terminal (one they handed in on paper is entered still).
    if (!paper && this.hall.hasLeft(a.sessionId, s.memberId)) throw new AppError('INVALID_STATE', leftRefusal(`提交${sheet}`));
    checkSheet(a, s.marks, paper);
    this.rounds.receipts.put(ref, ASSESSMENT_VOTERS, s.memberId, sheetBody(s.marks, origin));
    // The secretary's entry is recorded (who entered a sheet for whom), never what it marks.
    if (paper) this.store.audit.append(s.who, 'assessment.paperSheet', 'assessments', a.id, { memberId: s.memberId });
    return { assessmentId: a.id, submitted: true, duplicate: false, counted: counts(a, s.marks) };
  }

  /**
   * A paper sheet entered wrongly, entered again while the round is open: its receipt is replaced.
   * Only a sheet the secretary entered (its origin is sealed in the receipt); a member's own sheet
   * from a terminal is never touched. The audit log says who entered it again for whom, as for the
   * first entry, and no reason in words: a reason could say what the sheet marks.
   */
  private correct(a: AssessmentRow, s: SheetSubmission, sheet: string): SheetOutcome {
    const ref = { kind: 'assessment' as const, id: a.id };
    const before = hasSubmitted(this.store, a.id, s.memberId) ? this.rounds.receipts.of(ref, s.memberId) : null;
    if (!before) throw new AppError('INVALID_STATE', `还没有为该组成人员录入纸质${sheet}，请直接录入`);
    if (sheetOrigin(before) !== 'paper') throw new AppError('CONFLICT', `该组成人员的${sheet}是从终端提交的，只有会务工作人员录入的纸质${sheet}可以更正`);
    checkSheet(a, s.marks, true);
    this.rounds.receipts.put(ref, ASSESSMENT_VOTERS, s.memberId, sheetBody(s.marks, 'paper'));
    this.store.audit.append(s.who, 'assessment.paperSheetCorrect', 'assessments', a.id, { memberId: s.memberId });
    return { assessmentId: a.id, submitted: true, duplicate: false, counted: counts(a, s.marks) };
  }
}

/** Whether a sheet enters the count (an incomplete satisfaction sheet may be set aside by the rules). */
const counts = (a: AssessmentRow, marks: (number | null)[]): boolean => a.kind === 'project' || a.countIncomplete || marks.every((m) => m !== null);
