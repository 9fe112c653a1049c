// The assessment documents as PDF files with names that say what they are.
import type { AssessmentRow } from '../assessment/assessment-store';
import { renderPdf } from '../documents/pdf';
import type { DocModel } from '../documents/model';
import type { Store } from '../store/store';
import { blankFormDoc, type BlankFormOptions } from './blank-forms';
import { categorySummaryDoc } from './category-summary';
import { safeFileName } from './common';
import { projectResultDoc } from './project-result';
import { resultTableDoc } from './result-table';

export type AssessmentDocument = 'result' | 'categories';

export interface PdfFile {
  fileName: string;
  data: Buffer;
  model: DocModel;
}

async function file(model: DocModel): Promise<PdfFile> {
  return { fileName: `${safeFileName(model.fileTitle)}.pdf`, data: await renderPdf(model), model };
}

/** 测评结果统计表, 分类汇总表 (satisfaction) or 票决结果 (project ballot). */
export function assessmentModel(store: Store, a: AssessmentRow, document: AssessmentDocument): DocModel {
  if (a.kind === 'project') return projectResultDoc(store, a);
  return document === 'categories' ? categorySummaryDoc(store, a) : resultTableDoc(store, a);
}

export function assessmentPdf(store: Store, a: AssessmentRow, document: AssessmentDocument): Promise<PdfFile> {
  return file(assessmentModel(store, a, document));
}

export function blankFormPdf(store: Store, itemId: number, opts: BlankFormOptions): Promise<PdfFile> {
  return file(blankFormDoc(store, itemId, opts));
}
