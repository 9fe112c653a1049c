// Satisfaction assessments (满意度测评) and project ballots (票决): the secretary runs them, members
// submit one anonymous sheet from their terminal; PDFs of results and blank forms; officials' year
// records (任后监督) with an XLSX export.
import { z } from 'zod';
import { linesText } from '../../domain/text';
import { scaleWords } from '../../domain/satisfaction';
import { getAssessment, listAssessments, type AssessmentRow } from '../../assessment/assessment-store';
import { consoleAssessments } from '../../assessment/views';
import { assessmentPdf, blankFormPdf, type AssessmentDocument } from '../../documents-assessment/pdf-files';
import { exportYearRecordsXlsx } from '../../assessment/year-records-xlsx';
import { attachPledge, listYearRecords, readPledge, saveYearRecord, yearRecord } from '../../assessment/year-records';
import type { PaperProject, PaperSatisfaction } from '../../assessment/paper-entry';
import { AppError } from '../../shared/result';
import { base64, command, fileName, isoDate, type CallContext, type FilePayload } from '../command';
import { engineOf } from './live';
import { bindingOf } from './terminal';

const id = z.number().int().positive();
const count = z.number().int().min(0).max(100000);
const year = z.number().int().min(1949).max(2200);
const share = z.object({ numerator: z.number().int().min(1).max(99), denominator: z.number().int().min(1).max(99), inclusive: z.boolean() });

/** The console's row for one assessment, fresh after a change. */
const rowOf = (ctx: CallContext, assessmentId: number) => consoleAssessments(ctx.store, [getAssessment(ctx.store, assessmentId)], liveOf(ctx))[0]!;
const liveOf = (ctx: CallContext) => ({
  submitted: (a: AssessmentRow) => engineOf(ctx).assessments.submitted(a),
  keyLost: (a: AssessmentRow) => engineOf(ctx).rounds.keyLost('assessment', a),
});

const pdfPayload = (pdf: { fileName: string; data: Buffer }): FilePayload => ({ fileName: pdf.fileName, mime: 'application/pdf', base64: pdf.data.toString('base64') });

const yearFields = z.object({
  pledgeText: linesText(20000).default(''),
  pledgeDate: isoDate.nullable().default(null),
  midyearDate: isoDate.nullable().default(null),
  midyearNotes: linesText(20000).default(''),
  midyearForms: count.nullable().default(null),
  midyearLevels: z.array(count).length(4, '意见表统计应为优秀、称职、基本称职、不称职四档').nullable().default(null),
  followUp: linesText(20000).default(''),
  followUpDate: isoDate.nullable().default(null),
});

/** A sheet's marks: per subject the level index (best first) or null (unmarked); project ballots 0 = chosen. */
const sheetMarks = z.array(z.number().int().min(0).max(9).nullable()).max(500);
/** One paper sheet, entered for one member. */
const paperSheet = z.object({ assessmentId: id, memberId: id, marks: sheetMarks });

const paperTallies = z.object({
  assessmentId: id,
  satisfaction: z.object({ sheetsReturned: count, sheetsSetAside: count.default(0), levels: z.array(z.array(count).max(10)).max(500) }).optional(),
  projectSheets: z.array(z.array(z.number().int()).max(500)).max(10000).optional(),
  projectTallies: z.object({ votes: z.array(count).max(500), validSheets: count, invalidSheets: count.default(0) }).optional(),
});

/** The one kind of tally given, checked against the kind of round. */
function paperInput(ctx: CallContext, assessmentId: number, t: Omit<z.output<typeof paperTallies>, 'assessmentId'>): PaperSatisfaction | PaperProject {
  const { satisfaction, projectSheets, projectTallies } = t;
  const given = [satisfaction, projectSheets, projectTallies].filter((x) => x !== undefined);
  if (given.length !== 1) throw new AppError('BAD_INPUT', '请录入一种统计结果：测评票数、逐张票决票或票决得票数');
  const a = getAssessment(ctx.store, assessmentId);
  if ((a.kind === 'project') === (satisfaction !== undefined)) throw new AppError('BAD_INPUT', a.kind === 'project' ? '这是票决，请录入项目得票' : `这是${scaleWords(a.scale ?? 'three').scaleTitle}，请录入各档票数`);
  return satisfaction ?? (projectSheets ? { sheets: projectSheets } : projectTallies!);
}

export const assessmentCommands = {
  'assessments.list': command({
    access: ['admin'],
    input: z.object({ sessionId: id }),
    run: (ctx, { sessionId }) => consoleAssessments(ctx.store, listAssessments(ctx.store, sessionId), liveOf(ctx)),
  }),
  'assessments.get': command({ access: ['admin'], input: z.object({ assessmentId: id }), run: (ctx, { assessmentId }) => rowOf(ctx, assessmentId) }),
  'assessments.create': command({
    access: ['admin'],
    input: z.object({
      itemId: id,
      method: z.enum(['electronic', 'paper']).default('electronic'),
      scale: z.enum(['three', 'four']).optional(),
      rule: z.enum(['rate', 'grade']).optional(),
      countIncompleteSheets: z.boolean().optional(),
      unmarkedSubjects: z.enum(['against', 'excluded']).optional(),
      minShare: share.nullable().optional(),
      year: year.nullable().optional(),
      reportItemId: id.nullable().optional(),
      runoff: z.boolean().optional(),
    }),
    run: (ctx, input) => rowOf(ctx, engineOf(ctx).assessments.create(ctx.who, input).id),
  }),
  'assessments.open': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ assessmentId: id }),
    run: (ctx, { assessmentId }) => rowOf(ctx, engineOf(ctx).assessments.open(ctx.who, assessmentId).id),
  }),
  'assessments.close': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ assessmentId: id }),
    run: (ctx, { assessmentId }) => rowOf(ctx, engineOf(ctx).assessments.close(ctx.who, assessmentId).id),
  }),
  'assessments.announce': command({
    access: ['admin'],
    sessionBusiness: true,
    input: z.object({ assessmentId: id }),
    run: (ctx, { assessmentId }) => rowOf(ctx, engineOf(ctx).assessments.announce(ctx.who, assessmentId).id),
  }),
  /** 作废本轮: an open round whose sheets cannot be opened here, back to draft (RoundEngine.voidRound). */
  'assessments.void': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: z.object({ assessmentId: id, reason: linesText(500, '请填写作废的原因') }),
    run: (ctx, { assessmentId, reason }) => rowOf(ctx, engineOf(ctx).assessments.voidRound(ctx.who, assessmentId, reason).id),
  }),
  /** Paper tallies: satisfaction {sheetsReturned, sheetsSetAside, levels[subject][level]}; project {sheets} or {votes, validSheets, invalidSheets}. */
  'assessments.enterPaper': command({
    access: ['admin'],
    sessionBusiness: true,
    input: paperTallies,
    run: (ctx, { assessmentId, ...tallies }) => rowOf(ctx, engineOf(ctx).assessments.enterPaper(ctx.who, assessmentId, paperInput(ctx, assessmentId, tallies)).id),
  }),
  /** A paper tally corrected before the result is announced; the reason goes into the audit log. */
  'assessments.correctPaper': command({
    access: ['admin'],
    printed: true,
    sessionBusiness: true,
    input: paperTallies.extend({ reason: linesText(500, '请填写更正的原因') }),
    run: (ctx, { assessmentId, reason, ...tallies }) =>
      rowOf(ctx, engineOf(ctx).assessments.correctPaper(ctx.who, assessmentId, paperInput(ctx, assessmentId, tallies), reason).id),
  }),
  /**
   * One paper sheet inside an electronic round, for a member without a working terminal: sealed like
   * a terminal's sheet, the member marked as handed in (their terminal then refuses a sheet).
   */
  'assessments.paperSheet': command({
    access: ['admin'],
    sessionBusiness: true,
    input: paperSheet,
    run: async (ctx, input) => {
      await engineOf(ctx).assessments.enterPaperSheet(ctx.who, input);
      return rowOf(ctx, input.assessmentId);
    },
  }),
  /**
   * A paper sheet entered wrongly, entered again while the round is open (in place of the one entered
   * for that member before; never a sheet from a terminal). No reason in words: it could say what the sheet marks.
   */
  'assessments.correctPaperSheet': command({
    access: ['admin'],
    sessionBusiness: true,
    input: paperSheet,
    run: async (ctx, input) => {
      await engineOf(ctx).assessments.enterPaperSheet(ctx.who, { ...input, correction: true });
      return rowOf(ctx, input.assessmentId);
    },
  }),
  /** 测评结果统计表 / 分类汇总 / 票决结果 as PDF. */
  'assessments.pdf': command({
    access: ['admin'],
    input: z.object({ assessmentId: id, document: z.enum(['result', 'categories']).default('result') }),
    run: async (ctx, { assessmentId, document }) => pdfPayload(await assessmentPdf(ctx.store, getAssessment(ctx.store, assessmentId), document as AssessmentDocument)),
  }),
  /** Blank 测评表 / 票决票 for the item (paper fallback): one page per sheet, `copies` sheets. */
  'assessments.blankForm': command({
    access: ['admin'],
    input: z.object({ itemId: id, copies: z.number().int().min(1).max(200).default(1), scale: z.enum(['three', 'four']).optional() }),
    run: async (ctx, { itemId, copies, scale }) => pdfPayload(await blankFormPdf(ctx.store, itemId, { copies, scale })),
  }),

  'terminal.submitSheet': command({
    access: ['terminal'],
    sessionBusiness: true,
    input: z.object({ assessmentId: id, marks: sheetMarks }),
    run: (ctx, input) => engineOf(ctx).assessments.submit(ctx.who, bindingOf(ctx), input),
  }),

  /** Officials' year records: every official with where they stand that year. */
  'officialYears.list': command({ access: ['admin'], input: z.object({ year }), run: (ctx, { year }) => listYearRecords(ctx.store, year) }),
  'officialYears.get': command({
    access: ['admin'],
    input: z.object({ officialId: id, year }),
    run: (ctx, { officialId, year }) => yearRecord(ctx.store, officialId, year),
  }),
  'officialYears.save': command({
    access: ['admin'],
    printed: true,
    input: yearFields.extend({ officialId: id, year }),
    run: (ctx, { officialId, year, ...f }) => saveYearRecord(ctx.store, ctx.who, officialId, year, f),
  }),
  'officialYears.attachPledge': command({
    access: ['admin'],
    input: z.object({ officialId: id, year, fileName, mime: z.string().max(100).default('application/pdf'), data: base64 }),
    run: (ctx, { officialId, year, fileName, mime, data }) => attachPledge(ctx.store, ctx.who, officialId, year, fileName, mime, Buffer.from(data, 'base64')),
  }),
  'officialYears.pledge': command({
    access: ['admin'],
    input: z.object({ officialId: id, year }),
    run: (ctx, { officialId, year }): FilePayload => {
      const f = readPledge(ctx.store, officialId, year);
      return { fileName: f.fileName, mime: f.mime, base64: f.data.toString('base64') };
    },
  }),
  'officialYears.exportXlsx': command({
    access: ['admin'],
    input: z.object({ year, order: z.enum(['list', 'strokes']).default('list') }),
    run: async (ctx, { year, order }): Promise<FilePayload> => ({
      fileName: `述职人员${year}年度履职档案.xlsx`,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: (await exportYearRecordsXlsx(ctx.store, year, order)).toString('base64'),
    }),
  }),
};
