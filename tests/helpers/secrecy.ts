// The secrecy check of issue 8, which does not trust the schema: given what each press (or sheet)
// changed in the file, cell by cell, and what that member chose, is there any cell or value that
// differs between presses of different choices? It looks at every table and column alike.
import type { CellChange, Value } from './wal';

export interface ObservedPress {
  member: number;
  /** What is secret, one label per dimension: the choice of a press; a sheet's mark for each subject. */
  labels: string[];
  changes: CellChange[];
}

const valueOf = (v: Value | undefined) => (v === undefined ? 'absent' : v === null ? 'null' : Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : `${typeof v}:${String(v)}`);
const shapeOf = (v: Value | undefined) =>
  v === undefined ? 'absent' : v === null ? 'null' : Buffer.isBuffer(v) ? `blob/${v.length}` : typeof v === 'string' ? `text/${Buffer.byteLength(v)}` : typeof v;
const PLAIN = /(^|[^a-z])(yes|no|abstain)([^a-z]|$)|赞成|反对|弃权|满意|称职|选中/;

/**
 * Ways in which the changes link members to what they chose:
 * - a cell changed by presses of two or more members that all had the same label (a counter per
 *   choice, a tally per subject and level…), while the presses as a whole had several labels;
 * - a value, or the length of a value, that two or more members' presses share only with presses of
 *   the same label (a plaintext choice, a receipt whose length depends on it…);
 * - a text cell that spells a choice out.
 */
export function linkingChanges(presses: ObservedPress[]): string[] {
  const problems: string[] = [];
  const dims = presses[0]?.labels.length ?? 0;
  for (let d = 0; d < dims; d++) {
    const label = (p: ObservedPress) => p.labels[d]!;
    if (new Set(presses.map(label)).size < 2) continue;
    const byCell = new Map<string, ObservedPress[]>();
    const byFeature = new Map<string, ObservedPress[]>();
    const byColumn = new Map<string, Set<string>>();
    for (const p of presses) {
      for (const c of p.changes) {
        const column = `${c.table}.${c.column}`;
        const add = (map: Map<string, ObservedPress[]>, key: string) => map.set(key, [...(map.get(key) ?? []), p]);
        add(byCell, `${column}[${c.key}]`);
        add(byFeature, `${column} = ${valueOf(c.after)}`);
        add(byFeature, `${column} ~ ${shapeOf(c.after)}`);
        byColumn.set(column, (byColumn.get(column) ?? new Set()).add(label(p)));
      }
    }
    const oneLabel = (ps: ObservedPress[]) => new Set(ps.map((p) => p.member)).size >= 2 && new Set(ps.map(label)).size === 1;
    for (const [cell, ps] of byCell) {
      if (oneLabel(ps)) problems.push(`[${d}] ${cell} changed only by presses of “${label(ps[0]!)}”`);
    }
    for (const [feature, ps] of byFeature) {
      const column = feature.split(/ [=~] /)[0]!;
      if (oneLabel(ps) && byColumn.get(column)!.size > 1) problems.push(`[${d}] ${feature.slice(0, 120)} only in presses of “${label(ps[0]!)}”`);
    }
  }
  for (const p of presses) {
    for (const c of p.changes) if (typeof c.after === 'string' && PLAIN.test(c.after)) problems.push(`${c.table}.${c.column} spells a choice out: ${c.after.slice(0, 80)}`);
  }
  return [...new Set(problems)];
}
