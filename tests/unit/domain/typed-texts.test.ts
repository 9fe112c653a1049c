// The text rule of every typed text (domain/text.ts): one line refuses control characters, direction
// overrides and marks, line/paragraph separators, halves of a character, noncharacters and the
// replacement character; several lines allow line breaks and tabs besides. The edge schemas trim and
// say in Chinese what is wrong.
import { describe, expect, it } from 'vitest';
import { lineText, linesText, textProblem, TEXT_PROBLEM } from '../../../src-main/domain/text';

const FOREIGN = ['\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u202e', '\u200f', '\u2066', '\u2028', '\ud800', '\udc00', '\ufffe', '\ufdd0', '\ufffd'];

describe('a typed text is written with characters of a text', () => {
  it('takes Chinese, rare characters beyond the BMP, a middle dot, full-width punctuation, Latin and digits', () => {
    for (const t of ['关于《医疗保障基金》使用情况的报告（2026年）', '𪚥𠀀', '阿依古丽·买买提', 'José «Müller» — 100%', '一、二、三']) {
      expect(textProblem(t), t).toBeNull();
      expect(textProblem(t, 'lines'), t).toBeNull();
    }
  });

  it('refuses the same characters as a name in one line and in several lines', () => {
    for (const c of FOREIGN) {
      expect(textProblem(`议题${c}内容`), JSON.stringify(c)).toBe(TEXT_PROBLEM);
      expect(textProblem(`议题${c}内容`, 'lines'), JSON.stringify(c)).toBe(TEXT_PROBLEM);
    }
  });

  it('a text of several lines keeps line breaks and tabs; one line does not take them', () => {
    for (const c of ['\n', '\r\n', '\t']) {
      expect(textProblem(`一、${c}二、`, 'lines')).toBeNull();
      expect(textProblem(`一、${c}二、`)).toBe(TEXT_PROBLEM);
    }
  });

  it('the edge schemas trim, require where asked, limit the length and refuse in Chinese', () => {
    expect(lineText(10).parse('  标题  ')).toBe('标题');
    expect(lineText(10, '请填写标题').safeParse('  ').error?.issues[0]?.message).toBe('请填写标题');
    expect(lineText(3).safeParse('四个字啊').success).toBe(false);
    expect(lineText(10).safeParse('标\u202e题').error?.issues.map((i) => i.message)).toEqual([TEXT_PROBLEM]);
    expect(linesText(20).parse('第一行\n\t第二行\n')).toBe('第一行\n\t第二行');
    expect(linesText(20, '请填写', '不能超过20字').safeParse('字'.repeat(21)).error?.issues[0]?.message).toBe('不能超过20字');
  });

  it('a required text left out is asked for in the words of a blank one; another type keeps zod\'s words; an optional one is still refused as missing', () => {
    for (const schema of [lineText(10, '请填写理由'), linesText(10, '请填写理由')]) {
      expect(schema.safeParse(undefined).error?.issues.map((i) => i.message)).toEqual(['请填写理由']);
      expect(schema.safeParse(' ').error?.issues.map((i) => i.message)).toEqual(['请填写理由']);
      expect(schema.safeParse(7).error?.issues[0]?.message).not.toBe('请填写理由');
    }
    expect(lineText(10).safeParse(undefined).success).toBe(false);
    expect(lineText(10).default('').parse(undefined)).toBe('');
  });
});
