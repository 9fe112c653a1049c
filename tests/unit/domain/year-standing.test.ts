// Where an official stands in the year's cycle: pledge → mid-year review → 述职 → assessment → follow-up.
import { describe, expect, it } from 'vitest';
import { STANDING_LABELS, yearStanding, type StandingInput } from '../../../src-main/domain/year-standing';

const none: StandingInput = { hasPledge: false, hasMidyear: false, reported: false, assessed: false, consequence: null, hasFollowUp: false };

describe('rule: where an appointed official stands in the year’s 任后监督 cycle (pledge → mid-year review → 述职 → assessment → rectification)', () => {
  it('follows the cycle step by step', () => {
    expect(yearStanding(none)).toBe('none');
    expect(yearStanding({ ...none, hasPledge: true })).toBe('pledged');
    expect(yearStanding({ ...none, hasPledge: true, hasMidyear: true })).toBe('reviewed');
    expect(yearStanding({ ...none, hasPledge: true, hasMidyear: true, reported: true })).toBe('reported');
    expect(yearStanding({ ...none, hasPledge: true, hasMidyear: true, reported: true, assessed: true })).toBe('assessed');
  });
  it('an assessment with a consequence needs rectification until the follow-up is recorded', () => {
    const rectify = { ...none, reported: true, assessed: true, consequence: '限期整改并再次报告' };
    expect(yearStanding(rectify)).toBe('rectify');
    expect(STANDING_LABELS[yearStanding(rectify)]).toBe('需整改');
    expect(yearStanding({ ...rectify, hasFollowUp: true })).toBe('followedUp');
  });
  it('a later step counts even when an earlier one was not recorded (e.g. no pledge on file)', () => {
    expect(yearStanding({ ...none, reported: true })).toBe('reported');
    expect(yearStanding({ ...none, hasMidyear: true })).toBe('reviewed');
  });
});
