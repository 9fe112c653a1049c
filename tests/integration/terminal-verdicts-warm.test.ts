// The first round after 开始议程 (which forgets every terminal's verdict, as any change of the session
// does) reads the verdicts of the terminals connected at its opening in one query (issue 13: the
// 试表决's cold tail): no press runs the terminal query of its own, and every press is still taken
// and recorded. Real server, real sockets; the SQL each press prepares is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { markAttendance, pairAndSignIn, signIn } from '../helpers/live-setup';
import { openLiveWithTerminal, type LiveWithTerminal } from '../helpers/live-terminal';

let live: LiveWithTerminal;
const open: TerminalClient[] = [];

beforeAll(async () => {
  live = await openLiveWithTerminal('yishi-verdicts-warm-');
});
afterAll(async () => {
  for (const c of open) if (c.ws.readyState === c.ws.OPEN) await c.close();
  await live.close();
});

describe("the terminals' verdicts at a round's opening", () => {
  it('are read for every connected terminal at once: no press queries its terminal, each is taken', async () => {
    const { running, s16, must, terminal } = live;
    await signIn(terminal);
    const others = await pairAndSignIn(must, `ws://127.0.0.1:${running.port}/ws`, s16.members.slice(1, 4));
    open.push(...others);
    const seats = [terminal, ...others];
    await markAttendance(must, s16.members.slice(3, 17));
    await must('live.startBusiness');
    const ballot = await must('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });

    const db = running.core.store.db;
    const prepare = db.prepare;
    const prepared: string[] = [];
    db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
    try {
      await must('ballots.open', { ballotId: ballot.id });
      const opened = prepared.length;
      for (const [i, t] of seats.entries()) {
        expect(await t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: i + 1 })).toMatchObject({ ok: true });
      }
      const presses = prepared.slice(opened);
      expect(presses.length).toBeGreaterThan(0);
      expect(presses.filter((sql) => sql.includes('FROM terminals'))).toEqual([]);
    } finally {
      db.prepare = prepare;
    }
    expect(running.core.store.db.prepare('SELECT count(*) FROM secret_voters WHERE ballot_id = ?').pluck().get(ballot.id)).toBe(4);
  });
});
