// The life of an assessment or project ballot in the live session: draft → open → closed →
// announced, sheets from terminals, paper tallies entered by the secretary, and what happens at close
// (counts frozen into the result, year records linked, WAL truncated, backup). Mirrors
// meeting/ballot-control.ts.
import { AppError } from '../shared/result';
import { nextBallotState, type BallotAction } from '../domain/ballot-state';
import { SYSTEM_ACTOR, type Actor } from '../store/audit';
import { getItem, listItems } from '../store/agenda';
import { createBackup } from '../store/backup';
import { getSession, type Session } from '../store/sessions';
import { presentMemberIds } from '../meeting/attendance-store';
import type { MeetingEngine } from '../meeting/engine';
import type { TerminalBinding } from '../meeting/pairing';
import {
  assessmentsOfItem,
  getAssessment,
  insertAssessment,
  listAssessments,
  markAnnounced,
  markOpened,
  openAssessments,
  readCounters,
  storeOutcome,
  type AssessmentRow,
} from './assessment-store';
import { paperProjectOutcome, paperSatisfactionOutcome, type PaperProject, type PaperSatisfaction } from './paper-entry';
import { projectOutcome, satisfactionOutcome } from './results';
import { levelCountOf, SheetRecorder, type SheetOutcome } from './sheet-recorder';
import { defaultReportYear, sheetSourceOf } from './subjects';
import type { AssessmentMethod, SatisfactionRuleName, ScaleName, SheetStatus, ShareThreshold } from './types';
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

export class AssessmentControl {
  readonly recorder: SheetRecorder;

  constructor(private readonly engine: MeetingEngine) {
    this.recorder = new SheetRecorder(engine.store);
    this.recorder.onCommitted = () => engine.changed('round'); // the screens show the sheet count from the state
  }

  private get store() {
    return this.engine.store;
  }

  create(who: Actor, o: AssessmentOptions): AssessmentRow {
    const item = getItem(this.store, o.itemId);
    const s = this.sessionFor(item.sessionId, o.method);
    const src = o.runoff ? this.runoffSource(item.id) : sheetSourceOf(item);
    const sat = s.rules.satisfaction;
    const items = listItems(this.store, s.id);
    const hasOfficials = src.subjects.some((x) => x.officialId !== null);
    let reportItemId = o.reportItemId ?? null;
    if (reportItemId !== null && !items.some((i) => i.id === reportItemId)) throw new AppError('BAD_INPUT', '述职议程项不属于本次会议');
    if (reportItemId === null && hasOfficials) {
      reportItemId = items.filter((i) => i.position < item.position && i.kind === 'report').at(-1)?.id ?? null;
    }
    const id = this.store.change(who, () => {
      const id = insertAssessment(this.store, {
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
        minShare: src.kind === 'project' ? (o.minShare !== undefined ? o.minShare : o.runoff ? (assessmentsOfItem(this.store, item.id).at(-1)?.minShare ?? null) : null) : null,
        allMembers: s.expectedMembers,
        year: src.kind === 'satisfaction' && hasOfficials ? (o.year ?? defaultReportYear(s.date)) : null,
        reportItemId: src.kind === 'satisfaction' ? reportItemId : null,
      });
      this.store.audit.recordRow(who, 'assessment.create', 'assessments', id);
      return id;
    });
    this.engine.changed('round');
    return getAssessment(this.store, id);
  }

  /**
   * Electronic rounds belong to the session that is live now. Paper rounds may also be set up after
   * the session closed (tallies counted later), never in a draft session (its items may still go).
   */
  private sessionFor(sessionId: number, method: AssessmentMethod): Session {
    if (method === 'electronic') {
      const s = this.engine.requireLive();
      if (s.id !== sessionId) throw new AppError('BAD_INPUT', '该议程项不属于正在进行的会议');
      return s;
    }
    const s = getSession(this.store, sessionId);
    if (s.status === 'draft') throw new AppError('INVALID_STATE', `会议“${s.title}”尚未开始，不能录入测评结果`);
    return s;
  }

  /** The candidates tied at the cut-off of the item's last project ballot, for the places left. */
  private runoffSource(itemId: number): ReturnType<typeof sheetSourceOf> {
    const prev = assessmentsOfItem(this.store, itemId).at(-1);
    const r = prev?.result;
    if (!prev || r?.kind !== 'project' || r.tieAtCutoff.length === 0) throw new AppError('INVALID_STATE', '上一轮票决没有得票相同、需要再次票决的项目');
    return {
      kind: 'project',
      title: `${assessmentsOfItem(this.store, itemId)[0]!.title}（得票相同项目再次票决）`,
      subjects: r.tieAtCutoff.map((i) => prev.subjects[i]!),
      chooseMax: r.chooseMax - r.selectedCount,
    };
  }

  private transition(a: AssessmentRow, action: BallotAction): boolean {
    const t = nextBallotState(a.state, action);
    if (!t.ok) throw new AppError('INVALID_STATE', t.message.replace(/表决/g, a.kind === 'project' ? '票决' : '测评'));
    return t.changed;
  }

  open(who: Actor, id: number): AssessmentRow {
    const a = getAssessment(this.store, id);
    if (!this.transition(a, 'open')) return a;
    if (a.method !== 'electronic') throw new AppError('INVALID_STATE', '纸质测评请打印测评表，收回后直接录入统计结果');
    const s = this.engine.requireLive();
    if (a.sessionId !== s.id) throw new AppError('INVALID_STATE', '该测评不属于正在进行的会议');
    if (!this.engine.liveRow(s.id).businessStartedAt) throw new AppError('INVALID_STATE', '请先开始会议议程（确认法定人数）再开始测评');
    const ballot = this.store.db.prepare("SELECT subject FROM ballots WHERE state = 'open' LIMIT 1").get() as { subject: string } | undefined;
    if (ballot) throw new AppError('CONFLICT', `“${ballot.subject}”的表决尚未结束`);
    const other = openAssessments(this.store).find((x) => x.id !== id);
    if (other) throw new AppError('CONFLICT', `“${other.title}”尚未结束`);
    this.store.change(who, () => {
      markOpened(this.store, a, presentMemberIds(this.store, s.id), levelCountOf(a));
      this.store.db.prepare('UPDATE session_live SET current_item_id = ? WHERE session_id = ?').run(a.itemId, s.id);
      this.store.audit.recordRow(who, 'agenda.current', 'session_live', s.id, 'session_id');
      this.store.audit.recordRow(who, 'assessment.open', 'assessments', id);
    });
    this.engine.changed('round');
    return getAssessment(this.store, id);
  }

  /** 结束测评: the counters become the stored result; nothing per sheet remains. */
  close(who: Actor, id: number): AssessmentRow {
    const a = getAssessment(this.store, id);
    if (!this.transition(a, 'close')) return a;
    this.store.change(who, () => {
      const c = readCounters(this.store, a, levelCountOf(a));
      const outcome =
        a.kind === 'project'
          ? projectOutcome(a, c.levels.map((l) => l[0]!), c.counted, c.invalid, a.eligible.length, 'electronic')
          : satisfactionOutcome(a, { levels: c.levels, unmarked: c.unmarked, sheetsReturned: c.counted, sheetsSetAside: c.setAside }, a.eligible.length, 'electronic');
      storeOutcome(this.store, a.id, outcome);
      this.store.audit.recordRow(who, 'assessment.close', 'assessments', a.id);
      linkAssessment(this.store, who, getAssessment(this.store, a.id));
      applyToHandlingReport(this.store, who, getAssessment(this.store, a.id));
    });
    this.afterResult(a);
    return getAssessment(this.store, id);
  }

  /** 纸质测评表 / 纸质票: the secretary enters the tallies counted by hand. */
  enterPaper(who: Actor, id: number, input: PaperSatisfaction | PaperProject): AssessmentRow {
    const a = getAssessment(this.store, id);
    if (a.method !== 'paper') throw new AppError('INVALID_STATE', '电子测评的结果由终端统计，不能手工录入');
    if (a.state === 'closed' || a.state === 'announced') throw new AppError('INVALID_STATE', '该测评已有结果；如需重新测评请发起新一轮');
    const live = this.engine.liveSession();
    const present = live && live.id === a.sessionId ? presentMemberIds(this.store, live.id) : null;
    const limit = present ? present.length : a.allMembers;
    const outcome = a.kind === 'project' ? paperProjectOutcome(a, input as PaperProject, limit) : paperSatisfactionOutcome(a, input as PaperSatisfaction, limit);
    this.store.change(who, () => {
      storeOutcome(this.store, a.id, outcome, present ?? undefined);
      this.store.audit.recordRow(who, 'assessment.paper', 'assessments', a.id);
      linkAssessment(this.store, who, getAssessment(this.store, a.id));
      applyToHandlingReport(this.store, who, getAssessment(this.store, a.id));
    });
    this.afterResult(a);
    return getAssessment(this.store, id);
  }

  private afterResult(a: AssessmentRow): void {
    if (a.method === 'electronic') this.store.db.pragma('wal_checkpoint(TRUNCATE)');
    this.engine.changed('round');
    createBackup(this.store, SYSTEM_ACTOR, `测评结束后自动备份（测评#${a.id}）`).catch((e) => console.error('[backup]', e));
  }

  /** 宣布结果: terminals and the big screen show the ranked result. */
  announce(who: Actor, id: number): AssessmentRow {
    const a = getAssessment(this.store, id);
    if (!this.transition(a, 'announce')) return a;
    this.store.change(who, () => {
      markAnnounced(this.store, id);
      this.store.audit.recordRow(who, 'assessment.announce', 'assessments', id);
    });
    this.engine.changed('round');
    return getAssessment(this.store, id);
  }

  /** A member's sheet; resolves only after it is committed. */
  submit(who: Actor, binding: TerminalBinding, input: { assessmentId: number; marks: (number | null)[] }): Promise<SheetOutcome> {
    if (binding.memberId === null) return Promise.reject(new AppError('FORBIDDEN', '列席人员不参加测评'));
    const a = getAssessment(this.store, input.assessmentId);
    if (a.sessionId !== binding.sessionId) return Promise.reject(new AppError('INVALID_STATE', '该测评不属于本次会议'));
    return this.recorder.submit({ ...input, memberId: binding.memberId, who });
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
