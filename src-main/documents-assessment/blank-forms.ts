// Blank paper sheets for the fallback: 满意度测评表 (every subject with a box per level) and 票决票
// (every candidate with one box; more than N marks make the sheet invalid). Anonymous: no name field.
import { sheetSourceOf } from '../assessment/subjects';
import type { ScaleName } from '../assessment/types';
import { scaleLevels, scaleWords } from '../domain/satisfaction';
import type { Block, DocModel } from '../documents/model';
import { getItem } from '../store/agenda';
import type { Store } from '../store/store';
import { docHeading, fitColumns, unitPost } from './common';
import { reportSubjects } from './result-table';

export interface BlankFormOptions {
  copies: number;
  scale?: ScaleName;
}


/**
 * One sheet per copy, each fitting one A4 page where it can (35 subjects, 15 candidates): the session,
 * the matter and the instructions as small lines above the table, tighter rows when needed; a longer
 * one breaks with its header repeated and never leaves one row alone.
 */
export function blankFormDoc(store: Store, itemId: number, opts: BlankFormOptions): DocModel {
  const item = getItem(store, itemId);
  const { session, date } = docHeading(store, item.sessionId);
  const src = sheetSourceOf(item, opts.scale ?? session.rules.satisfaction.scale);
  const sessionLine = `${session.title}　${date}`;
  let one: Block[];
  let title: string;
  if (src.kind === 'project') {
    title = '票决票';
    one = [
      {
        type: 'table',
        fontSize: 12,
        fitPage: true,
        caption: [
          sessionLine,
          `票决事项：${src.title}`,
          `说明：候选项目${src.subjects.length}个，请在同意的项目后“选择”栏内划“√”，每张选票最多选择${src.chooseMax}个，超过${src.chooseMax}个的本票无效；不划的视为不选。本票无记名，请勿署名。`,
        ],
        columns: fitColumns(
          [
            { header: '序号', chars: 2, align: 'center' },
            { header: '候选项目', chars: 0, flex: true },
            { header: '选择', chars: 4, align: 'center' },
          ],
          12,
        ),
        rows: src.subjects.map((s, i) => [String(i + 1), s.name, '']),
      },
    ];
  } else {
    const labels = scaleLevels(opts.scale ?? session.rules.satisfaction.scale);
    const reports = reportSubjects(src.subjects); // reports: one wide 测评对象 column
    title = `${scaleWords(opts.scale ?? session.rules.satisfaction.scale).scaleTitle}表`;
    one = [
      {
        type: 'table',
        fontSize: 10.5,
        fitPage: true,
        caption: [
          sessionLine,
          `测评事项：${src.title}`,
          `说明：请对每${reports ? '项' : '位'}测评对象在“${labels.join('”“')}”中选择一项，在对应栏内划“√”；多划或不划的，该对象视为未评。本表无记名，请勿署名。`,
        ],
        columns: fitColumns(
          [
            { header: '序号', chars: 2, align: 'center' },
            ...(reports
              ? [{ header: '测评对象', chars: 0, flex: true }]
              : [
                  { header: '测评对象', chars: 4, align: 'center' as const },
                  { header: '单位及职务', chars: 0, flex: true },
                ]),
            ...labels.map((l) => ({ header: l, chars: Math.max(3, l.length), align: 'center' as const })),
          ],
          10.5,
        ),
        rows: src.subjects.map((s, i) => [String(i + 1), ...(reports ? [s.name] : [s.name, unitPost(s) || s.category]), ...labels.map(() => '')]),
      },
    ];
  }
  const blocks: Block[] = [];
  for (let c = 0; c < opts.copies; c++) {
    if (c > 0) blocks.push({ type: 'pageBreak' });
    blocks.push(...one);
  }
  return {
    kind: src.kind === 'project' ? 'project-ballot-form' : 'assessment-form',
    fileTitle: `${title}（空白）-${session.title}`,
    title,
    form: true,
    blocks,
  };
}
