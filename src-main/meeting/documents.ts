// The live session's documents as DocModels for the formal layout engine: a ballot's result (with
// the member list for named votes), the session's result sheet, the sign-in sheet, the appointment
// list and the seat codes. Dated by the session; a paper or show-of-hands result never mentions
// keypads; verdict words come from domain/vote.ts.
import { appointmentSections } from '../domain/appointments';
import { expectedLine, openingAttendanceLine } from '../domain/attendance';
import { countsText, CHOICE_LABELS, verdictWord } from '../domain/vote';
import { clipText } from '../domain/text';
import { paperSheetsText } from '../domain/paper-ballot';
import { ballotWords } from '../domain/provision-vote';
import type { Block, DocModel } from '../documents/model';
import { docHeading } from '../documents-session/heading';
import { clockTime } from '../domain/clock';
import { ballotVoidLines } from '../documents-session/voided';
import { getItem } from '../store/agenda';
import type { Store } from '../store/store';
import { appointmentList } from './appointments';
import { listAttendance } from './attendance-store';
import { ballotsInAgendaOrder, getBallot, namedChoices, type BallotRow } from './ballot-store';
import { ballotRequirement, ballotVerdict, thresholdLabel } from './ballot-words';
import { listSeatCodes } from './pairing';
import { orderForSession } from '../people/name-order';

const METHOD_LABELS = { electronic: '电子表决器', show_of_hands: '举手', paper: '纸质票' } as const;
const ATTENDANCE_LABELS = { present: '出席', leave: '请假', absent: '缺席', left: '离会' } as const;

function heading(store: Store, sessionId: number) {
  return docHeading(store, sessionId);
}

function methodText(b: BallotRow): string {
  return b.method === 'electronic' ? `${b.secret ? '无记名' : '记名'}按表决器表决` : `${METHOD_LABELS[b.method]}表决`;
}

/** 未按表决器 exists only where there are keypads. */
const keypads = (b: Pick<BallotRow, 'method'>): boolean => b.method === 'electronic';

/** "赞成18票，反对1票，弃权1票，未按表决器2人。通过" for keypads; without 未按 for paper and hands. */
export function ballotAnnouncement(b: BallotRow): string {
  const r = b.result!;
  return `${countsText(r, keypads(b))}。${verdictWord(r)}`;
}

export function ballotResultDoc(store: Store, ballotId: number): DocModel {
  const b = getBallot(store, ballotId);
  const { session, issuer, date } = heading(store, b.sessionId);
  const item = getItem(store, b.itemId);
  const r = b.result;
  const method = keypads(b) ? `${methodText(b)}；${b.pressRule === 'first' ? '以第一次按键为准' : '以最后一次按键为准'}` : methodText(b);
  const times = b.openedAt ? `表决开始时间：${clockTime(b.openedAt)}${b.closedAt ? `　表决结束时间：${clockTime(b.closedAt)}` : ''}` : '';
  const blocks: Block[] = [
    { type: 'paragraph', text: `表决事项：${ballotWords(b)}${b.round > 1 ? `（第${b.round}轮）` : ''}`, indent: false },
    { type: 'paragraph', text: `议程：第${item.position}项 ${item.title}`, indent: false },
    { type: 'paragraph', text: `表决方式：${method}`, indent: false },
    { type: 'paragraph', text: `会议日期：${date}${times ? `　${times}` : ''}`, indent: false },
    { type: 'paragraph', text: openingAttendanceLine(b.expected, session.expectedReason, b.eligible.length, b.rules.quorum), indent: false },
    { type: 'paragraph', text: `通过条件：${thresholdLabel(b)}，${ballotRequirement(b) ?? '以投票总数为基数'}。`, indent: false },
    ...(r?.sheets ? [{ type: 'paragraph' as const, text: `表决票：${paperSheetsText(r.sheets)}。`, indent: false }] : []),
    ...ballotVoidLines(store, b).map((text): Block => ({ type: 'paragraph', text, indent: false })),
  ];
  if (r) {
    const counts = [{ header: '赞成', width: 1, align: 'center' as const }, { header: '反对', width: 1, align: 'center' as const }, { header: '弃权', width: 1, align: 'center' as const }];
    const notPressed = keypads(b) ? [{ header: '未按表决器', width: 1.3, align: 'center' as const }] : [];
    blocks.push(
      {
        type: 'table',
        columns: [...counts, ...notPressed, { header: '表决结果', width: 1.3, align: 'center' }],
        rows: [[`${r.yes}`, `${r.no}`, `${r.abstain}`, ...(keypads(b) ? [`${r.notPressed}`] : []), verdictWord(r)]],
      },
      { type: 'paragraph', text: `${ballotAnnouncement(b)}。${ballotVerdict(b)}` },
    );
  } else blocks.push({ type: 'paragraph', text: '本轮表决尚未结束。' });
  if (!b.secret && b.method === 'electronic' && b.state !== 'draft') {
    const choices = namedChoices(store, b.id);
    const rows = orderForSession(store, b.sessionId, listAttendance(store, b.sessionId), (a) => a.name, (a) => a.role).map((a) => [
      a.seat === null ? '' : String(a.seat),
      a.name,
      b.eligible.includes(a.memberId) ? (choices.has(a.memberId) ? CHOICE_LABELS[choices.get(a.memberId)!] : '未按') : '未出席',
    ]);
    blocks.push({ type: 'heading3', text: '记名表决名单' }, { type: 'table', columns: [{ header: '座位号', width: 1, align: 'center' }, { header: '姓名', width: 2, align: 'center' }, { header: '表决情况', width: 2, align: 'center' }], rows });
  }
  return { kind: 'ballot-result', fileTitle: clipText(`表决结果-${ballotWords(b)}`, 80), title: '表决结果', subtitle: `（${session.title}）`, blocks, signature: { issuer, date } };
}

/** 表决结果汇总表: every ballot of the session in the agenda's order, an item's 单独表决 before its whole text (ballotsInAgendaOrder). */
export function resultSheetDoc(store: Store, sessionId: number): DocModel {
  const { session, issuer, date } = heading(store, sessionId);
  const ballots = ballotsInAgendaOrder(store, sessionId);
  const rows = ballots.map((b, i) => {
    const r = b.result;
    return [String(i + 1), `${ballotWords(b)}${b.round > 1 ? `（第${b.round}轮）` : ''}`, methodText(b), r ? `${r.yes}` : '', r ? `${r.no}` : '', r ? `${r.abstain}` : '', r && keypads(b) ? `${r.notPressed}` : '—', r ? verdictWord(r) : '未完成'];
  });
  return {
    kind: 'session-results',
    fileTitle: `表决结果汇总-${session.title}`,
    title: '表决结果汇总表',
    subtitle: `（${session.title}）`,
    blocks: [
      { type: 'paragraph', text: `会议日期：${date}　${expectedLine(session.expectedMembers, session.expectedReason)}。`, indent: false },
      {
        type: 'table',
        fontSize: 11,
        columns: [{ header: '序号', width: 0.7, align: 'center' }, { header: '表决事项', width: 4 }, { header: '方式', width: 2, align: 'center' }, { header: '赞成', width: 0.8, align: 'center' }, { header: '反对', width: 0.8, align: 'center' }, { header: '弃权', width: 0.8, align: 'center' }, { header: '未按', width: 0.8, align: 'center' }, { header: '结果', width: 1, align: 'center' }],
        rows,
      },
      ...ballots.flatMap((b, i): Block[] =>
        b.result?.sheets ? [{ type: 'paragraph', text: `第${i + 1}项${ballotWords(b)}（纸质票表决）：${paperSheetsText(b.result.sheets)}。`, indent: false }] : [],
      ),
    ],
    signature: { issuer, date },
  };
}

export function signInSheetDoc(store: Store, sessionId: number): DocModel {
  const { session, issuer, date } = heading(store, sessionId);
  const rows = orderForSession(store, sessionId, listAttendance(store, sessionId), (a) => a.name, (a) => a.role).map((a) => [
    a.seat === null ? '' : String(a.seat),
    a.name,
    a.role,
    `${ATTENDANCE_LABELS[a.status]}${a.late ? '（迟到）' : ''}`,
    a.signedInAt ? clockTime(a.signedInAt) : '',
  ]);
  const present = rows.filter((r) => r[3]!.startsWith('出席') || r[3]!.startsWith('离会')).length;
  return {
    kind: 'sign-in',
    fileTitle: `签到表-${session.title}`,
    title: '签到表',
    subtitle: `（${session.title}）`,
    blocks: [
      { type: 'paragraph', text: `会议时间：${date}${session.startTime ? ` ${session.startTime}` : ''}　地点：${session.place}`, indent: false },
      { type: 'paragraph', text: `${expectedLine(session.expectedMembers, session.expectedReason)}，签到${present}人。`, indent: false },
      { type: 'table', columns: [{ header: '座位号', width: 1, align: 'center' }, { header: '姓名', width: 2, align: 'center' }, { header: '职务', width: 1.5, align: 'center' }, { header: '出席情况', width: 2, align: 'center' }, { header: '签到时间', width: 1.5, align: 'center' }], rows },
    ],
    signature: { issuer, date },
  };
}

/**
 * 任免名单: only the persons whose ballot adopted them, under their action's heading ("决定任命："，
 * "任命："，"决定免去："… in that order, domain/appointments.ts), under the 题注
 * "（2026年9月22日…会议通过）". Rejected persons appear in the results, never here.
 */
export function appointmentListDoc(store: Store, sessionId: number): DocModel {
  const { session, committee, date } = heading(store, sessionId);
  const entries = orderForSession(store, sessionId, appointmentList(store, sessionId), (e) => e.name);
  const blocks: Block[] = [];
  for (const section of appointmentSections(entries.map((e) => ({ action: e.actionKey, name: e.name, post: e.post, adopted: e.result?.adopted === true })))) {
    blocks.push({ type: 'paragraph', text: `${section.heading}：`, indent: false });
    section.lines.forEach((line, i) => blocks.push({ type: 'paragraph', text: `${line}${i === section.lines.length - 1 ? '。' : '；'}` }));
  }
  if (!blocks.length) blocks.push({ type: 'paragraph', text: '本次会议没有通过的人事任免事项。' });
  return {
    kind: 'appointments',
    fileTitle: `任免名单-${session.title}`,
    title: `${committee}\n任免名单`,
    subtitle: `（${date}${session.title}通过）`,
    blocks,
  };
}

export function seatCodesDoc(store: Store, sessionId: number, terminalUrl: string | null): DocModel {
  const { session, date } = heading(store, sessionId);
  const rows = listSeatCodes(store, sessionId).map((c) => [c.seat === null ? '' : String(c.seat), c.name, c.kind === 'member' ? '组成人员' : '列席', c.code, c.used ? '已使用' : '']);
  return {
    kind: 'seat-codes',
    fileTitle: `座位码-${session.title}`,
    title: '终端座位码',
    subtitle: `（${session.title}，${date}）`,
    blocks: [
      { type: 'paragraph', text: `请在终端浏览器中打开：${terminalUrl ?? '（见控制台）'}，输入本人座位码。座位码只能使用一次。`, indent: false },
      { type: 'table', columns: [{ header: '座位号', width: 1, align: 'center' }, { header: '姓名', width: 2, align: 'center' }, { header: '身份', width: 1.5, align: 'center' }, { header: '座位码', width: 1.5, align: 'center' }, { header: '状态', width: 1, align: 'center' }], rows },
    ],
  };
}
