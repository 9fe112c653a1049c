// The smaller holes of the LAN server (issue 8.4): static files stay inside their folder, bad
// percent-encoding is a 400, seat-code guessing from many addresses is limited (per address, per
// terminal, overall) and the secretary clears the lock-out, a copied token takes over the seat, and a
// terminal receives its own part after its own press.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { CLOSE_REVOKED } from '../../src-main/shared/protocol';
import { adminCalls } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let running: RunningServer;
let s16: Session16;
let base: string;
let staticRoot: string;
const must = (name: string, input?: unknown) => adminCalls(running.core).must(name, input);
const open: TerminalClient[] = [];
const connect = async (localAddress?: string) => {
  const t = await TerminalClient.connect(`ws://127.0.0.1:${running.port}/ws`, { localAddress });
  open.push(t);
  await t.waitFor((f) => f.type === 'welcome', 5000, true);
  return t;
};

/** A new terminal paired to the seat of s16.members[index] with its seat code. */
async function pairMember(index: number) {
  const member = s16.members[index]!;
  const codes = await must('seatCodes.list');
  const t = await connect();
  const paired = await t.cmd('terminal.pair', { code: codes.find((c: any) => c.kind === 'member' && c.id === member.id).code });
  if (!paired.ok) throw new Error(paired.error.message);
  return { t, member, token: paired.value.token };
}

beforeAll(async () => {
  const dir = tempDataDir('yishi-holes-');
  staticRoot = path.join(dir, 'renderer');
  fs.mkdirSync(staticRoot);
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>议事</title>');
  fs.mkdirSync(path.join(dir, 'renderer-sibling'));
  fs.writeFileSync(path.join(dir, 'renderer-sibling', 'secret.txt'), 'SIBLING SECRET');
  fs.writeFileSync(path.join(dir, 'outside.txt'), 'OUTSIDE SECRET');
  running = await startServer({ dataDir: path.join(dir, 'data'), port: 0, host: '127.0.0.1', staticDir: staticRoot });
  base = `http://127.0.0.1:${running.port}`;
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(async () => {
  for (const t of open) if (t.ws.readyState === t.ws.OPEN) await t.close();
  await running.close();
});

describe('static files', () => {
  it('never leave their folder, however the path is written', async () => {
    for (const p of [
      '/..%2frenderer-sibling%2fsecret.txt',
      '/..%2f..%2foutside.txt',
      '/%2e%2e/renderer-sibling/secret.txt',
      '/..%5crenderer-sibling%5csecret.txt',
      '/a/..%2f..%2f..%2frenderer-sibling%2fsecret.txt',
    ]) {
      const res = await fetch(`${base}${p}`);
      const body = await res.text();
      expect(body, p).not.toMatch(/SECRET/);
      expect([200, 404], p).toContain(res.status);
    }
    const sibling = await fetch(`${base}/..%2frenderer-sibling%2fsecret.txt`);
    expect(sibling.status).toBe(404);
    expect(await sibling.json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // The app itself is still served, and unknown app paths show the app.
    expect(await (await fetch(`${base}/`)).text()).toContain('议事');
    expect(await (await fetch(`${base}/console/anything`)).text()).toContain('议事');
  });

  it('answers bad percent-encoding with 400, for files and for commands', async () => {
    const file = await fetch(`${base}/%E0%A4%A`);
    expect(file.status).toBe(400);
    expect(await file.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const cmd = await fetch(`${base}/api/cmd/live.%E0%A4%Astate`, { method: 'POST', headers: { authorization: `Bearer ${running.adminToken}` }, body: '{}' });
    expect(cmd.status).toBe(400);
    expect(await cmd.json()).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('百分号编码') } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});

describe('seat-code guessing', () => {
  it('is limited overall when many addresses guess together, and the secretary clears the lock-out', async () => {
    const codes = await must('seatCodes.list');
    const realCodes = new Set(codes.map((c: any) => c.code));
    let guess = 100000;
    const wrongCode = () => {
      while (realCodes.has(String(guess))) guess++;
      return String(guess++);
    };
    // 40 addresses, 5 wrong codes each: no address reaches its own limit before the overall one.
    const answers: string[] = [];
    for (let a = 0; a < 40; a++) {
      const t = await connect(`127.0.0.${10 + a}`);
      for (let i = 0; i < 5; i++) {
        const r = await t.cmd('terminal.pair', { code: wrongCode() });
        answers.push(r.ok ? 'ok' : r.error.code);
      }
      await t.close();
    }
    const unauthorized = answers.filter((c) => c === 'UNAUTHORIZED').length;
    expect(unauthorized).toBe(20); // the overall limit: 20 wrong codes a minute, whoever sends them
    expect(answers.filter((c) => c === 'RATE_LIMITED').length).toBe(180);
    const status = await must('seatCodes.lockout');
    expect(status).toMatchObject({ overall: true, recentFailures: 20 });

    // Even a right code waits now; the secretary clears the lock-out from the console.
    const member = codes.find((c: any) => c.kind === 'member' && !c.used);
    const late = await connect('127.0.0.200');
    expect(await late.cmd('terminal.pair', { code: member.code })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await must('seatCodes.clearLockout')).toMatchObject({ overall: false, recentFailures: 0, addresses: [] });
    const cleared = () => running.core.store.db.prepare("SELECT data FROM audit_log WHERE action = 'seatCodes.clearLockout' ORDER BY seq").pluck().all() as string[];
    expect(cleared().map((d) => JSON.parse(d))).toEqual([{ overall: true, addresses: ['127.0.0.10', '127.0.0.11', '127.0.0.12', '127.0.0.13'], recentFailures: 20 }]); // the first four reached their own limit too
    // A second click with nothing left to clear records nothing.
    await must('seatCodes.clearLockout');
    expect(cleared()).toHaveLength(1);
    expect(await late.cmd('terminal.pair', { code: member.code })).toMatchObject({ ok: true });
  });

  it('is limited per address and per terminal', async () => {
    await must('seatCodes.clearLockout');
    const t = await connect('127.0.0.77');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await t.cmd('terminal.pair', { code: String(999990 - i) });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'UNAUTHORIZED', 'RATE_LIMITED']);
    expect((await must('seatCodes.lockout')).addresses).toEqual(['127.0.0.77']);
    // Another address is not locked by this one.
    const other = await connect('127.0.0.78');
    expect(await other.cmd('terminal.pair', { code: '999000' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    await must('seatCodes.clearLockout');
  });
});

describe('a copied token', () => {
  it('takes over the seat on hello: the older socket is told and closed', async () => {
    const { t: first, member, token } = await pairMember(5);
    const revoked = first.waitFor((f) => f.type === 'revoked');
    const copy = await connect();
    expect(await copy.hello('terminal', token)).toMatchObject({ type: 'hello-ok', me: { id: member.id } });
    expect(await revoked).toMatchObject({ reason: expect.stringContaining('另一台终端') });
    expect((await first.closed).code).toBe(CLOSE_REVOKED);
    // The new socket acts for the seat.
    expect((await copy.cmd('terminal.signIn')).ok).toBe(true);
    const present = running.core.store.db.prepare("SELECT status FROM attendance WHERE session_id = ? AND member_id = ?").get(s16.sessionId, member.id) as { status: string };
    expect(present.status).toBe('present');
  });
});

describe('a terminal after its own press', () => {
  it('receives its own part at once, with the vote it recorded', async () => {
    const { t } = await pairMember(6);
    await t.cmd('terminal.signIn');
    // The quorum a round needs to begin: the rest signed in by the secretary (members 10–26).
    for (const m of s16.members.slice(10, 27)) await must('attendance.set', { memberId: m.id, status: 'present' });
    await must('live.startBusiness', { override: '测试' });
    const ballot = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: ballot.id });
    await t.waitForState((s) => s.ballot?.id === ballot.id && s.ballot.state === 'open' && s.me.canVote);
    const me = t.waitFor((f) => f.type === 'me');
    expect(await t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 1 })).toMatchObject({ ok: true, value: { choice: 'no' } });
    expect(await me).toMatchObject({ me: { myVote: { ballotId: ballot.id, choice: 'no' } } });
    expect(t.state.me.myVote).toEqual({ ballotId: ballot.id, choice: 'no' });
    await must('ballots.close', { ballotId: ballot.id });
  });
});
