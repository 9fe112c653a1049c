// Satisfaction ranks break ties (domain/satisfaction.ts rankSubjects): by rate, then by the count of
// the best level, then by the configured order (rules.satisfaction.tieBreak: shared / sheet / strokes).
import { describe, expect, it } from 'vitest';
import { compareByStrokes } from '../../../src-main/domain/strokes';
import { rankSubjects, scaleWords } from '../../../src-main/domain/satisfaction';
import { strokeNames } from '../../../src-main/people/strokes';

interface S {
  index: number;
  name: string;
  levels: [number, number, number];
}
// 33 sheets each. 周 and 王 and 赵 are all at 33/33 = 100%, but 27, 15 and 15 满意; 李 30/33.
const subjects: S[] = [
  { index: 0, name: '周明远', levels: [15, 18, 0] },
  { index: 1, name: '李红', levels: [20, 10, 3] },
  { index: 2, name: '王立新', levels: [27, 6, 0] },
  { index: 3, name: '赵强', levels: [15, 18, 0] },
];
const rate = (s: S) => ({ numerator: s.levels[0] + s.levels[1], denominator: 33 });
const best = (s: S) => s.levels[0];
const ranks = (list: Array<S & { rank: number }>) => list.map((x) => `${x.rank}${x.name}`);

describe('satisfaction ranks: tie-breaks', () => {
  it('tie-break by the best level: equal rates, more 满意 ranks higher (27 满意 above 15 满意)', () => {
    expect(ranks(rankSubjects(subjects, rate, { best }))).toEqual(['1王立新', '2周明远', '2赵强', '4李红']);
    // Without the rule they would all share rank 1.
    expect(ranks(rankSubjects(subjects, rate))).toEqual(['1周明远', '1王立新', '1赵强', '4李红']);
  });

  it('tie-break then by the configured order: sheet order gives each its own rank', () => {
    const sheet = (a: S, b: S) => a.index - b.index;
    expect(ranks(rankSubjects([...subjects].reverse(), rate, { best, thenBy: sheet }))).toEqual(['1王立新', '2周明远', '3赵强', '4李红']);
  });

  it('tie-break then by surname strokes: 周 (8 strokes) before 赵 (9)', () => {
    const strokes = (a: S, b: S) => compareByStrokes(a.name, b.name, strokeNames);
    expect(ranks(rankSubjects([subjects[3]!, subjects[0]!], rate, { best, thenBy: strokes }))).toEqual(['1周明远', '2赵强']);
  });

  it('subjects nobody rated share the last rank whatever the order', () => {
    const none = [
      { index: 0, name: '甲', levels: [0, 0, 0] as [number, number, number] },
      { index: 1, name: '乙', levels: [0, 0, 0] as [number, number, number] },
    ];
    const r = rankSubjects(none, () => ({ numerator: 0, denominator: 0 }), { best, thenBy: (a, b) => a.index - b.index });
    expect(r.map((x) => x.rank)).toEqual([1, 1]);
  });

  it('the four-level scale is titled by its scale (称职测评, 称职率), the three-level one 满意度测评', () => {
    expect(scaleWords('four')).toEqual({ scaleTitle: '称职测评', rateLabel: '称职率' });
    expect(scaleWords('three')).toEqual({ scaleTitle: '满意度测评', rateLabel: '满意率' });
  });
});
