import { describe, expect, it } from 'vitest';
import { MORE_THAN_HALF } from '../../../src-main/domain/fraction';
import { consolidateRounds, projectBallotResult, validateProjectSheet } from '../../../src-main/domain/project-ballot';

describe('project ballot sheet validity (choose at most N of M)', () => {
  it('a sheet marking more than N is invalid (11 marks of at most 10)', () => {
    const eleven = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(validateProjectSheet(eleven, 15, 10)).toEqual({ valid: false, reason: '所选项目超过10个，本票无效' });
    expect(validateProjectSheet(eleven.slice(0, 10), 15, 10)).toEqual({ valid: true });
  });
  it('an empty sheet is a valid blank ballot', () => {
    expect(validateProjectSheet([], 15, 10)).toEqual({ valid: true });
  });
  it('a repeated or unknown candidate makes the sheet invalid', () => {
    expect(validateProjectSheet([1, 1], 15, 10)).toEqual({ valid: false, reason: '同一项目重复选择，本票无效' });
    expect(validateProjectSheet([15], 15, 10)).toEqual({ valid: false, reason: '所选项目不在候选项目之列，本票无效' });
    expect(validateProjectSheet([-1], 15, 10).valid).toBe(false);
    expect(validateProjectSheet([1.5], 15, 10).valid).toBe(false);
  });
});

describe('project ballot result', () => {
  it('rank by votes, equal votes share a rank; the top N are selected', () => {
    const r = projectBallotResult([30, 12, 25, 25, 5, 0], { chooseMax: 3, validSheets: 33 });
    expect(r.ranking.map((x) => [x.index, x.votes, x.rank, x.eligible, x.selected])).toEqual([
      [0, 30, 1, true, true],
      [2, 25, 2, true, true],
      [3, 25, 2, true, true],
      [1, 12, 4, true, false],
      [4, 5, 5, true, false],
      [5, 0, 6, false, false],
    ]);
    expect(r.tieAtCutoff).toEqual([]);
    expect(r.selectedCount).toBe(3);
  });
  it('a tie at the cut-off goes to a new ballot: the tied group is not selected', () => {
    // 3 places; 30, 25 are clear; 20, 20, 20 tie for the last place
    const r = projectBallotResult([30, 20, 25, 20, 20, 3], { chooseMax: 3, validSheets: 40 });
    expect(r.ranking.filter((x) => x.selected).map((x) => x.index)).toEqual([0, 2]);
    expect(r.tieAtCutoff).toEqual([1, 3, 4]);
    expect(r.selectedCount).toBe(2);
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 2, 3, 3, 3, 6]);
  });
  it('a tie within the places is no problem (20, 20 for 2 places)', () => {
    const r = projectBallotResult([20, 20, 10], { chooseMax: 2, validSheets: 33 });
    expect(r.ranking.filter((x) => x.selected).map((x) => x.index)).toEqual([0, 1]);
    expect(r.tieAtCutoff).toEqual([]);
  });
  it('minimum share: a candidate needs more than half of the valid sheets (33 sheets: 17 eligible, 16 not)', () => {
    const r = projectBallotResult([30, 17, 16, 20], { chooseMax: 3, validSheets: 33, minShare: MORE_THAN_HALF });
    expect(r.ranking.map((x) => [x.index, x.eligible, x.selected])).toEqual([
      [0, true, true],
      [3, true, true],
      [1, true, true],
      [2, false, false],
    ]);
    expect(r.selectedCount).toBe(3);
  });
  it('minimum share: the cut-off tie is judged among eligible candidates only', () => {
    const r = projectBallotResult([20, 18, 18, 10], { chooseMax: 2, validSheets: 33, minShare: MORE_THAN_HALF });
    expect(r.ranking.filter((x) => x.selected).map((x) => x.index)).toEqual([0]);
    expect(r.tieAtCutoff).toEqual([1, 2]);
  });
  it('a candidate nobody chose is never selected, even with places left', () => {
    const r = projectBallotResult([5, 0], { chooseMax: 2, validSheets: 10 });
    expect(r.ranking.map((x) => [x.index, x.selected])).toEqual([
      [0, true],
      [1, false],
    ]);
  });
  it('impossible counts are refused (more votes than valid sheets)', () => {
    expect(() => projectBallotResult([34], { chooseMax: 1, validSheets: 33 })).toThrow(RangeError);
    expect(() => projectBallotResult([10, 10], { chooseMax: 1, validSheets: 15 })).toThrow(RangeError);
  });
});

describe('runoff consolidation: one final result across the rounds', () => {
  const round = (n: number, places: number, candidates: string[], selected: [string, number][], tied: string[]) => ({
    round: n,
    places,
    candidates,
    selected: selected.map(([candidate, votes]) => ({ candidate, votes })),
    tied,
  });
  const ten = Array.from({ length: 15 }, (_, i) => `项目${i + 1}`);

  it('runoff consolidation: 8 selected in round 1, 3 tied for 2 places, 2 decided in round 2 → the 10 with their rounds', () => {
    const r1 = round(1, 10, ten, ten.slice(0, 8).map((c, i) => [c, 30 - i]), ['项目9', '项目10', '项目11']);
    const r2 = round(2, 2, ['项目9', '项目10', '项目11'], [['项目11', 20], ['项目9', 13]], []);
    const f = consolidateRounds([r2, r1])!;
    expect(f.complete).toBe(true);
    expect(f.rounds).toEqual([1, 2]);
    expect(f.selected).toHaveLength(10);
    expect(f.selected.slice(7).map((s) => [s.candidate, s.round, s.votes])).toEqual([
      ['项目8', 1, 23],
      ['项目11', 2, 20],
      ['项目9', 2, 13],
    ]);
    expect([f.placesLeft, f.pending]).toEqual([0, []]);
  });

  it('runoff consolidation: a runoff that ties again stays pending for the places left; a third round decides', () => {
    const r1 = round(1, 3, ['甲', '乙', '丙', '丁'], [['甲', 20]], ['乙', '丙', '丁']);
    const r2 = round(2, 2, ['乙', '丙', '丁'], [['乙', 18]], ['丙', '丁']);
    const pending = consolidateRounds([r1, r2])!;
    expect([pending.complete, pending.placesLeft, pending.pending]).toEqual([false, 1, ['丙', '丁']]);
    const done = consolidateRounds([r1, r2, round(3, 1, ['丁', '丙'], [['丁', 17]], [])])!;
    expect(done.selected.map((s) => `${s.candidate}${s.round}`)).toEqual(['甲1', '乙2', '丁3']);
    expect(done.complete).toBe(true);
  });

  it('runoff consolidation: a whole new ballot on the item (not the tied candidates) starts the result again', () => {
    const r1 = round(1, 2, ['甲', '乙', '丙'], [['甲', 20]], ['乙', '丙']);
    const r2 = round(2, 2, ['甲', '乙', '丙'], [['丙', 25], ['乙', 19]], []);
    const f = consolidateRounds([r1, r2])!;
    expect(f.rounds).toEqual([2]);
    expect(f.selected.map((s) => s.candidate)).toEqual(['丙', '乙']);
    expect(consolidateRounds([])).toBeNull();
  });
});
