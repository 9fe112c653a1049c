// Resolutions and decisions (决议/决定): when a vote item is adopted, the console offers its
// resolution with the title from the item, the line "（2026年9月22日……第十六次会议通过）" built from
// the session, and an editable body. Numbered 1, 2, … within the session and kept with it.
import { AppError } from '../shared/result';
import { chineseDate, committeeName } from '../domain/numerals';
import { getItem, listItems } from '../store/agenda';
import type { Actor } from '../store/audit';
import { getCommittee } from '../store/committee';
import { getSession } from '../store/sessions';
import type { Store } from '../store/store';
import { adoptionLine, resolutionKindOf, resolutionTitleOf } from '../domain/review';

export const RESOLUTION_KIND_LABELS = { resolution: '决议', decision: '决定' } as const;
export type ResolutionKind = keyof typeof RESOLUTION_KIND_LABELS;

export interface Resolution {
  id: number;
  sessionId: number;
  itemId: number;
  ballotId: number | null;
  seq: number;
  kind: ResolutionKind;
  kindLabel: string;
  title: string;
  /** "（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）" */
  adoptedLine: string;
  /** One paragraph per line; a line starting "一、", "（一）" or "1." is a heading of that level. */
  body: string;
  redHeader: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ResolutionFields {
  kind: ResolutionKind;
  title: string;
  body: string;
  redHeader: boolean;
}

interface Row {
  id: number;
  session_id: number;
  item_id: number;
  ballot_id: number | null;
  seq: number;
  kind: ResolutionKind;
  title: string;
  body: string;
  red_header: number;
  created_at: string;
  updated_at: string;
}

function toResolution(store: Store, r: Row): Resolution {
  const s = getSession(store, r.session_id);
  return {
    id: r.id,
    sessionId: r.session_id,
    itemId: r.item_id,
    ballotId: r.ballot_id,
    seq: r.seq,
    kind: r.kind,
    kindLabel: RESOLUTION_KIND_LABELS[r.kind],
    title: r.title,
    adoptedLine: adoptionLine(chineseDate(s.date), s.title),
    body: r.body,
    redHeader: r.red_header === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getResolution(store: Store, id: number): Resolution {
  const row = store.db.prepare('SELECT * FROM resolutions WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', `找不到编号为${id}的决议或决定`);
  return toResolution(store, row);
}

export function listResolutions(store: Store, sessionId: number): Resolution[] {
  return (store.db.prepare('SELECT * FROM resolutions WHERE session_id = ? ORDER BY seq').all(sessionId) as Row[]).map((r) => toResolution(store, r));
}

/** The item's deciding ballot: its newest closed or announced one. */
function decidingBallot(store: Store, itemId: number): { id: number; adopted: boolean } | null {
  const b = store.db
    .prepare("SELECT id, adopted FROM ballots WHERE item_id = ? AND state IN ('closed', 'announced') AND adopted IS NOT NULL ORDER BY round DESC, id DESC LIMIT 1")
    .get(itemId) as { id: number; adopted: number } | undefined;
  return b ? { id: b.id, adopted: b.adopted === 1 } : null;
}

export interface ResolutionCandidate {
  itemId: number;
  position: number;
  title: string;
  /** null: not voted yet. */
  adopted: boolean | null;
  ballotId: number | null;
  resolutionId: number | null;
}

/** The session's vote items with their result and resolution, if any: adopted ones without one are offered. */
export function resolutionCandidates(store: Store, sessionId: number): ResolutionCandidate[] {
  const made = new Map(listResolutions(store, sessionId).map((r) => [r.itemId, r.id]));
  return listItems(store, sessionId)
    .filter((i) => i.kind === 'vote')
    .map((i) => {
      const b = decidingBallot(store, i.id);
      return { itemId: i.id, position: i.position, title: i.title, adopted: b?.adopted ?? null, ballotId: b?.id ?? null, resolutionId: made.get(i.id) ?? null };
    });
}

export function createResolution(store: Store, who: Actor, itemId: number): Resolution {
  return store.change(who, () => {
    const item = getItem(store, itemId);
    if (item.kind !== 'vote') throw new AppError('INVALID_STATE', `“${item.title}”不是表决事项`);
    const b = decidingBallot(store, itemId);
    if (!b) throw new AppError('INVALID_STATE', `“${item.title}”尚未表决`);
    if (!b.adopted) throw new AppError('INVALID_STATE', `“${item.title}”表决未通过，不能形成决议或决定`);
    const existing = store.db.prepare('SELECT id FROM resolutions WHERE item_id = ?').get(itemId) as { id: number } | undefined;
    if (existing) throw new AppError('CONFLICT', `“${item.title}”已经形成决议或决定`);
    const title = resolutionTitleOf(committeeName(getCommittee(store).region), item.title);
    const seq = (store.db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM resolutions WHERE session_id = ?').get(item.sessionId) as { n: number }).n;
    const now = new Date().toISOString();
    const id = Number(
      store.db
        .prepare('INSERT INTO resolutions (session_id, item_id, ballot_id, seq, kind, title, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(item.sessionId, itemId, b.id, seq, resolutionKindOf(title), title, '', now, now).lastInsertRowid,
    );
    store.audit.recordRow(who, 'resolution.create', 'resolutions', id);
    return getResolution(store, id);
  });
}

export function updateResolution(store: Store, who: Actor, id: number, f: ResolutionFields): Resolution {
  return store.change(who, () => {
    getResolution(store, id);
    store.db
      .prepare('UPDATE resolutions SET kind = ?, title = ?, body = ?, red_header = ?, updated_at = ? WHERE id = ?')
      .run(f.kind, f.title.trim(), f.body.replace(/\r\n?/g, '\n').trim(), f.redHeader ? 1 : 0, new Date().toISOString(), id);
    store.audit.recordRow(who, 'resolution.update', 'resolutions', id);
    return getResolution(store, id);
  });
}

export function deleteResolution(store: Store, who: Actor, id: number): void {
  store.change(who, () => {
    getResolution(store, id);
    store.db.prepare('DELETE FROM resolutions WHERE id = ?').run(id);
    store.audit.recordRow(who, 'resolution.delete', 'resolutions', id);
  });
}
