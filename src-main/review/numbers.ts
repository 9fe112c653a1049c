// The 文号 of one year: which sequence numbers a 机关代字 has used (drafted, registered, sent) and
// the next free one, so the secretary can set or change a draft's number knowing what is taken.
import { formatDocNumber } from '../domain/review';
import type { Store } from '../store/store';
import { nextDocSeq } from './opinions';

export interface UsedNumber {
  seq: number;
  docNumber: string;
  opinionId: number;
  title: string;
  origin: string;
  sent: boolean;
}

export function numbersUsed(store: Store, prefix: string, year: number): { used: UsedNumber[]; next: number } {
  const rows = store.db
    .prepare('SELECT id, doc_seq AS seq, title, origin, sent_at FROM review_opinions WHERE doc_prefix = ? AND doc_year = ? AND doc_seq IS NOT NULL ORDER BY doc_seq')
    .all(prefix, year) as { id: number; seq: number; title: string; origin: string; sent_at: string | null }[];
  return {
    used: rows.map((r) => ({ seq: r.seq, docNumber: formatDocNumber(prefix, year, r.seq), opinionId: r.id, title: r.title.replace(/\n/g, ''), origin: r.origin, sent: r.sent_at !== null })),
    next: nextDocSeq(store, prefix, year),
  };
}
