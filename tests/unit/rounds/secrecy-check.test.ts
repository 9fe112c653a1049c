// The secrecy check (tests/helpers/secrecy.ts) finds the leaks it is meant to find: a counter per
// choice, a plaintext choice, a receipt whose length gives the choice away, per-subject tallies of
// sheets; and it finds nothing in changes that are the same for every choice (sealed receipts).
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkingChanges, type ObservedPress } from '../../helpers/secrecy';
import type { CellChange } from '../../helpers/wal';

const CHOICES = ['yes', 'no', 'abstain'];
const cell = (table: string, key: string, column: string, after: CellChange['after'], before: CellChange['before'] = undefined): CellChange => ({ table, key, column, before, after });
const voterRow = (m: number, receipt: Buffer): CellChange[] => [
  cell('secret_voters', `[1,${m}]`, 'ballot_id', 1),
  cell('secret_voters', `[1,${m}]`, 'member_id', m),
  cell('secret_voters', `[1,${m}]`, 'receipt', receipt),
];
const presses = (changes: (m: number, choice: string) => CellChange[]): ObservedPress[] =>
  Array.from({ length: 9 }, (_, m) => ({ member: m + 1, labels: [CHOICES[m % 3]!], changes: changes(m + 1, CHOICES[m % 3]!) }));

describe('the secrecy check', () => {
  it('finds a counter per choice bumped in the same commit as the voter row (the old design)', () => {
    const counts: Record<string, number> = { yes: 0, no: 0, abstain: 0 };
    const found = linkingChanges(presses((m, c) => [...voterRow(m, randomBytes(40)), cell('secret_counts', `[1,"${c}"]`, 'count', ++counts[c]!, counts[c]! - 1)]));
    expect(found.some((p) => p.includes('secret_counts.count[[1,"yes"]] changed only by presses of “yes”'))).toBe(true);
  });

  it('finds a choice stored in plain text, and a receipt whose length depends on the choice', () => {
    expect(linkingChanges(presses((m, c) => [...voterRow(m, randomBytes(40)), cell('secret_voters', `[1,${m}]`, 'note', c)]))).not.toEqual([]);
    const byLength = linkingChanges(presses((m, c) => voterRow(m, randomBytes(28 + c.length))));
    expect(byLength.some((p) => p.includes('secret_voters.receipt ~ blob/31 only in presses of “yes”'))).toBe(true);
  });

  it('finds per-subject tallies of sheets, subject by subject', () => {
    const sheets: ObservedPress[] = Array.from({ length: 6 }, (_, m) => {
      const marks = [m % 3, (m + 1) % 3];
      return { member: m + 1, labels: marks.map(String), changes: [cell('assessment_voters', `[1,${m}]`, 'member_id', m), ...marks.map((l, s) => cell('assessment_counts', `[1,${s},${l}]`, 'count', m))] };
    });
    const found = linkingChanges(sheets);
    expect(found.some((p) => p.startsWith('[0] assessment_counts.count[[1,0,0]]'))).toBe(true);
    expect(found.some((p) => p.startsWith('[1] assessment_counts.count[[1,1,1]]'))).toBe(true);
  });

  it('finds nothing when every press writes the same shape: one voter row with a sealed receipt of one length', () => {
    expect(linkingChanges(presses((m) => voterRow(m, randomBytes(70))))).toEqual([]);
  });
});
