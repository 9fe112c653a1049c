import { describe, expect, it } from 'vitest';
import { attendanceAnnouncement, attendanceCounts, quorumMet, quorumRequired } from '../../../src-main/domain/attendance';
import { TWO_THIRDS_OR_MORE } from '../../../src-main/domain/fraction';

describe('attendance figures', () => {
  it('absent = expected - present - onLeave (33, 29 present, 2 on leave → 2 absent)', () => {
    expect(attendanceCounts(33, 29, 2)).toEqual({ expected: 33, present: 29, onLeave: 2, absent: 2 });
  });
  it('absent is never negative (33, 30 present, 5 on leave → 0 absent)', () => {
    expect(attendanceCounts(33, 30, 5).absent).toBe(0);
  });
  it('counts are whole, non-negative numbers', () => {
    expect(() => attendanceCounts(33, -1, 0)).toThrow(RangeError);
    expect(() => attendanceCounts(33, 16.5, 0)).toThrow(RangeError);
  });
});

describe('quorum (组织法 art. 51)', () => {
  it('quorum: more than half of ALL members must be present (33 → 17 met, 16 not)', () => {
    expect(quorumMet(17, 33)).toBe(true);
    expect(quorumMet(16, 33)).toBe(false);
    expect(quorumRequired(33)).toBe(17);
  });
  it('quorum: exactly half is not "more than half" (34 → 17 not met, 18 met)', () => {
    expect(quorumMet(17, 34)).toBe(false);
    expect(quorumMet(18, 34)).toBe(true);
    expect(quorumRequired(34)).toBe(18);
  });
  it('quorum 2/3 setting: 三分之二以上 includes the bound (33 → 22 met, 21 not; 30 → 20 met)', () => {
    expect(quorumMet(22, 33, TWO_THIRDS_OR_MORE)).toBe(true);
    expect(quorumMet(21, 33, TWO_THIRDS_OR_MORE)).toBe(false);
    expect(quorumMet(20, 30, TWO_THIRDS_OR_MORE)).toBe(true);
    expect(quorumMet(19, 30, TWO_THIRDS_OR_MORE)).toBe(false);
    expect(quorumRequired(33, TWO_THIRDS_OR_MORE)).toBe(22);
  });
  it('quorum: a committee with no members in office never has a quorum', () => {
    expect(quorumMet(0, 0)).toBe(false);
    expect(quorumMet(0, 0, TWO_THIRDS_OR_MORE)).toBe(false);
  });
});

describe('attendance announcement', () => {
  it('announcement: expected, present, 请假, 缺席, 符合法定人数', () => {
    expect(attendanceAnnouncement(attendanceCounts(33, 29, 2), true)).toBe(
      '应出席常委会组成人员33人，实到29人，请假2人，缺席2人，符合法定人数。',
    );
  });
  it('announcement: 请假 and 缺席 are left out when 0', () => {
    expect(attendanceAnnouncement(attendanceCounts(33, 33, 0), true)).toBe('应出席常委会组成人员33人，实到33人，符合法定人数。');
    expect(attendanceAnnouncement(attendanceCounts(33, 29, 4), true)).toBe('应出席常委会组成人员33人，实到29人，请假4人，符合法定人数。');
    expect(attendanceAnnouncement(attendanceCounts(33, 30, 0), true)).toBe('应出席常委会组成人员33人，实到30人，缺席3人，符合法定人数。');
  });
  it('announcement: 不符合法定人数 when the quorum is not met', () => {
    expect(attendanceAnnouncement(attendanceCounts(33, 16, 10), false)).toBe(
      '应出席常委会组成人员33人，实到16人，请假10人，缺席7人，不符合法定人数。',
    );
  });
});
