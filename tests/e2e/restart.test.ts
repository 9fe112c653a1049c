// A crash in the middle of an open ballot: the server process is killed (SIGKILL) after some presses
// were acknowledged. After a restart on the same data folder nothing acknowledged is lost, the ballot
// is still open, terminals come back with their tokens and can still change their secret press.
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16 } from '../helpers/session-fixture';
import { memberSeatCodes, pairWithCode, signIn } from '../helpers/live-setup';
import { pairAndSignInOnPage } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('crash and restart during an open ballot', () => {
  it('keeps every acknowledged press, keeps the ballot open, and lets terminals reconnect', async () => {
    server = await startServe();
    const s16 = await prepareSession16(server.must);
    await server.must('live.open', { sessionId: s16.sessionId });
    const codeOf = await memberSeatCodes(server.must);
    const ws = () => `ws://127.0.0.1:${server.port}/ws`;
    const tokens = new Map<number, string>();
    const clients: TerminalClient[] = [];
    for (const m of s16.members.slice(0, 25)) {
      const { client, token } = await pairWithCode(ws(), codeOf(m.id));
      tokens.set(m.id, token);
      await signIn(client);
      clients.push(client);
    }
    // One member on a real tablet (Chromium): it must find its way back by itself after the crash.
    browser = await launchChromium();
    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    const tabletMember = s16.members[25]!;
    await tablet.goto(`${server.baseUrl}/#/terminal`);
    await pairAndSignInOnPage(tablet, codeOf(tabletMember.id));
    await server.must('live.startBusiness');
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    // 20 members press 赞成 and are acknowledged; then the machine "loses power".
    const acks = await Promise.all(clients.slice(0, 20).map((t) => t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })));
    expect(acks.every((a) => a.ok)).toBe(true);
    await tablet.getByTestId('vote-no').click();
    await tablet.getByTestId('vote-confirm').click();
    await expect.poll(() => tablet.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('no');
    const port = server.port;
    await server.kill();
    for (const c of clients) await c.closed;

    await expect.poll(() => tablet.getByTestId('connection').getAttribute('data-connected')).toBe('false');
    server = await startServe({ dataDir: server.dataDir, port }); // the meeting machine comes back on its port
    const state = await server.must<any>('live.state');
    expect(state.ballot).toMatchObject({ id: ballot.id, state: 'open', voted: 21, eligible: 26 });
    expect(state.attendance).toMatchObject({ present: 26 });
    // The tablet reconnects by itself and shows what it had recorded.
    await expect.poll(() => tablet.getByTestId('connection').getAttribute('data-connected'), { timeout: 15_000 }).toBe('true');
    await expect.poll(() => tablet.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('no');

    // Terminals reconnect with their tokens and see their own recorded press.
    const back = new Map<number, TerminalClient>();
    for (const m of s16.members.slice(0, 25)) {
      const t = await TerminalClient.connect(ws());
      const hello = await t.hello('terminal', tokens.get(m.id));
      expect(hello.type).toBe('hello-ok');
      back.set(m.id, t);
    }
    const first = back.get(s16.members[0]!.id)!;
    const seen = await first.waitForState((s) => s.ballot?.id === ballot.id);
    expect(seen.me.myVote).toEqual({ ballotId: ballot.id, choice: 'yes' });
    // A repeated submission after the reconnect counts once; a change still works (the key survived).
    expect(await first.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })).toMatchObject({ ok: true, value: { changed: false } });
    expect(await first.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 2 })).toMatchObject({ ok: true, value: { choice: 'no', changed: true } });
    // The five who had not pressed press now: 反对 ×3, 弃权 ×2.
    const rest = s16.members.slice(20, 25);
    await Promise.all(rest.map((m, i) => back.get(m.id)!.cmd('terminal.vote', { ballotId: ballot.id, choice: i < 3 ? 'no' : 'abstain', pressSeq: 1 })));
    const closed = await server.must<any>('ballots.close', { ballotId: ballot.id });
    expect(closed.result).toMatchObject({ yes: 19, no: 5, abstain: 2, notPressed: 0, adopted: true });
    for (const t of back.values()) await t.close();
  });
});
