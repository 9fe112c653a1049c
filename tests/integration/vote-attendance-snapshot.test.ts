// "A vote uses the attendance at its opening" (shared/domain.md) at its boundaries, through the
// commands on a real SQLite file with members' terminals: adoption needs 赞成 more than half of ALL
// 33 members (17), whoever is in the room; a member present at the opening who leaves before pressing
// is 未按表决器, one who arrives after the opening cannot press; 16 赞成 (under half) fails even when
// nobody votes against and everyone else abstains; a vote cannot begin after members left the room,
// below the quorum (QUORUM_NOT_MET, nothing written), and a record an earlier version made below it
// still says so; and the stored row and the printed result agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { signInPaired } from '../helpers/terminal-caller';
import { markAttendance } from '../helpers/live-setup';

let admin: AdminCore;
let s16: Session16;
let callers: Caller[] = [];
const outcome = async (name: string, input: unknown, caller: Caller) => {
  const r = await admin.core.dispatch(name, input, caller);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
};
const row = (id: number) => admin.core.store.db.prepare('SELECT yes, no, abstain, not_pressed AS notPressed, adopted, required, base FROM ballots WHERE id = ?').get(id);
const printed = async (ballotId: number, name: string) => {
  const f = await admin.must('documents.pdf', { kind: 'ballotResult', ballotId });
  const data = Buffer.from(f.base64, 'base64');
  savePdf(name, data);
  return pdfText(data).replace(/\s+/g, '');
};

beforeAll(async () => {
  admin = openAdminCore('yishi-vote-snapshot-');
  s16 = await prepareSession16(admin.must);
  await admin.must('live.open', { sessionId: s16.sessionId });
  callers = await signInPaired(admin.core, s16.members.slice(0, 18).map((m) => m.id));
  await admin.must('live.startBusiness');
});
afterAll(() => admin.close());

describe('a vote uses the attendance at its opening', () => {
  it('17 赞成 of 33 adopts with 18 present; the one who left before pressing is 未按, a late arrival cannot press', async () => {
    const b = await admin.must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic' });
    await admin.must('ballots.open', { ballotId: b.id });
    for (const c of callers.slice(0, 17)) expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, c)).toBe('ok');
    // the 18th leaves before pressing; a 19th arrives after the opening
    await admin.must('attendance.set', { memberId: s16.members[17]!.id, status: 'left' });
    const [late] = await signInPaired(admin.core, [s16.members[18]!.id]);
    expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 1 }, late!)).toBe('INVALID_STATE 您在表决开始时未签到，不能参加本轮表决');
    const closed = await admin.must('ballots.close', { ballotId: b.id });
    expect(closed.eligible).toBe(18);
    expect(row(b.id)).toEqual({ yes: 17, no: 0, abstain: 0, notPressed: 1, adopted: 1, required: 17, base: 33 });
    const text = await printed(b.id, 'vote-snapshot-17-of-33');
    expect(text).toContain('应出席常委会组成人员33人，表决开始时实到18人，符合法定人数。');
    expect(text).toContain('赞成17票，反对0票，弃权0票，未按表决器1人。通过。赞成17票，超过全体组成人员33人的半数，通过。');
  });

  it('16 赞成 of 33 fails though nobody votes against: 弃权 and 未按 work against adoption', async () => {
    const b = await admin.must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic' });
    await admin.must('ballots.open', { ballotId: b.id });
    // present now: members 1–17 and the late 19th (18 present); 16 赞成, 1 弃权, 1 presses nothing
    const present = [...callers.slice(0, 17)];
    for (const [i, c] of present.entries()) {
      if (i < 16) expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, c)).toBe('ok');
      else expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'abstain', pressSeq: 1 }, c)).toBe('ok');
    }
    await admin.must('ballots.close', { ballotId: b.id });
    expect(row(b.id)).toEqual({ yes: 16, no: 0, abstain: 1, notPressed: 1, adopted: 0, required: 17, base: 33 });
    expect(await printed(b.id, 'vote-snapshot-16-of-33')).toContain('赞成16票，未超过全体组成人员33人的半数，未通过。');
  });

  it('a vote cannot begin after members left, 16 of 33 present (exactly half: below the quorum); a record made below it by an earlier version still says so', async () => {
    await markAttendance(admin.must, [s16.members[15]!, s16.members[16]!], 'left');
    expect((await admin.must('live.state')).attendance).toMatchObject({ present: 16, quorumMet: false });
    const b = await admin.must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic' });
    const audited = () => admin.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audited();
    const refused = await admin.call('ballots.open', { ballotId: b.id });
    expect(refused).toEqual({ ok: false, error: { code: 'QUORUM_NOT_MET', message: '实到16人，不足法定人数（应到33人，须过半数即至少17人），不能开始表决' } });
    expect(admin.core.store.db.prepare('SELECT state, opened_at, eligible FROM ballots WHERE id = ?').get(b.id)).toEqual({ state: 'draft', opened_at: null, eligible: '[]' });
    expect(audited()).toBe(before);
    expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, callers[0]!)).toBe('INVALID_STATE 表决尚未开始');

    // One member back: 17 of 33 is the quorum, and the same ballot begins.
    await admin.must('attendance.set', { memberId: s16.members[16]!.id, status: 'present' });
    await admin.must('ballots.open', { ballotId: b.id });
    for (const c of callers.slice(0, 15)) expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, c)).toBe('ok');
    await admin.must('ballots.close', { ballotId: b.id });
    expect(row(b.id)).toEqual({ yes: 15, no: 0, abstain: 0, notPressed: 2, adopted: 0, required: 17, base: 33 });
    expect(await printed(b.id, 'vote-snapshot-at-quorum')).toContain('应出席常委会组成人员33人，表决开始时实到17人，符合法定人数。');

    // A ballot an earlier version let open with 16 present keeps its wording: its record says 不符合法定人数.
    const eligible = JSON.parse(admin.core.store.db.prepare('SELECT eligible FROM ballots WHERE id = ?').pluck().get(b.id) as string) as number[];
    admin.core.store.db.prepare('UPDATE ballots SET eligible = ?, not_pressed = 1 WHERE id = ?').run(JSON.stringify(eligible.slice(1)), b.id);
    const text = await printed(b.id, 'vote-snapshot-below-quorum-older-data');
    expect(text).toContain('应出席常委会组成人员33人，表决开始时实到16人，不符合法定人数。');
    expect(text).toContain('赞成15票，未超过全体组成人员33人的半数，未通过。');
  });
});
