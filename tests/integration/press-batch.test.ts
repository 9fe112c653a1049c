// Presses that arrive together are written in one transaction, each without a savepoint of its own
// (meeting/press-recorder.ts declares that every refusal is thrown before the first write; see
// store/group-commit.ts). What that must keep: a press refused in the middle of a batch leaves none
// of its writes (no voter row, no receipt, no audit entry), and the presses around it commit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { leftRefusal } from '../../src-main/domain/attendance';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession44 } from '../helpers/assessment-fixture';
import { signInPaired } from '../helpers/terminal-caller';

let admin: AdminCore;
let callers: (Caller & { memberId: number })[];
let voteItem = 0;

const run = async (name: string, input: unknown, caller: Caller) => admin.core.dispatch(name, input, caller);
const db = () => admin.core.store.db;
const rowsOf = (ballotId: number) => ({
  named: db().prepare('SELECT member_id, choice FROM named_votes WHERE ballot_id = ? ORDER BY member_id').raw().all(ballotId),
  voters: db().prepare('SELECT member_id FROM secret_voters WHERE ballot_id = ? ORDER BY member_id').pluck().all(ballotId),
  receipts: db().prepare('SELECT member_id FROM round_receipts WHERE round = ? ORDER BY member_id').pluck().all(`ballot-${ballotId}`),
});
const auditSince = (seq: number) => db().prepare('SELECT action, data FROM audit_log WHERE seq > ? ORDER BY seq').raw().all(seq);
const lastSeq = () => db().prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

// A fresh session for each test: its round stays open.
beforeEach(async () => {
  admin = openAdminCore('yishi-press-batch-');
  const s44 = await prepareSession44(admin.must);
  voteItem = (await admin.must('agenda.add', { sessionId: s44.sessionId, kind: 'vote', title: '审议关于加强生态环境保护工作的决定（草案）' })).id;
  await admin.must('live.open', { sessionId: s44.sessionId });
  callers = (await signInPaired(admin.core, s44.members.slice(0, 20).map((m) => m.id))) as typeof callers;
  await admin.must('live.startBusiness', {});
});
afterEach(() => admin.close());

describe('a press refused in the middle of a batch', () => {
  for (const secret of [true, false]) {
    it(`${secret ? 'secret' : 'named'}: leaves none of its writes, and the others of its batch commit`, async () => {
      const b = await admin.must('ballots.create', { itemId: voteItem, secret, pressRule: 'first' });
      await admin.must('ballots.open', { ballotId: b.id });
      const [first, gone, third, changer] = callers as [(typeof callers)[0], (typeof callers)[0], (typeof callers)[0], (typeof callers)[0]];
      // The changer's first press is in an earlier batch; under "first press counts" a different one is refused later.
      expect((await run('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, changer)).ok).toBe(true);
      await admin.must('attendance.set', { memberId: gone.memberId, status: 'left' });
      const seq = lastSeq();

      // One turn of the event loop: these four are one batch (one transaction).
      const answers = await Promise.all([
        run('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, first),
        run('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 1 }, gone),
        run('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 2 }, changer),
        run('terminal.vote', { ballotId: b.id, choice: 'abstain', pressSeq: 1 }, third),
      ]);
      expect(answers).toEqual([
        { ok: true, value: { ballotId: b.id, choice: 'yes', accepted: true, changed: true } },
        { ok: false, error: { code: 'INVALID_STATE', message: leftRefusal('表决') } },
        { ok: true, value: { ballotId: b.id, choice: 'yes', accepted: false, changed: false } },
        { ok: true, value: { ballotId: b.id, choice: 'abstain', accepted: true, changed: true } },
      ]);

      const rows = rowsOf(b.id);
      const ids = [first, changer, third].map((c) => c.memberId).sort((x, y) => x - y);
      if (secret) {
        expect(rows).toEqual({ named: [], voters: ids, receipts: ids });
        // One entry for the round's receipts of that commit, naming nobody.
        expect(auditSince(seq)).toEqual([['round.receipts', null]]);
      } else {
        const choice = new Map([first, changer, third].map((c, i) => [c.memberId, ['yes', 'yes', 'abstain'][i]]));
        expect(rows).toEqual({ named: ids.map((id) => [id, choice.get(id)]), voters: [], receipts: [] });
        const pressed = (auditSince(seq) as [string, string][]).map(([action, data]) => [action, JSON.parse(data as string).memberId]);
        expect(pressed.sort()).toEqual([first, third].map((c) => ['vote.press', c.memberId]).sort());
      }
    });
  }
});
