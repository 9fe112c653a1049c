// What becomes of an item that is not voted on as planned, and the words every face and document uses
// for it (one place):
// - 暂不付表决: the chair, on the proposal of the 主任会议, decides that an item due for a vote is not
//   put to the vote at this session — e.g. where major questions about it are still unresolved
//   (地方各级人民代表大会和地方各级人民政府组织法 2022 art. 53; local 常委会议事规则). The item stays on
//   the agenda; no round of it may begin in this session. Undone (before 闭会) if the chair decides so.
// - 撤回: the proposer withdraws the bill or item before it is voted on (a 任免案 by its 提请人, e.g. 区长
//   提请任免 — never called a 提案人; any other item by its 提案人: `withdrawer`), and the 主任会议 agrees; its
//   review ends and it is not voted on. The line says so in the statute's words (立法法 2023 art. 41,
//   followed by the local 常委会议事规则): "对该任免案的审议即行终止" for an appointment, and
//   "对该议案的审议即行终止" for any other item (`withdrawnNoun`). 议案 is true of every bill, a
//   地方性法规案 included; the app does not guess from a title whether an item is one (a county-level
//   committee makes no 法规 at all). A 质询案 withdrawn by its proposers (提出人) before it is
//   answered ends too (监督法 2024 art. 50) — a 质询案 is never voted on, so its line says the 质询 ends
//   and nothing of a vote.
// Either is recorded with the reason stated; an item decided already by a vote cannot take either.
import type { AgendaKind } from './agenda';

export const DISPOSITION_KINDS = ['deferred', 'withdrawn'] as const;
export type DispositionKind = (typeof DISPOSITION_KINDS)[number];

/**
 * The name of each where no item is in view (a refused choice: 处理方式：应为以下之一：暂不付表决、撤回).
 * Said of an item — a console button, a tag in the agenda, a refusal, a line — it is `dispositionLabel`,
 * which names who withdraws that kind of item: never 提案人 for every kind.
 */
export const DISPOSITION_LABELS: Record<DispositionKind, string> = {
  deferred: '暂不付表决',
  withdrawn: '撤回',
};

/**
 * Who withdraws an item of this kind: a 任免案 is submitted by its 提请人 (区长提请任免…), a 质询案 by its
 * 提出人; every other item by its 提案人.
 */
export function withdrawer(item: AgendaKind): '提请人' | '提出人' | '提案人' {
  return item === 'appointment' ? '提请人' : item === 'interpellation' ? '提出人' : '提案人';
}

/** The name as said of this item: 提请人撤回 for a 任免案, 提出人撤回 for a 质询案 (neither has a 提案人). */
export function dispositionLabel(kind: DispositionKind, item: AgendaKind): string {
  return kind === 'withdrawn' ? `${withdrawer(item)}撤回` : DISPOSITION_LABELS[kind];
}

/** Which items can take each: a vote is due on them (deferred), or a proposer stands behind them (withdrawn). */
const ALLOWED: Record<DispositionKind, readonly AgendaKind[]> = {
  deferred: ['vote', 'appointment', 'other'],
  withdrawn: ['vote', 'appointment', 'other', 'interpellation'],
};

export function dispositionAllowed(kind: DispositionKind, item: AgendaKind): boolean {
  return ALLOWED[kind].includes(item);
}

/**
 * The console's menu for an item of this kind: the dispositions it can take, each named as said of it
 * (a 任免案: 暂不付表决, 提请人撤回; a 质询案: 提出人撤回 only; a bill: 暂不付表决, 提案人撤回; a report: none).
 */
export function dispositionChoices(item: AgendaKind): { kind: DispositionKind; label: string }[] {
  return DISPOSITION_KINDS.filter((k) => dispositionAllowed(k, item)).map((kind) => ({ kind, label: dispositionLabel(kind, item) }));
}

const cleanReason = (reason: string) => reason.trim().replace(/[。；;.，,]+$/, '');

/** What a withdrawn item is called in the line: 任免案 or 议案. */
export function withdrawnNoun(item: AgendaKind): '任免案' | '议案' {
  return item === 'appointment' ? '任免案' : '议案';
}

/**
 * The one sentence every face and document shows of an item (`item`: its kind):
 * "本项暂不付表决（理由：……）。" / "提案人撤回，对该议案的审议即行终止（理由：……）。" (for an appointment
 * "提请人撤回，对该任免案的……": `withdrawer`, `withdrawnNoun`), and for a 质询案, which is not voted on,
 * "质询案提出人撤回质询案，该质询案的质询即行终止（理由：……）。"
 */
export function dispositionLine(kind: DispositionKind, reason: string, item: AgendaKind): string {
  const why = `（理由：${cleanReason(reason)}）`;
  if (kind === 'deferred') return `本项暂不付表决${why}。`;
  return item === 'interpellation' ? `质询案提出人撤回质询案，该质询案的质询即行终止${why}。` : `${withdrawer(item)}撤回，对该${withdrawnNoun(item)}的审议即行终止${why}。`;
}

/**
 * A decision recorded and later undone, as the 会议记录 and the console's history say it (`at`: the
 * two times as printed, "10:05" / "10:32"):
 * "10:05记为暂不付表决（理由：……），10:32撤销（理由：……）。"
 */
export function undoneDispositionLine(d: { kind: DispositionKind; reason: string; undoReason: string }, item: AgendaKind, at: { recorded: string; undone: string }): string {
  const undoWhy = cleanReason(d.undoReason);
  return `${at.recorded}记为${dispositionLabel(d.kind, item)}（理由：${cleanReason(d.reason)}），${at.undone}撤销${undoWhy ? `（理由：${undoWhy}）` : ''}。`;
}

/** The refusal when a round of such an item is asked for (`item`: its kind and title): `what` is 开始表决, 录入表决结果, 发起表决… */
export function dispositionRefusal(kind: DispositionKind, item: { kind: AgendaKind; title: string }, what: string): string {
  return kind === 'deferred'
    ? `“${item.title}”已决定本次会议暂不付表决，不能${what}；如主持人决定恢复表决，请先撤销“暂不付表决”`
    : `“${item.title}”已由${withdrawer(item.kind)}撤回，审议终止，不能${what}`;
}

/** Why an item cannot take a disposition now, or null: its kind, or a vote that has already decided it. */
export function dispositionProblem(kind: DispositionKind, item: { kind: AgendaKind; title: string }, decided: boolean): string | null {
  if (!dispositionAllowed(kind, item.kind)) return `“${item.title}”不是需要表决的议案，不能记为${DISPOSITION_LABELS[kind]}`;
  if (decided) return `“${item.title}”已经表决，不能再记为${dispositionLabel(kind, item.kind)}`;
  return null;
}
