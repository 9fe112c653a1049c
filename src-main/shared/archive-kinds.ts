// What the archive holds, in the words the console shows: kinds of entry and, per kind, the
// statuses an entry can have (the values migration 007's views write into archive_entries.status).
// The same list as migration 007's (a migration keeps its own frozen copy; tests/unit/backbone/migration-007 checks they agree).
import { OPINION_STATUS_LABELS } from '../domain/review';
import { verdictWord } from '../domain/vote';

export const ARCHIVE_KINDS = ['document', 'remark', 'opinion', 'resolution', 'assessment', 'ballot', 'item', 'session'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

export const ARCHIVE_KIND_LABELS: Record<ArchiveKind, string> = {
  session: '会议',
  item: '议程',
  ballot: '表决',
  assessment: '测评与票决',
  opinion: '审议意见',
  remark: '审议发言',
  document: '会议材料',
  resolution: '决议决定',
};

/** The statuses of each kind, in the order a filter offers them. */
export const ARCHIVE_STATUS_LABELS: Record<ArchiveKind, Record<string, string>> = {
  session: { draft: '草稿', open: '进行中', closed: '已闭会' },
  item: {},
  ballot: { draft: '未开始', open: '表决中', adopted: verdictWord({ adopted: true }), rejected: verdictWord({ adopted: false }) },
  assessment: { draft: '未开始', open: '进行中', closed: '已结束', announced: '已公布' },
  opinion: { ...OPINION_STATUS_LABELS },
  remark: { written: '书面发言', spoken: '口头发言' },
  document: {},
  resolution: { resolution: '决议', decision: '决定' },
};

export function statusLabel(kind: ArchiveKind, status: string): string {
  return ARCHIVE_STATUS_LABELS[kind][status] ?? '';
}
