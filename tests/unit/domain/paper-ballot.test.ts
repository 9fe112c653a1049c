// Rule: paper 表决票 — sheets handed out, handed back and invalid; only valid sheets carry a vote.
import { describe, expect, it } from 'vitest';
import { paperSheetProblems, paperSheetsText, validSheets } from '../../../src-main/domain/paper-ballot';

const votes = (yes: number, no: number, abstain: number) => ({ yes, no, abstain });

describe('rule: paper 表决票 (发出 ≥ 收回 ≥ 无效; 赞成 + 反对 + 弃权 = 有效票)', () => {
  it('有效票 are the sheets returned less the invalid ones', () => {
    expect(validSheets({ issued: 30, returned: 29, invalid: 2 })).toBe(27);
  });
  it('counts a consistent set of sheets', () => {
    expect(paperSheetProblems({ issued: 30, returned: 29, invalid: 2 }, votes(20, 5, 2), 30)).toEqual([]);
    expect(paperSheetProblems({ issued: 30, returned: 30, invalid: 0 }, votes(30, 0, 0), 30)).toEqual([]);
  });
  it('refuses more sheets handed out than members present, more back than handed out, more invalid than back', () => {
    expect(paperSheetProblems({ issued: 31, returned: 30, invalid: 0 }, votes(30, 0, 0), 30)).toEqual(['发出表决票31张，多于实到的30人']);
    expect(paperSheetProblems({ issued: 29, returned: 30, invalid: 0 }, votes(30, 0, 0), 30)).toEqual(['收回表决票30张，多于发出的29张，本次表决无效，应重新表决']);
    expect(paperSheetProblems({ issued: 30, returned: 3, invalid: 4 }, votes(0, 0, 0), 30)).toEqual(['无效票4张，多于收回的3张']);
  });
  it('refuses votes that do not add up to the valid sheets (one vote per valid sheet)', () => {
    expect(paperSheetProblems({ issued: 30, returned: 29, invalid: 2 }, votes(20, 5, 3), 30)).toEqual(['赞成、反对、弃权合计28票，应等于有效票27张']);
    expect(paperSheetProblems({ issued: 30, returned: 29, invalid: 2 }, votes(20, 5, 1), 30)).toEqual(['赞成、反对、弃权合计26票，应等于有效票27张']);
  });
  it('says the sheets in the words read out and printed', () => {
    expect(paperSheetsText({ issued: 30, returned: 29, invalid: 2 })).toBe('发出表决票30张，收回29张，其中有效票27张，无效票2张');
    expect(paperSheetsText({ issued: 30, returned: 30, invalid: 0 })).toBe('发出表决票30张，收回30张，其中有效票30张');
  });
});
