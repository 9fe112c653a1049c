// The rule that decides a round is fixed once the round opens, and follows the item until then: a
// ballot created (draft) before the item's threshold was changed opens with the item's threshold as
// it is now, never a stale one; while a ballot of the item is open the threshold cannot change (a
// clear Chinese refusal, INVALID_STATE), and after it closed a change reaches only the next round.
// The same for a project ballot's number of places (应选项目数). Through the command map on a real
// SQLite file, with real presses from paired terminals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { CANDIDATES, prepareSession44, type Session44 } from '../helpers/assessment-fixture';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { pairedCaller } from '../helpers/terminal-caller';
import { openAndStartBusiness } from '../helpers/live-setup';

let admin: AdminCore;
let s16: Session16;
const VOTE_TITLE = '审议关于开展第八个五年法治宣传教育的决议（草案）';
const voteItem = () => s16.items.find((i) => i.kind === 'vote')!;
const setThreshold = (threshold?: 'more_than_half' | 'two_thirds') =>
  admin.call('agenda.update', { id: voteItem().id, kind: 'vote', title: VOTE_TITLE, presenter: '区人大常委会法制工作委员会', details: threshold ? { threshold } : {} });

beforeAll(async () => {
  admin = openAdminCore('yishi-item-rule-edits-');
  s16 = await prepareSession16(admin.must);
  await openAndStartBusiness(admin.must, s16, 30);
});
afterAll(() => admin.close());

describe('a ballot’s threshold: the item’s until the ballot opens, then fixed', () => {
  let ballotId = 0;
  it('a draft ballot takes the threshold the item is given after it was created', async () => {
    ballotId = (await admin.must('ballots.create', { itemId: voteItem().id, secret: false, pressRule: 'last', method: 'electronic' })).id;
    expect((await admin.must('ballots.get', { ballotId })).rules.adoption.threshold).toMatchObject({ numerator: 1, denominator: 2, inclusive: false });
    const r = await setThreshold('two_thirds');
    expect(r.ok).toBe(true);
    expect((await admin.must('ballots.get', { ballotId })).rules.adoption.threshold).toMatchObject({ numerator: 2, denominator: 3, inclusive: true });
  });

  it('while the ballot is open the threshold cannot change, and nothing changes', async () => {
    await admin.must('ballots.open', { ballotId });
    const callers: Caller[] = s16.members.slice(0, 21).map((m) => pairedCaller(admin.core, { memberId: m.id }));
    for (const c of callers) expect((await admin.core.dispatch('terminal.vote', { ballotId, choice: 'yes', pressSeq: 1 }, c)).ok).toBe(true);
    const r = await setThreshold('more_than_half');
    expect(r.ok).toBe(false);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_STATE' });
    expect(r.ok ? '' : r.error.message).toContain('表决正在进行');
    expect((await admin.must('sessions.get', { id: s16.sessionId })).items.find((i: { id: number }) => i.id === voteItem().id).details.threshold).toBe('two_thirds');
    const closed = await admin.must('ballots.close', { ballotId });
    // 21 of 33 is short of 三分之二以上 (22): the rule the ballot opened with decides
    expect(closed.result).toMatchObject({ yes: 21, adopted: false, required: 22 });
  });

  it('after the ballot closed the item may change again; the closed ballot keeps its rule and result', async () => {
    expect((await setThreshold('more_than_half')).ok).toBe(true);
    const b = await admin.must('ballots.get', { ballotId });
    expect(b.rules.adoption.threshold).toMatchObject({ numerator: 2, denominator: 3 });
    expect(b.result).toMatchObject({ adopted: false, required: 22 });
  });

  it('a draft ballot given a threshold of its own keeps it when the item’s threshold changes', async () => {
    // the item says 过半数 now; this ballot was set up with 三分之二以上 by the secretary
    const own = (await admin.must('ballots.create', { itemId: voteItem().id, secret: false, pressRule: 'last', method: 'electronic', threshold: 'two_thirds' })).id;
    expect((await setThreshold()).ok).toBe(true);
    expect((await admin.must('ballots.get', { ballotId: own })).rules.adoption.threshold).toMatchObject({ numerator: 2, denominator: 3, inclusive: true });
    expect(admin.core.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'ballot.rules' AND entity_id = ?").get(String(own))).toEqual({ n: 0 });
  });
});

describe('a project ballot’s number of places: the item’s until the round opens, then fixed', () => {
  let a44: AdminCore;
  let s44: Session44;
  const setPlaces = (chooseMax: number) =>
    a44.call('agenda.update', { id: s44.projectItemId, kind: 'project_ballot', title: '票决2027年度区民生实事项目', presenter: '', details: { candidates: CANDIDATES, chooseMax } });
  beforeAll(async () => {
    a44 = openAdminCore('yishi-item-rule-edits-44-');
    s44 = await prepareSession44(a44.must);
    await openAndStartBusiness(a44.must, s44, 30);
  });
  afterAll(() => a44.close());

  it('a draft round takes the places the item is given after it was set up; an open round refuses a change', async () => {
    const id = (await a44.must('assessments.create', { itemId: s44.projectItemId, method: 'electronic' })).id;
    expect((await a44.must('assessments.get', { assessmentId: id })).chooseMax).toBe(10);
    expect((await setPlaces(8)).ok).toBe(true);
    expect((await a44.must('assessments.get', { assessmentId: id })).chooseMax).toBe(8);
    await a44.must('assessments.open', { assessmentId: id });
    const r = await setPlaces(10);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'INVALID_STATE' });
    expect((await a44.must('assessments.get', { assessmentId: id })).chooseMax).toBe(8);
  });
});
