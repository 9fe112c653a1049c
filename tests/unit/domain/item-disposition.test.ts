// The rule for 暂不付表决 and 撤回 (domain/item-disposition.ts): only items due for a vote can be
// deferred, and a 质询案 can also be withdrawn (监督法 art. 50); an item a vote has decided takes
// neither; the line every face and document shows keeps the reason, its final stop dropped.
import { describe, expect, it } from 'vitest';
import { DISPOSITION_KINDS, DISPOSITION_LABELS, dispositionAllowed, dispositionChoices, dispositionLabel, dispositionLine, dispositionProblem, dispositionRefusal, withdrawer, withdrawnNoun } from '../../../src-main/domain/item-disposition';
import { choiceRefusal } from '../../../src-main/api/enum-words';

describe('暂不付表决 and 撤回', () => {
  it('apply to items due for a vote; withdrawal also to a 质询案; never to a report or an assessment', () => {
    for (const k of ['vote', 'appointment', 'other'] as const) expect(dispositionAllowed('deferred', k) && dispositionAllowed('withdrawn', k)).toBe(true);
    expect(dispositionAllowed('withdrawn', 'interpellation')).toBe(true);
    expect(dispositionAllowed('deferred', 'interpellation')).toBe(false);
    for (const k of ['report', 'handling_report', 'assessment', 'project_ballot', 'inquiry'] as const) expect(dispositionAllowed('deferred', k) || dispositionAllowed('withdrawn', k)).toBe(false);
  });

  it('an item a vote has decided takes neither', () => {
    expect(dispositionProblem('deferred', { kind: 'vote', title: '某决议（草案）' }, true)).toBe('“某决议（草案）”已经表决，不能再记为暂不付表决');
    expect(dispositionProblem('withdrawn', { kind: 'vote', title: '某决议（草案）' }, false)).toBeNull();
  });

  it('says the reason in one sentence, its final stop dropped; the refusal names what cannot be done', () => {
    expect(dispositionLine('deferred', ' 争议较大。 ', 'vote')).toBe('本项暂不付表决（理由：争议较大）。');
    expect(dispositionLine('withdrawn', '人选变化；', 'appointment')).toBe('提请人撤回，对该任免案的审议即行终止（理由：人选变化）。');
    expect(dispositionRefusal('withdrawn', { kind: 'vote', title: '某案' }, '开始表决')).toBe('“某案”已由提案人撤回，审议终止，不能开始表决');
  });

  it('a 质询案, which is not voted on, is withdrawn by its 提出人 and its 质询 ends: no word of 表决', () => {
    const line = dispositionLine('withdrawn', '问题已经解决。', 'interpellation');
    expect(line).toBe('质询案提出人撤回质询案，该质询案的质询即行终止（理由：问题已经解决）。');
    expect(line).not.toMatch(/表决|提案人/);
    expect(dispositionLabel('withdrawn', 'interpellation')).toBe('提出人撤回');
    expect(dispositionLabel('withdrawn', 'vote')).toBe('提案人撤回');
    expect(dispositionLabel('deferred', 'vote')).toBe('暂不付表决');
  });

  // A 任免案 is submitted by its 提请人 (区长提请任免…; 组织法 2022 art. 50), not a 提案人: it is withdrawn by
  // the 提请人, and every word of its withdrawal — name, line, refusal, "已经表决" — says so.
  it('an appointment is withdrawn by its 提请人, never a 提案人; a bill by its 提案人, a 质询案 by its 提出人', () => {
    const appointment = { kind: 'appointment', title: '人事任免' } as const;
    expect([withdrawer('appointment'), withdrawer('vote'), withdrawer('other'), withdrawer('interpellation')]).toEqual(['提请人', '提案人', '提案人', '提出人']);
    expect(dispositionLabel('withdrawn', 'appointment')).toBe('提请人撤回');
    expect(dispositionLine('withdrawn', '拟任人选情况发生变化。', appointment.kind)).toBe('提请人撤回，对该任免案的审议即行终止（理由：拟任人选情况发生变化）。');
    expect(dispositionRefusal('withdrawn', appointment, '开始表决')).toBe('“人事任免”已由提请人撤回，审议终止，不能开始表决');
    expect(dispositionProblem('withdrawn', appointment, true)).toBe('“人事任免”已经表决，不能再记为提请人撤回');
    for (const words of [dispositionLabel('withdrawn', 'appointment'), dispositionLine('withdrawn', '某理由', appointment.kind), dispositionRefusal('withdrawn', appointment, '发起表决')]) expect(words).not.toContain('提案人');
    expect(dispositionRefusal('withdrawn', { kind: 'other', title: '某议案' }, '开始表决')).toBe('“某议案”已由提案人撤回，审议终止，不能开始表决');
  });

  // 立法法 2023 art. 41 and the local 常委会议事规则 after it: a withdrawal before the vote ends the review —
  // "对该……的审议即行终止" — of a 任免案 as such, of any other item as a 议案 (which a 法规案 is too).
  describe('提案人撤回: 对该任免案 / 议案的审议即行终止', () => {
    const withdrawn = (kind: 'vote' | 'appointment' | 'other') => dispositionLine('withdrawn', '提案人书面要求撤回，主任会议同意。', kind);

    it('an appointment is a 任免案; every other item a 议案 (its title is never read: a 条例 draft is a 议案 too)', () => {
      expect(withdrawn('vote')).toBe('提案人撤回，对该议案的审议即行终止（理由：提案人书面要求撤回，主任会议同意）。');
      expect(withdrawn('other')).toBe('提案人撤回，对该议案的审议即行终止（理由：提案人书面要求撤回，主任会议同意）。');
      expect(withdrawnNoun('appointment')).toBe('任免案');
      expect(withdrawn('appointment')).toBe('提请人撤回，对该任免案的审议即行终止（理由：提案人书面要求撤回，主任会议同意）。');
    });

    it('no line keeps the old words 终止审议 or 不付表决', () => {
      for (const kind of ['vote', 'appointment', 'other'] as const) expect(withdrawn(kind)).not.toMatch(/终止审议|不付表决|本项/);
    });
  });

  // The console's menu, the agenda's tag, the terminal's line and the printed 会议记录 say who withdraws an
  // item from one function by its kind (dispositionLabel): the menu is dispositionChoices, and the bare
  // names (DISPOSITION_LABELS, for a refused choice with no item in view) name no withdrawer at all.
  it('the menu names the withdrawer by the item’s kind: 提请人撤回 for a 任免案, 提出人撤回 for a 质询案, 提案人撤回 for a bill', () => {
    expect(dispositionChoices('appointment')).toEqual([
      { kind: 'deferred', label: '暂不付表决' },
      { kind: 'withdrawn', label: '提请人撤回' },
    ]);
    expect(dispositionChoices('interpellation')).toEqual([{ kind: 'withdrawn', label: '提出人撤回' }]);
    expect(dispositionChoices('vote')).toEqual([
      { kind: 'deferred', label: '暂不付表决' },
      { kind: 'withdrawn', label: '提案人撤回' },
    ]);
    expect(dispositionChoices('report')).toEqual([]);
    for (const c of dispositionChoices('appointment')) expect(dispositionLine(c.kind, '某理由', 'appointment').startsWith(c.kind === 'withdrawn' ? c.label : '本项')).toBe(true);
    expect(Object.values(DISPOSITION_LABELS).join('')).not.toMatch(/提案人|提请人|提出人/);
    expect(choiceRefusal(DISPOSITION_KINDS)).toBe('应为以下之一：暂不付表决、撤回');
    expect(dispositionProblem('withdrawn', { kind: 'report', title: '某报告' }, false)).toBe('“某报告”不是需要表决的议案，不能记为撤回');
  });
});
