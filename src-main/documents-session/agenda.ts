// 会议议程: the session's agenda as the office prints it before the session — the committee on the
// title's first line, time, place and chair, then every item "一、听取和审议……" in the body face.
import { chineseNumeral } from '../domain/numerals';
import type { Block, DocModel } from '../documents/model';
import { listItems } from '../store/agenda';
import type { Store } from '../store/store';
import { docHeading, sessionDocTitle } from './heading';

export function agendaDoc(store: Store, sessionId: number): DocModel {
  const h = docHeading(store, sessionId);
  const { session } = h;
  const items = listItems(store, sessionId);
  const blocks: Block[] = [
    { type: 'paragraph', text: `会议时间：${h.date}${session.startTime ? ` ${session.startTime}` : ''}`, indent: false },
    ...(session.place ? [{ type: 'paragraph' as const, text: `会议地点：${session.place}`, indent: false }] : []),
    ...(session.chair ? [{ type: 'paragraph' as const, text: `主持人：${session.chair}`, indent: false }] : []),
    { type: 'spacer', lines: 1 },
  ];
  if (!items.length) blocks.push({ type: 'paragraph', text: '本次会议尚未安排议程。' });
  items.forEach((item, i) => {
    const end = i === items.length - 1 ? '。' : '；';
    blocks.push({ type: 'paragraph', text: `${chineseNumeral(i + 1)}、${item.title.replace(/[。；;]+$/, '')}${end}` });
  });
  return { kind: 'agenda', fileTitle: `会议议程-${session.title}`, title: sessionDocTitle(h, '议程'), blocks };
}
