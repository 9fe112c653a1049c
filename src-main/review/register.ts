// The review-opinion register (审议意见台账): every opinion with its 文号, sent date, deadline,
// status and handling reports, overdue ones first; and the same as an XLSX workbook.
import type { FilePayload } from '../shared/file-payload';
import { chineseDate } from '../domain/numerals';
import { XLSX_MIME } from '../roster-io/export';
import { writeXlsx } from '../roster-io/xlsx';
import type { Actor } from '../store/audit';
import type { Store } from '../store/store';
import { handlingsOf, type Handling } from './handlings';
import { listOpinions, type Opinion } from './opinions';
import { daysBetween, isOverdue, localToday, registerRank } from '../domain/review';

export interface RegisterRow {
  id: number;
  origin: Opinion['origin'];
  docNumber: string | null;
  title: string;
  reportTitle: string;
  addressee: string;
  sessionId: number | null;
  sessionTitle: string;
  status: Opinion['status'];
  statusLabel: string;
  sentAt: string | null;
  deadline: string | null;
  overdue: boolean;
  /** Days past the deadline (overdue) or left until it (owed, not overdue); null otherwise. */
  overdueDays: number | null;
  daysLeft: number | null;
  handlings: Handling[];
}

/** A read: hearings are recorded when the session reaches the item or closes (meeting/engine.ts). */
export function registerRows(store: Store, _who: Actor, today = localToday()): RegisterRow[] {
  const rows = listOpinions(store).map((o): RegisterRow => {
    const overdue = isOverdue(o.status, o.deadline, today);
    const owed = o.deadline !== null && ['sent', 'handling', 'report_again'].includes(o.status);
    return {
      id: o.id,
      origin: o.origin,
      docNumber: o.docNumber,
      title: o.title.replace(/\n/g, ''),
      reportTitle: o.reportTitle,
      addressee: o.addressee,
      sessionId: o.sessionId,
      sessionTitle: o.sessionTitle,
      status: o.status,
      statusLabel: o.statusLabel,
      sentAt: o.sentAt,
      deadline: o.deadline,
      overdue,
      overdueDays: overdue ? daysBetween(o.deadline!, today) : null,
      daysLeft: owed && !overdue ? daysBetween(today, o.deadline!) : null,
      handlings: handlingsOf(store, o.id),
    };
  });
  return rows.sort((a, b) => {
    const [ra, ka] = registerRank(a);
    const [rb, kb] = registerRank(b);
    return ra - rb || (ka < kb ? -1 : ka > kb ? 1 : 0) || (b.sentAt ?? '').localeCompare(a.sentAt ?? '') || a.id - b.id;
  });
}

const dateText = (iso: string | null): string => (iso ? chineseDate(iso) : '');

function handlingText(h: Handling): string {
  const result = h.result ? `${h.result}${h.decidedBy === 'secretary' ? '（会务记录）' : ''}` : h.heardAt ? '已听取，待定' : '待听取';
  return `第${h.round}次：${h.sessionTitle || h.itemTitle}${h.sessionDate ? `（${chineseDate(h.sessionDate)}）` : ''}，${result}`;
}

export async function registerXlsx(store: Store, who: Actor, today = localToday()): Promise<FilePayload> {
  const rows = registerRows(store, who, today);
  const cells = rows.map((r, i) => [
    i + 1,
    r.docNumber ?? '',
    r.title,
    r.addressee,
    r.sessionTitle,
    dateText(r.sentAt),
    dateText(r.deadline),
    r.statusLabel,
    r.overdue ? `逾期${r.overdueDays}天` : r.daysLeft !== null ? `剩余${r.daysLeft}天` : '',
    r.handlings.map(handlingText).join('\n'),
  ]);
  const bytes = await writeXlsx(
    '审议意见台账',
    [
      { header: '序号', width: 6 },
      { header: '文号', width: 20 },
      { header: '审议意见', width: 48 },
      { header: '主送', width: 16 },
      { header: '审议会议', width: 40 },
      { header: '交办日期', width: 14 },
      { header: '办理期限', width: 14 },
      { header: '状态', width: 12 },
      { header: '期限情况', width: 12 },
      { header: '办理情况报告', width: 60 },
    ],
    cells,
  );
  return { fileName: `审议意见台账（${chineseDate(today)}）.xlsx`, mime: XLSX_MIME, base64: bytes.toString('base64') };
}
