// 按姓氏笔画排序 (domain/strokes.ts) with the real stroke data (cnchar, through people/strokes.ts),
// checked against an order worked out by hand from stroke counts and first strokes.
import { describe, expect, it } from 'vitest';
import { compareByStrokes, sortByStrokes, strokeClass, strokeCode, type StrokeNames } from '../../../src-main/domain/strokes';
import { orderByName, strokeNames } from '../../../src-main/people/strokes';

// Worked out by hand: count, then shapes 横1 竖2 撇3 点4 折5 (提→横, 竖钩→竖, 捺→点, turns→折).
//  2: 丁12
//  4: 王1121 方4153 邓5452
//  5: 石13251 龙13534 (3rd 竖 before 竖弯钩) 叶25112 田25121 (4th 横 before 竖) 白32511 冯41551
//  6: 刘413422 齐413432 许453112 孙521234
//  7: 严1224313 苏1225344 杜1234121 李1234521 杨1234533 (6th 竖钩=竖 before 撇) 吴2511134 何3212512 汪4411121 张5153154 陈5215234
//  8: 周35121251 郑43113452
//  9: 赵121213434 胡122513511 侯325131134 姜431121531
// 10: 秦1113431234 袁1212513534 贾1252212534 徐3323411234 高4125125251 郭4125152152 (6th 竖 before 横钩)
// 11: 黄12212512134 曹12512212511 梁44153441234
// 12: 彭121251431333 董122312511211 蒋122412354124 韩122511121152 程312342511121 傅321251124124 曾432524312511 谢453251113124
// 14: 蔡12235445411234 廖41354154134333
// 15: 黎312343533424134 潘441343123425121
// 17: 戴12125121122134534 魏31234531325113554
const BY_HAND =
  '丁王方邓石龙叶田白冯刘齐许孙严苏杜李杨吴何汪张陈周郑赵胡侯姜秦袁贾徐高郭黄曹梁彭董蒋韩程傅曾谢蔡廖黎潘戴魏';

describe('stroke order of surnames (按姓氏笔画排序: count, then first strokes 横竖撇点折)', () => {
  it('sorts 53 real surnames, given in a scrambled order, into the order worked out by hand', () => {
    const expected = Array.from(BY_HAND);
    const scrambled = [...expected].sort((a, b) => (a.codePointAt(0)! * 7919) % 101 - (b.codePointAt(0)! * 7919) % 101);
    expect(scrambled).not.toEqual(expected);
    expect(sortByStrokes(scrambled, (s) => s, strokeNames)).toEqual(expected);
    expect(sortByStrokes([...expected].reverse(), (s) => s, strokeNames)).toEqual(expected);
  });

  it('the data gives the stroke counts and shape codes checked by hand', () => {
    const codes: Record<string, string> = { 丁: '12', 王: '1121', 方: '4153', 邓: '5452', 叶: '25112', 田: '25121', 苏: '1225344', 李: '1234521', 杨: '1234533', 高: '4125125251', 郭: '4125152152', 魏: '31234531325113554' };
    for (const [ch, code] of Object.entries(codes)) expect({ ch, code: strokeCode(ch, strokeNames) }).toEqual({ ch, code });
  });

  it('counts 提 as 横, 竖钩 as 竖, 捺 as 点, and every turning stroke as 折', () => {
    expect(['横', '提', '竖', '竖钩', '撇', '点', '捺', '点2'].map(strokeClass)).toEqual([1, 1, 2, 2, 3, 4, 4, 4]);
    expect(['横折', '竖弯钩', '撇点', '横撇|横钩', '斜钩|卧钩', '竖提'].map(strokeClass)).toEqual([5, 5, 5, 5, 5, 5]);
  });

  it('whole names: the surname first, then the given name character by character; a shorter name first when it is a prefix', () => {
    const names = ['王小宁', '丁小宁', '李大鸣', '李一鸣', '高大富', '高富', '欧阳少东', '洪少东'];
    expect(orderByName(names, (s) => s, 'strokes')).toEqual(['丁小宁', '王小宁', '李一鸣', '李大鸣', '欧阳少东', '洪少东', '高大富', '高富']);
    expect(compareByStrokes('谭　云', '谭云', strokeNames)).toBe(0);
    expect(orderByName(names, (s) => s, 'list')).toEqual(names);
  });

  it('the main shape before its subsidiary one, then characters the data does not know, last', () => {
    const data: StrokeNames = (ch) => ({ 甲: ['横', '竖'], 乙: ['提', '竖'], 丙: ['横', '竖钩'] })[ch] ?? null;
    expect(sortByStrokes(['乙', 'A', '丙', '甲'], (s) => s, data)).toEqual(['甲', '丙', '乙', 'A']);
  });
});
