// The live session's remaining edges, against the real server (out/main/serve.js) and real Chromium
// pages: the console says, beside 开始表决, why a ballot cannot begin below the quorum (and begins it
// once the quorum is back); a tablet whose member is marked 离会 mid-ballot keeps its recorded press,
// says why it cannot press, and presses again after 重新签到; a tablet refused by the connection bound
// says so instead of only 正在连接, and connects by itself once a place is free; 闭会 says it is done,
// and a repeat of it answers so.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { MAX_PER_ADDRESS } from '../../src-main/server/connection-limits';
import { launchChromium } from '../helpers/browser';
import { holdPlaces, lanAddress } from '../helpers/lan-sockets';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;
let tablet: Page;
let ballotId = 0;
const clients: TerminalClient[] = [];
const tabletMember = () => s16.members[17]!;

beforeAll(async () => {
  server = await startServe({ extraArgs: ['--host', '0.0.0.0'] });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  const codes = await server.must<{ kind: string; id: number; code: string }[]>('seatCodes.list');
  const codeOf = (memberId: number) => codes.find((c) => c.kind === 'member' && c.id === memberId)!.code;
  for (const m of s16.members.slice(0, 17)) {
    const t = await TerminalClient.connect(`ws://127.0.0.1:${server.port}/ws`);
    expect((await t.cmd('terminal.pair', { code: codeOf(m.id) })).ok).toBe(true);
    expect((await t.cmd('terminal.signIn')).ok).toBe(true);
    clients.push(t);
  }
  browser = await launchChromium();
  tablet = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await tablet.goto(`${server.baseUrl}/#/terminal`);
  await tablet.getByTestId('seat-code-input').fill(codeOf(tabletMember().id));
  await tablet.getByTestId('pair-submit').click();
  await tablet.getByTestId('sign-in').click();
  await tablet.getByTestId('signed-in').waitFor();
  await server.must('live.startBusiness', {});
  await server.must('live.setItem', { itemId: s16.items[3]!.id });
  consolePage = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  await consolePage.goto(server.consoleUrl);
  await consolePage.evaluate((id) => (window.location.hash = `#/console/live/${id}`), s16.sessionId);
}, 120_000);

afterAll(async () => {
  for (const c of clients) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

describe('开始表决 below the quorum', () => {
  it('is refused beside the button with the figures, nothing changes, and the ballot begins once the quorum is back', async () => {
    // 18 present; three leave: 15 of 33.
    for (const m of s16.members.slice(0, 3)) await server.must('attendance.set', { memberId: m.id, status: 'left' });
    const b = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    ballotId = b.id;
    const row = consolePage.getByTestId(`ballot-row-${b.id}`);
    await row.getByTestId('ballot-open').click();
    await expect.poll(() => row.getByTestId('ballot-row-error').textContent()).toBe('开始表决失败：实到15人，不足法定人数（应到33人，须过半数即至少17人），不能开始表决×');
    expect(await consolePage.getByTestId('live-error').count()).toBe(0); // said where it was pressed, not at the top
    expect(await row.getAttribute('data-state')).toBe('draft');
    expect(await tablet.getByTestId('vote-panel').getAttribute('data-state')).toBe('draft');

    for (const m of s16.members.slice(0, 3)) await server.must('attendance.set', { memberId: m.id, status: 'present' });
    await row.getByTestId('ballot-open').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('open');
    expect(await row.getByTestId('ballot-row-error').count()).toBe(0);
    await expect.poll(() => tablet.getByTestId('vote-panel').getAttribute('data-state')).toBe('open');
  });
});

describe('a tablet whose member is marked 离会 during the ballot', () => {
  it('keeps the recorded press, says why it cannot press, and presses again after 重新签到', async () => {
    await tablet.getByTestId('vote-yes').click();
    await tablet.getByTestId('vote-confirm').click();
    await expect.poll(() => tablet.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('yes');

    await server.must('attendance.set', { memberId: tabletMember().id, status: 'left' });
    const left = tablet.getByTestId('vote-left');
    await expect.poll(() => left.textContent()).toBe('已记录：赞成您已登记离会，不能表决；回到会场后请重新签到');
    expect(await tablet.getByTestId('vote-change').count()).toBe(0);
    expect(await tablet.getByTestId('vote-no').count()).toBe(0);

    await tablet.getByTestId('sign-in').click(); // 重新签到
    await expect.poll(() => tablet.getByTestId('signed-in').getAttribute('data-status')).toBe('present');
    await tablet.getByTestId('vote-change').click();
    await tablet.getByTestId('vote-no').click();
    await tablet.getByTestId('vote-confirm').click();
    await expect.poll(() => tablet.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('no');
    for (const t of clients) expect((await t.cmd('terminal.vote', { ballotId, choice: 'yes', pressSeq: 1 })).ok).toBe(true);
    const closed = await server.must<any>('ballots.close', { ballotId });
    expect(closed.result).toMatchObject({ yes: 17, no: 1, abstain: 0, notPressed: 0 });
  });
});

describe('a tablet refused by the connection bound', () => {
  it('says that the meeting machine takes no more connections from it, and connects by itself once a place is free', async () => {
    const host = lanAddress();
    const held = await holdPlaces(host, server.port, MAX_PER_ADDRESS);
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await page.goto(`http://${host}:${server.port}/#/terminal`);
    const blocked = page.getByTestId('connection-blocked');
    await expect.poll(() => blocked.count(), { timeout: 30_000 }).toBe(1);
    expect(await blocked.textContent()).toBe(
      `无法连接会议主机：连接数已满本设备（${host}）已有${MAX_PER_ADDRESS}个连接，新的连接被拒绝；请关闭多余的页面，稍后重试本终端会继续自动重试；如长时间无法连接，请联系会务工作人员。`,
    );
    expect(await page.getByTestId('connection').getAttribute('data-connected')).toBe('false');

    // A place frees: the page connects by itself, the notice goes, the pairing number shows.
    held.pop()!.close();
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-connected'), { timeout: 30_000 }).toBe('true');
    expect(await blocked.count()).toBe(0);
    expect(await page.getByTestId('pairing-number').textContent()).toMatch(/终端号 \d{4}/);
    for (const ws of held) ws.close();
  });
});

describe('闭会 from the console, and again', () => {
  it('says the session has closed; a repeat answers so and changes nothing', async () => {
    const title = (await server.must<any>('sessions.get', { id: s16.sessionId })).session.title;
    await consolePage.getByTestId('live-close').click();
    await consolePage.getByTestId('live-close-confirm').click();
    await expect.poll(() => consolePage.getByTestId('live-notice').textContent()).toBe(`“${title}”已闭会`);
    expect(await server.must('live.close', { sessionId: s16.sessionId })).toMatchObject({ alreadyClosed: true, message: `“${title}”已闭会，无需再次闭会` });
    expect(await server.must('live.close', {})).toMatchObject({ alreadyClosed: true });
  });
});
