// Chinese words shown by the three faces for the live session's values.
import type { AttendanceStatus, BallotMethod, BallotStateName } from '../../../src-main/meeting/types';
import { AGENDA_KIND_LABELS } from '../../../src-main/domain/agenda';
import { chineseDate } from '../../../src-main/domain/numerals';
import { CHOICE_LABELS, type Choice } from '../../../src-main/domain/vote';

export type { Choice };

/** The words of the domain, shared with the documents: 赞成 / 反对 / 弃权. */
export const CHOICE_TEXT = CHOICE_LABELS;

/** 听取审议报告, 表决, 人事任免…: AGENDA_KIND_LABELS of the domain. */
export const KIND_TEXT = AGENDA_KIND_LABELS;

export const ATTENDANCE_TEXT: Record<AttendanceStatus, string> = {
  absent: '未到',
  present: '已签到',
  leave: '请假',
  left: '离会',
};

export const BALLOT_STATE_TEXT: Record<BallotStateName, string> = {
  draft: '未开始',
  open: '表决中',
  closed: '已结束',
  announced: '已宣布',
};

export const METHOD_TEXT: Record<BallotMethod, string> = {
  electronic: '电子表决',
  show_of_hands: '举手表决',
  paper: '纸质票表决',
};

export const PRESS_RULE_TEXT = { first: '以第一次按键为准', last: '以最后一次按键为准' } as const;

/** "2026-09-22" → "2026年9月22日" (domain/numerals chineseDate, as the documents write it); anything else as it is. */
export function formatDate(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? chineseDate(iso) : iso;
}

/** "1 分 05 秒" style: "1:05". */
export function formatSeconds(total: number): string {
  const s = Math.max(0, Math.ceil(total));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** "第3项" */
export function itemPosition(position: number): string {
  return `第${position}项`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * What the secretary is asked before closing a round: "已投 27/30，3人未投，确定结束表决？", and for
 * sheets "已提交 27/30，3人未提交测评表，确定结束测评？" (票决: 选票 / 票决).
 */
export function closeRoundQuestion(kind: 'ballot' | 'satisfaction' | 'project', done: number, eligible: number): string {
  const missing = Math.max(0, eligible - done);
  if (kind === 'ballot') return `已投 ${done}/${eligible}，${missing > 0 ? `${missing}人未投` : '全部已投'}，确定结束表决？`;
  const [sheet, round] = kind === 'project' ? ['选票', '票决'] : ['测评表', '测评'];
  return `已提交 ${done}/${eligible}，${missing > 0 ? `${missing}人未提交${sheet}` : `${sheet}已全部提交`}，确定结束${round}？`;
}

/** "09:32": the time of day of `d` on this device's clock. */
export function hhmm(d: Date): string {
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** "09:32": a time of day from an ISO time in Beijing time, as the documents print it (one formatter: domain/clock.ts). */
export { clockTime } from '../../../src-main/domain/clock';
