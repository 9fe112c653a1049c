// Live edges against the real server (out/main/serve.js) and real Chromium pages: a big screen and a
// tablet whose socket drops just before 宣布结果 and comes back after; a seat taken over by another
// tablet while a named ballot is open; a tablet that reconnects fifty times a second; a tablet whose
// clock is hours wrong.
import type { Browser, Page } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { type PairedTerminal, pairWithCode } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let codes: { kind: string; id: number; code: string }[];
const clients = new Map<number, TerminalClient>();
const tokens = new Map<number, string>();
const wsUrl = () => `ws://127.0.0.1:${server.port}/ws`;

const pairClient = (memberId: number): Promise<PairedTerminal> => pairWithCode(wsUrl(), codes.find((c) => c.kind === 'member' && c.id === memberId)!.code);

/** A page whose live socket can be cut (and kept cut) and let through again, as a Wi-Fi drop does. */
async function droppable(page: Page): Promise<{ drop: () => Promise<void>; restore: () => void }> {
  let cut = false;
  let current: { close: () => Promise<void> } | null = null;
  await page.routeWebSocket(/\/ws$/, (ws) => {
    if (cut) {
      void ws.close({ code: 4000, reason: 'offline' });
      return;
    }
    ws.connectToServer();
    current = ws;
  });
  return {
    drop: async () => {
      cut = true;
      await current?.close();
      current = null;
    },
    restore: () => {
      cut = false;
    },
  };
}

/** The secretary moves to 人事任免 and opens the electronic ballot on one person (its index). */
async function openAppointmentBallot(secret: boolean, person: number, timerSeconds: number | null = null): Promise<{ id: number }> {
  await server.must('live.setItem', { itemId: s16.items[4]!.id });
  const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[4]!.id, secret, pressRule: 'last', method: 'electronic', timerSeconds, personIndexes: [person] });
  await server.must('ballots.open', { ballotId: ballot.id });
  return ballot;
}

/** A Chromium tablet opens the terminal page and types a seat code. */
async function typeSeatCode(page: Page, code: string): Promise<void> {
  await page.goto(`${server.baseUrl}/#/terminal`);
  await page.getByTestId('seat-code-input').fill(code);
}

const connected = (page: Page) => page.getByTestId('connection').getAttribute('data-connected');

beforeAll(async () => {
  // Also on the LAN address, so that a tablet's storm comes from an address the limits count.
  server = await startServe({ extraArgs: ['--host', '0.0.0.0'] });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  codes = await server.must('seatCodes.list');
  for (const m of s16.members.slice(0, 24)) {
    const { client, token } = await pairClient(m.id);
    tokens.set(m.id, token);
    expect((await client.cmd('terminal.signIn')).ok).toBe(true);
    clients.set(m.id, client);
  }
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  for (const c of clients.values()) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('a big screen and a tablet cut off just before 宣布结果', () => {
  it('show the announced figures and verdict once back, not the open or closed round', async () => {
    const display = await (await browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    const screenLink = await droppable(display);
    await display.goto(`${server.baseUrl}/#/display`);
    const tabletMember = s16.members[24]!;
    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    const tabletLink = await droppable(tablet);
    await typeSeatCode(tablet, codes.find((c) => c.kind === 'member' && c.id === tabletMember.id)!.code);
    await tablet.getByTestId('pair-submit').click();
    await tablet.getByTestId('sign-in').click();
    await expect.poll(() => tablet.getByTestId('signed-in').getAttribute('data-status')).toBe('present');

    await server.must('live.startBusiness');
    await server.must('live.setItem', { itemId: s16.items[3]!.id });
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    const pressers = [...clients.values()];
    await Promise.all(pressers.map((t, i) => t.cmd('terminal.vote', { ballotId: ballot.id, choice: i < 18 ? 'yes' : i < 21 ? 'no' : 'abstain', pressSeq: 1 })));
    await expect.poll(() => display.getByTestId('display-progress').getAttribute('data-voted')).toBe('24');
    await server.must('ballots.close', { ballotId: ballot.id });
    await expect.poll(() => display.getByTestId('display-ballot').getAttribute('data-state')).toBe('closed');
    await expect.poll(() => tablet.getByTestId('vote-panel').getAttribute('data-state')).toBe('closed');

    await screenLink.drop();
    await tabletLink.drop();
    await expect.poll(() => connected(display)).toBe('false');
    await expect.poll(() => connected(tablet)).toBe('false');
    const announced = await server.must<any>('ballots.announce', { ballotId: ballot.id });
    expect(announced.result).toMatchObject({ yes: 18, no: 3, abstain: 3, adopted: true });
    screenLink.restore();
    tabletLink.restore();

    await expect.poll(() => connected(display), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => display.getByTestId('display-ballot').getAttribute('data-state')).toBe('announced');
    expect(await display.getByTestId('display-result-yes').innerText()).toContain('18');
    expect(await display.getByTestId('display-result-no').innerText()).toContain('3');
    expect(await display.getByTestId('display-result-abstain').innerText()).toContain('3');
    expect(await display.getByTestId('display-result-not-pressed').innerText()).toContain('1');
    expect(await display.getByTestId('display-verdict').innerText()).toBe('通过');
    expect(await display.getByTestId('display-verdict-text').innerText()).toBe(announced.result.verdict);
    expect(announced.result.verdict).toContain('赞成18票');

    await expect.poll(() => connected(tablet), { timeout: 30_000 }).toBe('true');
    await expect.poll(() => tablet.getByTestId('vote-panel').getAttribute('data-state')).toBe('announced');
    expect(await tablet.getByTestId('ballot-result').getAttribute('data-adopted')).toBe('true');
    expect(await tablet.getByTestId('ballot-verdict-text').innerText()).toBe(announced.result.verdict);
    await display.context().close();
    await tablet.context().close();
  });
});

describe('a seat taken over by another tablet while a named ballot is open', () => {
  it('the old tablet can no longer press, the new one shows the recorded press, and it counts once', async () => {
    const ballot = await openAppointmentBallot(false, 0);
    const member = s16.members[0]!;
    const oldTablet = clients.get(member.id)!;
    const oldToken = tokens.get(member.id)!;
    clients.delete(member.id);
    expect(await oldTablet.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })).toMatchObject({ ok: true, value: { choice: 'yes', accepted: true } });

    // The secretary issues a new seat code; a new tablet (Chromium) pairs with it.
    const { code } = await server.must<{ code: string }>('seatCodes.regenerate', { memberId: member.id });
    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await typeSeatCode(tablet, code);
    const revoked = oldTablet.waitFor((f) => f.type === 'revoked');
    await tablet.getByTestId('pair-submit').click();
    expect(((await revoked) as any).reason).toMatch(/另一台终端/);
    expect((await oldTablet.closed).code).toBe(4001);
    // The new tablet shows the member's recorded press of this named ballot, and may change it.
    await expect.poll(() => tablet.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('yes');

    // The old tablet comes back with its token: refused in Chinese, and cannot press.
    const back = await TerminalClient.connect(wsUrl());
    const refusal = (await back.hello('terminal', oldToken)) as any;
    expect(refusal).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    expect(refusal.error.message).toMatch(/[\u4e00-\u9fff]/);
    const press = await back.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 2 });
    expect(press.ok).toBe(false);
    if (!press.ok) expect(press.error.message).toMatch(/[\u4e00-\u9fff]/);
    await back.close();

    const others = [...clients.values()];
    await Promise.all(others.map((t) => t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })));
    const closed = await server.must<any>('ballots.close', { ballotId: ballot.id });
    expect(closed.result).toMatchObject({ yes: others.length + 1, no: 0, abstain: 0 });
    await server.must('ballots.announce', { ballotId: ballot.id });
    await tablet.context().close();
  });
});

/** The machine's own LAN address (not loopback): sockets from it count as a tablet's. */
function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error('no LAN address on this machine');
}

/** Rows of the audit log and of terminals, and what was audited after row `since`. */
function dbCounts(since = 0): { audit: number; terminals: number; added: { action: string; n: number }[] } {
  const db = new Database(path.join(server.dataDir, 'yishi.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const added = db.prepare('SELECT action, COUNT(*) AS n FROM audit_log WHERE seq > ? GROUP BY action ORDER BY action').all(since) as { action: string; n: number }[];
    return { audit: n('SELECT COUNT(*) AS n FROM audit_log'), terminals: n('SELECT COUNT(*) AS n FROM terminals'), added };
  } finally {
    db.close();
  }
}

const rssKiB = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.proc.pid}/status`, 'utf8'))![1]);

describe('a tablet that reconnects fifty times a second for five seconds', () => {
  it('leaves the server answering others, one live socket on the seat, and no rows per reconnect', async () => {
    const ballot = await openAppointmentBallot(true, 1);
    const member = s16.members[1]!;
    const token = tokens.get(member.id)!;
    await clients.get(member.id)!.close();
    clients.delete(member.id);
    const other = clients.get(s16.members[2]!.id)!;
    const host = lanAddress();
    const url = `ws://${host}:${server.port}/ws`;
    const before = { ...dbCounts(), added: [] };
    const rssBefore = rssKiB();

    const sockets: TerminalClient[] = [];
    const refused: unknown[] = [];
    let stormOver = false;
    const storm = (async () => {
      const end = Date.now() + 5_000;
      while (Date.now() < end) {
        const started = Date.now();
        try {
          const t = await TerminalClient.connect(url, { localAddress: host });
          t.send({ type: 'hello', role: 'terminal', token });
          sockets.push(t);
        } catch (e) {
          refused.push(e);
        }
        await new Promise((r) => setTimeout(r, Math.max(0, 20 - (Date.now() - started)))); // the pace of the storm
      }
      stormOver = true;
    })();
    // While it lasts, /healthz and another seat's presses are answered.
    let answeredDuringStorm = 0;
    let presses = 0;
    for (let seq = 1; !stormOver; seq++) {
      const health = await fetch(`${server.baseUrl}/healthz`).then((r) => r.json());
      expect(health).toEqual({ ok: true });
      const press = await other.cmd('terminal.vote', { ballotId: ballot.id, choice: seq % 2 ? 'yes' : 'no', pressSeq: seq });
      expect(press).toMatchObject({ ok: true, value: { accepted: true } });
      presses++;
      if (!stormOver) answeredDuringStorm++;
    }
    await storm;
    expect(answeredDuringStorm).toBeGreaterThan(0);
    expect(sockets.length).toBeGreaterThan(100);

    // Every socket but the last is told it was taken over and closed; the last holds the seat.
    const last = sockets[sockets.length - 1]!;
    const closes = await Promise.all(sockets.slice(0, -1).map((t) => t.closed));
    expect(closes.every((c) => c.code === 4001)).toBe(true);
    const seen = await last.waitForState((st) => st.ballot?.id === ballot.id && st.me?.id === member.id);
    expect(seen.ballot.state).toBe('open');
    expect(await last.cmd('terminal.vote', { ballotId: ballot.id, choice: 'abstain', pressSeq: 1 })).toMatchObject({ ok: true, value: { choice: 'abstain' } });
    presses++;
    const view = await server.must<any>('live.state');
    expect(view.unpairedTerminals).toEqual([]);
    expect(view.members.find((m: any) => m.id === member.id).terminal).toBe('online');

    // Nothing was written per reconnect: no terminal rows, and no audit rows but one per press (its sealed receipt).
    expect(dbCounts(before.audit)).toEqual({ ...before, audit: before.audit + presses, added: [{ action: 'round.receipts', n: presses }] });
    // The server let the sockets go: its memory came back near where it was (bounded, not per socket).
    expect(rssKiB() - rssBefore).toBeLessThan(96 * 1024);

    await server.must('ballots.close', { ballotId: ballot.id });
    await server.must('ballots.announce', { ballotId: ballot.id });
    clients.set(member.id, last);
  });
});

/** Shifts the page's clock (Date.now and `new Date()`) by `ms`, as a tablet set hours wrong. */
function shiftedClock(ms: number): string {
  return `(() => {
    const Real = Date;
    const shift = ${ms};
    class Shifted extends Real {
      constructor(...a) { if (a.length === 0) super(Real.now() + shift); else super(...a); }
      static now() { return Real.now() + shift; }
    }
    globalThis.Date = Shifted;
  })();`;
}

const hhmmIn = (d: Date, timeZone: string) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(d);

describe('a tablet and a big screen whose clocks are hours wrong', () => {
  it('count down and tell the time by the meeting machine, and what they send carries no time of theirs', async () => {
    const zone = 'Asia/Shanghai';
    const ahead = await (await browser.newContext({ viewport: { width: 1024, height: 768 }, timezoneId: zone })).newPage();
    await ahead.addInitScript(shiftedClock(5 * 3600_000));
    const behind = await (await browser.newContext({ viewport: { width: 1280, height: 720 }, timezoneId: zone })).newPage();
    await behind.addInitScript(shiftedClock(-7 * 3600_000));

    const member = s16.members[3]!;
    await clients.get(member.id)!.close();
    clients.delete(member.id);
    const { code } = await server.must<{ code: string }>('seatCodes.regenerate', { memberId: member.id });
    await typeSeatCode(ahead, code);
    await ahead.getByTestId('pair-submit').click();
    await expect.poll(() => ahead.getByTestId('signed-in').getAttribute('data-status')).toBe('present');
    await behind.goto(`${server.baseUrl}/#/display`);
    expect(await ahead.evaluate(() => Date.now())).toBeGreaterThan(Date.now() + 4 * 3600_000); // the shifts took
    expect(await behind.evaluate(() => new Date().getTime())).toBeLessThan(Date.now() - 6 * 3600_000);

    const ballot = await openAppointmentBallot(true, 2, 600);
    // 600 s on the meeting machine's clock: both show between 5:00 and 10:0x (not 0:00 nor hours; the
    // offset taken from the greeting is behind by the greeting's transit, and the seconds round up).
    const countdown = async (page: Page, id: string) => {
      const m = /(\d+)(?:分|:)(\d{2})/.exec(await page.getByTestId(id).innerText()); // 剩余 9分58秒 / 9:58
      return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
    };
    await expect.poll(() => countdown(ahead, 'ballot-countdown')).toBeGreaterThan(300);
    expect(await countdown(ahead, 'ballot-countdown')).toBeLessThanOrEqual(602);
    await expect.poll(() => countdown(behind, 'display-countdown')).toBeGreaterThan(300);
    expect(await countdown(behind, 'display-countdown')).toBeLessThanOrEqual(602);
    // The big screen's clock is the meeting machine's time in the room's zone (this minute or the next).
    const clockRight = async () => {
      const shown = await behind.locator('.disp-clock').innerText();
      const t = Date.now();
      return [t - 60_000, t, t + 60_000].some((x) => hhmmIn(new Date(x), zone) === shown) ? 'right' : shown;
    };
    await expect.poll(clockRight).toBe('right');

    // The press from the wrong clock is taken and stamped by the meeting machine, never by the tablet.
    const sent: string[] = [];
    ahead.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    await ahead.reload();
    await ahead.getByTestId('vote-yes').click();
    await ahead.getByTestId('vote-confirm').click();
    await expect.poll(() => ahead.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('yes');
    const votes = sent.map((f) => JSON.parse(f)).filter((f) => f.type === 'cmd' && f.name === 'terminal.vote');
    expect(votes).toHaveLength(1);
    expect(Object.keys(votes[0].input).sort()).toEqual(['ballotId', 'choice', 'pressSeq']);
    expect(votes[0].input.pressSeq).toBe(1);
    await server.must('ballots.close', { ballotId: ballot.id });
    await ahead.context().close();
    await behind.context().close();
  });
});

describe('a seat bound from the console to another tablet while a named ballot is open', () => {
  it('the old tablet is told and stops; the bound tablet shows the press, which counts once', async () => {
    const ballot = await openAppointmentBallot(false, 0);
    const member = s16.members[5]!;
    const oldTablet = clients.get(member.id)!;
    clients.delete(member.id);
    expect(await oldTablet.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 1 })).toMatchObject({ ok: true, value: { choice: 'no' } });
    const tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await tablet.goto(`${server.baseUrl}/#/terminal`);
    const shown = tablet.getByTestId('pairing-number').locator('strong');
    await expect.poll(() => shown.innerText()).toMatch(/^\d{4}$/);
    const revoked = oldTablet.waitFor((f) => f.type === 'revoked');
    await server.must('terminals.bind', { pairingNumber: await shown.innerText(), memberId: member.id });
    expect(((await revoked) as any).reason).toMatch(/另一台终端/);
    expect((await oldTablet.closed).code).toBe(4001);
    await expect.poll(() => tablet.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('no');
    const again = await TerminalClient.connect(wsUrl());
    expect(await again.hello('terminal', tokens.get(member.id))).toMatchObject({ type: 'error', error: { code: 'UNAUTHORIZED' } });
    expect((await again.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 2 })).ok).toBe(false);
    await again.close();
    const closed = await server.must<any>('ballots.close', { ballotId: ballot.id });
    expect(closed.result).toMatchObject({ yes: 0, no: 1, abstain: 0 });
    await tablet.context().close();
  });
});
