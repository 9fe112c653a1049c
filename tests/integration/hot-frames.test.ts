// The hub sends a command's `result` and the terminal's `me` after a press without checking them
// against the protocol on every send (server/ws-hub.ts: they are built there of typed values, and
// they are the frames a press costs). This test is their check: every result and `me` frame a
// terminal receives over a real socket — presses taken, repeated, refused under "first press
// counts", refused for bad input, for secret and named ballots — matches shared/protocol.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { outgoingProblem, type ServerFrame } from '../../src-main/shared/protocol';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairAndSignIn } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s16: Session16;
const terminals: TerminalClient[] = [];
const { must } = commandsOf(() => running.core);
const url = () => `ws://127.0.0.1:${running.port}/ws`;

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-hot-frames-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
  terminals.push(...(await pairAndSignIn(must, url(), s16.members.slice(0, 3))));
  await markAttendance(must, s16.members.slice(3, 20));
  await must('live.startBusiness');
});
afterAll(async () => {
  for (const c of terminals) if (c.ws.readyState === c.ws.OPEN) await c.close();
  await running.close();
});

describe('the frames a press is answered with match the protocol', () => {
  it('results and `me` of presses taken, repeated and refused, secret and named', async () => {
    const item = s16.items.find((i) => i.kind === 'vote')!;
    await must('live.setItem', { itemId: item.id });
    const [a, b, c] = terminals as [TerminalClient, TerminalClient, TerminalClient];
    for (const secret of [true, false]) {
      const ballot = await must('ballots.create', { itemId: item.id, secret, pressRule: 'first' });
      await must('ballots.open', { ballotId: ballot.id });
      const vote = (t: TerminalClient, choice: unknown, pressSeq: number) => t.cmd('terminal.vote', { ballotId: ballot.id, choice: choice as 'yes' | 'no' | 'abstain', pressSeq });
      expect(await vote(a, 'yes', 1)).toMatchObject({ ok: true, value: { choice: 'yes', accepted: true } });
      expect(await vote(a, 'yes', 1)).toMatchObject({ ok: true, value: { changed: false } }); // a resend
      expect(await vote(a, 'no', 2)).toMatchObject({ ok: true, value: { choice: 'yes', accepted: false } }); // first press counts
      expect(await vote(b, 'maybe', 1)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
      expect(await vote(c, 'abstain', 1)).toMatchObject({ ok: true, value: { choice: 'abstain' } });
      await a.waitFor((f) => f.type === 'me' && (f as { me: { myVote: { ballotId: number } | null } }).me.myVote?.ballotId === ballot.id, 10_000, true);
      await must('ballots.close', { ballotId: ballot.id });
      await must('ballots.announce', { ballotId: ballot.id });
    }
    const hot = terminals.flatMap((t) => t.frames).filter((f) => f.type === 'result' || f.type === 'me') as ServerFrame[];
    expect(hot.filter((f) => f.type === 'me').length).toBeGreaterThanOrEqual(6);
    expect(hot.filter((f) => f.type === 'result' && !f.result.ok).length).toBeGreaterThanOrEqual(2);
    expect(hot.map((f) => outgoingProblem(f)).filter((p) => p !== null)).toEqual([]);
    expect(running.hub.protocolProblems).toBe(0);
  });
});
