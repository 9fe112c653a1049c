import { describe, expect, it } from 'vitest';
import { interpellationFilingProblem } from '../../../src-main/domain/agenda';
import { DEFAULT_RULES } from '../../../src-main/domain/settings';

describe('质询 filing threshold (监督法 2024: county level three members or more, 以上 inclusive)', () => {
  it('质询 filing threshold: the default is 3 members at county level', () => {
    expect(DEFAULT_RULES.interpellation.minMembers).toBe(3);
  });
  it('质询 filing threshold: 3 filers suffice (以上 includes the bound), 2 do not', () => {
    expect(interpellationFilingProblem(3, 3)).toBeNull();
    expect(interpellationFilingProblem(4, 3)).toBeNull();
    expect(interpellationFilingProblem(2, 3)).toBe('质询案须由常委会组成人员3人以上联名提出，现有2人联名');
    expect(interpellationFilingProblem(0, 3)).toBe('质询案须由常委会组成人员3人以上联名提出，现有0人联名');
  });
  it('质询 filing threshold: a city-level setting of 5 needs five', () => {
    expect(interpellationFilingProblem(4, 5)).toMatch(/5人以上联名/);
    expect(interpellationFilingProblem(5, 5)).toBeNull();
  });
  it('refuses impossible counts', () => {
    expect(() => interpellationFilingProblem(-1, 3)).toThrow(RangeError);
    expect(() => interpellationFilingProblem(3, 0)).toThrow(RangeError);
  });
});
