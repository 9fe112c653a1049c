// Satisfaction assessments (满意度测评) and project ballots (票决) in the live session: what is
// particular to them under the round engine (rounds/round-engine.ts). What goes on the sheet, paper
// tallies entered by the secretary, sheets from terminals, and at close the tally of the sealed
// sheets into the result, the officials' year records and the handling report it decides.
import { AppError } from '../shared/result';
import { rowState, type Actor } from '../store/audit';
import { getItem, listItems, type AgendaItem } from '../store/agenda';
import { assertRoundable } from '../store/item-dispositions';
import { getSession, type Session } from '../store/sessions';
import type { TerminalBinding } from '../meeting/pairing';
import { PAPER_RESULT_ACTION, type RoundEngine, type RoundSpec } from '../rounds/round-engine';
import { KEY_LOST_AT_TERMINAL } from '../rounds/sealed';
import type { LiveContext } from '../rounds/types';
import {
  assessmentsOfItem,
  getAssessment,
  insertAssessment,
  type NewAssessment,
  listAssessments,
  markAnnounced,
  markVoided,
  markOpened,
  openAssessments,
  replaceOutcome,
  storeOutcome,
  type AssessmentRow,
} from './assessment-store';
import { paperProjectOutcome, paperSatisfactionOutcome, type PaperProject, type PaperSatisfaction } from './paper-entry';
import { projectOutcome, satisfactionOutcome } from './results';
import { ASSESSMENT_VOTERS, projectVotes, readSheetBody, satisfactionCounts, sheetOrigin, SheetRecorder, validProjectSheet, type SheetOutcome } from './sheet-recorder';
import { defaultReportYear, sheetSourceOf } from './subjects';
import type { AssessmentMethod, AssessmentOutcome, SatisfactionRuleName, ScaleName, SheetStatus, ShareThreshold } from './types';
import { applyToHandlingReport } from './handling-result';
import { linkAssessment } from './year-records';

export interface AssessmentOptions {
  itemId: number;
  method: AssessmentMethod;
  /** Default: the session's rules (satisfaction.scale / rule / countIncompleteSheets / unmarkedSubjects). */
  scale?: ScaleName;
  rule?: SatisfactionRuleName;
  countIncompleteSheets?: boolean;
  unmarkedSubjects?: 'against' | 'excluded';
  /** Project ballots: a minimum share of the valid sheets a project needs. */
  minShare?: ShareThreshold | null;
  /** 述职 year the results go to (officials' year records); default from the session date. */
  year?: number | null;
  /** The 述职 item heard before the assessment; default the nearest report item before it. */
  reportItemId?: number | null;
  /** Project ballots: a new ballot among the projects tied at the cut-off of the last round, for the places left. */
  runoff?: boolean;
}

const paperOutcome = (a: AssessmentRow, input: PaperSatisfaction | PaperProject, limit: number): AssessmentOutcome =>
  a.kind === 'project' ? paperProjectOutcome(a, input as PaperProject, limit) : paperSatisfactionOutcome(a, input as PaperSatisfaction, limit);

export class AssessmentControl {
  readonly recorder: SheetRecorder;
  readonly spec: RoundSpec<AssessmentRow>;

  constructor(
    private readonly live: LiveContext,
    private readonly rounds: RoundEngine,
  ) {
    const store = live.store;
    this.recorder = new SheetRecorder(store, rounds, live);
    this.spec = {
      kind: 'assessment',
      noun: (a) => (a.kind === 'project' ? '票决' : '测评'),
      title: (a) => a.title,
      get: (id) => getAssessment(store, id),
      openRounds: () => openAssessments(store),
      sealed: (a) => a.method === 'electronic',
      voters: () => ASSESSMENT_VOTERS,
      notElectronic: () => '纸质测评请打印测评表，收回后直接录入统计结果',
      closesAt: () => null,
      markOpened: (a, eligible) => markOpened(store, a.id, eligible),
      storeTally: (who, a, receipts) => {
        const bodies = [...(receipts ?? new Map<number, Buffer>()).values()];
        const sheets = bodies.map((b) => readSheetBody(b, a.subjects.length));
        // Terminal and paper sheets count alike; the result says how many came on paper.
        const paperSheets = bodies.filter((b) => sheetOrigin(b) === 'paper').length;
        const valid = a.kind === 'project' ? sheets.filter((sheet) => validProjectSheet(a, sheet)) : sheets;
        const outcome =
          a.kind === 'project'
            ? projectOutcome(a, projectVotes(a, valid), valid.length, sheets.length - valid.length, a.eligible.length, 'electronic')
            : satisfactionOutcome(a, satisfactionCounts(a, sheets), a.eligible.length, 'electronic');
        this.storeResult(who, a, { ...outcome, paperSheets });
      },
      markAnnounced: (id) => markAnnounced(store, id),
      markVoided: (id) => markVoided(store, id),
    };
    rounds.register(this.spec);
  }

  private get store() {
    return this.live.store;
  }

  create(who: Actor, o: AssessmentOptions): AssessmentRow {
    const item = getItem(this.store, o.itemId);
    const s = this.sessionFor(item.sessionId, o.method);
    const planned = this.planned(o, item, s);
    const pending = this.unfinished(planned);
    if (pending) return pending;
    const id = this.store.change(who, () => {
      const id = insertAssessment(this.store, planned);
      this.store.audit.recordRow(who, 'assessment.create', 'assessments', id);
      return id;
    });
    this.live.changed({ roundKind: 'assessment', roundId: id, itemId: item.id }, 'round');
    return getAssessment(this.store, id);
  }

  /** The new round as it would be stored: the sheet's source, the options or the session's rules. */
  private planned(o: AssessmentOptions, item: AgendaItem, s: Session): NewAssessment {
    const sat = s.rules.satisfaction;
    const src = o.runoff ? this.runoffSource(item.id) : sheetSourceOf(item, o.scale ?? sat.scale);
    const items = listItems(this.store, s.id);
    const hasOfficials = src.subjects.some((x) => x.officialId !== null);
    let reportItemId = o.reportItemId ?? null;
    if (reportItemId !== null && !items.some((i) => i.id === reportItemId)) throw new AppError('BAD_INPUT', '述职议程项不属于本次会议');
    if (reportItemId === null && hasOfficials) {
      reportItemId = items.filter((i) => i.position < item.position && i.kind === 'report').at(-1)?.id ?? null;
    }
    return {
      sessionId: s.id,
      itemId: item.id,
      kind: src.kind,
      title: src.title,
      subjects: src.subjects,
      method: o.method,
      scale: src.kind === 'satisfaction' ? (o.scale ?? sat.scale) : null,
      rule: src.kind === 'satisfaction' ? (o.rule ?? sat.rule) : null,
      countIncomplete: src.kind === 'satisfaction' ? (o.countIncompleteSheets ?? sat.countIncompleteSheets) : true,
      unmarkedSubjects: o.unmarkedSubjects ?? sat.unmarkedSubjects,
      chooseMax: src.chooseMax,
      minShare: src.kind === 'project' ? (o.minShare !== undefined ? o.minShare : o.runoff ? (this.lastFinished(item.id)?.minShare ?? null) : null) : null,
      allMembers: s.expectedMembers,
      year: src.kind === 'satisfaction' && hasOfficials ? (o.year ?? defaultReportYear(s.date)) : null,
      reportItemId: src.kind === 'satisfaction' ? reportItemId : null,
    };
  }

  /**
   * The item's round that has not ended, if any: one created with the same settings is what a repeat
   * of the request (a double click, a second console window, a retried call) answers with, and nothing
   * is written again; any other is refused, since a second round beside it would hide it.
   */
  private unfinished(planned: NewAssessment): AssessmentRow | null {
    const last = assessmentsOfItem(this.store, planned.itemId).at(-1);
    if (!last || last.state === 'closed' || last.state === 'announced') return null;
    const settings = (a: NewAssessment | AssessmentRow) =>
      JSON.stringify([a.kind, a.title, a.subjects, a.method, a.scale, a.rule, a.countIncomplete, a.unmarkedSubjects, a.chooseMax, a.minShare, a.year, a.reportItemId]);
    if (last.state === 'draft' && settings(last) === settings(planned)) return last;
    const noun = last.kind === 'project' ? '票决' : '测评';
    const where = last.state === 'draft' ? '已经发起、尚未开始' : '正在进行';
    throw new AppError('CONFLICT', `“${last.title}”的第${last.round}轮${noun}${where}，不能再发起一轮；请先${last.state === 'draft' ? '进行' : '结束'}这一轮`);
  }

  /** The item's newest round that has ended (what a runoff follows). */
  private lastFinished(itemId: number): AssessmentRow | undefined {
    return assessmentsOfItem(this.store, itemId).filter((a) => a.state === 'closed' || a.state === 'announced').at(-1);
  }

  /**
   * Electronic rounds belong to the session that is live now. Paper rounds may also be set up after
   * the session closed (tallies counted later), never in a draft session (its items may still go).
   */
  private sessionFor(sessionId: number, method: AssessmentMethod): Session {
    if (method === 'electronic') {
      const s = this.live.requireLive();
      if (s.id !== sessionId) throw new AppError('BAD_INPUT', '该议程项不属于正在进行的会议');
      return s;
    }
    const s = getSession(this.store, sessionId);
    if (s.status === 'draft') throw new AppError('INVALID_STATE', `会议“${s.title}”尚未开始，不能录入测评结果`);
    return s;
  }

  /** The candidates tied at the cut-off of the item's last project ballot, for the places left. */
  private runoffSource(itemId: number): ReturnType<typeof sheetSourceOf> {
    const prev = this.lastFinished(itemId);
    const r = prev?.result;
    if (!prev || r?.kind !== 'project' || r.tieAtCutoff.length === 0) throw new AppError('INVALID_STATE', '上一轮票决没有得票相同、需要再次票决的项目');
    return {
      kind: 'project',
      title: `${assessmentsOfItem(this.store, itemId)[0]!.title}（得票相同项目再次票决）`,
      subjects: r.tieAtCutoff.map((i) => prev.subjects[i]!),
      chooseMax: r.chooseMax - r.selectedCount,
    };
  }

  open(who: Actor, id: number): AssessmentRow {
    return this.rounds.open(who, this.spec, id);
  }

  /** 结束测评: the sealed sheets are tallied into the stored result; nothing per sheet remains. */
  close(who: Actor, id: number): AssessmentRow {
    return this.rounds.close(who, this.spec, id);
  }

  /** 宣布结果: terminals and the big screen show the ranked result. */
  announce(who: Actor, id: number): AssessmentRow {
    return this.rounds.announce(who, this.spec, id);
  }

  /** 作废本轮: an open round whose sheets cannot be opened here (RoundEngine.voidRound). */
  voidRound(who: Actor, id: number, reason: string): AssessmentRow {
    return this.rounds.voidRound(who, this.spec, id, reason);
  }

  /** 纸质测评表 / 纸质票: the secretary enters the tallies counted by hand. */
  enterPaper(who: Actor, id: number, input: PaperSatisfaction | PaperProject): AssessmentRow {
    const a = getAssessment(this.store, id);
    if (a.method !== 'paper') throw new AppError('INVALID_STATE', '电子测评的结果由终端统计，不能手工录入');
    if (a.state === 'closed' || a.state === 'announced') throw new AppError('INVALID_STATE', '该测评已有结果；如需重新测评请发起新一轮');
    assertRoundable(this.store, a.itemId, `录入${this.spec.noun(a)}结果`);
    const live = this.live.liveSession();
    const present = live && live.id === a.sessionId ? this.live.presentMemberIds(live.id) : null;
    // In the live session the attendance now is the round's; a tally entered after 闭会 has none to check.
    if (live && present) this.rounds.assertQuorum(live, present.length, `录入${this.spec.noun(a)}结果`);
    const limit = present ? present.length : a.allMembers;
    const outcome = paperOutcome(a, input, limit);
    this.rounds.finish(who, this.spec, a, () => this.storeResult(who, a, outcome, present ?? undefined), PAPER_RESULT_ACTION);
    return getAssessment(this.store, id);
  }

  /**
   * 更正: a paper tally entered wrongly is corrected before the result is announced. The reason and
   * the result it replaces go into the audit log with the corrected row.
   */
  correctPaper(who: Actor, id: number, input: PaperSatisfaction | PaperProject, reason: string): AssessmentRow {
    const a = getAssessment(this.store, id);
    const noun = this.spec.noun(a);
    if (a.method !== 'paper') throw new AppError('INVALID_STATE', `电子${noun}的结果由终端统计，不能更正`);
    if (a.state === 'announced') throw new AppError('INVALID_STATE', `${noun}结果已经宣布，不能再更正；如需重新${noun}请发起新一轮`);
    if (a.state !== 'closed' || !a.result) throw new AppError('INVALID_STATE', `该${noun}还没有录入结果，请先录入结果`);
    if (!reason.trim()) throw new AppError('BAD_INPUT', '请填写更正的原因');
    const outcome = paperOutcome(a, input, a.eligible.length || a.allMembers);
    this.store.change(who, () => {
      replaceOutcome(this.store, id, outcome);
      linkAssessment(this.store, who, getAssessment(this.store, id));
      applyToHandlingReport(this.store, who, getAssessment(this.store, id));
      const row = this.store.db.prepare('SELECT * FROM assessments WHERE id = ?').get(id) as Record<string, unknown>;
      this.store.audit.append(who, 'assessment.correct', 'assessments', id, { row: rowState(row), reason: reason.trim(), was: a.result });
    });
    this.live.changed({ roundKind: 'assessment', roundId: id, itemId: a.itemId }, 'round');
    return getAssessment(this.store, id);
  }

  /** Inside the close transaction: the result, the officials' year records, the handling report. */
  private storeResult(who: Actor, a: AssessmentRow, outcome: AssessmentOutcome, eligible?: number[]): void {
    storeOutcome(this.store, a.id, outcome, eligible);
    linkAssessment(this.store, who, getAssessment(this.store, a.id));
    applyToHandlingReport(this.store, who, getAssessment(this.store, a.id));
  }

  /**
   * A paper sheet handed in by a member without a working terminal, entered by the secretary during
   * an electronic round (`correction`: entered again, in place of a wrong entry); resolves only after it is committed. That member's terminal is told at once
   * that their sheet is in (the 'round' part reaches every seat; no mark of the sheet is in it).
   */
  async enterPaperSheet(who: Actor, input: { assessmentId: number; memberId: number; marks: (number | null)[]; correction?: true }): Promise<SheetOutcome> {
    const a = getAssessment(this.store, input.assessmentId);
    const s = this.live.requireLive();
    if (a.sessionId !== s.id) throw new AppError('INVALID_STATE', '该测评不属于正在进行的会议');
    const outcome = await this.recorder.submit({ ...input, who }, 'paper');
    this.live.changed({ roundKind: 'assessment', roundId: a.id, itemId: a.itemId, memberId: input.memberId }, 'round');
    return outcome;
  }

  /** A member's sheet; resolves only after it is committed. */
  submit(who: Actor, binding: TerminalBinding, input: { assessmentId: number; marks: (number | null)[] }): Promise<SheetOutcome> {
    if (binding.memberId === null) return Promise.reject(new AppError('FORBIDDEN', '列席人员不参加测评'));
    const a = getAssessment(this.store, input.assessmentId);
    if (a.sessionId !== binding.sessionId) return Promise.reject(new AppError('INVALID_STATE', '该测评不属于本次会议'));
    if (this.rounds.sealed.isLost({ kind: 'assessment', id: a.id })) return Promise.reject(new AppError('INVALID_STATE', KEY_LOST_AT_TERMINAL));
    return this.recorder.submit({ ...input, memberId: binding.memberId, terminalId: binding.terminalId, who });
  }

  /** Sheets in so far (from memory while open); paper rounds: the sheets of the entered result. */
  submitted(a: AssessmentRow): number {
    if (a.method === 'electronic') return a.state === 'draft' ? 0 : this.submittedMemberIds(a).size;
    const r = a.result;
    return r ? (r.kind === 'project' ? r.validSheets + r.invalidSheets : r.sheetsReturned + r.sheetsSetAside) : 0;
  }

  submittedMemberIds(a: Pick<AssessmentRow, 'id'>): Set<number> {
    return this.rounds.recorder.voterIds({ kind: 'assessment', id: a.id });
  }

  /** The assessment in focus: an open one, else the newest one of the current item. */
  focus(sessionId: number, currentItemId: number | null): AssessmentRow | null {
    const open = openAssessments(this.store).find((a) => a.sessionId === sessionId);
    if (open) return open;
    if (currentItemId === null) return null;
    return assessmentsOfItem(this.store, currentItemId).at(-1) ?? null;
  }

  list(sessionId: number): AssessmentRow[] {
    return listAssessments(this.store, sessionId);
  }

  /**
   * The sheet part of a member's terminal view. One small query per terminal and state push (it runs
   * for every connected terminal): the focus rule of `focus` in SQL, without parsing the subjects.
   */
  sheetStatus(binding: TerminalBinding): SheetStatus {
    if (binding.memberId === null) return { sheetSubmitted: false, canSubmitSheet: false };
    const r = this.store.db
      .prepare(
        `SELECT a.state, a.method,
           EXISTS (SELECT 1 FROM json_each(a.eligible) WHERE value = @member) AS eligible,
           EXISTS (SELECT 1 FROM assessment_voters v WHERE v.assessment_id = a.id AND v.member_id = @member) AS submitted
         FROM assessments a
         WHERE a.session_id = @session
           AND (a.state = 'open' OR a.item_id = (SELECT current_item_id FROM session_live WHERE session_id = @session))
         ORDER BY a.state = 'open' DESC, a.id DESC LIMIT 1`,
      )
      .get({ member: binding.memberId, session: binding.sessionId }) as { state: string; method: string; eligible: number; submitted: number } | undefined;
    if (!r || r.state === 'draft') return { sheetSubmitted: false, canSubmitSheet: false };
    return { sheetSubmitted: r.submitted === 1, canSubmitSheet: r.submitted === 0 && r.state === 'open' && r.method === 'electronic' && r.eligible === 1 };
  }
}
