// Session boundaries (issue 9.4) over a real WebSocket server: a terminal token belongs to one
// session; 闭会 revokes every token of the session (recorded, audited, told to the terminals); every
// terminal call re-checks its token, so the binding an old socket remembers can neither sign in,
// vote, submit a sheet nor remark, before or after the next session opens; and 开会 of the next
// session starts from a clean slate (its own attendance, its own pairing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import type { EngineEvent } from '../../src-main/meeting/engine';
import { verifyAuditLog } from '../../src-main/store/audit';
import { commandsOf } from '../helpers/dispatch';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';

let running: RunningServer;
let s16: Session16;
let s17 = { sessionId: 0, vote: 0, assessment: 0, report: 0 };
const events: EngineEvent[] = [];
const { must, outcome } = commandsOf(() => running.core);
const wsUrl = () => `ws://127.0.0.1:${running.port}/ws`;
const codeOf = async (memberId: number) => ((await must('seatCodes.list')) as { kind: string; id: number; code: string }[]).find((c) => c.kind === 'member' && c.id === memberId)!.code;

let tablet: TerminalClient;
let token = '';
/** What the tablet's socket remembers of its pairing in session 16 (the hub keeps it on the socket). */
let oldBinding: Caller;

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-bounds-'), port: 0, host: '127.0.0.1', staticDir: null });
  running.core.engine.on((e) => events.push(e));
  s16 = await prepareSession16(must);
  const s = await must('sessions.create', { term: 2, number: 17, date: '2026-10-20', startTime: '09:00', place: '区人大常委会会议室', chair: '邱东竹', expectedMembers: 33 });
  s17 = {
    sessionId: s.id,
    report: (await must('agenda.add', { sessionId: s.id, kind: 'report', title: '听取和审议区人民政府关于安全生产工作情况的报告' })).id,
    vote: (await must('agenda.add', { sessionId: s.id, kind: 'vote', title: '审议关于某事项的决定（草案）' })).id,
    assessment: (await must('agenda.add', { sessionId: s.id, kind: 'assessment', title: '满意度测评', details: { subjects: [{ name: '张一' }] } })).id,
  };
});
afterAll(async () => {
  await tablet?.close();
  await running.close();
});

describe('a terminal token belongs to one session', () => {
  it('pairs a tablet in session 16, which signs in and votes there', async () => {
    await must('live.open', { sessionId: s16.sessionId });
    tablet = await TerminalClient.connect(wsUrl());
    const paired = await tablet.cmd('terminal.pair', { code: await codeOf(s16.members[0]!.id) });
    expect(paired.ok).toBe(true);
    if (!paired.ok) return;
    token = paired.value.token;
    expect(await tablet.cmd('terminal.signIn')).toMatchObject({ ok: true, value: { attendance: 'present' } });
    const row = running.core.store.db.prepare('SELECT id, session_id FROM terminals WHERE revoked_at IS NULL').get() as { id: string; session_id: number };
    expect(row.session_id).toBe(s16.sessionId);
    oldBinding = { kind: 'terminal', source: `terminal:${row.id}@127.0.0.1`, terminalId: row.id, sessionId: s16.sessionId, memberId: s16.members[0]!.id, attendeeId: null };
    await markAttendance(must, s16.members.slice(1, 20));
    await must('live.startBusiness');
    const b = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: b.id });
    expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, oldBinding)).toBe('ok');
    await must('ballots.close', { ballotId: b.id });
  });

  it('闭会 revokes every token of the session, records and audits it, and tells each terminal the session has ended', async () => {
    events.length = 0;
    const told = tablet.waitFor((f) => f.type === 'revoked');
    await must('live.close');
    // The terminal is told which session ended (the hub names it); the engine's event says why.
    expect((await told).reason).toBe("示例区第二届人民代表大会常务委员会第十六次会议已闭会");
    const revoked = events.find((e) => e.type === 'revoked');
    expect(revoked).toEqual({ type: 'revoked', terminalIds: [oldBinding.kind === 'terminal' ? oldBinding.terminalId : ''], reason: '本次会议已闭会，本终端已退出', sessionEnded: true });
    const db = running.core.store.db;
    expect(db.prepare('SELECT count(*) AS n FROM terminals WHERE session_id = ? AND revoked_at IS NULL').get(s16.sessionId)).toEqual({ n: 0 });
    expect(db.prepare('SELECT revoked_reason FROM terminals WHERE session_id = ?').all(s16.sessionId)).toEqual([{ revoked_reason: '闭会' }]);
    const audit = db.prepare("SELECT data FROM audit_log WHERE action = 'terminal.revokeAll'").all() as { data: string }[];
    expect(audit.map((a) => JSON.parse(a.data))).toEqual([{ reason: '闭会', terminalIds: [(oldBinding as { terminalId: string }).terminalId] }]);
    expect(verifyAuditLog(db).ok).toBe(true);
  });

  it('the old token is refused at hello, and the binding an old socket keeps is refused for every terminal call', async () => {
    const again = await TerminalClient.connect(wsUrl());
    expect(await again.hello('terminal', token)).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    await again.close();
    const ended = 'UNAUTHORIZED 本次会议已闭会，本终端已退出；下次会议请重新输入座位码';
    expect(await outcome('terminal.signIn', {}, oldBinding)).toBe(ended);
    expect(await outcome('terminal.state', {}, oldBinding)).toBe(ended);
    expect(await outcome('terminal.addRemark', { itemId: s16.items[0]!.id, text: '建议加强监管' }, oldBinding)).toBe(ended);
  });

  it('开会 of the next session starts from a clean slate: the old binding can neither sign in, vote, submit nor remark there', async () => {
    await must('live.open', { sessionId: s17.sessionId });
    const state = await must('live.state');
    expect(state.session.id).toBe(s17.sessionId);
    expect(state.attendance).toMatchObject({ present: 0 });
    expect(state.members.find((m: any) => m.id === s16.members[0]!.id)).toMatchObject({ attendance: 'absent', terminal: 'none' });
    await markAttendance(must, s16.members.slice(1, 20));
    await must('live.startBusiness');
    const ended = 'UNAUTHORIZED 本次会议已闭会，本终端已退出；下次会议请重新输入座位码';
    expect(await outcome('terminal.signIn', {}, oldBinding)).toBe(ended);
    // Even dressed up as a binding of the live session, the old terminal is refused.
    expect(await outcome('terminal.signIn', {}, { ...oldBinding, sessionId: s17.sessionId } as Caller)).toBe(ended);
    const b = await must('ballots.create', { itemId: s17.vote, secret: false, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: b.id });
    expect(await outcome('terminal.vote', { ballotId: b.id, choice: 'yes', pressSeq: 1 }, oldBinding)).toBe(ended);
    await must('ballots.close', { ballotId: b.id });
    const a = await must('assessments.create', { itemId: s17.assessment, method: 'electronic' });
    await must('assessments.open', { assessmentId: a.id });
    expect(await outcome('terminal.submitSheet', { assessmentId: a.id, marks: [0] }, oldBinding)).toBe(ended);
    const closed = await must('assessments.close', { assessmentId: a.id });
    expect(closed.result.sheetsReturned).toBe(0);
    expect(await outcome('terminal.addRemark', { itemId: s17.report, text: '建议加强监管' }, oldBinding)).toBe(ended);
    // Nothing of it reached the new session: the member is still absent, no vote, no remark.
    const after = await must('live.state');
    expect(after.members.find((m: any) => m.id === s16.members[0]!.id).attendance).toBe('absent');
    expect(after.attendance.present).toBe(19);
    expect(after.ballots.find((x: any) => x.id === b.id)).toMatchObject({ voted: 0 });
    expect((await must('remarks.list', { sessionId: s17.sessionId })).items.map((i: any) => i.count)).toEqual([0, 0]);
  });

  it('the same tablet pairs again with its seat code of the new session and works there', async () => {
    const fresh = await TerminalClient.connect(wsUrl());
    const paired = await fresh.cmd('terminal.pair', { code: await codeOf(s16.members[0]!.id) });
    expect(paired.ok).toBe(true);
    expect(await fresh.cmd('terminal.signIn')).toMatchObject({ ok: true, value: { attendance: 'present' } });
    expect((await must('live.state')).attendance.present).toBe(20);
    await fresh.close();
  });
});
