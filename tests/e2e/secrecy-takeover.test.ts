// Secret at every moment, against the console: while a secret ballot is open, the secretary can hand a
// member's seat to another terminal (a new seat code, or binding a connected tablet from the console).
// That terminal must not learn what the member pressed: not in its `me` (myVote), not in the answer to
// a press of its own ("first press counts" would answer with the recorded choice, and whether it was
// accepted would tell whether it was the same), not in `changed`. The member's own terminal still sees
// its own press, and a press from the new terminal counts as any press would. Real server, real sockets.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { SECRET_PRESSED_ELSEWHERE } from '../../src-main/meeting/press-recorder';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { readWal } from '../helpers/wal';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairAndSignIn } from '../helpers/live-setup';

let server: ServeProcess;
let s16: Session16;
const own = new Map<number, TerminalClient>(); // member index → the member's own terminal
const opened: TerminalClient[] = [];
const ws = () => `ws://127.0.0.1:${server.port}/ws`;
const dbFile = () => path.join(server.dataDir, 'yishi.sqlite');

async function connect(): Promise<TerminalClient> {
  const t = await TerminalClient.connect(ws());
  opened.push(t);
  return t;
}

beforeAll(async () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-takeover-keys-'));
  server = await startServe({ dataDir: tempDataDir('yishi-takeover-'), env: { YISHI_KEY_DIR: keyDir } });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  const mine = await pairAndSignIn(server.must, ws(), s16.members.slice(0, 4));
  opened.push(...mine);
  mine.forEach((t, m) => own.set(m, t));
  await markAttendance(server.must, s16.members.slice(4, 20));
  await server.must('live.startBusiness');
});

afterAll(async () => {
  for (const t of opened) await t.close();
  await server?.stop();
});

/** A new terminal takes member m's seat with a seat code the secretary regenerates; its `me` from the pairing. */
async function takeOverWithCode(m: number): Promise<{ t: TerminalClient; me: any }> {
  const { code } = await server.must<{ code: string }>('seatCodes.regenerate', { memberId: s16.members[m]!.id });
  const t = await connect();
  const r = await t.cmd('terminal.pair', { code });
  if (!r.ok) throw new Error(r.error.message);
  return { t, me: r.value.me };
}

/** The secretary binds a connected, unpaired tablet (by its pairing number) to member m's seat. */
async function takeOverFromConsole(m: number): Promise<{ t: TerminalClient; me: any }> {
  const t = await connect();
  await t.hello('terminal');
  await expect.poll(() => t.pairingNumber).toMatch(/^\d{4}$/);
  const paired = t.waitFor((f) => f.type === 'paired', 10_000, true);
  await server.must('terminals.bind', { pairingNumber: t.pairingNumber, memberId: s16.members[m]!.id });
  return { t, me: (await paired).me };
}

async function openBallot(pressRule: 'last' | 'first'): Promise<number> {
  const b = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule, method: 'electronic', timerSeconds: null });
  await server.must('ballots.open', { ballotId: b.id });
  return b.id;
}

const vote = (t: TerminalClient, ballotId: number, choice: string, pressSeq = 1) => t.call('terminal.vote', { ballotId, choice, pressSeq });

describe('a seat taken over mid-round learns nothing of the secret press made before', () => {
  it('last press counts: the new terminal sees no choice, and its press counts without telling whether it differs', async () => {
    const ballotId = await openBallot('last');
    expect(await vote(own.get(0)!, ballotId, 'no')).toMatchObject({ ok: true, value: { choice: 'no', accepted: true } });
    expect(await vote(own.get(1)!, ballotId, 'yes')).toMatchObject({ ok: true });
    // The member's own terminal shows its press (the positive control)…
    expect((await own.get(0)!.waitForState((s) => s.ballot?.id === ballotId && s.me?.myVote)).me.myVote).toEqual({ ballotId, choice: 'no' });

    // …a terminal given the seat by a new code does not: not on pairing, not in its state, not when asked.
    const { t, me } = await takeOverWithCode(0);
    expect(me.myVote).toBeNull();
    expect((await t.waitForState((s) => s.ballot?.id === ballotId && s.me)).me.myVote).toBeNull();
    const state = await t.cmd('terminal.state');
    expect(state.ok && state.value.me?.myVote).toBeNull();
    // Pressing the same key as the member did is indistinguishable from pressing another.
    const same = await vote(t, ballotId, 'no');
    expect(same).toEqual({ ok: true, value: { ballotId, choice: 'no', accepted: true, changed: true } });
    // Its own press is shown to it, and a later one counts (last press counts).
    expect(await vote(t, ballotId, 'abstain', 2)).toEqual({ ok: true, value: { ballotId, choice: 'abstain', accepted: true, changed: true } });
    expect((await t.waitForState((s) => s.me?.myVote?.choice === 'abstain')).me.myVote).toEqual({ ballotId, choice: 'abstain' });

    const closed = await server.must<any>('ballots.close', { ballotId });
    expect(closed.result).toMatchObject({ yes: 1, no: 0, abstain: 1 });
    await server.must('ballots.announce', { ballotId });
    own.set(0, t);
  });

  it('first press counts: a press from the new terminal is refused without saying what was recorded, or whether it was the same', async () => {
    const ballotId = await openBallot('first');
    expect(await vote(own.get(2)!, ballotId, 'abstain')).toMatchObject({ ok: true, value: { choice: 'abstain', accepted: true } });
    expect(await vote(own.get(3)!, ballotId, 'yes')).toMatchObject({ ok: true });
    // On its own terminal a second, different press is refused and the recorded press is shown (as before).
    expect(await vote(own.get(2)!, ballotId, 'yes', 2)).toEqual({ ok: true, value: { ballotId, choice: 'abstain', accepted: false, changed: false } });

    const { t, me } = await takeOverFromConsole(2);
    expect(me.myVote).toBeNull();
    expect((await t.waitForState((s) => s.ballot?.id === ballotId && s.me)).me.myVote).toBeNull();
    // The same refusal whatever is pressed: the recorded key and a different key alike.
    const refusals = [await vote(t, ballotId, 'yes'), await vote(t, ballotId, 'abstain', 2), await vote(t, ballotId, 'no', 3)];
    for (const r of refusals) expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: SECRET_PRESSED_ELSEWHERE } });
    expect((await t.cmd('terminal.state')).ok && t.state.me.myVote).toBeNull();

    // A member who had not pressed yet presses on a taken-over seat as on any terminal.
    const other = await takeOverWithCode(4);
    expect(await vote(other.t, ballotId, 'no')).toEqual({ ok: true, value: { ballotId, choice: 'no', accepted: true, changed: true } });

    const closed = await server.must<any>('ballots.close', { ballotId });
    expect(closed.result).toMatchObject({ yes: 1, no: 1, abstain: 1 });
  });

  it('a press that records nothing (refused under first press counts, or a resend) leaves nothing on disk, not even an audit entry', async () => {
    const ballotId = await openBallot('first');
    const t = own.get(3)!;
    const wal = () => readWal(fs.existsSync(`${dbFile()}-wal`) ? fs.readFileSync(`${dbFile()}-wal`) : Buffer.alloc(0));
    const commits = () => ({ salt: wal().salt, n: wal().commits.length });
    const before = commits();
    expect(await vote(t, ballotId, 'no')).toMatchObject({ ok: true, value: { accepted: true } });
    const pressed = commits();
    expect(pressed).toEqual({ salt: before.salt, n: before.n + 1 });
    // The member presses another key (refused: the first press counts), the same key again, and the
    // terminal resends its first press after a reconnect: three answers, no commit, nothing in the WAL.
    expect(await vote(t, ballotId, 'yes', 2)).toMatchObject({ ok: true, value: { choice: 'no', accepted: false } });
    expect(await vote(t, ballotId, 'no', 3)).toMatchObject({ ok: true, value: { choice: 'no', accepted: true } });
    expect(await vote(t, ballotId, 'no', 1)).toMatchObject({ ok: true, value: { choice: 'no', accepted: true } });
    expect(commits()).toEqual(pressed);
    const db = new Database(dbFile(), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'round.receipts' AND entity_id = ?").get(String(ballotId))).toEqual({ n: 1 });
    } finally {
      db.close();
    }
    await server.must('ballots.close', { ballotId });
  });
});
