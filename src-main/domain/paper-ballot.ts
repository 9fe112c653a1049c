// Paper 表决票 of an ordinary ballot: the sheets handed out (发出), handed back (收回), and of those the
// invalid ones (无效票: marked for more than one choice, or unreadable). Only a valid sheet carries a
// vote, one of 赞成 / 反对 / 弃权, so the three counts add up to the valid sheets. More sheets back than
// handed out, or more handed out than members present, cannot be counted (the ballot is held again).
import { assertCount } from './counts';

export interface PaperSheets {
  /** 发出表决票 */
  issued: number;
  /** 收回表决票 */
  returned: number;
  /** 无效票 (of those returned) */
  invalid: number;
}

/** 有效票 = 收回 − 无效. */
export function validSheets(s: PaperSheets): number {
  return Math.max(0, s.returned - s.invalid);
}

/** What makes the sheets impossible to count with these votes, in Chinese; [] when they can be counted. */
export function paperSheetProblems(s: PaperSheets, votes: { yes: number; no: number; abstain: number }, present: number): string[] {
  for (const [k, n] of Object.entries(s)) assertCount(k, n);
  const problems: string[] = [];
  if (s.issued > present) problems.push(`发出表决票${s.issued}张，多于实到的${present}人`);
  if (s.returned > s.issued) problems.push(`收回表决票${s.returned}张，多于发出的${s.issued}张，本次表决无效，应重新表决`);
  if (s.invalid > s.returned) problems.push(`无效票${s.invalid}张，多于收回的${s.returned}张`);
  const cast = votes.yes + votes.no + votes.abstain;
  if (problems.length === 0 && cast !== validSheets(s)) problems.push(`赞成、反对、弃权合计${cast}票，应等于有效票${validSheets(s)}张`);
  return problems;
}

/** "发出表决票33张，收回32张，其中有效票31张，无效票1张" (no 无效票 part when there is none). */
export function paperSheetsText(s: PaperSheets): string {
  const valid = `有效票${validSheets(s)}张`;
  return `发出表决票${s.issued}张，收回${s.returned}张，其中${valid}${s.invalid > 0 ? `，无效票${s.invalid}张` : ''}`;
}
