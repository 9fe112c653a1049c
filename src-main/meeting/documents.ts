// The live session's documents as DocModels for the formal layout engine: a ballot's result (with
// the member list for named votes), the session's result sheet, the sign-in sheet, the appointment
// list and the seat codes.
import { chineseDate } from '../domain/numerals';
import { CHOICE_LABELS } from '../domain/vote';
import type { Block, DocModel } from '../documents/model';
import { getItem } from '../store/agenda';
import { getCommittee } from '../store/committee';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { appointmentList } from './appointments';
import { listAttendance } from './attendance-store';
import { getBallot, listBallots, namedChoices, type BallotRow } from './ballot-store';
import { listSeatCodes } from './pairing';
import { orderForSession } from '../people/name-order';

const METHOD_LABELS = { electronic: '电子表决器', show_of_hands: '举手', paper: '纸质票' } as const;
const ATTENDANCE_LABELS = { present: '出席', leave: '请假', absent: '缺席', left: '离会' } as const;

function time(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日 ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function heading(store: Store, sessionId: number) {
  const s = getSession(store, sessionId);
  return { session: s, issuer: `${getCommittee(store).region}人民代表大会常务委员会办公室`, date: chineseDate(s.date) };
}

function methodText(b: BallotRow): string {
  return b.method === 'electronic' ? `${b.secret ? '无记名' : '记名'}按表决器表决` : `${METHOD_LABELS[b.method]}表决`;
}

export function ballotResultDoc(store: Store, ballotId: number): DocModel {
  const b = getBallot(store, ballotId);
  const { session, issuer, date } = heading(store, b.sessionId);
  const item = getItem(store, b.itemId);
  const r = b.result;
  const blocks: Block[] = [
    { type: 'paragraph', text: `表决事项：${b.subject}${b.round > 1 ? `（第${b.round}轮）` : ''}`, indent: false },
    { type: 'paragraph', text: `议程：第${item.position}项 ${item.title}`, indent: false },
    { type: 'paragraph', text: `表决方式：${methodText(b)}；${b.pressRule === 'first' ? '以第一次按键为准' : '以最后一次按键为准'}`, indent: false },
    { type: 'paragraph', text: `开始时间：${time(b.openedAt)}　结束时间：${time(b.closedAt)}`, indent: false },
    { type: 'paragraph', text: `应出席常委会组成人员${b.expected}人，表决开始时实到${b.eligible.length}人。`, indent: false },
  ];
  if (r) {
    blocks.push(
      { type: 'table', columns: [{ header: '赞成', width: 1, align: 'center' }, { header: '反对', width: 1, align: 'center' }, { header: '弃权', width: 1, align: 'center' }, { header: '未按表决器', width: 1.3, align: 'center' }, { header: '表决结果', width: 1.3, align: 'center' }], rows: [[`${r.yes}`, `${r.no}`, `${r.abstain}`, `${r.notPressed}`, r.adopted ? '通过' : '未通过']] },
      { type: 'paragraph', text: `${r.announcement}。通过条件：${r.rule}（${r.base}人的要求为至少${r.required}票）。` },
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
  return { kind: 'ballot-result', fileTitle: `表决结果-${b.subject}`.slice(0, 80), title: '表决结果', subtitle: `（${session.title}）`, blocks, signature: { issuer, date } };
}

export function resultSheetDoc(store: Store, sessionId: number): DocModel {
  const { session, issuer, date } = heading(store, sessionId);
  const rows = listBallots(store, sessionId).map((b, i) => {
    const r = b.result;
    return [String(i + 1), `${b.subject}${b.round > 1 ? `（第${b.round}轮）` : ''}`, methodText(b), r ? `${r.yes}` : '', r ? `${r.no}` : '', r ? `${r.abstain}` : '', r ? `${r.notPressed}` : '', r ? (r.adopted ? '通过' : '未通过') : '未完成'];
  });
  return {
    kind: 'session-results',
    fileTitle: `表决结果汇总-${session.title}`,
    title: '表决结果汇总表',
    subtitle: `（${session.title}）`,
    blocks: [
      { type: 'paragraph', text: `应出席常委会组成人员${session.expectedMembers}人。`, indent: false },
      {
        type: 'table',
        fontSize: 11,
        columns: [{ header: '序号', width: 0.7, align: 'center' }, { header: '表决事项', width: 4 }, { header: '方式', width: 2, align: 'center' }, { header: '赞成', width: 0.8, align: 'center' }, { header: '反对', width: 0.8, align: 'center' }, { header: '弃权', width: 0.8, align: 'center' }, { header: '未按', width: 0.8, align: 'center' }, { header: '结果', width: 1, align: 'center' }],
        rows,
      },
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
    a.signedInAt ? time(a.signedInAt).split(' ')[1]! : '',
  ]);
  const present = rows.filter((r) => r[3]!.startsWith('出席') || r[3]!.startsWith('离会')).length;
  return {
    kind: 'sign-in',
    fileTitle: `签到表-${session.title}`,
    title: '签到表',
    subtitle: `（${session.title}）`,
    blocks: [
      { type: 'paragraph', text: `会议时间：${date}${session.startTime ? ` ${session.startTime}` : ''}　地点：${session.place}`, indent: false },
      { type: 'paragraph', text: `应出席常委会组成人员${session.expectedMembers}人，签到${present}人。`, indent: false },
      { type: 'table', columns: [{ header: '座位号', width: 1, align: 'center' }, { header: '姓名', width: 2, align: 'center' }, { header: '职务', width: 1.5, align: 'center' }, { header: '出席情况', width: 2, align: 'center' }, { header: '签到时间', width: 1.5, align: 'center' }], rows },
    ],
    signature: { issuer, date },
  };
}

export function appointmentListDoc(store: Store, sessionId: number): DocModel {
  const { session, issuer, date } = heading(store, sessionId);
  const entries = orderForSession(store, sessionId, appointmentList(store, sessionId), (e) => e.name);
  const blocks: Block[] = [];
  for (const action of ['任命', '免去'] as const) {
    const list = entries.filter((e) => e.action === action);
    if (!list.length) continue;
    blocks.push({ type: 'heading1', text: action === '任命' ? '一、任命' : `${blocks.length ? '二' : '一'}、免去` });
    for (const e of list) {
      const verdict = e.result ? `（赞成${e.result.yes}票，反对${e.result.no}票，弃权${e.result.abstain}票，${e.result.adopted ? '通过' : '未通过'}）` : '（尚未表决）';
      blocks.push({ type: 'paragraph', text: `${action === '任命' ? `${e.name}为${e.post}` : `${e.name}的${e.post}职务`}${verdict}` });
    }
  }
  if (!blocks.length) blocks.push({ type: 'paragraph', text: '本次会议没有人事任免事项。' });
  return { kind: 'appointments', fileTitle: `任免名单-${session.title}`, title: '人事任免名单', subtitle: `（${session.title}）`, blocks, signature: { issuer, date } };
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
