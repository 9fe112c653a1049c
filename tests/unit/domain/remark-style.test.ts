// Drafting from remarks (domain/remark-style.ts): the first person becomes the office's third person.
import { describe, expect, it } from 'vitest';
import { remarkToThirdPerson, sectionOf, thirdPersonSentence } from '../../../src-main/domain/remark-style';

describe('remarks in the office’s third-person style (有的委员指出 / 有的委员建议)', () => {
  it('third person: an agreement clause and "我认为" are dropped, the point is kept', () => {
    expect(remarkToThirdPerson('我同意郭志委员的意见，我认为医保基金监管还存在薄弱环节，部分定点医药机构违规使用基金的问题时有发生。', 'problems')).toBe(
      '有的委员指出，医保基金监管还存在薄弱环节，部分定点医药机构违规使用基金的问题时有发生。',
    );
  });

  it('third person: "我建议" becomes a suggestion without repeating 建议; thanks are dropped', () => {
    expect(remarkToThirdPerson('我建议进一步加强对定点医药机构的日常稽核，运用大数据手段开展智能监控。谢谢！', 'suggestions')).toBe(
      '有的委员建议，进一步加强对定点医药机构的日常稽核，运用大数据手段开展智能监控。',
    );
  });

  it('third person: several sentences, "我们区" kept as 我区, no 我 left anywhere at a start', () => {
    const out = remarkToThirdPerson('我讲两点意见。第一，我觉得我们区养老服务设施布局不够均衡；二是我注意到护理人员流失比较严重。', 'problems');
    expect(out).toBe('有的委员指出，我区养老服务设施布局不够均衡；护理人员流失比较严重。');
    expect(out).not.toMatch(/(^|[，。；])我(?!区)/);
  });

  it('third person: a remark that only agrees gives nothing to paste', () => {
    expect(remarkToThirdPerson('我完全同意这个报告。我就说这些。', 'problems')).toBe('');
    expect(thirdPersonSentence('我同意郭志委员的发言')).toBe('');
  });

  it('third person: text already in the third person is left as it was, with the lead', () => {
    expect(remarkToThirdPerson('基层医保经办力量薄弱', 'problems')).toBe('有的委员指出，基层医保经办力量薄弱。');
  });

  it('the section a remark most likely belongs to', () => {
    expect(sectionOf('建议加大财政投入')).toBe('suggestions');
    expect(sectionOf('我认为监管存在薄弱环节')).toBe('problems');
  });
});
