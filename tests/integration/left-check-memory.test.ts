// The 离会 check of every press reads who is in the hall from memory (meeting/hall-attendance.ts), not
// from a query per press. That memory must follow every committed sign-in and 离会 exactly: signed
// in → press taken; 离会 → refused, nothing written; signed in again on the terminal → taken; 离会
// again → refused; and after a restart (the memory rebuilt from the file) the same, both ways. Each
// step is checked against the attendance row and the vote rows in the real SQLite file.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { createCore, type Core } from '../../src-main/app/core';
import { leftRefusal } from '../../src-main/domain/attendance';
import { adminCalls } from '../helpers/admin-core';
import { prepareSession16 } from '../helpers/session-fixture';
import { tempDataDir } from '../helpers/server';
import { signInPaired } from '../helpers/terminal-caller';

const dataDir = tempDataDir('yishi-left-check-memory-');
let core: Core | undefined;
afterAll(() => {
  core?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const refused = { ok: false, error: { code: 'INVALID_STATE', message: leftRefusal('表决') } };

describe('the 离会 check kept in memory', () => {
  it('follows sign-in → 离会 → 重新签到, and is rebuilt from the file after a restart', async () => {
    core = createCore(dataDir);
    const first = adminCalls(core);
    const s16 = await prepareSession16(first.must);
    await first.must('live.open', { sessionId: s16.sessionId });
    const callers = await signInPaired(core, s16.members.slice(0, 20).map((m) => m.id));
    await first.must('live.startBusiness', {});
    const b = await first.must('ballots.create', { itemId: s16.items[3]!.id, secret: false, pressRule: 'last' });
    await first.must('ballots.open', { ballotId: b.id });
    const member = callers[4]! as Caller & { memberId: number };
    const c = () => core!;
    const vote = (choice: string, pressSeq: number) => c().dispatch('terminal.vote', { ballotId: b.id, choice, pressSeq }, member);
    const status = () => c().store.db.prepare('SELECT status FROM attendance WHERE session_id = ? AND member_id = ?').pluck().get(s16.sessionId, member.memberId);
    const recorded = () => c().store.db.prepare('SELECT choice, press_seq FROM named_votes WHERE ballot_id = ? AND member_id = ?').get(b.id, member.memberId);

    expect(await vote('yes', 1)).toMatchObject({ ok: true, value: { choice: 'yes', accepted: true } });
    await first.must('attendance.set', { memberId: member.memberId, status: 'left' });
    expect(status()).toBe('left');
    expect(await vote('no', 2)).toEqual(refused);
    expect(recorded()).toEqual({ choice: 'yes', press_seq: 1 });

    expect((await core.dispatch('terminal.signIn', {}, member)).ok).toBe(true);
    expect(status()).toBe('present');
    expect(await vote('no', 3)).toMatchObject({ ok: true, value: { choice: 'no', accepted: true } });
    expect(recorded()).toEqual({ choice: 'no', press_seq: 3 });

    await first.must('attendance.set', { memberId: member.memberId, status: 'left' });
    expect(await vote('abstain', 4)).toEqual(refused);

    // Restart with the member recorded as 离会: the new process knows it from the file alone.
    core.close();
    core = createCore(dataDir);
    const second = adminCalls(core);
    expect(status()).toBe('left');
    expect(await vote('abstain', 5)).toEqual(refused);
    expect(recorded()).toEqual({ choice: 'no', press_seq: 3 });
    expect((await core.dispatch('terminal.signIn', {}, member)).ok).toBe(true);
    expect(await vote('abstain', 6)).toMatchObject({ ok: true, value: { choice: 'abstain', accepted: true } });
    expect(recorded()).toEqual({ choice: 'abstain', press_seq: 6 });

    // And restarted with the member present again: taken at once, refused after a new 离会.
    core.close();
    core = createCore(dataDir);
    const third = adminCalls(core);
    expect(await vote('yes', 7)).toMatchObject({ ok: true, value: { choice: 'yes', accepted: true } });
    await third.must('attendance.set', { memberId: member.memberId, status: 'left' });
    expect(await vote('no', 8)).toEqual(refused);
    expect(recorded()).toEqual({ choice: 'yes', press_seq: 7 });
    expect((await third.must('ballots.close', { ballotId: b.id })).result).toMatchObject({ yes: 1, no: 0, abstain: 0 });
    void second;
  }, 60_000);
});
