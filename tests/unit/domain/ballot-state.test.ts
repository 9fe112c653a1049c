import { describe, expect, it } from 'vitest';
import { acceptsPresses, nextBallotState } from '../../../src-main/domain/ballot-state';

describe('ballot state machine: draft → open → closed → announced', () => {
  it('forward path: draft -open→ open -close→ closed -announce→ announced', () => {
    expect(nextBallotState('draft', 'open')).toEqual({ ok: true, state: 'open', changed: true });
    expect(nextBallotState('open', 'close')).toEqual({ ok: true, state: 'closed', changed: true });
    expect(nextBallotState('closed', 'announce')).toEqual({ ok: true, state: 'announced', changed: true });
  });
  it('repeating an action already done is harmless (open on open, close on closed, announce on announced)', () => {
    expect(nextBallotState('open', 'open')).toEqual({ ok: true, state: 'open', changed: false });
    expect(nextBallotState('closed', 'close')).toEqual({ ok: true, state: 'closed', changed: false });
    expect(nextBallotState('announced', 'announce')).toEqual({ ok: true, state: 'announced', changed: false });
    expect(nextBallotState('announced', 'close')).toEqual({ ok: true, state: 'announced', changed: false });
  });
  it('a closed ballot never reopens: a new vote is a new round', () => {
    const msg = '表决已结束，不能再次开启；如需重新表决请发起新一轮';
    expect(nextBallotState('closed', 'open')).toEqual({ ok: false, code: 'INVALID_STATE', message: msg });
    expect(nextBallotState('announced', 'open')).toEqual({ ok: false, code: 'INVALID_STATE', message: msg });
  });
  it('cannot close a ballot that has not opened', () => {
    expect(nextBallotState('draft', 'close')).toEqual({ ok: false, code: 'INVALID_STATE', message: '表决尚未开始，不能结束' });
  });
  it('a result is announced only after the ballot is closed', () => {
    expect(nextBallotState('open', 'announce')).toEqual({ ok: false, code: 'INVALID_STATE', message: '表决尚未结束，请先结束表决再宣布结果' });
    expect(nextBallotState('draft', 'announce')).toEqual({ ok: false, code: 'INVALID_STATE', message: '表决尚未开始，不能宣布结果' });
  });
  it('presses are taken only while the ballot is open', () => {
    expect(acceptsPresses('open')).toBe(true);
    expect(acceptsPresses('draft')).toBe(false);
    expect(acceptsPresses('closed')).toBe(false);
    expect(acceptsPresses('announced')).toBe(false);
  });
  it('作废 takes only an open round back to draft (the engine allows it only when its receipts cannot be opened); a result is never voided', () => {
    expect(nextBallotState('open', 'void')).toEqual({ ok: true, state: 'draft', changed: true });
    expect(nextBallotState('draft', 'void')).toEqual({ ok: true, state: 'draft', changed: false }); // a retried 作废
    const msg = '表决已结束，不能作废；如需重新表决请发起新一轮';
    expect(nextBallotState('closed', 'void')).toEqual({ ok: false, code: 'INVALID_STATE', message: msg });
    expect(nextBallotState('announced', 'void')).toEqual({ ok: false, code: 'INVALID_STATE', message: msg });
  });
});
