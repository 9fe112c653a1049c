// 表决票: the paper ballot of a vote item (one line: the matter) or of an appointment item (one line
// per person with the action and post), with a box for each of 赞成 / 反对 / 弃权. Anonymous. A
// provision's 单独表决 has its own (the matter: 对……进行单独表决, as every face names it).
import { CHOICES, CHOICE_LABELS } from '../domain/vote';
import { APPOINTMENT_ACTION_LABELS } from '../domain/agenda';
import { provisionVote } from '../domain/provision-vote';
import { clipText } from '../domain/text';
import type { DocModel } from '../documents/model';
import { getItem } from '../store/agenda';
import type { Store } from '../store/store';
import { docHeading } from './heading';

const LABELS = CHOICES.map((c) => CHOICE_LABELS[c]);

/** The item's 表决票, or with `provision` the 表决票 of that provision's 单独表决. */
export function ballotPaperDoc(store: Store, itemId: number, provision: string | null = null): DocModel {
  const item = getItem(store, itemId);
  const h = docHeading(store, item.sessionId);
  const boxes = LABELS.map((l) => ({ header: l, width: 1.2, align: 'center' as const }));
  const persons = item.kind === 'appointment' && provision === null ? (item.details.persons ?? []) : [];
  const matter = provision === null ? item.title : provisionVote(provision);
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
          rows: [[matter, ...LABELS.map(() => '')]],
        };
  const each = persons.length > 0 ? '每人' : '';
  return {
    kind: 'ballot-paper',
    fileTitle: clipText(`表决票-${item.title}${provision === null ? '' : `-${matter}`}`, 80),
    title: '表决票',
    subtitle: `（${h.session.title}　${h.date}）`,
    blocks: [
      { type: 'paragraph', text: `表决事项：${provision === null ? item.title : `${item.title}，${matter}`}`, indent: false },
      {
        type: 'paragraph',
        text: `说明：请在“${LABELS.join('”“')}”中选择一项，在对应栏内划“○”，${each}只能划一栏。本票无记名，请勿署名。`,
        indent: false,
      },
      table,
    ],
  };
}
