// The columns of each importable list as the preview shows them: the file's Chinese header (which
// import errors name in `column`) and the field it fills.
import type { ListKind } from './ExportButton';

export interface PreviewColumn {
  header: string;
  field: string;
}

export const IMPORT_COLUMNS: Record<ListKind, PreviewColumn[]> = {
  members: [
    { header: '序号', field: 'sort' },
    { header: '姓名', field: 'name' },
    { header: '性别', field: 'gender' },
    { header: '职务', field: 'role' },
    { header: '座位号', field: 'seat' },
    { header: '备注', field: 'note' },
    { header: '任职日期', field: 'inOfficeFrom' },
    { header: '离任日期', field: 'inOfficeTo' },
  ],
  attendees: [
    { header: '序号', field: 'sort' },
    { header: '姓名', field: 'name' },
    { header: '单位', field: 'unit' },
    { header: '职务', field: 'title' },
  ],
  officials: [
    { header: '序号', field: 'sort' },
    { header: '姓名', field: 'name' },
    { header: '单位', field: 'unit' },
    { header: '职务', field: 'post' },
    { header: '类别', field: 'category' },
  ],
};

export const LIST_NOUNS: Record<ListKind, string> = { members: '组成人员', attendees: '列席人员', officials: '述职人员' };

const FORMAT_LABELS: Record<string, string> = {
  'csv-utf8': 'CSV（UTF-8）',
  'csv-utf8-bom': 'CSV（UTF-8）',
  'csv-gbk': 'CSV（GBK，Excel/WPS 中文版默认）',
  'csv-utf16': 'CSV（UTF-16）',
  xlsx: 'Excel 工作簿（XLSX）',
};

export const formatLabel = (format: string | null | undefined): string => (format ? (FORMAT_LABELS[format] ?? format) : '');
