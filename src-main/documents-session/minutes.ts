// 会议记录: the session record — time, place, chair, attendance with names, and for each item its
// presenter, the remarks by group and speaker, the speaker queue (申请发言, issue 10), the ballots and
// assessments with their results; lines for the chair's and the recorder's signatures.
import { chineseNumeral } from '../domain/numerals';
import type { Scale } from '../domain/satisfaction';
import type { Block, DocModel } from '../documents/model';
import { listAttendance } from '../meeting/attendance-store';
import { listSpeakers } from '../meeting/speakers';
import { remarksByItem } from '../review/remarks';
import { listItems, type AgendaItem } from '../store/agenda';
import type { Store } from '../store/store';
import { docHeading, sessionDocTitle } from './heading';
import { clockTime } from '../domain/clock';
import { assessmentVoidLines, ballotVoidLines } from './voided';
import { assessmentOutcome, assessmentsOf, assessmentTitle, attendanceLine, ballotOutcomes, dispositionLineOf, provisionWords, itemKindLabel, NOT_VOTED, oathSentence, oathsOf, undoneDispositionLines } from './outcomes';

const line = (text: string): Block => ({ type: 'paragraph', text, indent: false });
const p = (text: string): Block => ({ type: 'paragraph', text });

function attendanceBlocks(store: Store, sessionId: number): Block[] {
  const rows = listAttendance(store, sessionId);
  const names = (statuses: string[]) => rows.filter((a) => statuses.includes(a.status)).map((a) => a.name);
  const out: Block[] = [];
  const present = names(['present', 'left']);
  const leave = names(['leave']);
  const absent = names(['absent']);
  const left = names(['left']);
  if (present.length) out.push(line(`出席：${present.join('、')}。`));
  if (leave.length) out.push(line(`请假：${leave.join('、')}。`));
  if (absent.length) out.push(line(`缺席：${absent.join('、')}。`));
  if (left.length) out.push(line(`中途离会：${left.join('、')}。`));
  return out;
}

/**
 * 申请发言: the members who asked to speak on the item, in the order the chair called them (with the
 * times they asked and spoke), then those not called (still waiting when the item ended, or withdrawn).
 */
export function speakerQueueBlocks(store: Store, item: AgendaItem): Block[] {
  const entries = listSpeakers(store, item.sessionId).filter((e) => e.itemId === item.id);
  if (!entries.length) return [];
  const called = entries.filter((e) => e.calledAt).sort((a, b) => a.calledAt!.localeCompare(b.calledAt!) || a.id - b.id);
  const rest = entries.filter((e) => !e.calledAt);
  const lines = [...called, ...rest].map((e, i) => {
    const spoke = e.calledAt ? `${clockTime(e.calledAt)}发言${e.remarkId !== null ? '（发言内容见审议发言）' : ''}` : e.state === 'withdrawn' ? `${clockTime(e.withdrawnAt)}撤回` : '未安排发言';
    return p(`${i + 1}．${e.name}，${clockTime(e.requestedAt)}申请，${spoke}。`);
  });
  return [line(`申请发言（${entries.length}人次）：`), ...lines];
}

function remarkBlocks(remarks: ReturnType<typeof remarksByItem>[number] | undefined): Block[] {
  if (!remarks || remarks.count === 0) return [];
  const out: Block[] = [];
  for (const g of remarks.groups) {
    out.push(line(`${g.groupName}审议发言：`));
    for (const r of g.remarks) out.push(p(`${r.speaker}${r.mode === 'written' ? '（书面）' : ''}：${r.text.trim()}`));
  }
  return out;
}

function itemBlocks(store: Store, item: AgendaItem, n: number, remarks: ReturnType<typeof remarksByItem>, scale: Scale, closed: boolean): Block[] {
  const out: Block[] = [{ type: 'heading2', text: `（${chineseNumeral(n)}）${itemKindLabel(store, item, scale)}` }, p(`${item.title.replace(/[。；]+$/, '')}。`)];
  if (item.presenter) out.push(p(`汇报（说明）人：${item.presenter}。`));
  out.push(...speakerQueueBlocks(store, item));
  out.push(...remarkBlocks(remarks.find((r) => r.itemId === item.id)));
  const outcomes = ballotOutcomes(store, item);
  const disposition = dispositionLineOf(store, item);
  if (!outcomes.length && !disposition && (item.kind === 'vote' || item.kind === 'appointment') && closed) out.push(p(NOT_VOTED));
  for (const o of outcomes) {
    const who = o.persons.length ? `（${o.persons.join('、')}）` : '';
    const round = o.ballot.round > 1 ? `第${o.ballot.round}轮` : '';
    out.push(...ballotVoidLines(store, o.ballot).map((t) => p(`表决${round}${who}：${t}`)));
    out.push(p(`${provisionWords(o.ballot) || '表决'}${round}${who}：${o.method}，应出席${o.ballot.expected}人，表决开始时实到${o.ballot.eligible.length}人；${o.result}`));
  }
  for (const a of assessmentsOf(store, item)) {
    const what = `${a.kind === 'project' ? '票决' : assessmentTitle([a], scale)}${a.round > 1 ? `（第${a.round}轮）` : ''}：${a.title}。`;
    out.push(...assessmentVoidLines(store, a).map((t) => p(`${what}${t}`)));
    out.push(p(`${what}${assessmentOutcome(a)}`));
  }
  for (const line of undoneDispositionLines(store, item)) out.push(p(line));
  if (disposition) out.push(p(disposition));
  for (const o of oathsOf(store, item.sessionId, item.id)) out.push(p(`宪法宣誓：${oathSentence(o)}`));
  return out;
}

export function minutesDoc(store: Store, sessionId: number): DocModel {
  const h = docHeading(store, sessionId);
  const { session } = h;
  const items = listItems(store, sessionId);
  const remarks = remarksByItem(store, sessionId);
  const blocks: Block[] = [
    line(`时间：${h.date}${session.startTime ? ` ${session.startTime}` : ''}`),
    ...(session.place ? [line(`地点：${session.place}`)] : []),
    ...(session.chair ? [line(`主持人：${session.chair}`)] : []),
    line(attendanceLine(store, session)),
    ...attendanceBlocks(store, sessionId),
    { type: 'heading1', text: '会议议程及进行情况' },
  ];
  items.forEach((item, i) => blocks.push(...itemBlocks(store, item, i + 1, remarks, session.rules.satisfaction.scale, session.status === 'closed')));
  if (!items.length) blocks.push(p('本次会议没有议程项。'));
  const apart = oathsOf(store, sessionId, null);
  if (apart.length) blocks.push({ type: 'heading2', text: '宪法宣誓' }, ...apart.map((o) => p(oathSentence(o))));
  blocks.push({ type: 'spacer', lines: 1 }, line('主持人（签名）：　　　　　　　　记录人（签名）：'));
  return { kind: 'minutes', fileTitle: `会议记录-${session.title}`, title: sessionDocTitle(h, '记录'), blocks };
}
