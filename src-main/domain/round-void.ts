// 作废本轮 in the record. A round whose receipts could not be opened on the meeting machine is voided
// (its votes or sheets discarded unread) and held again; the minutes and the round's result sheet
// each say so in one sentence, the same words on both: when it was voided, the reason given, how many
// were discarded, and whether it has been held again since.

/** One voided attempt of a round, as rounds/round-voids.ts keeps it. */
export interface VoidedAttempt {
  /** When the voided attempt was opened (ISO), if known. */
  openedAt: string | null;
  voidedAt: string;
  reason: string;
  /** Members whose vote (or sheet) was discarded unread. */
  discarded: number;
}

/** 表决, 满意度测评 or 票决: what was discarded is named after it. */
export type VoidedRoundKind = 'ballot' | 'satisfaction' | 'project';

const ROUND = { ballot: '表决', satisfaction: '测评', project: '票决' } as const;
const DISCARDED = {
  ballot: (n: number) => (n > 0 ? `作废前已表决的${n}人的票未计入` : '作废前没有人表决'),
  satisfaction: (n: number) => (n > 0 ? `作废前已交的${n}份测评表未计入` : '作废前没有人交测评表'),
  project: (n: number) => (n > 0 ? `作废前已投的${n}张选票未计入` : '作废前没有人投票'),
} as const;

/**
 * "本轮表决于10:05作废，原因：会议用计算机故障；作废前已表决的2人的票未计入，随后重新表决。"
 * `time` writes a moment as the documents do (HH:MM); `heldAgain`: the round has been opened since.
 */
export function voidedAttemptSentence(kind: VoidedRoundKind, v: VoidedAttempt, time: (iso: string) => string, heldAgain: boolean): string {
  const reason = v.reason.trim().replace(/[。；;.]+$/, '');
  return `本轮${ROUND[kind]}于${time(v.voidedAt)}作废，原因：${reason}；${DISCARDED[kind](v.discarded)}${heldAgain ? `，随后重新${ROUND[kind]}` : ''}。`;
}

/**
 * Every voided attempt of one round, oldest first. Each but the last was held again (the next attempt
 * opened it); the last was if the round has left draft since (`openedSince`).
 */
export function voidedAttemptSentences(kind: VoidedRoundKind, voids: VoidedAttempt[], time: (iso: string) => string, openedSince: boolean): string[] {
  return voids.map((v, i) => voidedAttemptSentence(kind, v, time, openedSince || i < voids.length - 1));
}
