import { describe, expect, it } from 'vitest';
import { breakLines, placeLine, tokenize, wrapBalanced, wrapText, type TokenizeOptions } from '../../../src-main/documents/linebreak';

// A stand-in font: wide characters 16 pt, narrow ones 8 pt, on a 16 pt grid of 10 cells per line.
const measure = (t: string): number => Array.from(t).reduce((a, ch) => a + (ch.codePointAt(0)! >= 0x2e80 || '“”‘’—…'.includes(ch) ? 16 : 8), 0);
const opts: TokenizeOptions = { cell: 16, size: 16, measure };
const W = 160;
const texts = (t: string, first = W, rest = W): string[] => wrapText(t, opts, first, rest).map((l) => l.units.map((u) => u.text).join(''));

describe('tokenize', () => {
  it('makes one unit per wide character, keeps narrow runs whole and pairs —— and ……', () => {
    const units = tokenize('增长12.5%，GB/T 9704——好……', opts);
    expect(units.map((u) => u.text)).toEqual(['增', '长', '12.5%', '，', 'GB/T', ' ', '9704', '——', '好', '……']);
    expect(units.map((u) => u.kind)).toEqual(['wide', 'wide', 'narrow', 'wide', 'narrow', 'space', 'narrow', 'wide', 'wide', 'wide']);
    expect(units.find((u) => u.text === '——')).toMatchObject({ cells: 2, width: 32 });
    expect(units.find((u) => u.text === '12.5%')!.width).toBe(40);
  });

  it('marks closing punctuation as no-start and opening brackets as no-end', () => {
    const units = tokenize('（甲）“乙”《丙》', opts);
    expect(units.filter((u) => u.noStart).map((u) => u.text)).toEqual(['）', '”', '》']);
    expect(units.filter((u) => u.noEnd).map((u) => u.text)).toEqual(['（', '“', '《']);
  });

  it('cuts a narrow run longer than a line', () => {
    const units = tokenize('x'.repeat(45), { ...opts, maxWidth: W });
    expect(units.map((u) => u.width)).toEqual([160, 160, 40]);
  });
});

describe('breakLines', () => {
  it('a narrow run wider than a line stays inside an indented first line too', () => {
    const lines = wrapText('x'.repeat(45), opts, W - 32, W);
    expect(lines.map((l) => l.units.map((u) => u.text).join('')).join('')).toBe('x'.repeat(45));
    lines.forEach((l, i) => expect(l.width, `line ${i + 1}`).toBeLessThanOrEqual(i === 0 ? W - 32 : W));
  });

  it('fills lines to the grid: 10 cells per line', () => {
    expect(texts('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑')).toEqual(['一二三四五六七八九十', '甲乙丙丁戊己庚辛壬癸', '子丑']);
  });

  it('never starts a line with closing punctuation: the previous character comes down with it', () => {
    const lines = texts('一二三四五六七八九十。甲乙丙');
    expect(lines).toEqual(['一二三四五六七八九', '十。甲乙丙']);
  });

  it('pulls down across several closing marks, e.g. ”。', () => {
    expect(texts('一二三四五六七八九十”。甲')).toEqual(['一二三四五六七八九', '十”。甲']);
    expect(texts('一二三四五六七八“九”。甲')).toEqual(['一二三四五六七八', '“九”。甲']);
  });

  it('never ends a line with an opening bracket', () => {
    expect(texts('一二三四五六七八九（十）甲')).toEqual(['一二三四五六七八九', '（十）甲']);
  });

  it('never splits —— or ……', () => {
    expect(texts('一二三四五六七八九——甲')).toEqual(['一二三四五六七八九', '——甲']);
    expect(texts('一二三四五六七八九……甲')).toEqual(['一二三四五六七八', '九……甲']);
  });

  it('keeps a number with its unit-free run and breaks at spaces between Latin words', () => {
    expect(texts('一二三四五六七八九2026年')).toEqual(['一二三四五六七八九', '2026年']);
    expect(texts('ab cd ef gh ij kl mn op')).toEqual(['ab cd ef gh ij kl mn', 'op']);
  });

  it('indents the first line by giving it less width', () => {
    expect(texts('一二三四五六七八九十甲乙', 128)).toEqual(['一二三四五六七八', '九十甲乙']);
  });

  it('lets punctuation hang only when nothing can be pulled down', () => {
    const units = tokenize('。。。。。。。。。。。。', opts);
    const lines = breakLines(units, () => W);
    for (const l of lines.slice(1)) expect(l.units.length).toBeGreaterThan(0);
    expect(lines.map((l) => l.units.length).reduce((a, b) => a + b, 0)).toBe(12);
  });

  it('treats "\\n" as a forced break', () => {
    expect(texts('甲乙\n丙丁')).toEqual(['甲乙', '丙丁']);
  });
});

describe('placeLine', () => {
  it('justifies a short non-final line over its gaps and leaves the last line alone', () => {
    const [first, last] = wrapText('一二三四五六七八九十。甲', opts, W, W);
    expect(first!.units.length).toBe(9); // 十 was not there: 九 came down with 。
    const placed = placeLine(first!, W, 'justify');
    expect(placed.at(-1)!.x + 16).toBeCloseTo(W, 6);
    expect(placeLine(last!, W, 'justify')[0]!.x).toBe(0);
  });

  it('centres and right-aligns', () => {
    const [line] = wrapText('甲乙', opts, W, W);
    expect(placeLine(line!, W, 'center')[0]!.x).toBe(64);
    expect(placeLine(line!, W, 'right')[0]!.x).toBe(128);
  });
});

describe('wrapBalanced', () => {
  it('breaks a two-line title before 关于 when both halves fit', () => {
    const lines = wrapBalanced('示例区常委会关于批准决算的决议', opts, W);
    expect(lines.map((l) => l.units.map((u) => u.text).join(''))).toEqual(['示例区常委会', '关于批准决算的决议']);
  });

  it('breaks between words only, in a trapezoid, without starting a line with 的', () => {
    const lines = wrapBalanced('区政府医疗保障基金使用情况报告', opts, W).map((l) => l.units.map((u) => u.text).join(''));
    expect(lines).toHaveLength(2);
    expect(lines.join('')).toBe('区政府医疗保障基金使用情况报告');
    expect(['区政府医疗保障', '区政府医疗保障基金']).toContain(lines[0]);
  });
});
