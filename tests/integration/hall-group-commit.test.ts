// The hall arriving: seat-code pairings and sign-ins from many terminals at once go through the
// rounds' group commit (meeting/engine.ts pairWithCode / signIn, rounds/round-recorder.ts HallJob),
// over a real WebSocket server and a real SQLite file. Every one is answered only after its own row
// is committed (read back through a second connection to the file, which sees only committed data),
// they take fewer transactions than requests, and an invalid one in the middle is refused alone: a
// wrong seat code (UNAUTHORIZED, nothing written), a member not on the session's 应到 list
// (NOT_FOUND, no attendance row), while every other is paired and signed in.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { pairTerminal } from '../../src-main/meeting/pairing';
import { DB_FILE_NAME } from '../../src-main/store/db';
import { commandsOf } from '../helpers/dispatch';
import { memberSeatCodes } from '../helpers/live-setup';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let running: RunningServer;
let s16: Session16;
let file: Database.Database;
const { must } = commandsOf(() => running.core);
const wsUrl = () => `ws://127.0.0.1:${running.port}/ws`;
const clients: TerminalClient[] = [];
let commits = 0;

beforeAll(async () => {
  const dataDir = tempDataDir('yishi-hall-commit-');
  running = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
  file = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  running.core.store.onCommit(() => commits++);
});
afterAll(async () => {
  for (const c of clients) await c.close();
  file?.close();
  await running.close();
});

const terminalsOf = (memberId: number) => file.prepare('SELECT count(*) FROM terminals WHERE session_id = ? AND member_id = ? AND revoked_at IS NULL').pluck().get(s16.sessionId, memberId);
const statusOf = (memberId: number) => file.prepare('SELECT status FROM attendance WHERE session_id = ? AND member_id = ?').pluck().get(s16.sessionId, memberId);

describe('a hall arriving at once', () => {
  it('pairs every terminal in a few commits, each answered after its own row is in the file; a wrong code in the middle is refused alone', async () => {
    const members = s16.members.slice(0, 20);
    const codeOf = await memberSeatCodes(must);
    for (let i = 0; i < members.length + 1; i++) clients.push(await TerminalClient.connect(wsUrl()));
    const codes = members.map((m) => codeOf(m.id));
    const wrong = '000000'; // seat codes are 100000–999999
    const sent = [...codes.slice(0, 10), wrong, ...codes.slice(10)];
    const before = commits;
    const answers = await Promise.all(
      clients.map(async (c, i) => {
        const r = await c.cmd('terminal.pair', { code: sent[i]! });
        const member = i < 10 ? members[i] : i > 10 ? members[i - 1] : null;
        // At the moment of the answer, the pairing is committed (or, refused, nothing was written).
        return { r, inFile: member ? terminalsOf(member.id) : null };
      }),
    );
    expect(answers[10]!.r).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '座位码不正确或已使用，请核对后重新输入' } });
    for (const [i, a] of answers.entries()) if (i !== 10) expect(a).toMatchObject({ r: { ok: true }, inFile: 1 });
    expect(commits - before).toBeLessThan(members.length);
    expect(file.prepare('SELECT count(*) FROM terminals WHERE session_id = ? AND revoked_at IS NULL').pluck().get(s16.sessionId)).toBe(members.length);
    await clients[10]!.close();
    clients.splice(10, 1);
  });

  it('signs every terminal in, each answered after its own row is committed; a member not on the 应到 list in the middle is refused alone', async () => {
    // A member entered in the roster after 开会: not on this session's list, so no attendance row.
    const late = await must('members.create', { sort: 99, name: '晚到委员', role: '委员', seat: 99, gender: '' });
    const who = { actor: '会务工作人员', source: 'test' };
    const { token } = running.core.store.change(who, () => pairTerminal(running.core.store, who, s16.sessionId, { memberId: late.id, attendeeId: null }, 'console', 'test'));
    const outsider = await TerminalClient.connect(wsUrl());
    await outsider.hello('terminal', token);
    const signing = [...clients.slice(0, 10), outsider, ...clients.slice(10)];
    const ids = [...s16.members.slice(0, 10).map((m) => m.id), late.id, ...s16.members.slice(10, 20).map((m) => m.id)];
    const before = commits;
    const answers = await Promise.all(signing.map(async (c, i) => ({ r: await c.cmd('terminal.signIn'), inFile: statusOf(ids[i]!) ?? null })));
    expect(answers[10]).toEqual({ r: { ok: false, error: { code: 'NOT_FOUND', message: '该组成人员不在本次会议的应到名单中' } }, inFile: null });
    for (const [i, a] of answers.entries()) {
      if (i === 10) continue;
      expect(a).toMatchObject({ r: { ok: true, value: { kind: 'member', id: ids[i], attendance: 'present' } }, inFile: 'present' });
    }
    expect(commits - before).toBeLessThan(20);
    const rows = file.prepare("SELECT member_id, signed_in_by FROM attendance WHERE session_id = ? AND status = 'present' ORDER BY member_id").all(s16.sessionId);
    expect(rows).toEqual(s16.members.slice(0, 20).map((m) => ({ member_id: m.id, signed_in_by: 'terminal' })).sort((a, b) => a.member_id - b.member_id));
    // Each sign-in audited, as before.
    expect(file.prepare("SELECT count(*) FROM audit_log WHERE action = 'attendance.present'").pluck().get()).toBe(20);
    await outsider.close();
  });
});
