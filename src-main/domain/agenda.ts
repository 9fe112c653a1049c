// Agenda items and what each kind carries.
import { z } from 'zod';
import { scaleWords, type Scale } from './satisfaction';
import { lineText, linesText } from './text';

export const AGENDA_KINDS = ['report', 'handling_report', 'vote', 'appointment', 'assessment', 'project_ballot', 'other', 'inquiry', 'interpellation'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  report: '听取审议报告',
  handling_report: '审议意见办理情况报告',
  vote: '表决',
  appointment: '人事任免',
  assessment: '满意度测评',
  project_ballot: '票决',
  other: '其他',
  inquiry: '专题询问',
  interpellation: '质询案',
};

/**
 * An item's kind in words (AGENDA_KIND_LABELS), an assessment named by the scale it is held on:
 * 满意度测评, or 称职测评 on the four levels (scaleWords) — never "满意度" for a scale without 满意.
 */
export function agendaKindLabel(kind: AgendaKind, scale: Scale): string {
  return kind === 'assessment' ? scaleWords(scale).scaleTitle : AGENDA_KIND_LABELS[kind];
}

const name = lineText(50, '姓名不能为空');

/** A person's id within its appointment item: "p1", "p2", … never reused (see assignPersonIds). */
export const PERSON_ID = /^p[1-9]\d{0,5}$/;

/**
 * What an appointment does to a person, in the order the 任免名单 lists them: 决定任命 / 任命 /
 * 决定免去 / 免去 / 接受辞职. Data written before these existed holds only 'appoint' and 'remove'.
 */
export const APPOINTMENT_ACTIONS = ['decide_appoint', 'appoint', 'decide_remove', 'remove', 'accept_resignation'] as const;
export type AppointmentAction = (typeof APPOINTMENT_ACTIONS)[number];

/** How an item's persons are planned to be voted: each alone, all on one ballot, or in groups set per person. */
export const APPOINTMENT_MODES = ['each', 'all', 'mixed'] as const;
export type AppointmentMode = (typeof APPOINTMENT_MODES)[number];

/** The threshold an item or a ballot is adopted by (base: the session's, default 全体组成人员). */
export const THRESHOLD_NAMES = ['more_than_half', 'two_thirds'] as const;
export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

export const appointmentPersonSchema = z.object({
  /** Stable id within the item; a person sent without one is new and gets the next free id. */
  id: z.string().regex(PERSON_ID, '任免人员编号无效').optional(),
  name,
  action: z.enum(APPOINTMENT_ACTIONS),
  post: lineText(100).default(''), // "区教育局局长"
  /** 'mixed' mode: persons with the same group number are voted on one ballot; none: alone. */
  group: z.number().int().min(1).max(99).nullable().optional(),
});

export const assessmentSubjectSchema = z.object({
  name: lineText(100, '测评对象不能为空'),
  unit: lineText(100).default(''),
  post: lineText(100).default(''),
  category: lineText(50).default(''),
  officialId: z.number().int().positive().nullable().default(null),
});

/** 专题询问: one question put to a named official, and the answer as noted. */
export const inquiryQuestionSchema = z.object({
  /** The member who asked. */
  asker: lineText(50).default(''),
  /** The official who answered ("区教育局局长 王某"). */
  official: lineText(100).default(''),
  question: linesText(2000, '询问的问题不能为空'),
  answer: linesText(5000).default(''),
});
export type InquiryQuestion = z.infer<typeof inquiryQuestionSchema>;

/** Per-kind details, stored as JSON in agenda_items.details. */
export const agendaDetailsSchema = z.object({
  /** appointment: persons voted one by one ('each'), on one ballot ('all'), or in groups per person ('mixed'). */
  appointmentMode: z.enum(APPOINTMENT_MODES).optional(),
  persons: z.array(appointmentPersonSchema).max(200).optional(),
  /** vote and appointment: the item's threshold (default: the session's rules). */
  threshold: z.enum(THRESHOLD_NAMES).optional(),
  /** assessment: the subjects on one sheet. */
  subjects: z.array(assessmentSubjectSchema).max(500).optional(),
  /** project ballot: candidates and the most a sheet may mark. */
  candidates: z.array(lineText(200, '候选项目不能为空')).max(200).optional(),
  chooseMax: z.number().int().positive().optional(),
  /** handling report: the review opinion it answers (set once opinions exist). */
  opinionId: z.number().int().positive().nullable().optional(),
  /** 专题询问: the questions to named officials with their answers. */
  questions: z.array(inquiryQuestionSchema).max(200).optional(),
  /** 质询案: the members who filed it (roster ids), the body it is addressed to, its questions, the answer. */
  filers: z.array(z.number().int().positive()).max(100).optional(),
  addressee: lineText(100).optional(),
  questionsText: linesText(10000).optional(),
  /** 质询案: who answered at the session and what (答复), noted by the secretary. */
  answeredBy: lineText(100).optional(),
  answer: linesText(10000).optional(),
});
export type AgendaDetails = z.infer<typeof agendaDetailsSchema>;

export const APPOINTMENT_ACTION_LABELS: Record<AppointmentAction, string> = {
  decide_appoint: '决定任命',
  appoint: '任命',
  decide_remove: '决定免去',
  remove: '免去',
  accept_resignation: '接受辞职',
};

export type AppointmentPerson = z.infer<typeof appointmentPersonSchema>;

/** A person as a ballot stores them: the id and what was voted on (name, action and post as they were). */
export interface BallotPerson {
  id: string;
  name: string;
  action: AppointmentAction;
  post: string;
}

/** A person as the item holds them: as a ballot stores them, plus the group they are planned in ('mixed' mode). */
export interface ItemPerson extends BallotPerson {
  group?: number;
}

const idNumber = (id: string) => Number(id.slice(1));

const withGroup = (p: BallotPerson, group: number | null | undefined): ItemPerson => (typeof group === 'number' ? { ...p, group } : p);

/** What a ballot stores of an item's person: id, name, action and post, nothing of the plan. */
export const asVoted = (p: BallotPerson): BallotPerson => ({ id: p.id, name: p.name, action: p.action, post: p.post });

/**
 * The persons of an appointment item with their ids: a person stored without an id (written before
 * ids existed) has the id of its place, "p1" for the first. Pure: the stored list is not changed.
 */
export function personsWithIds(persons: readonly AppointmentPerson[] | undefined): ItemPerson[] {
  return (persons ?? []).map((p, i) => withGroup({ id: p.id ?? `p${i + 1}`, name: p.name, action: p.action, post: p.post ?? '' }, p.group));
}

/**
 * The persons of an edited item, each with an id. An id that the item already had is kept; a person
 * without an id, or with an id the item never had, is new and gets the next id never used by the
 * item (`reserved`: ids ballots were cast on). An id given twice keeps its first person only.
 */
export function assignPersonIds(previous: readonly BallotPerson[], incoming: readonly AppointmentPerson[], reserved: readonly string[] = []): ItemPerson[] {
  const known = new Set(previous.map((p) => p.id));
  let next = Math.max(0, ...previous.map((p) => idNumber(p.id)), ...reserved.filter((id) => PERSON_ID.test(id)).map(idNumber)) + 1;
  const used = new Set<string>();
  return incoming.map((p) => {
    const id = p.id && known.has(p.id) && !used.has(p.id) ? p.id : `p${next++}`;
    used.add(id);
    return withGroup({ id, name: p.name, action: p.action, post: p.post ?? '' }, p.group);
  });
}

/** One line that a ballot or an assessment was cast on: `key` finds it again, `content` must not change. */
export interface CastLine {
  key: string;
  content: string;
  label: string;
}

export const personLine = (p: BallotPerson): CastLine => ({ key: p.id, content: `${p.action}|${p.name}|${p.post}`, label: p.name });

/**
 * Whether an edit keeps every line ballots or assessments were cast on: present, unchanged, and in
 * the same order among themselves (new lines may come anywhere). The refusal in Chinese, or null.
 * `what`: 任免人员 / 测评对象 / 候选项目; `done`: 已经表决 / 已经测评 / 已经票决.
 */
export function castOnRefusal(cast: readonly CastLine[], next: readonly CastLine[], what: string, done: string): string | null {
  const at = new Map(next.map((l, i) => [l.key, i]));
  let last = -1;
  for (const c of cast) {
    const i = at.get(c.key);
    if (i === undefined) return `${what}“${c.label}”${done}，不能删去或修改（可以新增${what}）`;
    if (next[i]!.content !== c.content) return `${what}“${c.label}”${done}，不能再修改（可以新增${what}）`;
    if (i < last) return `${what}“${c.label}”${done}，其先后顺序不能调整（可以新增${what}）`;
    last = i;
  }
  return null;
}

/**
 * 质询案 filing threshold (监督法 2024: 县级人大常委会组成人员三人以上联名, 设区的市以上五人以上;
 * the number is rules.interpellation.minMembers). "以上" includes the bound: 3 filers suffice at county
 * level. Returns the refusal in Chinese, or null when enough members signed.
 */
export function interpellationFilingProblem(filers: number, minMembers: number): string | null {
  if (!Number.isInteger(filers) || filers < 0) throw new RangeError(`filers must be a non-negative integer, got ${filers}`);
  if (!Number.isInteger(minMembers) || minMembers < 1) throw new RangeError(`minMembers must be a positive integer, got ${minMembers}`);
  return filers >= minMembers ? null : `质询案须由常委会组成人员${minMembers}人以上联名提出，现有${filers}人联名`;
}
