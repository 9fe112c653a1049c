// The rule of what a person's name may be written with (domain/people.ts nameProblem): no control
// characters, direction controls, unpaired surrogates, noncharacters or replacement characters.
import { describe, expect, it } from 'vitest';
import { nameProblem } from '../../../src-main/domain/people';

describe('a name is written with characters of a name', () => {
  it('takes Chinese names, rare characters beyond the BMP, names of minorities with a middle dot, and Latin letters with accents', () => {
    for (const name of ['邱东竹', '𪚥𠀀', '阿依古丽·买买提', 'José Müller', '〇一', '欧阳 娜娜']) expect(nameProblem(name), name).toBeNull();
  });

  it('refuses control characters, direction overrides and marks, halves of a character, noncharacters and the replacement character', () => {
    for (const name of ['\u0000甲', '甲\u0007', '甲\u001b[31m', '甲\u007f', '甲\u0085', '丙\u202e丁', '丙\u200f', '\u2066甲\u2069', '\ud800乙', '乙\udc00', '甲\ufffe', '甲\uffff', '甲\ufdd0', '甲\ufffd']) {
      expect(nameProblem(name), JSON.stringify(name)).toBe('姓名中含有控制字符、方向控制符或无法识别的字符（常见于从其他软件复制或编码有误的文字），请重新输入姓名');
    }
  });
});
