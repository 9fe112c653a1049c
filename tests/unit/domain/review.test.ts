// The pure rules of review opinions and resolutions (src-main/domain/review.ts).
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  adoptionLine,
  daysBetween,
  formatDocNumber,
  handlingRequestOf,
  isOverdue,
  levelOfLine,
  numberedBlocks,
  openingOf,
  opinionTitleOf,
  outcomeOfGrade,
  reportingBodyOf,
  reportTitleOf,
  resolutionKindOf,
  resolutionTitleOf,
  statusOf,
  stripNumbering,
} from '../../../src-main/domain/review';
import { parseDocNumber } from '../../../src-main/review/registered';

describe('deadlines', () => {
  it('adds calendar months, keeping the day or taking the last day of a shorter month', () => {
    expect(addMonths('2026-09-22', 3)).toBe('2026-12-22');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 6)).toBe('2026-07-31');
  });

  it('is overdue only while the body still owes the report and the deadline has passed', () => {
    expect(isOverdue('sent', '2026-04-10', '2026-04-11')).toBe(true);
    expect(isOverdue('handling', '2026-04-10', '2026-04-10')).toBe(false);
    expect(isOverdue('report_again', '2026-04-10', '2026-05-01')).toBe(true);
    expect(isOverdue('reported', '2026-04-10', '2026-05-01')).toBe(false);
    expect(isOverdue('assessed', '2026-04-10', '2026-05-01')).toBe(false);
    expect(daysBetween('2026-04-10', '2026-09-22')).toBe(165);
  });
});

describe('发文字号', () => {
  it('uses 〔〕 brackets, no zero padding and no 第', () => {
    expect(formatDocNumber('示人常审', 2026, 12)).toBe('示人常审〔2026〕12号');
    expect(formatDocNumber('示人常审', 2026, 3)).toBe('示人常审〔2026〕3号');
    expect(parseDocNumber('示人常审〔2025〕7号')).toEqual({ prefix: '示人常审', year: 2025, seq: 7 });
    expect(parseDocNumber('示人常审[2025]第07号')).toEqual({ prefix: '示人常审', year: 2025, seq: 7 });
    expect(parseDocNumber('七号文')).toBeNull();
  });
});

describe('standard sentences from the session', () => {
  const item = '听取和审议区人民政府关于医疗保障基金使用情况的报告';
  it('derives report, reporting body and title', () => {
    expect(reportTitleOf(item)).toBe('区人民政府关于医疗保障基金使用情况的报告');
    expect(reportingBodyOf(reportTitleOf(item))).toBe('区人民政府');
    expect(opinionTitleOf(reportTitleOf(item))).toBe('关于区人民政府医疗保障基金使用情况报告的审议意见');
  });

  it('writes the opening and the handling request with 届/次 in Chinese numerals and months from the settings', () => {
    expect(openingOf('示例区', 2, 16, '区人民政府关于医疗保障基金使用情况的报告')).toMatch(/^区第二届人大常委会第十六次会议听取和审议了区人民政府关于医疗保障基金使用情况的报告。/);
    expect(handlingRequestOf('示例区', 3)).toBe('请于3个月内将研究处理情况书面报告区人大常委会。');
    expect(handlingRequestOf('某某县', 6)).toBe('请于6个月内将研究处理情况书面报告县人大常委会。');
  });

  it('builds the resolution title and the adoption line', () => {
    const title = resolutionTitleOf('示例区人民代表大会常务委员会', '审议关于开展第八个五年法治宣传教育的决议（草案）');
    expect(title).toBe('示例区人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议');
    expect(resolutionKindOf(title)).toBe('resolution');
    expect(resolutionKindOf('示例区人民代表大会常务委员会关于批准某某的决定')).toBe('decision');
    expect(adoptionLine('2026年9月22日', '示例区第二届人民代表大会常务委员会第十六次会议')).toBe(
      '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）',
    );
  });
});

describe('heading numbering', () => {
  it('numbers 一、（一）1. in order, each level restarting under its parent, replacing typed numbers', () => {
    const out = numberedBlocks([
      { kind: 'h1', text: '总体评价' },
      { kind: 'p', text: '正文' },
      { kind: 'h1', text: '三、意见和建议' },
      { kind: 'h2', text: '加强监管' },
      { kind: 'h3', text: '建立制度' },
      { kind: 'h3', text: '2.完善机制' },
      { kind: 'h2', text: '（五）强化宣传' },
      { kind: 'h3', text: '开展培训' },
      { kind: 'h1', text: '其他' },
      { kind: 'h2', text: '补充' },
    ]);
    expect(out.map((b) => b.text)).toEqual([
      '一、总体评价',
      '正文',
      '二、意见和建议',
      '（一）加强监管',
      '1.建立制度',
      '2.完善机制',
      '（二）强化宣传',
      '1.开展培训',
      '三、其他',
      '（一）补充',
    ]);
  });

  it('reads the level a typed line announces, and leaves numbers inside the text alone', () => {
    expect(levelOfLine('一、总体要求')).toBe('h1');
    expect(levelOfLine('（二）主要任务')).toBe('h2');
    expect(levelOfLine('3.加强领导')).toBe('h3');
    expect(levelOfLine('2026年全区完成……')).toBe('p');
    expect(stripNumbering('1.5亿元资金')).toBe('1.5亿元资金');
    expect(stripNumbering('十、附则')).toBe('附则');
  });
});

describe('the supervision loop', () => {
  it('sends the body back on 不满意 (or 不称职, or the consequence 限期整改并再次报告); other grades close the round', () => {
    expect(outcomeOfGrade('不满意')).toBe('report_again');
    expect(outcomeOfGrade('不称职')).toBe('report_again');
    expect(outcomeOfGrade('基本满意', '限期整改并再次报告')).toBe('report_again');
    expect(outcomeOfGrade('满意')).toBe('accepted');
    expect(outcomeOfGrade('基本满意', '按照审议意见整改')).toBe('accepted');
    expect(outcomeOfGrade('未评定')).toBeNull();
  });

  it('derives the status from the facts', () => {
    const h = (round: number, heard: boolean, outcome: 'accepted' | 'report_again' | null) => ({ round, heard, outcome });
    expect(statusOf({ sent: false, handlingMarked: true, handlings: [] })).toBe('draft');
    expect(statusOf({ sent: true, handlingMarked: false, handlings: [] })).toBe('sent');
    expect(statusOf({ sent: true, handlingMarked: true, handlings: [] })).toBe('handling');
    expect(statusOf({ sent: true, handlingMarked: false, handlings: [h(1, false, null)] })).toBe('handling');
    expect(statusOf({ sent: true, handlingMarked: false, handlings: [h(1, true, null)] })).toBe('reported');
    expect(statusOf({ sent: true, handlingMarked: false, handlings: [h(1, true, 'report_again')] })).toBe('report_again');
    expect(statusOf({ sent: true, handlingMarked: false, handlings: [h(2, false, null), h(1, true, 'report_again')] })).toBe('handling');
    expect(statusOf({ sent: true, handlingMarked: false, handlings: [h(1, true, 'report_again'), h(2, true, 'accepted')] })).toBe('assessed');
  });
});
