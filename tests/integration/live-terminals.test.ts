// Terminal pairing rules, attendee terminals, manual results, re-votes and ballot timers.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { verifyAuditLog } from '../../src-main/store/audit';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { adminCalls } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';

let running: RunningServer;
let s16: Session16;
const must = (name: string, input?: unknown) => adminCalls(running.core).must(name, input);
const connect = () => TerminalClient.connect(`ws://127.0.0.1:${running.port}/ws`);
const open: TerminalClient[] = [];
const track = (t: TerminalClient) => (open.push(t), t);

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-terminals-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('attendees.create', { sort: 1, name: '沈勇', unit: '示例区人民政府', title: '副区长' });
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(async () => {
  for (const t of open) if (t.ws.readyState === t.ws.OPEN) await t.close();
  await running.close();
});

describe('terminals', () => {
  it('a new pairing of the same seat takes over from the old terminal, and the audit log records it', async () => {
    const member = s16.members[0]!;
    const codes = await must('seatCodes.list');
    const first = track(await connect());
    expect((await first.cmd('terminal.pair', { code: codes.find((c: any) => c.id === member.id && c.kind === 'member').code })).ok).toBe(true);
    const { code } = await must('seatCodes.regenerate', { memberId: member.id });
    const second = track(await connect());
    const revoked = first.waitFor((f) => f.type === 'revoked');
    expect((await second.cmd('terminal.pair', { code })).ok).toBe(true);
    expect((await revoked).reason).toMatch(/另一台终端/);
    await first.closed;
    const takeovers = running.core.store.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'terminal.takeover'").get() as { n: number };
    expect(takeovers.n).toBe(1);
    // The old token is dead.
    const again = track(await connect());
    const firstToken = (first.frames.find((f) => f.type === 'result' && (f.result as any).ok) as any).result.value.token;
    expect(await again.hello('terminal', firstToken)).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
  });

  it('the secretary binds an unpaired terminal by the number it shows', async () => {
    const member = s16.members[1]!;
    const t = track(await connect());
    await t.waitFor((f) => f.type === 'welcome', 2000, true);
    const paired = t.waitFor((f) => f.type === 'paired');
    await must('terminals.bind', { pairingNumber: t.pairingNumber, memberId: member.id });
    const frame = await paired;
    expect((frame.me as any).name).toBe(member.name);
    const s = await t.waitForState((x) => x.me?.id === member.id);
    expect(s.session.title).toBe('示例区第二届人民代表大会常务委员会第十六次会议');
    const unknown = await must('terminals.bind', { pairingNumber: '0000', memberId: member.id }).catch((e) => e.code);
    expect(unknown).toBe('NOT_FOUND');
  });

  it('an attendee gets a read-only terminal: no sign-in, no vote', async () => {
    const codes = await must('seatCodes.list');
    const attendee = codes.find((c: any) => c.kind === 'attendee');
    expect(attendee.name).toBe('沈勇');
    const t = track(await connect());
    const r = await t.cmd('terminal.pair', { code: attendee.code });
    expect(r).toMatchObject({ ok: true, value: { me: { kind: 'attendee', name: '沈勇' } } });
    const vote = await t.cmd('terminal.vote', { ballotId: 1, choice: 'yes', pressSeq: 1 });
    expect(vote.ok ? 'ok' : vote.error.code).toBe('FORBIDDEN');
    const signIn = await t.cmd('terminal.signIn');
    expect(signIn.ok ? 'ok' : signIn.error.code).toBe('FORBIDDEN');
  });

  it('records a show-of-hands result entered by the secretary, and a re-vote opens a new round that keeps the old', async () => {
    await markAttendance(must, s16.members.slice(0, 20));
    const override = await must('live.startBusiness', {}).catch((e) => e.code);
    expect(override).not.toBe('INVALID_STATE'); // 20 of 33 is a quorum
    const item = s16.items[3]!;
    const hands = await must('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
    const tooMany = await must('ballots.enterResult', { ballotId: hands.id, yes: 15, no: 5, abstain: 1 }).catch((e) => e.message);
    expect(tooMany).toMatch(/超过了实到人数20/);
    const first = await must('ballots.enterResult', { ballotId: hands.id, yes: 16, no: 3, abstain: 1 });
    expect(first.result).toMatchObject({ yes: 16, no: 3, abstain: 1, notPressed: null, adopted: false }); // no keypads: no 未按 (issue 10)
    expect(first.method).toBe('show_of_hands');
    const rerun = await must('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'paper', timerSeconds: null });
    expect(rerun.round).toBe(2);
    const second = await must('ballots.enterResult', { ballotId: rerun.id, yes: 18, no: 1, abstain: 1 });
    expect(second.result.adopted).toBe(true);
    const state = await must('live.state');
    expect(state.ballots.filter((b: any) => b.itemId === item.id).map((b: any) => [b.round, b.result.adopted])).toEqual([[1, false], [2, true]]);
    const reopen = await must('ballots.open', { ballotId: hands.id }).catch((e) => e.code);
    expect(reopen).toBe('INVALID_STATE');
  });

  it('runs one anonymous procedure at a time: no ballot opens while an assessment is open, and the reverse', async () => {
    const a = await must('assessments.create', { itemId: s16.items[2]!.id, method: 'electronic' });
    await must('assessments.open', { assessmentId: a.id });
    const b = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    const refused = await must('ballots.open', { ballotId: b.id }).catch((e) => e.message);
    expect(refused).toMatch(/测评尚未结束/);
    await must('assessments.close', { assessmentId: a.id });
    expect((await must('ballots.open', { ballotId: b.id })).state).toBe('open');
    const a2 = await must('assessments.create', { itemId: s16.items[2]!.id, method: 'electronic' });
    const refused2 = await must('assessments.open', { assessmentId: a2.id }).catch((e) => e.message);
    expect(refused2).toMatch(/尚未结束/);
    await must('ballots.close', { ballotId: b.id });
  });

  it('backs the database up after the closed rounds (once the room is quiet, or before closing), with every result in the copy', async () => {
    const db = running.core.store.db;
    const closedRounds = (db.prepare("SELECT count(*) AS n FROM ballots WHERE state IN ('closed', 'announced') AND yes IS NOT NULL").get() as { n: number }).n;
    const asked = (db.prepare("SELECT count(*) AS n FROM assessments WHERE state IN ('closed', 'announced')").get() as { n: number }).n + closedRounds;
    await running.core.store.whenIdle();
    const dir = path.join(running.core.store.dataDir, 'backups');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sqlite')).sort();
    expect(files.length).toBeGreaterThanOrEqual(1);
    // Every closed round is named by the audit entry of an automatic backup (rounds in quick succession share one).
    const reasons = (db.prepare("SELECT data FROM audit_log WHERE action = 'backup.create'").all() as { data: string }[]).map((r) => JSON.parse(r.data).reason as string).join('；');
    expect(reasons.match(/结束后自动备份/g)?.length).toBe(asked);
    const copy = new Database(path.join(dir, files.at(-1)!), { readonly: true });
    try {
      const closed = copy.prepare("SELECT count(*) AS n FROM ballots WHERE state IN ('closed', 'announced') AND yes IS NOT NULL").get() as { n: number };
      expect(closed.n).toBe(closedRounds);
      expect(closed.n).toBeGreaterThanOrEqual(2);
      expect((copy.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('tells the console about the automatic backup as it goes: asked for at a close, written, and what system.info shows meanwhile', async () => {
    await running.core.store.whenIdle(); // nothing left from the rounds before
    const consoleWs = track(await connect());
    await consoleWs.hello('console', running.adminToken);
    const told = () => consoleWs.frames.filter((f) => f.type === 'changed' && (f as { parts?: string[] }).parts?.includes('backups')).length;
    const b = await must('ballots.create', { itemId: s16.items[3]!.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
    await must('ballots.enterResult', { ballotId: b.id, yes: 12, no: 8, abstain: 0 });
    await consoleWs.waitFor(() => told() >= 1, 2000, true);
    expect((await must('system.info')).backup).toEqual({ waiting: [`表决结束后自动备份（表决#${b.id}）`], quietSeconds: 5, writing: 0, lastError: null });
    const files = () => fs.readdirSync(path.join(running.core.store.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite')).length;
    const before = files();
    await running.core.store.whenIdle(); // the quiet room, without waiting for it
    expect(files()).toBe(before + 1);
    // Its start and its end reach the console too, so the backup list is read again without a reload.
    await consoleWs.waitFor(() => told() >= 3, 2000, true);
    expect((await must('system.info')).backup).toEqual({ waiting: [], quietSeconds: 5, writing: 0, lastError: null });
    // Only the console hears of backups: no terminal still connected was sent a frame naming them.
    const terminals = open.filter((t) => t !== consoleWs && t.ws.readyState === t.ws.OPEN);
    expect(terminals.length).toBeGreaterThan(0);
    for (const t of terminals) expect(t.frames.some((f) => JSON.stringify(f).includes('backups'))).toBe(false);
    await consoleWs.close();
  });

  it('closes a ballot by itself when its timer runs out', async () => {
    const b = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: 5 });
    const opened = await must('ballots.open', { ballotId: b.id });
    expect(Date.parse(opened.closesAt) - Date.parse(opened.openedAt)).toBeGreaterThanOrEqual(4900);
    await new Promise((r) => setTimeout(r, 5600));
    const after = await must('ballots.get', { ballotId: b.id });
    expect(after.state).toBe('closed');
    expect(after.result).toMatchObject({ yes: 0, notPressed: 20, adopted: false });
  });

  it('leaves an audit log whose chain and audited rows verify', () => {
    const report = verifyAuditLog(running.core.store.db);
    expect(report.driftedRows).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.entries).toBeGreaterThan(100);
  });
});
