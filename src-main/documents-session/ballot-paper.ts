// 表决票: the paper ballot of a vote item (one line: the matter) or of an appointment item (one line
// per person with the action and post), with a box for each of 赞成 / 反对 / 弃权. Anonymous.
import { CHOICES, CHOICE_LABELS } from '../domain/vote';
import { APPOINTMENT_ACTION_LABELS } from '../domain/agenda';
import { clipText } from '../domain/text';
import type { DocModel } from '../documents/model';
import { getItem } from '../store/agenda';
import type { Store } from '../store/store';
import { docHeading } from './heading';

const LABELS = CHOICES.map((c) => CHOICE_LABELS[c]);

export function ballotPaperDoc(store: Store, itemId: number): DocModel {
  const item = getItem(store, itemId);
  const h = docHeading(store, item.sessionId);
  const boxes = LABELS.map((l) => ({ header: l, width: 1.2, align: 'center' as const }));
  const persons = item.kind === 'appointment' ? (item.details.persons ?? []) : [];
  const table =
    persons.length > 0
      ? {
          type: 'table' as const,
          columns: [{ header: '序号', width: 0.8, align: 'center' as const }, { header: '姓名', width: 1.6, align: 'center' as const }, { header: '任免职务', width: 4 }, ...boxes],
          rows: persons.map((p, i) => [String(i + 1), p.name, `${APPOINTMENT_ACTION_LABELS[p.action]}${p.post}`, ...LABELS.map(() => '')]),
        }
      : {
          type: 'table' as const,
          columns: [{ header: '表决事项', width: 5 }, ...boxes],
          rows: [[item.title, ...LABELS.map(() => '')]],
        };
  const each = persons.length > 0 ? '每人' : '';
  return {
    kind: 'ballot-paper',
    fileTitle: clipText(`表决票-${item.title}`, 80),
    title: '表决票',
    subtitle: `（${h.session.title}　${h.date}）`,
    blocks: [
      { type: 'paragraph', text: `表决事项：${item.title}`, indent: false },
      {
        type: 'paragraph',
        text: `说明：请在“${LABELS.join('”“')}”中选择一项，在对应栏内划“○”，${each}只能划一栏。本票无记名，请勿署名。`,
        indent: false,
      },
      table,
    ],
  };
}
