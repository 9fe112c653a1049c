// Honest attendance (issue 10): 应到 defaults to the members in office on the session's date, a
// different 应到 needs a stated reason that is printed, 实到 never exceeds 应到, and no result is
// computed on an impossible attendance.
import { describe, expect, it } from 'vitest';
import { attendanceAnnouncement, attendanceCounts, expectedLine, expectedReasonProblem, presentOverExpected, signInRefusal } from '../../../src-main/domain/attendance';
import { tally, tallyProblems } from '../../../src-main/domain/vote';

describe('实到 ≤ 应到', () => {
  it('实到 may reach 应到 and never exceed it', () => {
    expect(presentOverExpected(20, 20)).toBeNull();
    expect(presentOverExpected(21, 20)).toBe('实到人数21人超过应出席人数20人');
    expect(signInRefusal(19, 20)).toBeNull(); // the 20th may sign in
    expect(signInRefusal(20, 20)).toMatch(/^实到人数已达到应出席人数20人，不能再签到/);
  });

  it('a tally on an impossible attendance has a problem: 应到 20 with 30 present is never 通过', () => {
    // The case: 11 赞成 against 19 反对 must not be reported at all.
    expect(tallyProblems(tally({ yes: 11, no: 19, abstain: 0 }, 30, 20))).toEqual(['实到人数30人超过应出席人数20人']);
    expect(tallyProblems(tally({ yes: 11, no: 9, abstain: 0 }, 20, 20))).toEqual([]);
  });

  it('a 应到 other than the members in office needs a reason, which is printed', () => {
    expect(expectedReasonProblem(33, 33, '')).toBeNull();
    expect(expectedReasonProblem(32, 33, '')).toMatch(/^应到人数32人与会议日期在任的组成人员33人不一致，请填写原因/);
    expect(expectedReasonProblem(32, 33, '  ')).not.toBeNull();
    expect(expectedReasonProblem(32, 33, '委员张某某已辞职，缺额1人')).toBeNull();
    expect(expectedLine(32, '委员张某某已辞职，缺额1人')).toBe('应出席常委会组成人员32人（委员张某某已辞职，缺额1人）');
    expect(expectedLine(33, '')).toBe('应出席常委会组成人员33人');
    expect(attendanceAnnouncement(attendanceCounts(32, 30, 1), true, '（缺额1人）')).toBe('应出席常委会组成人员32人（缺额1人），实到30人，请假1人，缺席1人，符合法定人数。');
  });
});
