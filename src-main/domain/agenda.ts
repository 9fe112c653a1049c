// Agenda items and what each kind carries.
import { z } from 'zod';

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

const name = z.string().trim().min(1, '姓名不能为空').max(50);

export const appointmentPersonSchema = z.object({
  name,
  action: z.enum(['appoint', 'remove']), // 任命 / 免去
  post: z.string().trim().max(100).default(''), // "区教育局局长"
});

export const assessmentSubjectSchema = z.object({
  name: z.string().trim().min(1, '测评对象不能为空').max(100),
  unit: z.string().trim().max(100).default(''),
  post: z.string().trim().max(100).default(''),
  category: z.string().trim().max(50).default(''),
  officialId: z.number().int().positive().nullable().default(null),
});

/** 专题询问: one question put to a named official, and the answer as noted. */
export const inquiryQuestionSchema = z.object({
  /** The member who asked. */
  asker: z.string().trim().max(50).default(''),
  /** The official who answered ("区教育局局长 王某"). */
  official: z.string().trim().max(100).default(''),
  question: z.string().trim().min(1, '询问的问题不能为空').max(2000),
  answer: z.string().trim().max(5000).default(''),
});
export type InquiryQuestion = z.infer<typeof inquiryQuestionSchema>;

/** Per-kind details, stored as JSON in agenda_items.details. */
export const agendaDetailsSchema = z.object({
  /** appointment: persons voted one by one ('each') or on one ballot ('all'). */
  appointmentMode: z.enum(['each', 'all']).optional(),
  persons: z.array(appointmentPersonSchema).max(200).optional(),
  /** assessment: the subjects on one sheet. */
  subjects: z.array(assessmentSubjectSchema).max(500).optional(),
  /** project ballot: candidates and the most a sheet may mark. */
  candidates: z.array(z.string().trim().min(1).max(200)).max(200).optional(),
  chooseMax: z.number().int().positive().optional(),
  /** handling report: the review opinion it answers (set once opinions exist). */
  opinionId: z.number().int().positive().nullable().optional(),
  /** 专题询问: the questions to named officials with their answers. */
  questions: z.array(inquiryQuestionSchema).max(200).optional(),
  /** 质询案: the members who filed it (roster ids), the body it is addressed to, its questions, the answer. */
  filers: z.array(z.number().int().positive()).max(100).optional(),
  addressee: z.string().trim().max(100).optional(),
  questionsText: z.string().trim().max(10000).optional(),
  /** 质询案: who answered at the session and what (答复), noted by the secretary. */
  answeredBy: z.string().trim().max(100).optional(),
  answer: z.string().trim().max(10000).optional(),
});
export type AgendaDetails = z.infer<typeof agendaDetailsSchema>;

export const APPOINTMENT_ACTION_LABELS = { appoint: '任命', remove: '免去' } as const;

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
