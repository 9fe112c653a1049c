// Level words (domain/level.ts): the committee's level decides 区委/县委 and 区人民政府/县人民政府.
import { describe, expect, it } from 'vitest';
import { levelFromName, levelOf, levelWords } from '../../../src-main/domain/level';

describe('level words', () => {
  it('rule: unset, the level is read from the end of the region’s name', () => {
    expect(levelFromName('示例区')).toBe('区');
    expect(levelFromName('某某自治县')).toBe('县');
    expect(levelFromName('某某市')).toBe('市');
    expect(levelFromName('某某自治旗')).toBe('旗');
    expect(levelFromName('某某新区管委会')).toBeNull();
    expect(levelOf('某某新区管委会', null)).toBe('区');
  });

  it('rule: the committee’s setting wins over the name', () => {
    expect(levelOf('示例区', '县')).toBe('县');
    expect(levelOf('某某市', null)).toBe('市');
  });

  it('rule: a county’s texts say 县委 and 县人民政府, a district’s 区委 and 区人民政府', () => {
    expect(levelWords('县')).toEqual({ level: '县', party: '县委', government: '县人民政府', standingCommittee: '县人大常委会', tier: '县级' });
    expect(levelWords('区').party).toBe('区委');
    expect(levelWords('旗').government).toBe('旗人民政府');
  });
});
