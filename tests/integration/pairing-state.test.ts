// A terminal pairing mid-session is sent the state a broadcast gives (issue 13: the snapshot a page
// is sent as it identifies is built once per state and shared, server/live-cache.ts): the public
// part as the big screen holds it at that moment (a press's progress included), the same `me` in
// its answer and its state, and a `me` the next broadcast finds unchanged (so that broadcast is the
// big screen's frame without `me`); the speaker queue as every seat has it. Real server, real sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { markAttendance, memberSeatCodes, signIn } from '../helpers/live-setup';
import { openLiveWithTerminal, type LiveWithTerminal } from '../helpers/live-terminal';

let live: LiveWithTerminal;
const must = (name: string, input?: unknown) => live.must(name, input);
const open: TerminalClient[] = [];
const url = () => `ws://127.0.0.1:${live.running.port}/ws`;

/** A client with the raw text of every frame it receives. */
async function connect(): Promise<{ t: TerminalClient; raw: string[] }> {
  const t = await TerminalClient.connect(url());
  open.push(t);
  const raw: string[] = [];
  t.ws.on('message', (d) => raw.push(String(d)));
  await t.waitFor((f) => f.type === 'welcome', 5000, true);
  return { t, raw };
}

async function screen(): Promise<TerminalClient> {
  const { t } = await connect();
  expect(await t.hello('display')).toMatchObject({ type: 'hello-ok' });
  return t;
}

const publicPart = (state: Record<string, unknown>) => {
  const { me: _me, ...rest } = state;
  return rest;
};

beforeAll(async () => {
  live = await openLiveWithTerminal('yishi-pairing-state-');
});
afterAll(async () => {
  for (const c of open) if (c.ws.readyState === c.ws.OPEN) await c.close();
  await live.close();
});

describe('a terminal pairing mid-session', () => {
  it('gets the state every seat has: the public part as broadcast (with progress), its me as a broadcast builds it', async () => {
    const { s16, terminal: first } = live;
    await signIn(first);
    const big = await screen();
    await markAttendance(must, s16.members.slice(1, 17));
    await must('live.startBusiness');
    expect((await first.cmd('terminal.requestSpeak')).ok).toBe(true);
    const ballot = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await must('ballots.open', { ballotId: ballot.id });
    await first.waitForState((s) => s.ballot?.id === ballot.id && s.me.canVote);
    expect((await first.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })).ok).toBe(true);
    // The press reaches the big screen as progress, after the broadcast of the opening.
    const shown = await big.waitForState((s) => s.ballot?.id === ballot.id && s.ballot.voted === 1);

    const late = await connect();
    const codeOf = await memberSeatCodes(must);
    const paired = await late.t.cmd('terminal.pair', { code: codeOf(s16.members[1]!.id) });
    expect(paired.ok).toBe(true);
    const hello = await late.t.waitFor((f) => f.type === 'hello-ok', 5000, true);
    const state = await late.t.waitForState((s) => s.ballot?.id === ballot.id);
    const speakers = await late.t.waitFor((f) => f.type === 'speakers', 5000, true);

    expect(publicPart(state)).toEqual(big.state);
    expect(state.ballot.voted).toBe(1);
    expect(shown.ballot.voted).toBe(1);
    expect(hello.me).toEqual(state.me);
    expect(state.me).toMatchObject({ id: s16.members[1]!.id, attendance: 'present', canVote: true, myVote: null });
    const queue = big.frames.filter((f) => f.type === 'speakers').at(-1)!;
    expect(speakers).toEqual(queue);
    expect((speakers as { entries: unknown[] }).entries).toHaveLength(1);

    // A second big screen now: the same state as the first holds.
    const other = await screen();
    expect(await other.waitForState(() => true)).toEqual(big.state);

    // A broadcast that changes nothing of the late terminal's own part: the server builds its me
    // again, finds it equal to the one it was sent on pairing, and writes the big screen's frame.
    await must('attendance.set', { memberId: s16.members[17]!.id, status: 'present' });
    const counted = shown.attendance.present + 1;
    const after = await late.t.waitForState((s) => s.attendance.present === counted);
    await big.waitForState((s) => s.attendance.present === counted);
    const frame = JSON.parse(late.raw.filter((r) => r.startsWith('{"type":"state"')).at(-1)!);
    expect(frame.state.attendance.present).toBe(counted);
    expect(frame.state).not.toHaveProperty('me');
    expect(after.me).toEqual(hello.me);
    expect(publicPart(after)).toEqual(big.state);
  });
});
