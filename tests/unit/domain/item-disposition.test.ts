// The rule for 暂不付表决 and 撤回 (domain/item-disposition.ts): only items due for a vote can be
// deferred, and a 质询案 can also be withdrawn (监督法 art. 50); an item a vote has decided takes
// neither; the line every face and document shows keeps the reason, its final stop dropped.
import { describe, expect, it } from 'vitest';
import { dispositionAllowed, dispositionLabel, dispositionLine, dispositionProblem, dispositionRefusal } from '../../../src-main/domain/item-disposition';

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
    expect(dispositionLine('withdrawn', '人选变化；', 'appointment')).toBe('提案人撤回，本项终止审议，不付表决（理由：人选变化）。');
    expect(dispositionRefusal('withdrawn', '某案', '开始表决')).toBe('“某案”已由提案人撤回，审议终止，不能开始表决');
  });

  it('a 质询案, which is not voted on, is withdrawn by its 提出人 and its 质询 ends: no word of 表决', () => {
    const line = dispositionLine('withdrawn', '问题已经解决。', 'interpellation');
    expect(line).toBe('质询案提出人撤回质询案，该质询案的质询即行终止（理由：问题已经解决）。');
    expect(line).not.toMatch(/表决|提案人/);
    expect(dispositionLabel('withdrawn', 'interpellation')).toBe('提出人撤回');
    expect(dispositionLabel('withdrawn', 'vote')).toBe('提案人撤回');
    expect(dispositionLabel('deferred', 'vote')).toBe('暂不付表决');
  });
});
