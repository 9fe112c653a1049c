// The live session over a real WebSocket server and a real SQLite file: pairing, sign-in and
// quorum, agenda stepping, a secret ballot with mixed choices and one member who presses nothing.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { verifyAuditLog } from '../../src-main/store/audit';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { tempDataDir } from '../helpers/server';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s16: Session16;
const dataDir = tempDataDir('yishi-live-');
const { must } = commandsOf(() => running.core);
const wsUrl = () => `ws://127.0.0.1:${running.port}/ws`;
const terminals = new Map<number, TerminalClient>(); // memberId → paired terminal

beforeAll(async () => {
  running = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
});
afterAll(async () => {
  for (const t of terminals.values()) await t.close();
  await running.close();
});

describe('live session over WebSocket', () => {
  it('opens the session with seat codes, and pairs terminals with them (wrong codes are refused and rate-limited)', async () => {
    await must('live.open', { sessionId: s16.sessionId });
    const codes: { kind: string; id: number; code: string }[] = await must('seatCodes.list');
    expect(codes.filter((c) => c.kind === 'member')).toHaveLength(33);

    const stranger = await TerminalClient.connect(wsUrl());
    const wrong = await stranger.cmd('terminal.pair', { code: '000000' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.code).toBe('UNAUTHORIZED');
    for (let i = 0; i < 4; i++) await stranger.cmd('terminal.pair', { code: '000001' });
    const limited = await stranger.cmd('terminal.pair', { code: codes[0]!.code });
    expect(limited.ok ? 'ok' : limited.error.code).toBe('RATE_LIMITED');
    const unpaired = await stranger.cmd('terminal.vote', { ballotId: 1, choice: 'yes', pressSeq: 1 });
    expect(unpaired.ok ? 'ok' : unpaired.error.code).toBe('FORBIDDEN');
    await stranger.close();
    running.core.engine.rateLimiter.reset(); // every test terminal shares 127.0.0.1

    // A forged token and a malformed frame are refused and change nothing.
    const forger = await TerminalClient.connect(wsUrl());
    const hello = await forger.hello('terminal', 'not-a-real-token');
    expect(hello).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    forger.send('{not json');
    const err = await forger.waitFor((f) => f.type === 'error' && (f.error as any).code === 'BAD_INPUT');
    expect((err.error as any).message).toMatch(/JSON/);
    await forger.close();

    for (const m of s16.members) {
      const code = codes.find((c) => c.kind === 'member' && c.id === m.id)!.code;
      const t = await TerminalClient.connect(wsUrl());
      const r = await t.cmd('terminal.pair', { code });
      expect(r.ok).toBe(true);
      await t.waitForState((s) => s.me?.id === m.id);
      terminals.set(m.id, t);
    }
    const reuse = await (await TerminalClient.connect(wsUrl())).cmd('terminal.pair', { code: codes[1]!.code });
    expect(reuse.ok).toBe(false);
  });

  it('counts sign-ins live and shows whether the quorum is met', async () => {
    const ids = s16.members.map((m) => m.id);
    const refused = await must('live.startBusiness', {}).catch((e: Error) => e.message);
    expect(refused).toMatch(/未达到法定人数/);
    // 16 of 33 is not a quorum; the 17th makes it.
    for (const id of ids.slice(0, 16)) expect((await terminals.get(id)!.cmd('terminal.signIn')).ok).toBe(true);
    let state = await must('live.state');
    expect(state.attendance).toMatchObject({ expected: 33, present: 16, quorumMet: false });
    await must('attendance.set', { memberId: ids[16], status: 'present' }); // the secretary signs one in
    for (const id of ids.slice(17, 30)) await terminals.get(id)!.cmd('terminal.signIn');
    await must('attendance.set', { memberId: ids[30], status: 'leave' }); // 林涛健 请假
    state = await must('live.state');
    expect(state.attendance).toMatchObject({ expected: 33, present: 30, onLeave: 1, absent: 2, quorumMet: true });
    expect(state.attendance.announcement).toBe('应出席常委会组成人员33人，实到30人，请假1人，缺席2人，符合法定人数。');
    const display = await TerminalClient.connect(wsUrl());
    await display.hello('display');
    const shown = await display.waitForState((s) => s.attendance?.present === 30);
    expect(shown.attendance.quorumMet).toBe(true);
    expect(shown.members).toBeUndefined(); // the big screen gets no per-member data
    await display.close();
    await must('live.startBusiness', {});
  });

  it('steps the agenda and every terminal follows', async () => {
    await must('live.setItem', { itemId: s16.items[3]!.id });
    const t = terminals.get(s16.members[0]!.id)!;
    const s = await t.waitForState((x) => x.currentItem?.id === s16.items[3]!.id, 2000);
    expect(s.currentItem.title).toContain('法治宣传教育');
  });

  it('runs a secret ballot: acks after commit, last press counts, repeats count once, 未按 counted, adopted by all-members rule', async () => {
    const ballot = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: ballot.id });
    await must('ballots.open', { ballotId: ballot.id }); // repeated open is harmless
    const present = s16.members.slice(0, 30);
    // 20 赞成, 6 反对, 3 弃权, the 30th presses nothing.
    const plan = present.slice(0, 29).map((m, i) => ({ m, choice: (i < 20 ? 'yes' : i < 26 ? 'no' : 'abstain') as 'yes' | 'no' | 'abstain' }));
    const acks = await Promise.all(plan.map(({ m, choice }) => terminals.get(m.id)!.cmd('terminal.vote', { ballotId: ballot.id, choice, pressSeq: 1 })));
    for (const [i, a] of acks.entries()) expect(a).toMatchObject({ ok: true, value: { choice: plan[i]!.choice, accepted: true } });
    // One member changes from 反对 to 赞成 (last press counts) and the terminal resends it: counted once.
    const changer = terminals.get(plan[25]!.m.id)!;
    expect(await changer.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 2 })).toMatchObject({ ok: true, value: { choice: 'yes', changed: true } });
    expect(await changer.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 2 })).toMatchObject({ ok: true, value: { choice: 'yes', changed: false } });
    // A member absent at the opening cannot vote.
    const late = await terminals.get(s16.members[32]!.id)!.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 });
    expect(late.ok ? 'ok' : late.error.code).toBe('INVALID_STATE');

    // During the secret ballot the screens show only how many have voted.
    const mid = await must('live.state');
    expect(mid.ballot).toMatchObject({ state: 'open', voted: 29, eligible: 30, result: null });
    expect(mid.ballots.find((b: any) => b.id === ballot.id).liveCounts).toBeNull();
    expect(mid.members.every((m: any) => m.choice === null)).toBe(true);
    const own = await terminals.get(plan[0]!.m.id)!.cmd('terminal.state');
    expect(own.ok && own.value.me.myVote).toEqual({ ballotId: ballot.id, choice: 'yes' });

    const closed = await must('ballots.close', { ballotId: ballot.id });
    expect(closed.result).toMatchObject({ yes: 21, no: 5, abstain: 3, notPressed: 1, adopted: true, required: 17 });
    expect(closed.result.announcement).toBe('赞成21票，反对5票，弃权3票，未按表决器1人。通过');
    await must('ballots.announce', { ballotId: ballot.id });
    const t = terminals.get(s16.members[5]!.id)!;
    const s = await t.waitForState((x) => x.ballot?.state === 'announced');
    expect(s.ballot.result).toMatchObject({ yes: 21, no: 5, abstain: 3, notPressed: 1, adopted: true });
    const after = await t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 9 });
    expect(after.ok ? 'ok' : after.error.code).toBe('INVALID_STATE');
  });

  it('keeps the secret: the database file alone links no member to a choice', () => {
    running.core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const db = new Database(path.join(dataDir, 'yishi.sqlite'), { readonly: true });
    try {
      const ballotId = (db.prepare('SELECT id FROM ballots WHERE secret = 1').get() as { id: number }).id;
      const voters = db.prepare('SELECT * FROM secret_voters WHERE ballot_id = ?').all(ballotId) as Record<string, unknown>[];
      expect(voters).toHaveLength(29);
      for (const v of voters) expect(Object.keys(v).sort()).toEqual(['ballot_id', 'member_id']);
      expect(db.prepare('SELECT count(*) AS n FROM round_receipts').get()).toEqual({ n: 0 }); // the sealed receipts were erased at close
      // No counter exists anywhere: only the totals of the closed ballot remain.
      const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables.filter((t) => /count/.test(t))).toEqual([]);
      expect(db.prepare('SELECT yes, no, abstain, not_pressed FROM ballots WHERE id = ?').get(ballotId)).toEqual({ yes: 21, no: 5, abstain: 3, not_pressed: 1 });
      expect(db.prepare('SELECT count(*) AS n FROM named_votes WHERE ballot_id = ?').get(ballotId)).toEqual({ n: 0 });
      // The audit log says who pressed, once each, never what, never that one changed their press,
      // and with no time of their own: all written together at close, just before the close itself.
      const log = db.prepare('SELECT seq, action, data FROM audit_log WHERE entity_id = ? AND entity = ? ORDER BY seq').all(String(ballotId), 'ballots') as { seq: number; action: string; data: string }[];
      const presses = log.filter((e) => e.action === 'vote.press');
      expect(presses.length).toBe(29);
      expect(new Set(presses.map((p) => JSON.parse(p.data).memberId)).size).toBe(29);
      expect(log.filter((e) => e.action === 'vote.change')).toEqual([]);
      for (const p of presses) expect(p.data).not.toMatch(/yes|no|abstain|赞成|反对|弃权/);
      const close = log.find((e) => e.action === 'ballot.close')!;
      expect(presses.map((p) => p.seq)).toEqual(presses.map((_, i) => close.seq - presses.length + i));
      expect(fs.readdirSync(path.join(dataDir, 'round-keys'))).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, 'ballot-keys'))).toBe(false);
      const walSize = fs.statSync(path.join(dataDir, 'yishi.sqlite-wal')).size;
      expect(walSize).toBe(0);
    } finally {
      db.close();
    }
  });

  it('votes an appointment person by person; each person gets a result', async () => {
    const item = s16.items[4]!;
    await must('live.setItem', { itemId: item.id });
    const results: boolean[] = [];
    for (const person of [0, 1, 2]) {
      const b = await must('ballots.create', { itemId: item.id, secret: false, pressRule: 'first', method: 'electronic', timerSeconds: null, personIndexes: [person] });
      expect(b.subject).toMatch(/^任命/);
      await must('ballots.open', { ballotId: b.id });
      // Person 3 gets only 16 赞成 of 33: not adopted.
      const yes = person === 2 ? 16 : 25;
      await Promise.all(
        s16.members.slice(0, 30).map((m, i) => terminals.get(m.id)!.cmd('terminal.vote', { ballotId: b.id, choice: i < yes ? 'yes' : 'no', pressSeq: 1 })),
      );
      // First press counts: a second, different press is not accepted.
      const again = await terminals.get(s16.members[0]!.id)!.cmd('terminal.vote', { ballotId: b.id, choice: 'no', pressSeq: 2 });
      expect(again).toMatchObject({ ok: true, value: { choice: 'yes', accepted: false } });
      const named = await must('live.state');
      expect(named.members.find((m: any) => m.id === s16.members[0]!.id).choice).toBe('yes'); // named: the console sees choices
      const closed = await must('ballots.close', { ballotId: b.id });
      results.push(closed.result.adopted);
      expect(closed.result.yes).toBe(yes);
    }
    expect(results).toEqual([true, true, false]);
  });

  it('prints the ballot result (with the member list for named votes), the result sheet, the sign-in sheet and the appointment list', async () => {
    const pdf = async (input: object, name: string) => {
      const file = await must('documents.pdf', input);
      expect(file.mime).toBe('application/pdf');
      const buf = Buffer.from(file.base64, 'base64');
      savePdf(name, buf);
      return pdfText(buf).replace(/\s+/g, ' ');
    };
    const state = await must('live.state');
    const secret = state.ballots.find((b: any) => b.secret);
    const named = state.ballots.filter((b: any) => !b.secret);

    const secretText = await pdf({ kind: 'ballotResult', ballotId: secret.id }, 'live-ballot-result-secret-resolution.pdf');
    expect(secretText).toContain('赞成21票，反对5票，弃权3票，未按表决器1人。通过');
    expect(secretText).toContain('无记名按表决器表决');
    expect(secretText).toContain('实到30人');
    expect(secretText).not.toContain('记名表决名单');

    const namedText = await pdf({ kind: 'ballotResult', ballotId: named[2].id }, 'live-ballot-result-named-appointment-3.pdf');
    expect(namedText).toContain('任命郑强为区司法局局长');
    expect(namedText).toContain('记名表决名单');
    expect(namedText).toContain('未通过');
    // The named list shows each member's own press: 邱东竹 (seat 1) pressed 赞成; 林涛健 was on leave.
    expect(namedText).toMatch(/1 邱东竹 赞成/);
    expect(namedText).toMatch(/31 林涛健 未出席/);

    const sheet = await pdf({ kind: 'resultSheet' }, 'live-session-16-result-sheet.pdf');
    expect(sheet).toContain('表决结果汇总表');
    expect(sheet).toContain('示例区第二届人民代表大会常务委员会第十六次会议');
    for (const b of [secret, ...named]) expect(sheet).toContain(b.subject.slice(0, 8));

    const signIn = await pdf({ kind: 'signInSheet' }, 'live-session-16-sign-in-sheet.pdf');
    expect(signIn).toContain('应出席常委会组成人员33人，签到30人');
    expect(signIn).toMatch(/林涛健 委员 请假/);

    const list = await must('appointments.list');
    expect(list.map((e: any) => [e.name, e.result?.adopted])).toEqual([['周明', true], ['吴芳', true], ['郑强', false]]);
    const appointments = (await pdf({ kind: 'appointmentList' }, 'live-session-16-appointment-list.pdf')).replace(/ /g, '');
    // the 任免名单 lists only the adopted persons, under their action (issue 11)
    expect(appointments).toContain('任命：');
    expect(appointments).toContain('周明为区教育局局长；');
    expect(appointments).toContain('吴芳为区卫生健康局局长。');
    expect(appointments).not.toContain('郑强');
  });

  it('leaves an audit log whose chain and audited rows verify', () => {
    const report = verifyAuditLog(running.core.store.db);
    expect(report.driftedRows).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThan(100);
  });
});
