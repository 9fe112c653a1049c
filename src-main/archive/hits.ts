// One result line per archive entry: what it is, which session it belongs to, its status in words,
// a second line that says more (a ballot's announced result, an opinion's 文号 and addressee, the
// item a remark was made on) and, for long texts, the passage around the searched word. The entries
// of a page are described with one query per kind, never one per entry.
import { agendaKindLabel, type AgendaKind } from '../domain/agenda';
import { scaleWords, type Scale } from '../domain/satisfaction';
import { scalesOfItems } from '../assessment/assessment-store';
import { sessionTitle } from '../domain/numerals';
import { formatDocNumber } from '../domain/review';
import { ballotWords } from '../domain/provision-vote';
import { getCommittee } from '../store/committee';
import type { Store } from '../store/store';
import { ARCHIVE_KIND_LABELS, statusLabel, type ArchiveKind } from '../shared/archive-kinds';
import type { EntryRow } from './search';
import { snippetOf, type Snippet } from './snippet';

export interface ArchiveHit {
  /** The entry's key: its place in the archive's order (newest first). */
  key: number;
  kind: ArchiveKind;
  kindLabel: string;
  /** Id in the entry's own table (sessions, ballots, review_opinions…). */
  refId: number;
  sessionId: number | null;
  sessionTitle: string | null;
  sessionStatus: 'draft' | 'open' | 'closed' | null;
  date: string;
  year: number;
  status: string;
  statusLabel: string;
  title: string;
  detail: string;
  snippet: Snippet | null;
}

interface Described {
  title?: string;
  detail: string;
  text?: string;
}

const inList = 'IN (SELECT value FROM json_each(?))';

type Describer = (store: Store, ids: number[]) => Map<number, Described>;

function byId<R extends { id: number }>(rows: R[], f: (r: R) => Described): Map<number, Described> {
  return new Map(rows.map((r) => [r.id, f(r)]));
}

const all = <R>(store: Store, sql: string, ids: number[]) => store.db.prepare(sql).all(JSON.stringify(ids)) as R[];

const DESCRIBE: Record<ArchiveKind, Describer> = {
  session: (store, ids) =>
    byId(all<{ id: number; place: string; chair: string }>(store, `SELECT id, place, chair FROM sessions WHERE id ${inList}`, ids), (r) => ({
      detail: [r.place, r.chair && `主持人：${r.chair}`].filter(Boolean).join(' · '),
    })),
  item: (store, ids) => {
    const scaleOf = scalesOfItems(store, ids);
    return byId(all<{ id: number; kind: AgendaKind; presenter: string }>(store, `SELECT id, kind, presenter FROM agenda_items WHERE id ${inList}`, ids), (r) => ({
      detail: [agendaKindLabel(r.kind, scaleOf.get(r.id) ?? 'three'), r.presenter && `报告人：${r.presenter}`].filter(Boolean).join(' · '),
    }));
  },
  ballot: (store, ids) =>
    byId(
      all<{ id: number; round: number; secret: number; method: string; announcement: string | null; subject: string; provision: string | null }>(
        store,
        `SELECT b.id, b.round, b.secret, b.method, b.announcement, b.subject, b.provision FROM ballots b WHERE b.id ${inList}`,
        ids,
      ),
      (r) => ({
        // a provision's ballot named as every face names it (对……进行单独表决)
        title: ballotWords(r),
        detail: [r.round > 1 ? `第${r.round}轮` : '', r.secret ? '无记名' : '记名', r.method === 'electronic' ? '' : r.method === 'paper' ? '纸质' : '举手', r.announcement ?? '']
          .filter(Boolean)
          .join(' · '),
      }),
    ),
  assessment: (store, ids) =>
    byId(all<{ id: number; kind: string; method: string; scale: Scale | null }>(store, `SELECT id, kind, method, scale FROM assessments WHERE id ${inList}`, ids), (r) => ({
      detail: [r.kind === 'project' ? '票决' : scaleWords(r.scale ?? 'three').scaleTitle, r.method === 'paper' ? '纸质' : '电子'].join(' · '),
    })),
  opinion: (store, ids) =>
    byId(
      all<{ id: number; doc_prefix: string; doc_year: number | null; doc_seq: number | null; addressee: string; deadline: string | null; opening: string; body: string }>(
        store,
        `SELECT id, doc_prefix, doc_year, doc_seq, addressee, deadline, opening, body FROM review_opinions WHERE id ${inList}`,
        ids,
      ),
      (r) => ({
        detail: [
          r.doc_seq !== null && r.doc_year !== null ? formatDocNumber(r.doc_prefix, r.doc_year, r.doc_seq) : '未编号',
          r.addressee && `主送：${r.addressee}`,
          r.deadline && `办理期限：${r.deadline}`,
        ]
          .filter(Boolean)
          .join(' · '),
        text: [r.opening, ...(JSON.parse(r.body) as { text: string }[]).map((b) => b.text)].filter(Boolean).join(' '),
      }),
    ),
  remark: (store, ids) =>
    byId(
      all<{ id: number; group_name: string; text: string; item: string }>(
        store,
        `SELECT r.id, r.group_name, r.text, a.title AS item FROM review_remarks r JOIN agenda_items a ON a.id = r.item_id WHERE r.id ${inList}`,
        ids,
      ),
      (r) => ({ detail: [r.item, r.group_name].filter(Boolean).join(' · '), text: r.text }),
    ),
  document: (store, ids) =>
    byId(
      all<{ id: number; item: string }>(store, `SELECT d.id, a.title AS item FROM documents d JOIN agenda_items a ON a.id = d.item_id WHERE d.id ${inList}`, ids),
      (r) => ({ detail: r.item }),
    ),
  resolution: (store, ids) =>
    byId(all<{ id: number; body: string }>(store, `SELECT id, body FROM resolutions WHERE id ${inList}`, ids), (r) => ({ detail: '', text: r.body })),
};

interface SessionRef {
  id: number;
  region: string;
  term: number;
  number: number;
  status: 'draft' | 'open' | 'closed';
}

export function describeHits(store: Store, rows: EntryRow[], words: readonly string[]): ArchiveHit[] {
  const described = new Map<string, Described>();
  for (const kind of new Set(rows.map((r) => r.kind))) {
    const ids = rows.filter((r) => r.kind === kind).map((r) => r.ref_id);
    for (const [id, d] of DESCRIBE[kind](store, ids)) described.set(`${kind}#${id}`, d);
  }
  const sessionIds = [...new Set(rows.map((r) => r.session_id).filter((s): s is number => s !== null))];
  const sessions = new Map(
    all<SessionRef>(store, `SELECT id, region, term, number, status FROM sessions WHERE id ${inList}`, sessionIds).map((s) => [s.id, s]),
  );
  const region = getCommittee(store).region;
  return rows.map((r) => {
    const d = described.get(`${r.kind}#${r.ref_id}`) ?? { detail: '' };
    const s = r.session_id === null ? undefined : sessions.get(r.session_id);
    const title = s ? sessionTitle(s.region || region, s.term, s.number) : null;
    return {
      key: r.id,
      kind: r.kind,
      kindLabel: ARCHIVE_KIND_LABELS[r.kind],
      refId: r.ref_id,
      sessionId: r.session_id,
      sessionTitle: title,
      sessionStatus: s?.status ?? null,
      date: r.date,
      year: r.year,
      status: r.status,
      statusLabel: statusLabel(r.kind, r.status),
      title: r.kind === 'session' && title ? title : (d.title ?? r.title),
      detail: d.detail,
      snippet: d.text && words.length > 0 ? snippetOf(d.text, words) : null,
    };
  });
}
