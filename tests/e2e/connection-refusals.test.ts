// The connection bound beyond the terminal, against the real server (out/main/serve.js, listening on
// the LAN) and real Chromium pages: with this machine's LAN address holding all its places
// (MAX_PER_ADDRESS), a big screen and a chair's view opened from it are refused; each says so in the
// terminal's words (无法连接会议主机：连接数已满, the machine's reason) instead of only 正在连接; the console
// (on the loopback, never refused) says how many connections were refused, for which bound, from
// where; once places are free both pages connect by themselves and their notices go.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PER_ADDRESS } from '../../src-main/server/connection-limits';
import { artifactPath, launchChromium } from '../helpers/browser';
import { holdPlaces, lanAddress } from '../helpers/lan-sockets';
import { openConsole, openDisplay } from '../helpers/live-pages';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;

beforeAll(async () => {
  server = await startServe({ extraArgs: ['--host', '0.0.0.0'] });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  browser = await launchChromium();
  consolePage = await openConsole(browser, server, `#/console/live/${s16.sessionId}`);
  await consolePage.getByTestId('live-title').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const blockedText = (host: string, who: string) =>
  `无法连接会议主机：连接数已满本设备（${host}）已有${MAX_PER_ADDRESS}个连接，新的连接被拒绝；请关闭多余的页面，稍后重试${who}会继续自动重试；如长时间无法连接，请联系会务工作人员。`;

describe('a big screen and a chair view refused by the connection bound', () => {
  it('say why, the console counts the refusals, and both connect by themselves once places are free', async () => {
    const host = lanAddress();
    const held = await holdPlaces(host, server.port, MAX_PER_ADDRESS);
    expect(await consolePage.getByTestId('connection-refusals').count()).toBe(0); // nothing refused yet

    const display = await openDisplay(browser, { baseUrl: `http://${host}:${server.port}` });
    const chair = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await chair.goto(`http://${host}:${server.port}/#/chair`);
    const shown = (page: Page) => page.getByTestId('connection-blocked');
    await expect.poll(() => shown(display).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => shown(chair).count(), { timeout: 30_000 }).toBe(1);
    expect(await shown(display).textContent()).toBe(blockedText(host, '本大屏'));
    expect(await shown(chair).textContent()).toBe(blockedText(host, '本页'));
    for (const page of [display, chair]) expect(await page.getByTestId('connection').getAttribute('data-connected')).toBe('false');
    await display.screenshot({ path: artifactPath('screens', 'display-connection-blocked.png') });

    // The console: the server's count, for the per-device bound, from this address.
    const notice = consolePage.getByTestId('connection-refusals');
    await expect.poll(async () => Number(await notice.getAttribute('data-count')), { timeout: 30_000 }).toBeGreaterThanOrEqual(2); // both pages, at least once each
    expect(await notice.getAttribute('data-limit')).toBe(String(MAX_PER_ADDRESS));
    expect(await notice.getAttribute('data-bound')).toBe('address');
    const shownCount = Number(await notice.getAttribute('data-count'));
    expect(await notice.locator('strong').textContent()).toMatch(new RegExp(`^已拒绝${shownCount}个连接：连接数已满（每台设备上限${MAX_PER_ADDRESS}个），最近一次 \\d{2}:\\d{2}，来自${host.replace(/\./g, '\\.')}$`));
    const counted = (await server.must<{ refusals: { count: number; address: string } | null }>('live.connectionRefusals')).refusals;
    expect(counted).toMatchObject({ address: host });
    expect(counted!.count).toBeGreaterThanOrEqual(shownCount); // the same counter, perhaps one refusal further
    await consolePage.screenshot({ path: artifactPath('screens', 'console-connection-refusals.png') });
    // 知道了: the notice goes at once; the pages, still refused, bring it back as a new run, counted afresh.
    await notice.getByTestId('connection-refusals-dismiss').click();
    await expect.poll(() => notice.count()).toBe(0);
    await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);

    // Two places free: both pages connect by themselves, their notices go, the big screen shows the session.
    held.pop()!.close();
    held.pop()!.close();
    for (const page of [display, chair]) {
      await expect.poll(() => page.getByTestId('connection').getAttribute('data-connected'), { timeout: 30_000 }).toBe('true');
      expect(await shown(page).count()).toBe(0);
    }
    const title = (await server.must<any>('sessions.get', { id: s16.sessionId })).session.title;
    expect(await display.getByTestId('display-title').textContent()).toBe(title);
    expect(await chair.getByTestId('chair-title').textContent()).toBe(title);
    for (const ws of held) ws.close();
  });
});
