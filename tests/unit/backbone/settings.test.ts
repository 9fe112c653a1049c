import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { meetsThreshold, minimumCount } from '../../../src-main/domain/fraction';
import { DEFAULT_RULES, normalizeRules, type Rules } from '../../../src-main/domain/settings';
import { SYSTEM_ACTOR } from '../../../src-main/store/audit';
import { getRules, setRules } from '../../../src-main/store/committee';
import { Store } from '../../../src-main/store/store';

// The defaults must be those of shared/domain.md.
describe('default rules (shared/domain.md)', () => {
  it('quorum: more than half of all members (过半数, the bound itself does not count)', () => {
    expect(DEFAULT_RULES.quorum).toEqual({ numerator: 1, denominator: 2, inclusive: false });
    expect(minimumCount(33, DEFAULT_RULES.quorum)).toBe(17);
    expect(meetsThreshold(15, 30, DEFAULT_RULES.quorum)).toBe(false);
    expect(meetsThreshold(16, 30, DEFAULT_RULES.quorum)).toBe(true);
  });

  it('adoption: 赞成 more than half of ALL members, not of those present or of votes cast', () => {
    expect(DEFAULT_RULES.adoption.base).toBe('all_members');
    expect(DEFAULT_RULES.adoption.threshold).toEqual({ numerator: 1, denominator: 2, inclusive: false });
    expect(minimumCount(34, DEFAULT_RULES.adoption.threshold)).toBe(18);
  });

  it('the last press counts until the ballot closes', () => {
    expect(DEFAULT_RULES.pressRule).toBe('last');
  });

  it('未按表决器 is shown', () => {
    expect(DEFAULT_RULES.showNotPressed).toBe(true);
  });

  it('ballots are secret (无记名按表决器) by default', () => {
    expect(DEFAULT_RULES.defaultBallotSecret).toBe(true);
  });

  it('satisfaction: 3-level scale (满意/基本满意/不满意) and rule A (rate)', () => {
    expect(DEFAULT_RULES.satisfaction.scale).toBe('three');
    expect(DEFAULT_RULES.satisfaction.rule).toBe('rate');
  });

  it('review opinions: handling report due within 3 months', () => {
    expect(DEFAULT_RULES.reviewOpinion.deadlineMonths).toBe(3);
  });
});

describe('normalizeRules', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(normalizeRules(undefined)).toEqual(DEFAULT_RULES);
    expect(normalizeRules({})).toEqual(DEFAULT_RULES);
  });

  it('fills the keys an older version did not store, keeping the stored ones', () => {
    const old = { pressRule: 'first', satisfaction: { rule: 'grade' } };
    const rules = normalizeRules(old);
    expect(rules.pressRule).toBe('first');
    expect(rules.satisfaction).toEqual({ ...DEFAULT_RULES.satisfaction, rule: 'grade' });
    expect(rules.reviewOpinion).toEqual(DEFAULT_RULES.reviewOpinion);
    expect(rules.quorum).toEqual(DEFAULT_RULES.quorum);
  });

  it('drops keys it does not know', () => {
    expect(normalizeRules({ somethingElse: 1 })).toEqual(DEFAULT_RULES);
  });

  it('refuses an invalid stored value instead of guessing', () => {
    expect(() => normalizeRules({ pressRule: 'middle' })).toThrow();
  });

  it('does not let a normalized copy change the defaults', () => {
    const r = normalizeRules({});
    r.quorum.numerator = 2;
    expect(DEFAULT_RULES.quorum.numerator).toBe(1);
  });
});

describe('rules in the store', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a fresh database runs under the defaults; a partial stored row is filled in', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-rules-'));
    dirs.push(dir);
    const store = Store.open(dir);
    try {
      expect(getRules(store)).toEqual(DEFAULT_RULES);
      const changed: Rules = { ...DEFAULT_RULES, showNotPressed: false };
      expect(setRules(store, SYSTEM_ACTOR, changed).showNotPressed).toBe(false);
      store.db.prepare("UPDATE settings SET value = ? WHERE key = 'rules'").run(JSON.stringify({ showNotPressed: false }));
      expect(getRules(store)).toEqual({ ...DEFAULT_RULES, showNotPressed: false });
    } finally {
      store.close();
    }
  });
});
