// Attendance figures and the quorum (法定人数). 组织法 (2022) art. 51: a standing-committee session
// needs more than half of ALL members (members in office, not those present) — some localities 2/3.
import { assertCount } from './counts';
import { describeThreshold, fractionWord, MORE_THAN_HALF, meetsThreshold, minimumCount, type Threshold } from './fraction';

export interface AttendanceCounts {
  /** 应出席: all members in office for this session (kept explicit on the session). */
  expected: number;
  /** 实到 */
  present: number;
  /** 请假 */
  onLeave: number;
  /** 缺席 = expected - present - onLeave, never negative. */
  absent: number;
}

export function attendanceCounts(expected: number, present: number, onLeave: number): AttendanceCounts {
  assertCount('expected', expected);
  assertCount('present', present);
  assertCount('onLeave', onLeave);
  return { expected, present, onLeave, absent: Math.max(0, expected - present - onLeave) };
}

/** Quorum: present members against ALL members. Default "more than half" (33 → 17 met, 16 not). */
export function quorumMet(present: number, expected: number, rule: Threshold = MORE_THAN_HALF): boolean {
  assertCount('present', present);
  assertCount('expected', expected);
  if (expected === 0) return false; // a committee with no members in office cannot sit
  return meetsThreshold(present, expected, rule);
}

/** The quorum rule in words: "出席的组成人员超过全体组成人员的半数", "…达到全体组成人员的三分之二以上". */
export function quorumRuleText(rule: Threshold): string {
  const of = `全体组成人员的${fractionWord(rule)}`;
  return `出席的组成人员${rule.inclusive ? `达到${of}以上` : `超过${of}`}`;
}

/** The fewest members present that make a quorum (33, more than half → 17; 33, 2/3 以上 → 22). */
export function quorumRequired(expected: number, rule: Threshold = MORE_THAN_HALF): number {
  assertCount('expected', expected);
  return Math.max(1, minimumCount(expected, rule));
}

/**
 * A round (表决, 测评, 票决) may begin only with a quorum, on the attendance at its opening: the
 * shortfall in words, naming the figures, or null when the quorum is met:
 * "实到14人，不足法定人数（应到30人，须过半数即至少16人）". The caller adds what is refused.
 */
export function quorumShortfall(present: number, expected: number, rule: Threshold = MORE_THAN_HALF): string | null {
  if (quorumMet(present, expected, rule)) return null;
  return `实到${present}人，不足法定人数（应到${expected}人，须${describeThreshold(rule)}即至少${quorumRequired(expected, rule)}人）`;
}

/**
 * The chair's opening line:
 * "应出席常委会组成人员33人，实到29人，请假2人，缺席2人，符合法定人数。"
 * 请假 / 缺席 are left out when they are 0; a stated reason for 应到 follows it in brackets.
 */
export function attendanceAnnouncement(c: AttendanceCounts, met: boolean, expectedReason = ''): string {
  let s = `${expectedLine(c.expected, expectedReason)}，实到${c.present}人`;
  if (c.onLeave > 0) s += `，请假${c.onLeave}人`;
  if (c.absent > 0) s += `，缺席${c.absent}人`;
  return `${s}，${quorumWord(met)}。`;
}

/** The quorum's verdict, as every face shows it: "符合法定人数" / "不符合法定人数". */
export function quorumWord(met: boolean): '符合法定人数' | '不符合法定人数' {
  return met ? '符合法定人数' : '不符合法定人数';
}

/**
 * A round's attendance as its result records it: "应出席常委会组成人员33人，表决开始时实到18人，符合法定人数。"
 * — the snapshot taken when the round opened, against the session's quorum rule, so that a vote held
 * after members left (实到 below the quorum) says so on its record.
 */
export function openingAttendanceLine(expected: number, reason: string, presentAtOpening: number, rule: Threshold = MORE_THAN_HALF): string {
  return `${expectedLine(expected, reason)}，表决开始时实到${presentAtOpening}人，${quorumWord(quorumMet(presentAtOpening, expected, rule))}。`;
}

// ---- 应到 and 实到 -------------------------------------------------------------------------------

/** 实到 can never exceed 应到: the problem in Chinese, or null (also what tallies check). */
export function presentOverExpected(present: number, expected: number): string | null {
  assertCount('present', present);
  assertCount('expected', expected);
  return present > expected ? `实到人数${present}人超过应出席人数${expected}人` : null;
}

/** One more sign-in would make 实到 exceed 应到: the refusal, or null. */
export function signInRefusal(presentNow: number, expected: number): string | null {
  if (presentOverExpected(presentNow + 1, expected) === null) return null;
  return `实到人数已达到应出席人数${expected}人，不能再签到。如应出席人数有误（例如名单未更新），请会务工作人员更正本次会议的应出席人数及其说明`;
}

/**
 * A member recorded as 离会 is not in the hall: what their terminal says when it may not take part
 * (`what`: 表决, 提交测评表…) — the server's refusal and the terminal's note alike.
 */
export function leftRefusal(what: string): string {
  return `您已登记离会，不能${what}；回到会场后请重新签到`;
}

/**
 * 应到 defaults to the members in office on the session's date; a different number needs a stated
 * reason (a vacancy, a roster not yet updated…). The refusal in Chinese, or null.
 */
export function expectedReasonProblem(expected: number, inOffice: number, reason: string): string | null {
  assertCount('expected', expected);
  assertCount('inOffice', inOffice);
  if (expected === inOffice || reason.trim()) return null;
  return `应到人数${expected}人与会议日期在任的组成人员${inOffice}人不一致，请填写原因（如：缺额、名单未更新），原因将印在签到表和会议文件上`;
}

/** "应出席常委会组成人员32人（因委员张某某辞职，缺额1人）": 应到 with its stated reason, as printed. */
export function expectedLine(expected: number, reason: string): string {
  return `应出席常委会组成人员${expected}人${reason.trim() ? `（${reason.trim().replace(/^[（(]|[）)]$/g, '')}）` : ''}`;
}
