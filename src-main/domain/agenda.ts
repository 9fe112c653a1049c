// Agenda items and what each kind carries.
import { z } from 'zod';

export const AGENDA_KINDS = ['report', 'handling_report', 'vote', 'appointment', 'assessment', 'project_ballot', 'other'] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const AGENDA_KIND_LABELS: Record<AgendaKind, string> = {
  report: '听取审议报告',
  handling_report: '审议意见办理情况报告',
  vote: '表决',
  appointment: '人事任免',
  assessment: '满意度测评',
  project_ballot: '票决',
  other: '其他',
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
});
export type AgendaDetails = z.infer<typeof agendaDetailsSchema>;

export const APPOINTMENT_ACTION_LABELS = { appoint: '任命', remove: '免去' } as const;
