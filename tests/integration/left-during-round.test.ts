// A member recorded as 离会 while a round is open is not in the hall: who may take part is fixed at the
// opening, but a press or sheet from their seat is refused (INVALID_STATE, 您已登记离会…) and writes
// nothing (no receipt, no row, no audit entry: nothing new links a member to a choice); a press made
// before leaving stays counted, and a resend of it answers what is recorded. Marked present again
// while the round is open, their presses are taken again. A paper sheet they handed in is still entered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { leftRefusal } from '../../src-main/domain/attendance';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession44 } from '../helpers/assessment-fixture';
import { signInPaired } from '../helpers/terminal-caller';

let admin: AdminCore;
let callers: Caller[];
let members: { id: number }[];
let voteItem = 0;
let assessmentItem = 0;

const run = async (name: string, input: unknown, caller: Caller) => admin.core.dispatch(name, input, caller);
const me = async (c: Caller) => ((await run('terminal.state', {}, c)) as { ok: true; value: any }).value.me;
/** Everything on disk a refused press or sheet could have left. */
const disk = () => ({
  audit: admin.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  receipts: admin.core.store.db.prepare('SELECT round, member_id, hex(receipt) FROM round_receipts ORDER BY round, member_id').raw().all(),
  named: admin.core.store.db.prepare('SELECT * FROM named_votes ORDER BY ballot_id, member_id').raw().all(),
  voters: admin.core.store.db.prepare('SELECT * FROM secret_voters ORDER BY ballot_id, member_id').raw().all(),
  sheets: admin.core.store.db.prepare('SELECT * FROM assessment_voters ORDER BY assessment_id, member_id').raw().all(),
});

beforeAll(async () => {
  admin = openAdminCore('yishi-left-during-round-');
  const s44 = await prepareSession44(admin.must);
  members = s44.members;
  assessmentItem = s44.assessmentItemId;
  voteItem = (await admin.must('agenda.add', { sessionId: s44.sessionId, kind: 'vote', title: '审议关于加强生态环境保护工作的决定（草案）' })).id;
  await admin.must('live.open', { sessionId: s44.sessionId });
  callers = await signInPaired(admin.core, members.slice(0, 20).map((m) => m.id));
  await admin.must('live.startBusiness', {});
});
afterAll(() => admin.close());

describe('a member marked 离会 during an open round', () => {
  for (const secret of [true, false]) {
    it(`${secret ? 'secret' : 'named'} ballot: the press before leaving counts, presses after are refused and leave nothing, presses after coming back are taken`, async () => {
      const b = await admin.must('ballots.create', { itemId: voteItem, secret, pressRule: 'last' });
      await admin.must('ballots.open', { ballotId: b.id });
      const [early, late] = [callers[0]!, callers[1]!];
      expect(await run('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, early)).toMatchObject({ ok: true, value: { choice: 'yes' } });
      for (const c of [early, late]) await admin.must('attendance.set', { memberId: (c as { memberId: number }).memberId, status: 'left' });
      expect(await me(late)).toMatchObject({ attendance: 'left', canVote: false });

      const before = disk();
      const refused = { ok: false, error: { code: 'INVALID_STATE', message: leftRefusal('表决') } };
      expect(leftRefusal('表决')).toBe('您已登记离会，不能表决；回到会场后请重新签到');
      expect(await run('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 2 }, early)).toEqual(refused);
      expect(await run('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 1 }, late)).toEqual(refused);
      // A resend of the press made before leaving (a reconnect) answers what is recorded, and changes nothing.
      expect(await run('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, early)).toEqual({ ok: true, value: { ballotId: b.id, choice: 'yes', accepted: true, changed: false } });
      expect(disk()).toEqual(before);
      expect((await me(early)).myVote).toEqual({ ballotId: b.id, choice: 'yes' });

      // Back in the hall (signed in again on the terminal) while the round is open: the press is taken.
      expect((await run('terminal.signIn', {}, late)).ok).toBe(true);
      expect(await me(late)).toMatchObject({ attendance: 'present', canVote: true });
      expect(await run('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 2 }, late)).toMatchObject({ ok: true, value: { choice: 'no', accepted: true } });
      for (const c of callers.slice(2, 18)) expect((await run('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, c)).ok).toBe(true);
      const closed = await admin.must('ballots.close', { ballotId: b.id });
      expect(closed.result).toMatchObject({ yes: 17, no: 1, abstain: 0, notPressed: 2, adopted: true });
      await admin.must('ballots.announce', { ballotId: b.id });
      await admin.must('attendance.set', { memberId: (early as { memberId: number }).memberId, status: 'present' });
    });
  }

  it('assessment: no sheet from the terminal of a member who left; their paper sheet handed in before is entered', async () => {
    const a = await admin.must('assessments.create', { itemId: assessmentItem, method: 'electronic' });
    await admin.must('assessments.open', { assessmentId: a.id });
    const gone = callers[2]! as Caller & { memberId: number };
    await admin.must('attendance.set', { memberId: gone.memberId, status: 'left' });
    expect(await me(gone)).toMatchObject({ attendance: 'left', canSubmitSheet: false, sheetSubmitted: false });
    const marks = Array(a.subjects.length).fill(0);
    const before = disk();
    expect(await run('terminal.submitSheet', { assessmentId: a.id, marks }, gone)).toEqual({ ok: false, error: { code: 'INVALID_STATE', message: '您已登记离会，不能提交测评表；回到会场后请重新签到' } });
    expect(disk()).toEqual(before);
    await admin.must('assessments.paperSheet', { assessmentId: a.id, memberId: gone.memberId, marks });
    expect(await me(gone)).toMatchObject({ sheetSubmitted: true, canSubmitSheet: false });
    expect((await admin.must('assessments.close', { assessmentId: a.id })).result).toMatchObject({ sheetsReturned: 1, paperSheets: 1 });
  });
});
