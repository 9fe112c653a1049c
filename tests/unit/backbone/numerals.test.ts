import { describe, expect, it } from 'vitest';
import { chineseDate, chineseNumeral, committeeName, sessionTitle } from '../../../src-main/domain/numerals';

describe('届 and 次 in Chinese numerals (session titles)', () => {
  it.each([
    [1, '一'],
    [2, '二'],
    [10, '十'],
    [16, '十六'],
    [20, '二十'],
    [44, '四十四'],
    [100, '一百'],
    [101, '一百零一'],
    [105, '一百零五'],
    [110, '一百一十'],
    [115, '一百一十五'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('writes the full title: 第二届…第十六次会议', () => {
    expect(sessionTitle('示例区', 2, 16)).toBe('示例区第二届人民代表大会常务委员会第十六次会议');
  });

  it.each([
    [44, '第四十四次'],
    [101, '第一百零一次'],
    [10, '第十次'],
    [20, '第二十次'],
    [110, '第一百一十次'],
  ])('session %i is called %s', (n, part) => {
    expect(sessionTitle('示例区', 2, n)).toBe(`示例区第二届人民代表大会常务委员会${part}会议`);
  });

  it('names the committee', () => {
    expect(committeeName('示例区')).toBe('示例区人民代表大会常务委员会');
  });

  it.each([-1, 1.5, 10000, Number.NaN])('refuses %s', (n) => {
    expect(() => chineseNumeral(n)).toThrow(RangeError);
  });
});

describe('dates in documents: Arabic numerals, no zero padding', () => {
  it.each([
    ['2026-09-22', '2026年9月22日'],
    ['2026-01-05', '2026年1月5日'],
    ['2026-10-01', '2026年10月1日'],
    ['2026-09-22T09:30:00+08:00', '2026年9月22日'],
  ])('%s → %s', (iso, text) => {
    expect(chineseDate(iso)).toBe(text);
  });

  it('refuses what is not an ISO date', () => {
    expect(() => chineseDate('22/09/2026')).toThrow(RangeError);
  });
});
