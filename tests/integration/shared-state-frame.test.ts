// One frame for every screen (issue 13): when a broadcast changes nothing of a terminal's own part,
// the terminal is sent the big screen's state frame itself, byte for byte, without `me`, and keeps
// the `me` it holds (shared/protocol.ts applyState); when its own part changes (a ballot closes and
// it may no longer vote) its state carries the new `me`. Real server, real sockets, raw frames.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { adminCalls } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let running: RunningServer;
let s16: Session16;
const must = (name: string, input?: unknown) => adminCalls(running.core).must(name, input);
const open: TerminalClient[] = [];

/** A client with the raw bytes of every frame it receives. */
async function connect(): Promise<{ t: TerminalClient; raw: Buffer[] }> {
  const t = await TerminalClient.connect(`ws://127.0.0.1:${running.port}/ws`);
  open.push(t);
  const raw: Buffer[] = [];
  t.ws.on('message', (d) => raw.push(Buffer.from(d as Buffer)));
  await t.waitFor((f) => f.type === 'welcome', 5000, true);
  return { t, raw };
}

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-shared-frame-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(async () => {
  for (const c of open) if (c.ws.readyState === c.ws.OPEN) await c.close();
  await running.close();
});

const ballotState = (b: Buffer) => JSON.parse(b.toString()).state?.ballot?.state;

describe('the state of a broadcast', () => {
  it('is the big screen frame itself for a terminal whose own part is unchanged, which keeps its me', async () => {
    const codes = await must('seatCodes.list');
    const seats = [];
    for (const m of s16.members.slice(0, 2)) {
      const c = await connect();
      const paired = await c.t.cmd('terminal.pair', { code: codes.find((x: any) => x.kind === 'member' && x.id === m.id).code });
      expect(paired.ok).toBe(true);
      expect((await c.t.cmd('terminal.signIn')).ok).toBe(true);
      seats.push(c);
    }
    const screen = await connect();
    expect(await screen.t.hello('display')).toMatchObject({ type: 'hello-ok' });
    // The rest of the quorum (17 of 33) is signed in by the secretary, without terminals.
    for (const m of s16.members.slice(2, 17)) await must('attendance.set', { memberId: m.id, status: 'present' });
    await must('live.startBusiness');
    const ballot = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: ballot.id });
    for (const { t } of seats) await t.waitForState((s) => s.ballot?.id === ballot.id && s.ballot.state === 'open' && s.me.canVote);
    expect((await seats[0]!.t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 1 })).ok).toBe(true);
    await seats[0]!.t.waitForState((s) => s.me.myVote?.choice === 'no');

    // Closing changes every terminal's own part (it may no longer vote): each state carries its me.
    await must('ballots.close', { ballotId: ballot.id });
    const closed = [];
    for (const { t, raw } of seats) {
      const s = await t.waitForState((x) => x.ballot?.id === ballot.id && x.ballot.state === 'closed');
      expect(s.me.canVote).toBe(false);
      const frame = JSON.parse(raw.filter((b) => ballotState(b) === 'closed').at(-1)!.toString());
      expect(frame.state.me).toEqual(s.me);
      closed.push(s.me);
    }
    expect(closed.map((m) => m.id)).toEqual(s16.members.slice(0, 2).map((m) => m.id));

    // Announcing changes nothing of theirs: the terminals get the big screen's bytes, and keep their me.
    await must('ballots.announce', { ballotId: ballot.id });
    const shown = await screen.t.waitForState((x) => x.ballot?.id === ballot.id && x.ballot.state === 'announced');
    expect(shown.ballot.result).not.toBeNull();
    const screenFrame = screen.raw.filter((b) => ballotState(b) === 'announced').at(-1)!;
    for (const [i, { t, raw }] of seats.entries()) {
      const s = await t.waitForState((x) => x.ballot?.id === ballot.id && x.ballot.state === 'announced');
      const frame = raw.filter((b) => ballotState(b) === 'announced').at(-1)!;
      expect(frame.equals(screenFrame)).toBe(true);
      expect(JSON.parse(frame.toString()).state).not.toHaveProperty('me');
      expect(s.me).toEqual(closed[i]);
      expect(s.ballot.result).toEqual(shown.ballot.result);
    }

    // An announcement together with a change that does touch a terminal's own part (the same turn, one
    // coalesced state): the terminal whose member left gets its new me, the other the shared bytes.
    const second = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: second.id });
    await must('ballots.close', { ballotId: second.id });
    for (const { t } of seats) await t.waitForState((x) => x.ballot?.id === second.id && x.ballot.state === 'closed');
    await new Promise((r) => setTimeout(r, 100)); // past the state interval: the next change is sent at once
    await Promise.all([must('ballots.announce', { ballotId: second.id }), must('attendance.set', { memberId: s16.members[0]!.id, status: 'left' })]);
    const left = await seats[0]!.t.waitForState((x) => x.ballot?.id === second.id && x.ballot.state === 'announced');
    expect(left.me.attendance).toBe('left');
    const leftFrame = JSON.parse(seats[0]!.raw.filter((b) => ballotState(b) === 'announced').at(-1)!.toString());
    expect(leftFrame.state.me).toEqual(left.me);
    const stayed = await seats[1]!.t.waitForState((x) => x.ballot?.id === second.id && x.ballot.state === 'announced' && x.attendance);
    expect(stayed.me.attendance).toBe('present');
    const screenSecond = await screen.t.waitForState((x) => x.ballot?.id === second.id && x.ballot.state === 'announced');
    expect(JSON.parse(seats[1]!.raw.filter((b) => ballotState(b) === 'announced').at(-1)!.toString()).state).toEqual(screenSecond);
  });
});
