import { describe, expect, it } from 'vitest';
import {
  assessSubject,
  countAssessmentSheets,
  percentText,
  rankSubjects,
  type AssessOptions,
} from '../../../src-main/domain/satisfaction';

const A = (sheetsReturned: number, allMembers = 33, scale: AssessOptions['scale'] = 'three'): AssessOptions => ({
  scale,
  rule: 'rate',
  sheetsReturned,
  allMembers,
});
const B = (sheetsReturned: number, allMembers = 33, scale: AssessOptions['scale'] = 'three'): AssessOptions => ({
  scale,
  rule: 'grade',
  sheetsReturned,
  allMembers,
});

describe('satisfaction rate as a percentage (integer math, half up)', () => {
  it('rate percent: 29/33 → "87.88%"; 1/3 → "33.33%"; 2/3 → "66.67%"', () => {
    expect(percentText(29, 33)).toBe('87.88%');
    expect(percentText(1, 3)).toBe('33.33%');
    expect(percentText(2, 3)).toBe('66.67%');
  });
  it('rate percent: an exact half rounds up (1/32 = 3.125% → "3.13%", 201/20000 = 1.005% → "1.01%")', () => {
    expect(percentText(1, 32)).toBe('3.13%');
    expect(percentText(201, 20000)).toBe('1.01%');
    expect(percentText(1, 160)).toBe('0.63%');
  });
  it('rate percent: bounds "0.00%" and "100.00%"', () => {
    expect(percentText(0, 5)).toBe('0.00%');
    expect(percentText(33, 33)).toBe('100.00%');
  });
});

describe('rule A (rate): (满意 + 基本满意) / sheets returned', () => {
  it('rule A: 20 满意 + 9 基本满意 of 33 sheets → 87.88%, grade 满意, no consequence', () => {
    expect(assessSubject({ levels: [20, 9, 4], unmarked: 0 }, A(33))).toEqual({
      rate: { numerator: 29, denominator: 33, percent: '87.88%' },
      grade: '满意',
      gradeIndex: 0,
      consequence: null,
    });
  });
  it('rule A, unmarked subjects counted against (default): rate over all sheets returned (24 of 33 → 72.73%)', () => {
    const r = assessSubject({ levels: [14, 10, 6], unmarked: 3 }, A(33));
    expect(r.rate).toEqual({ numerator: 24, denominator: 33, percent: '72.73%' });
    expect(r.grade).toBe('基本满意'); // 14 of 33 is under half; 24 of 33 reaches it
    expect(r.consequence).toBe('按照审议意见整改');
  });
  it('rule A, unmarked subjects excluded (setting): rate over the sheets that marked it (24 of 30 → 80.00%)', () => {
    const r = assessSubject({ levels: [14, 10, 6], unmarked: 3 }, { ...A(33), unmarkedSubjects: 'excluded' });
    expect(r.rate).toEqual({ numerator: 24, denominator: 30, percent: '80.00%' });
    expect(r.grade).toBe('基本满意');
    expect(r.consequence).toBe('按照审议意见整改');
  });
  it('rule A: the two readings can give different grades (16 满意 of 30 marked, 3 unmarked of 33)', () => {
    const counts = { levels: [16, 10, 4], unmarked: 3 };
    expect(assessSubject(counts, A(33)).grade).toBe('基本满意'); // 2·16 = 32 < 33
    expect(assessSubject(counts, { ...A(33), unmarkedSubjects: 'excluded' }).grade).toBe('满意'); // 2·16 ≥ 30
  });
  it('rule A grade: the median verdict, a tie at half goes to the better level (10/5/15 of 30 → 基本满意)', () => {
    const r = assessSubject({ levels: [10, 5, 15], unmarked: 0 }, A(30));
    expect(r.rate?.percent).toBe('50.00%');
    expect(r.grade).toBe('基本满意');
    expect(r.consequence).toBe('按照审议意见整改');
  });
  it('consequence: 不满意 over half of the sheets returned → 限期整改并再次报告 (16 of 26)', () => {
    const r = assessSubject({ levels: [5, 5, 16], unmarked: 0 }, A(26));
    expect(r.rate).toEqual({ numerator: 10, denominator: 26, percent: '38.46%' });
    expect(r.grade).toBe('不满意');
    expect(r.consequence).toBe('限期整改并再次报告');
  });
  it('rule A, counted against: a subject nobody marked rates 0.00% and is 不满意', () => {
    expect(assessSubject({ levels: [0, 0, 0], unmarked: 30 }, A(30))).toEqual({
      rate: { numerator: 0, denominator: 30, percent: '0.00%' },
      grade: '不满意',
      gradeIndex: 2,
      consequence: '限期整改并再次报告',
    });
  });
  it('rule A, excluded: a subject nobody marked has no rate and no grade (未评定)', () => {
    expect(assessSubject({ levels: [0, 0, 0], unmarked: 30 }, { ...A(30), unmarkedSubjects: 'excluded' })).toEqual({
      rate: null,
      grade: '未评定',
      gradeIndex: null,
      consequence: null,
    });
  });
});

describe('rule B (grade, 镇海-style): against half of ALL members, 以上 inclusive', () => {
  it('rule B: 满意 if 满意 ≥ half of all members (33: 17 → 满意, 16 → not)', () => {
    expect(assessSubject({ levels: [17, 10, 3], unmarked: 0 }, B(30)).grade).toBe('满意');
    expect(assessSubject({ levels: [16, 11, 3], unmarked: 0 }, B(30)).grade).toBe('基本满意');
  });
  it('rule B: exactly half counts (以上): 34 members, 17 满意 → 满意', () => {
    expect(assessSubject({ levels: [17, 0, 17], unmarked: 0 }, B(34, 34)).grade).toBe('满意');
  });
  it('rule B: 基本满意 if 满意 + 基本满意 ≥ half; consequence 按照审议意见整改', () => {
    const r = assessSubject({ levels: [16, 10, 4], unmarked: 0 }, B(30, 35));
    expect(r.grade).toBe('基本满意');
    expect(r.consequence).toBe('按照审议意见整改');
    // the same sheets under rule A: 16 of 30 marked is at least half → 满意
    const a = assessSubject({ levels: [16, 10, 4], unmarked: 0 }, A(30, 35));
    expect(a.grade).toBe('满意');
    expect(a.rate?.percent).toBe('86.67%');
  });
  it('rule B: else 不满意 → 限期整改并再次报告, even when 不满意 votes are not over half (8+8 of 33)', () => {
    const r = assessSubject({ levels: [8, 8, 14], unmarked: 0 }, B(30));
    expect(r.grade).toBe('不满意');
    expect(r.consequence).toBe('限期整改并再次报告');
    expect(r.rate).toEqual({ numerator: 16, denominator: 30, percent: '53.33%' });
  });
  it('rule B: a subject nobody marked is 不满意 (nobody reached half of all members)', () => {
    const r = assessSubject({ levels: [0, 0, 0], unmarked: 30 }, B(30));
    expect(r.rate).toEqual({ numerator: 0, denominator: 30, percent: '0.00%' });
    expect(assessSubject({ levels: [0, 0, 0], unmarked: 30 }, { ...B(30), unmarkedSubjects: 'excluded' }).rate).toBeNull();
    expect(r.grade).toBe('不满意');
    expect(r.consequence).toBe('限期整改并再次报告');
  });
});

describe('four-level scale 优秀 / 称职 / 基本称职 / 不称职', () => {
  it('four levels: satisfied = all but 不称职 (28 of 33 → 84.85%), grade 称职', () => {
    const r = assessSubject({ levels: [10, 12, 6, 5], unmarked: 0 }, A(33, 33, 'four'));
    expect(r.rate).toEqual({ numerator: 28, denominator: 33, percent: '84.85%' });
    expect(r.grade).toBe('称职');
    expect(r.consequence).toBeNull();
    expect(assessSubject({ levels: [10, 12, 6, 5], unmarked: 0 }, B(33, 35, 'four')).grade).toBe('称职');
  });
  it('four levels: 基本称职 → 按照审议意见整改', () => {
    const r = assessSubject({ levels: [3, 5, 10, 12], unmarked: 0 }, A(30, 33, 'four'));
    expect(r.rate?.percent).toBe('60.00%');
    expect(r.grade).toBe('基本称职');
    expect(r.consequence).toBe('按照审议意见整改');
  });
  it('four levels: 不称职 over half → 限期整改并再次报告', () => {
    const r = assessSubject({ levels: [4, 5, 5, 16], unmarked: 0 }, A(30, 33, 'four'));
    expect(r.grade).toBe('不称职');
    expect(r.consequence).toBe('限期整改并再次报告');
  });
});

describe('inconsistent counts are refused', () => {
  it('level counts must match the scale and add up to the sheets returned, which cannot exceed the members', () => {
    expect(() => assessSubject({ levels: [20, 9, 4], unmarked: 0 }, A(33, 33, 'four'))).toThrow(RangeError);
    expect(() => assessSubject({ levels: [20, 9, 4], unmarked: 1 }, A(33))).toThrow(RangeError);
    expect(() => assessSubject({ levels: [20, 9, 5], unmarked: 0 }, A(34, 33))).toThrow(RangeError);
  });
});

describe('ranking', () => {
  it('ranking: highest rate first, equal rates share a rank (1, 2, 2, 4), compared by cross-multiplication', () => {
    const items = [
      { name: '丙', n: 20, d: 24 }, // 83.33%
      { name: '甲', n: 29, d: 33 }, // 87.88%
      { name: '丁', n: 25, d: 30 }, // 83.33% (20·30 = 25·24)
      { name: '戊', n: 10, d: 30 }, // 33.33%
    ];
    const r = rankSubjects(items, (x) => ({ numerator: x.n, denominator: x.d }));
    expect(r.map((x) => [x.name, x.rank])).toEqual([
      ['甲', 1],
      ['丙', 2],
      ['丁', 2],
      ['戊', 4],
    ]);
  });
  it('ranking: a subject without a rate (nobody marked it) comes last', () => {
    const items = [
      { name: '甲', n: 0, d: 0 },
      { name: '乙', n: 0, d: 30 },
      { name: '丙', n: 30, d: 30 },
      { name: '丁', n: 0, d: 0 },
    ];
    const r = rankSubjects(items, (x) => ({ numerator: x.n, denominator: x.d }));
    expect(r.map((x) => [x.name, x.rank])).toEqual([
      ['丙', 1],
      ['乙', 2],
      ['甲', 3],
      ['丁', 3],
    ]);
  });
});

describe('counting sheets', () => {
  const sheets = [
    [0, 1],
    [0, null],
    [2, 0],
    [null, null],
  ];
  it('countIncompleteSheets on: a sheet with an unmarked subject counts, that subject is unmarked', () => {
    expect(countAssessmentSheets(sheets, 2, 'three', true)).toEqual({
      subjects: [
        { levels: [2, 0, 1], unmarked: 1 },
        { levels: [1, 1, 0], unmarked: 2 },
      ],
      sheetsReturned: 4,
      sheetsSetAside: 0,
    });
  });
  it('countIncompleteSheets off: a sheet with an unmarked subject is set aside', () => {
    expect(countAssessmentSheets(sheets, 2, 'three', false)).toEqual({
      subjects: [
        { levels: [1, 0, 1], unmarked: 0 },
        { levels: [1, 1, 0], unmarked: 0 },
      ],
      sheetsReturned: 2,
      sheetsSetAside: 2,
    });
  });
  it('a mark outside the scale or a sheet of the wrong length is refused', () => {
    expect(() => countAssessmentSheets([[3]], 1, 'three', true)).toThrow(RangeError);
    expect(() => countAssessmentSheets([[0, 1]], 1, 'three', true)).toThrow(RangeError);
  });
});
