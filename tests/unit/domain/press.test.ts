import { describe, expect, it } from 'vitest';
import { applyPress } from '../../../src-main/domain/press';

describe('repeated presses (GB 50799-2012)', () => {
  it('any rule: the first press is taken', () => {
    expect(applyPress(null, 'yes', 'first')).toEqual({ accepted: true, choice: 'yes', changed: true });
    expect(applyPress(null, 'abstain', 'last')).toEqual({ accepted: true, choice: 'abstain', changed: true });
  });
  it('first press counts: a different second press is refused and the first choice stays', () => {
    expect(applyPress('yes', 'no', 'first')).toEqual({ accepted: false, choice: 'yes', changed: false });
  });
  it('last press counts: a different second press replaces the first', () => {
    expect(applyPress('yes', 'no', 'last')).toEqual({ accepted: true, choice: 'no', changed: true });
  });
  it('pressing the same choice twice is harmless under both rules (accepted, unchanged)', () => {
    expect(applyPress('no', 'no', 'first')).toEqual({ accepted: true, choice: 'no', changed: false });
    expect(applyPress('no', 'no', 'last')).toEqual({ accepted: true, choice: 'no', changed: false });
  });
});
