// What every assessment document shares: the session line, the issuer, the method wording, and the
// "unit and post" of a subject.
import type { AssessmentRow } from '../assessment/assessment-store';
import { AREA } from '../documents/geometry';
import { clipText } from '../domain/text';
import type { TableColumn } from '../documents/model';
import type { SheetSubject } from '../assessment/types';

export { docHeading, type DocHeading } from '../documents-session/heading';

/** "示例区教育局局长" */
export function unitPost(s: Pick<SheetSubject, 'unit' | 'post'>): string {
  return `${s.unit}${s.post}`;
}

export function methodText(a: Pick<AssessmentRow, 'method' | 'kind'>): string {
  if (a.method === 'paper') return a.kind === 'project' ? '无记名纸质选票' : '无记名纸质测评表';
  return a.kind === 'project' ? '无记名电子票决（委员终端）' : '无记名电子测评（委员终端）';
}

/** A file name without characters that file systems refuse. */
export function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- a control character is no part of a file name
  return clipText(name.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '-'), 100);
}

export interface ColumnSpec {
  header: string;
  /** Characters (ideographs) the column must hold on one line, header included. */
  chars: number;
  align?: TableColumn['align'];
  /** The one column that takes the width left over (e.g. 单位及职务), wrapping its text. */
  flex?: boolean;
}

/**
 * Table columns sized so that each fixed column holds its `chars` on one line at `fontSize` (the
 * table pads each cell by 0.4 em on either side); the flex column gets the rest of the 156 mm.
 */
export function fitColumns(specs: ColumnSpec[], fontSize: number): TableColumn[] {
  const need = (chars: number) => chars * fontSize + 0.8 * fontSize + 2;
  const fixed = specs.filter((s) => !s.flex).reduce((sum, s) => sum + need(s.chars), 0);
  const rest = Math.max(need(4), AREA.width - fixed);
  return specs.map((s) => ({ header: s.header, width: s.flex ? rest : need(s.chars), ...(s.align ? { align: s.align } : {}) }));
}
