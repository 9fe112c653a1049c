// What an agenda item puts on the sheet: the subjects of an assessment item (officials, reports), the
// report itself for a report or handling-report item, or the candidate projects of a project ballot.
import { AppError } from '../shared/result';
import { assessmentTitleOf, type Scale } from '../domain/satisfaction';
import type { AgendaItem } from '../store/agenda';
import type { SheetKind, SheetSubject } from './types';

export interface SheetSource {
  kind: SheetKind;
  title: string;
  subjects: SheetSubject[];
  chooseMax: number | null;
}

/** "听取和审议区人民政府关于……的报告" → "区人民政府关于……的报告" */
export function reportName(title: string): string {
  return title.replace(/^(听取和审议|听取并审议|听取|审议)/, '').trim() || title;
}

/** What an item's sheet holds; a report's assessment is titled by the scale ("对……的满意度测评" / "……的称职测评"). */
export function sheetSourceOf(item: AgendaItem, scale: Scale = 'three'): SheetSource {
  const d = item.details;
  switch (item.kind) {
    case 'assessment': {
      const subjects = d.subjects ?? [];
      if (subjects.length === 0) throw new AppError('INVALID_STATE', `“${item.title}”还没有填写测评对象`);
      return {
        kind: 'satisfaction',
        title: item.title,
        subjects: subjects.map((s) => ({ name: s.name, unit: s.unit, post: s.post, category: s.category, officialId: s.officialId ?? null })),
        chooseMax: null,
      };
    }
    case 'report':
    case 'handling_report': {
      const name = reportName(item.title);
      return {
        kind: 'satisfaction',
        title: assessmentTitleOf(name, scale),
        subjects: [{ name, unit: item.presenter, post: '', category: item.kind === 'report' ? '专项工作报告' : '审议意见办理情况报告', officialId: null }],
        chooseMax: null,
      };
    }
    case 'project_ballot': {
      const candidates = d.candidates ?? [];
      if (candidates.length === 0) throw new AppError('INVALID_STATE', `“${item.title}”还没有填写候选项目`);
      const chooseMax = d.chooseMax ?? candidates.length;
      if (chooseMax > candidates.length) throw new AppError('INVALID_STATE', `应选项目数（${chooseMax}）多于候选项目数（${candidates.length}）`);
      return {
        kind: 'project',
        title: item.title,
        subjects: candidates.map((name) => ({ name, unit: '', post: '', category: '', officialId: null })),
        chooseMax,
      };
    }
    default:
      throw new AppError('INVALID_STATE', `“${item.title}”不是测评或票决事项`);
  }
}

/** The 述职 year an assessment early in a year usually looks back on: January–March → the year before. */
export function defaultReportYear(sessionDate: string): number {
  const [y, m] = sessionDate.split('-').map(Number) as [number, number];
  return m <= 3 ? y - 1 : y;
}
