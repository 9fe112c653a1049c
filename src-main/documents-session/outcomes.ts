// What happened on each agenda item, in the words the chair reads and the record keeps: ballots
// with their results (spokenResult from domain/vote.ts: "赞成18票，反对1票，弃权1票，通过。"; no keypad
// words for paper or show of hands) and assessments with theirs. Reads the stores narrowly.
import { assessmentsOfItem, type AssessmentRow } from '../assessment/assessment-store';
import { attendanceAnnouncement, attendanceCounts, expectedLine, quorumMet } from '../domain/attendance';
import { paperSheetsNote, scaleWords, type Scale } from '../domain/satisfaction';
import { AGENDA_KIND_LABELS } from '../domain/agenda';
import { paperSheetsText } from '../domain/paper-ballot';
import { spokenResult } from '../domain/vote';
import { provisionsFirst, provisionVote } from '../domain/provision-vote';
import type { AgendaItem } from '../store/agenda';
import type { Store } from '../store/store';
import { countsOf, openingCounts } from '../meeting/attendance-store';
import { ballotsOfItem, type BallotRow } from '../meeting/ballot-store';
import { listOaths, oathNames, type Oath } from '../meeting/oaths';
import { dispositionHistory, standingDisposition } from '../store/item-dispositions';
import { undoneDispositionLine } from '../domain/item-disposition';
import { clockTime } from '../domain/clock';
import type { Session } from '../store/sessions';

/** Blank to fill in by hand where a figure is not known yet. */
export const BLANK = '____';

/** A vote or appointment item the session ended without a ballot on (暂不付表决, withdrawn…). */
export const NOT_VOTED = '本项未付表决。';

/** "本项暂不付表决（理由：……）。" or "提案人撤回，……" when that decision stands on the item (domain/item-disposition.ts). */
export function dispositionLineOf(store: Store, item: AgendaItem): string | null {
  return standingDisposition(store, item.id)?.line ?? null;
}

/** Each decision recorded on the item and undone, oldest first: "10:05记为暂不付表决（理由：……），10:32撤销（理由：……）。" */
export function undoneDispositionLines(store: Store, item: AgendaItem): string[] {
  return dispositionHistory(store, item.id)
    .filter((d) => d.undoneAt !== null)
    .map((d) => undoneDispositionLine(d, item.kind, { recorded: clockTime(d.recordedAt), undone: clockTime(d.undoneAt) }));
}

/** "对第十二条（物业服务收费）进行单独表决" (domain/provision-vote.ts) for a provision's ballot; '' for the whole item. */
export function provisionWords(b: Pick<BallotRow, 'provision'>): string {
  return b.provision ? provisionVote(b.provision) : '';
}

export interface BallotOutcome {
  ballot: BallotRow;
  /** The persons of an appointment ballot, by name, as the ballot keeps them. */
  persons: string[];
  /** "赞成18票，反对1票，弃权1票，通过。", or blanks while there is no result. */
  result: string;
  method: string;
}

const METHOD = { electronic: '按表决器表决', show_of_hands: '举手表决', paper: '纸质票表决' } as const;

/** The item's ballots in the order voted: single provisions (单独表决) before the whole text. */
export function ballotOutcomes(store: Store, item: AgendaItem): BallotOutcome[] {
  const ballots = ballotsOfItem(store, item.id);
  return provisionsFirst(ballots).map((b) => ({
    ballot: b,
    // the persons as the ballot was cast for them (names as they were then)
    persons: b.persons.map((p) => p.name),
    result: b.result
      ? `${b.result.sheets ? `${paperSheetsText(b.result.sheets)}。` : ''}${spokenResult(b.result, b.result, b.method === 'electronic' && b.rules.showNotPressed)}`
      : blankResult(),
    method: `${b.method === 'electronic' ? (b.secret ? '无记名' : '记名') : ''}${METHOD[b.method]}`,
  }));
}

/** "赞成____票，反对____票，弃权____票，____。" for the chair to fill in. */
export function blankResult(): string {
  return `赞成${BLANK}票，反对${BLANK}票，弃权${BLANK}票，${BLANK}。`;
}

/** An assessment's outcome in one or two sentences; blanks while it is not counted. */
export function assessmentOutcome(a: AssessmentRow): string {
  const r = a.result;
  if (!r) return `测评结果：${BLANK}。`;
  if (r.kind === 'project') {
    const selected = r.rows.filter((x) => x.selected).map((x) => x.name);
    return `收回选票${r.validSheets + r.invalidSheets}张${paperSheetsNote('project', r.paperSheets)}，有效票${r.validSheets}张。${selected.length ? `入选项目${selected.length}个：${selected.join('、')}。` : '没有项目入选。'}`;
  }
  const { rateLabel } = scaleWords(r.scale);
  const graded = r.rows.map((x) => `${x.name}${x.rate ? `${rateLabel}${x.rate}，` : ''}${x.grade}`);
  return `收回测评表${r.sheetsReturned + r.sheetsSetAside}份${paperSheetsNote('satisfaction', r.paperSheets)}，计入统计${r.sheetsReturned}份。测评结果：${graded.join('；')}。`;
}

export function assessmentsOf(store: Store, item: AgendaItem): AssessmentRow[] {
  return assessmentsOfItem(store, item.id);
}

/**
 * What the item's assessment is called: "满意度测评", or "称职测评" on the four levels (scaleWords) —
 * the scale of its last round, else the session's (the script before any round is set up).
 */
export function assessmentTitle(rounds: readonly AssessmentRow[], sessionScale: Scale): string {
  const last = rounds.filter((a) => a.kind === 'satisfaction').at(-1);
  return scaleWords(last?.scale ?? sessionScale).scaleTitle;
}

/** The item's kind as a heading: AGENDA_KIND_LABELS, with an assessment item named by its scale. */
export function itemKindLabel(store: Store, item: AgendaItem, sessionScale: Scale): string {
  return item.kind === 'assessment' ? assessmentTitle(assessmentsOf(store, item), sessionScale) : AGENDA_KIND_LABELS[item.kind];
}

/**
 * "应出席常委会组成人员33人，实到30人，符合法定人数。": the attendance announced when business began (kept
 * then: later arrivals and departures do not change what the chair read out); before it began, the
 * attendance now (the script is prepared live), with blanks before anyone has signed in.
 */
export function attendanceLine(store: Store, session: Session): string {
  const counts = openingCounts(store, session.id) ?? countsOf(store, session.id);
  if (session.status === 'draft' && counts.present === 0) return `${expectedLine(session.expectedMembers, session.expectedReason)}，实到${BLANK}人，${BLANK}法定人数。`;
  const c = attendanceCounts(session.expectedMembers, counts.present, counts.onLeave);
  return attendanceAnnouncement(c, quorumMet(c.present, session.expectedMembers, session.rules.quorum), session.expectedReason);
}

/** The session's oaths after an appointment item (itemId), or those recorded apart from any item (null). */
export function oathsOf(store: Store, sessionId: number, itemId: number | null): Oath[] {
  return listOaths(store, sessionId).filter((o) => o.itemId === itemId);
}

/** "10:05，周明、吴芳进行宪法宣誓（集体宣誓，周明领誓），邱东竹监誓。" */
export function oathSentence(o: Oath): string {
  const form = o.form === 'collective' ? `集体宣誓，${o.ledBy}领誓` : '单独宣誓';
  return `${clockTime(o.takenAt)}，${oathNames(o)}进行宪法宣誓（${form}），${o.administeredBy}监誓。${o.note ? `${o.note.replace(/[。；]+$/, '')}。` : ''}`;
}
