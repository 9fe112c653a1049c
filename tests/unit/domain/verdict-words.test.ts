// Every face and every document takes its verdict words from src-main/domain/: the adoption verdict
// (通过 / 未通过, vote.ts verdictWord), the quorum (符合法定人数 / 不符合法定人数, attendance.ts
// quorumWord) and a project's standing (入选 / 未入选 / 得票相同，另行票决…, project-ballot.ts
// projectStanding). This test reads the sources: a verdict word written as a literal outside domain/
// (a string, or a JSX text) is a second copy of the rule's words that can drift from it.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sourcesOutsideDomain, withoutComments } from '../../helpers/source-texts';
import { describe, expect, it } from 'vitest';
import { openingAttendanceLine, quorumWord } from '../../../src-main/domain/attendance';
import { TWO_THIRDS_OR_MORE } from '../../../src-main/domain/fraction';
import { projectStanding } from '../../../src-main/domain/project-ballot';
import { verdictWord } from '../../../src-main/domain/vote';

const VERDICT_WORDS = ['通过', '未通过', '符合法定人数', '不符合法定人数', '入选', '未入选', '同票', '得票相同，另行票决', '未达到得票要求', '未达到要求', '未入选（无得票）'];

/** Verdict words written as a whole literal ('通过', "未通过", `入选`) or a whole JSX text (>通过<). */
function verdictLiterals(code: string): string[] {
  const hits: string[] = [];
  const alt = VERDICT_WORDS.map((w) => w.replace(/[()（）]/g, '\\$&')).join('|');
  for (const m of withoutComments(code).matchAll(new RegExp(`(['"\`])(${alt})\\1|>\\s*(${alt})\\s*<`, 'g'))) hits.push(m[2] ?? m[3]!);
  // "符合" / "不符合" glued to 法定人数 by a ternary: `${met ? '符合' : '不符合'}法定人数`
  if (/'不?符合'\s*[:)]/.test(withoutComments(code)) && /法定人数/.test(code)) hits.push('符合/不符合法定人数');
  return hits;
}

describe('verdict words come from domain/ only', () => {
  it('no face or document outside src-main/domain/ writes 通过 / 未通过, 符合法定人数 or a project standing itself', () => {
    const files = sourcesOutsideDomain();
    const found = files.flatMap((f) => verdictLiterals(fs.readFileSync(f, 'utf8')).map((w) => `${path.relative(ROOT, f)}: ${w}`));
    expect(found).toEqual([]);
  });

  it('the check finds a hard-coded verdict (so that it can fail)', () => {
    expect(verdictLiterals(`<p>{r.adopted ? '通过' : '未通过'}</p>`)).toEqual(['通过', '未通过']);
    expect(verdictLiterals(`<span className="chip">通过</span>`)).toEqual(['通过']);
    expect(verdictLiterals("const s = `${met ? '符合' : '不符合'}法定人数`;")).toEqual(['符合/不符合法定人数']);
    expect(verdictLiterals(`// 通过 / 未通过 in a comment\nconst a = '表决通过的事项';`)).toEqual([]);
  });

  it('the words themselves: 通过 / 未通过; 符合法定人数 / 不符合法定人数', () => {
    expect([verdictWord({ adopted: true }), verdictWord({ adopted: false })]).toEqual(['通过', '未通过']);
    expect([quorumWord(true), quorumWord(false)]).toEqual(['符合法定人数', '不符合法定人数']);
  });
});

describe('project ballot: a candidate’s standing in words (projectStanding)', () => {
  const c = (selected: boolean, tied: boolean, eligible: boolean, votes: number) => ({ selected, tied, eligible, votes });
  it('selected → 入选; tied at the cut-off → 得票相同，另行票决 (big screen: 同票)', () => {
    expect(projectStanding(c(true, false, true, 20))).toBe('入选');
    expect(projectStanding(c(false, true, true, 18))).toBe('得票相同，另行票决');
    expect(projectStanding(c(false, true, true, 18), 'short')).toBe('同票');
  });
  it('below the places → 未入选; below the minimum share → 未达到得票要求; no votes → 未入选（无得票）', () => {
    expect(projectStanding(c(false, false, true, 12))).toBe('未入选');
    expect(projectStanding(c(false, false, false, 12))).toBe('未达到得票要求');
    expect(projectStanding(c(false, false, false, 0))).toBe('未入选（无得票）');
    expect(projectStanding(c(false, false, false, 0), 'short')).toBe('');
  });
});

describe('a round’s attendance at its opening, against the quorum (openingAttendanceLine)', () => {
  it('quorum at the opening: 17 of 33 符合法定人数, 16 of 32 (exactly half) 不符合; with the reason for 应到', () => {
    expect(openingAttendanceLine(33, '', 17)).toBe('应出席常委会组成人员33人，表决开始时实到17人，符合法定人数。');
    expect(openingAttendanceLine(32, '缺额1人', 16)).toBe('应出席常委会组成人员32人（缺额1人），表决开始时实到16人，不符合法定人数。');
    expect(openingAttendanceLine(33, '', 0)).toBe('应出席常委会组成人员33人，表决开始时实到0人，不符合法定人数。');
  });
  it('quorum at the opening, 2/3 setting: 22 of 33 符合 (以上 includes the bound), 21 不符合', () => {
    expect(openingAttendanceLine(33, '', 22, TWO_THIRDS_OR_MORE)).toContain('实到22人，符合法定人数');
    expect(openingAttendanceLine(33, '', 21, TWO_THIRDS_OR_MORE)).toContain('实到21人，不符合法定人数');
  });
});
