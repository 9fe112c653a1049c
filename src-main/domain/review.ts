// Pure rules of review opinions and resolutions (no IO): statuses, deadlines, 发文字号, heading
// numbering (一、（一）1.), the standard sentences built from the session, and how a handling
// report's result moves an opinion. Checked against shared/domain.md "Review opinions" and
// "Formal documents (GB/T 9704-2012)".
import { chineseNumeral } from './numerals';
import { CONSEQUENCE_REPORT_AGAIN } from './satisfaction';
import { SATISFACTION_SCALES } from './settings';

export const OPINION_STATUSES = ['draft', 'sent', 'handling', 'reported', 'assessed', 'report_again'] as const;
export type OpinionStatus = (typeof OPINION_STATUSES)[number];

export const OPINION_STATUS_LABELS: Record<OpinionStatus, string> = {
  draft: '草拟',
  sent: '已交办',
  handling: '办理中',
  reported: '已报告',
  assessed: '已测评',
  report_again: '需再次报告',
};

/** Statuses in which the reporting body still owes a (new) written handling report. */
export const AWAITING_REPORT: readonly OpinionStatus[] = ['sent', 'handling', 'report_again'];

// ---- dates ----------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(iso: string): [number, number, number] {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Calendar months later; the day is kept, or the month's last day when it has fewer (11-30 + 3 → 02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  const [y1, m1, d1] = parts(a);
  const [y2, m2, d2] = parts(b);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Today on this machine's calendar, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A report is overdue when the body still owes it and the deadline has passed. */
export function isOverdue(status: OpinionStatus, deadline: string | null, today: string): boolean {
  return AWAITING_REPORT.includes(status) && deadline !== null && deadline < today;
}

// ---- 发文字号 ----------------------------------------------------------------------------------

/** "示人常审〔2026〕12号": 〔〕 brackets, no zero padding, no 第. */
export function formatDocNumber(prefix: string, year: number, seq: number | null): string {
  return `${prefix}〔${year}〕${seq === null ? '　' : seq}号`;
}

/** The default 机关代字 of review opinions: the region's first character + 人常审 ("示例区" → "示人常审"). */
export function defaultDocPrefix(region: string): string {
  return `${Array.from(region.trim())[0] ?? ''}人常审`;
}

/** 区 / 县 / 市 / 旗: how the body text names the level ("区人大常委会"). */
export function regionLevel(region: string): string {
  return Array.from(region.trim()).at(-1) ?? '';
}

// ---- text built from the session ------------------------------------------------------------

/** "听取和审议区人民政府关于……的报告" → "区人民政府关于……的报告". */
export function reportTitleOf(itemTitle: string): string {
  return itemTitle.trim().replace(/^(听取和审议|听取并审议|听取|审议)/, '').trim() || itemTitle.trim();
}

/** The body that reported: "区人民政府关于……的报告" → "区人民政府". */
export function reportingBodyOf(reportTitle: string): string {
  const m = /^(.+?)关于/.exec(reportTitle);
  return m ? m[1]! : '';
}

/** "关于区人民政府医疗保障基金使用情况报告的审议意见" (or "关于《…》的审议意见" for other titles). */
export function opinionTitleOf(reportTitle: string): string {
  const m = /^(.+?)关于(.+)的报告$/.exec(reportTitle);
  if (m && !/[《》]/.test(reportTitle)) return `关于${m[1]}${m[2]}报告的审议意见`;
  return `关于《${reportTitle}》的审议意见`;
}

/**
 * "区第二届人大常委会第十六次会议听取和审议了区人民政府关于……的报告。……". `level`: the committee's
 * level (区/县/市/旗, domain/level.ts, from its setting); a region's name is read by its last character.
 */
export function openingOf(level: string, term: number, sessionNumber: number, reportTitle: string): string {
  return `${regionLevel(level)}第${chineseNumeral(term)}届人大常委会第${chineseNumeral(sessionNumber)}次会议听取和审议了${reportTitle}。现将常委会组成人员的审议意见整理如下：`;
}

/** "请于3个月内将研究处理情况书面报告区人大常委会。" (`level` as in openingOf). */
export function handlingRequestOf(level: string, months: number): string {
  return `请于${months}个月内将研究处理情况书面报告${regionLevel(level)}人大常委会。`;
}

// ---- headings -------------------------------------------------------------------------------

export type OpinionBlockKind = 'h1' | 'h2' | 'h3' | 'p';
export interface OpinionBlock {
  kind: OpinionBlockKind;
  text: string;
}

const CN_NUM = '[一二三四五六七八九十百零]+';
const NUMBERING = new RegExp(`^\\s*(?:${CN_NUM}[、.．]|[（(]\\s*${CN_NUM}\\s*[）)]|\\d+\\s*[.．、](?!\\d)|[（(]\\s*\\d+\\s*[）)])\\s*`);

/** Drops a leading "一、", "（一）", "1." or "（1）" that a person typed: the numbering is automatic. */
export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, '').trim();
}

/** The level a typed line's numbering announces: "一、" → h1, "（一）" → h2, "1." → h3, else a paragraph. */
export function levelOfLine(line: string): OpinionBlockKind {
  const t = line.trim();
  if (new RegExp(`^${CN_NUM}、`).test(t)) return 'h1';
  if (new RegExp(`^[（(]\\s*${CN_NUM}\\s*[）)]`).test(t)) return 'h2';
  if (/^\d+\s*[.．](?!\d)/.test(t)) return 'h3';
  return 'p';
}

/** Numbers headings in order: 一、 resets （一） and 1.; （一） resets 1. */
export function numberedBlocks(blocks: readonly OpinionBlock[]): { kind: OpinionBlockKind; text: string }[] {
  const n = [0, 0, 0];
  return blocks.map((b) => {
    if (b.kind === 'p') return { kind: b.kind, text: b.text };
    const level = b.kind === 'h1' ? 0 : b.kind === 'h2' ? 1 : 2;
    n[level]!++;
    for (let i = level + 1; i < n.length; i++) n[i] = 0;
    const k = n[level]!;
    const label = level === 0 ? `${chineseNumeral(k)}、` : level === 1 ? `（${chineseNumeral(k)}）` : `${k}.`;
    return { kind: b.kind, text: `${label}${stripNumbering(b.text)}` };
  });
}

/** Plain text with one paragraph per line (resolutions): levels read from each line's own numbering. */
export function linesToBlocks(text: string): OpinionBlock[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => ({ kind: levelOfLine(l), text: l }));
}

// ---- the supervision loop -------------------------------------------------------------------

export type HandlingOutcome = 'accepted' | 'report_again';

/** The worst level of every known scale (不满意, 不称职): the body must report again. */
const WORST_LEVELS = new Set<string>(Object.values(SATISFACTION_SCALES).map((levels) => levels[levels.length - 1]!));

/**
 * What a handling report's assessment means for its opinion: the worst grade of the scale, or the
 * assessment's consequence "限期整改并再次报告" (不满意 over half the sheets), sends the body back to
 * report again; any other grade closes the round. An ungraded result (nobody marked) decides nothing.
 */
export function outcomeOfGrade(grade: string, consequence?: string | null): HandlingOutcome | null {
  if (consequence === CONSEQUENCE_REPORT_AGAIN || WORST_LEVELS.has(grade)) return 'report_again';
  const known = Object.values(SATISFACTION_SCALES).some((levels) => (levels as readonly string[]).includes(grade));
  return known ? 'accepted' : null;
}

export interface HandlingFacts {
  round: number;
  heard: boolean;
  outcome: HandlingOutcome | null;
}

/** The status that follows from the facts: sent or not, marked 办理中, and the latest handling report. */
export function statusOf(facts: { sent: boolean; handlingMarked: boolean; handlings: readonly HandlingFacts[] }): OpinionStatus {
  if (!facts.sent) return 'draft';
  const latest = [...facts.handlings].sort((a, b) => b.round - a.round)[0];
  if (!latest) return facts.handlingMarked ? 'handling' : 'sent';
  if (latest.outcome === 'accepted') return 'assessed';
  if (latest.outcome === 'report_again') return 'report_again';
  return latest.heard ? 'reported' : 'handling';
}

/** Register order: overdue first (longest overdue first), then owed reports by deadline, then drafts, then the rest. */
export function registerRank(row: { status: OpinionStatus; deadline: string | null; overdue: boolean }): [number, string] {
  if (row.overdue) return [0, row.deadline ?? ''];
  if (AWAITING_REPORT.includes(row.status)) return [1, row.deadline ?? '9999'];
  if (row.status === 'reported') return [2, row.deadline ?? '9999'];
  if (row.status === 'draft') return [3, ''];
  return [4, ''];
}

// ---- resolutions ----------------------------------------------------------------------------

/** "审议关于开展……的决议（草案）" → "示例区人民代表大会常务委员会关于开展……的决议". */
export function resolutionTitleOf(committee: string, itemTitle: string): string {
  let t = itemTitle.trim().replace(/^(审议并?表决|表决|审议)/, '');
  t = t.replace(/[（(]\s*(草案|修正案草案|修订草案)\s*[）)]\s*$/, '').trim();
  if (t.startsWith('关于')) t = `${committee}${t}`;
  return t || itemTitle.trim();
}

/** 决定 when the title names one, else 决议. */
export function resolutionKindOf(title: string): 'resolution' | 'decision' {
  return /决定$/.test(title.trim()) ? 'decision' : 'resolution';
}

/** "（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）" */
export function adoptionLine(dateText: string, sessionTitle: string): string {
  return `（${dateText}${sessionTitle}通过）`;
}

// ---- 专题询问 and 质询案 in the same loop ---------------------------------------------------------

/** "对全区养老服务体系建设情况开展专题询问" → "全区养老服务体系建设情况". */
export function inquirySubjectOf(itemTitle: string): string {
  const t = itemTitle.trim().replace(/^(就|对|关于)/, '').replace(/(开展|进行)?(的)?专题询问$/, '').trim();
  return t || itemTitle.trim();
}

/** "关于全区养老服务体系建设情况专题询问的审议意见" */
export function inquiryTitleOf(subject: string): string {
  return `关于${subject}专题询问的审议意见`;
}

/** "区第二届人大常委会第十六次会议就……开展了专题询问。……" (`level` as in openingOf). */
export function inquiryOpeningOf(level: string, term: number, sessionNumber: number, subject: string): string {
  return `${regionLevel(level)}第${chineseNumeral(term)}届人大常委会第${chineseNumeral(sessionNumber)}次会议就${subject}开展了专题询问。现将常委会组成人员在专题询问中提出的意见整理如下：`;
}

/** "关于……的质询案" (a title that already says 质询案 is kept). */
export function interpellationTitleOf(itemTitle: string): string {
  const t = itemTitle.trim().replace(/^(审议|提出)/, '');
  return /质询案$/.test(t) ? t : `关于${t.replace(/^关于/, '').replace(/的?质询$/, '')}的质询案`;
}

/** "常委会组成人员张三、李四、王五等3人联名提出质询案，经主任会议决定，交由区人民政府答复。" */
export function interpellationOpeningOf(filers: readonly string[], addressee: string): string {
  return `常委会组成人员${filers.join('、')}等${filers.length}人联名提出质询案，经主任会议决定，交由${addressee}答复。`;
}
