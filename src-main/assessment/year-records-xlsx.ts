// The officials' year records as one XLSX sheet: one row per official, where they stand.
import { writeXlsx, type XlsxColumn } from '../roster-io/xlsx';
import type { Store } from '../store/store';
import type { NameOrder } from '../domain/strokes';
import { orderPeople } from '../people/name-order';
import { scaleWords } from '../domain/satisfaction';
import { listYearRecords, MIDYEAR_LEVELS } from './year-records';

/** The rate column: named for the year's assessments (满意率 / 称职率: scaleWords), both words when they differ. */
const RATE_COLUMN = scaleWords('three').rateLabel;

export const YEAR_RECORD_COLUMNS: XlsxColumn[] = [
  { header: '序号', width: 6 },
  { header: '姓名', width: 10 },
  { header: '单位', width: 28 },
  { header: '职务', width: 10 },
  { header: '类别', width: 16 },
  { header: '年度', width: 8 },
  { header: '当前进度', width: 16 },
  { header: '履职承诺', width: 40 },
  { header: '承诺日期', width: 12 },
  { header: '承诺书文件', width: 20 },
  { header: '中期评议日期', width: 12 },
  { header: '中期评议情况', width: 40 },
  { header: '意见表（份）', width: 10 },
  ...MIDYEAR_LEVELS.map((l) => ({ header: `评为${l}（份）`, width: 10 })),
  { header: '优秀率', width: 10 },
  { header: '述职会议', width: 36 },
  { header: '述职议程', width: 36 },
  { header: RATE_COLUMN, width: 10 },
  { header: '测评结果', width: 10 },
  { header: '名次', width: 8 },
  { header: '处理意见', width: 20 },
  { header: '整改落实情况', width: 40 },
  { header: '反馈日期', width: 12 },
];

export async function exportYearRecordsXlsx(store: Store, year: number, order: NameOrder = 'list'): Promise<Buffer> {
  const records = listYearRecords(store, year);
  const words = [...new Set(records.flatMap((r) => (r.assessment ? [r.assessment.rateLabel] : [])))];
  const columns = YEAR_RECORD_COLUMNS.map((c) => (c.header === RATE_COLUMN && words.length ? { ...c, header: words.join('/') } : c));
  const rows = orderPeople(records, order, (r) => r.official.name).map((r, i) => [
    i + 1,
    r.official.name,
    r.official.unit,
    r.official.post,
    r.official.category,
    year,
    r.standingLabel,
    r.pledgeText,
    r.pledgeDate ?? '',
    r.pledgeFile?.fileName ?? '',
    r.midyearDate ?? '',
    r.midyearNotes,
    r.midyearForms ?? '',
    ...MIDYEAR_LEVELS.map((_, l) => r.midyearLevels?.[l] ?? ''),
    r.midyearTopShare ?? '',
    r.report?.sessionTitle ?? '',
    r.report?.itemTitle ?? '',
    r.assessment?.result?.rate ?? '',
    r.assessment?.result?.grade ?? '',
    r.assessment?.result ? `${r.assessment.result.rank}/${r.assessment.subjects}` : '',
    r.assessment?.result?.consequence ?? '',
    r.followUp,
    r.followUpDate ?? '',
  ]);
  return writeXlsx(`${year}年度履职档案`, columns, rows);
}
