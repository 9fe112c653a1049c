// A timed ballot whose time runs out while a data-loss notice is pending (ballot-timer-held), against
// the real server (out/main/serve.js) and a real Chromium console: the server is stopped with the
// ballot open, its audit head is made to name three changes the database lacks (records lost), and it
// is started again on the same port. Its timer does not close the round; the console's row says so,
// beside the blocking notice, and the terminal and the big screen (open through the restart, reconnected
// by themselves) say 限时已到 rather than a countdown stuck at 0:00; the round stays open in SQLite after
// the secretary acknowledges the notice, and the row then asks only for her 结束表决 (no longer for the
// notice); a member may still press, and 结束表决 closes it with the presses it holds.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseHead, HEAD_FILE_NAME, writeHeadFile } from '../../src-main/store/audit-head';
import { DB_FILE_NAME } from '../../src-main/store/db';
import { artifactPath, launchChromium } from '../helpers/browser';
import { openConsole, openDisplay, openTerminal } from '../helpers/live-pages';
import { memberSeatCodes, pairAndSignIn } from '../helpers/live-setup';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

const dataDir = tempDataDir('yishi-timer-held-');
let server: ServeProcess;
let browser: Browser;
/** A member's terminal and the big screen in Chromium, open from before the ballot through the restart. */
let terminal: Page;
let display: Page;
let s16: Session16;
let ballotId = 0;
let closesAt = '';
/** Long enough for the restart and the console to come up before the time runs out. */
const TIMER_SECONDS = 25;

/** The ballot's row as the server wrote it, read from the file. */
function ballotRow(): { state: string; closed_at: string | null; yes: number | null; not_pressed: number | null } {
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  try {
    return db.prepare('SELECT state, closed_at, yes, not_pressed FROM ballots WHERE id = ?').get(ballotId) as never;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServe({ dataDir });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  const terminals = await pairAndSignIn(server.must, `ws://127.0.0.1:${server.port}/ws`, s16.members.slice(0, 20));
  browser = await launchChromium();
  const member = s16.members[20]!;
  terminal = await openTerminal(browser, server, (await memberSeatCodes(server.must))(member.id), member.name);
  display = await openDisplay(browser, server);
  await server.must('live.startBusiness', {});
  await server.must('live.setItem', { itemId: s16.items[3]!.id });
  ballotId = (await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: TIMER_SECONDS })).id;
  closesAt = (await server.must<{ closesAt: string }>('ballots.open', { ballotId })).closesAt;
  for (const t of terminals.slice(0, 18)) expect((await t.cmd('terminal.vote', { ballotId, choice: 'yes', pressSeq: 1 })).ok).toBe(true);
  for (const t of terminals) await t.close();
  await terminal.getByTestId('vote-panel').waitFor();
  await display.getByTestId('display-ballot').waitFor();
  const port = server.port;
  await server.stop();

  // Records lost: the head outside the database names three changes after its last.
  const db = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  const head = databaseHead(db)!;
  db.close();
  writeHeadFile(path.join(dataDir, HEAD_FILE_NAME), { seq: head.seq + 3, hash: head.hash });
  server = await startServe({ dataDir, port }); // the pages reconnect to the same address
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a ballot whose time runs out while the data-loss notice is pending', () => {
  let page: Page;

  it('is not closed by its timer: the console row says so, and the round stays open in SQLite', async () => {
    expect((await server.must<{ pending: { status: string } | null }>('integrity.status')).pending).toMatchObject({ status: 'behind' });
    page = await openConsole(browser, server, `#/console/live/${s16.sessionId}`);
    await page.getByTestId('data-loss-notice').waitFor();
    const row = page.getByTestId(`ballot-row-${ballotId}`);
    await row.waitFor();
    expect(await row.getAttribute('data-state')).toBe('open');

    // The time runs out while the console is open.
    await expect.poll(() => row.getByTestId('ballot-timer-held').count(), { timeout: TIMER_SECONDS * 1000 + 30_000 }).toBe(1);
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(closesAt));
    expect(await row.getByTestId('ballot-timer-held').textContent()).toBe(
      '限时已到，但会议主机报告部分已确认的记录可能已丢失，本轮表决没有自动结束。请先查看并确认数据完整性提示，请委员核对终端上显示的选择（未记录的可重新按键），再点“结束表决”。',
    );
    expect(await row.getAttribute('data-state')).toBe('open');
    expect(await row.getByTestId('ballot-countdown').textContent()).toBe('限时已到'); // never 剩余 0:01 beside it
    expect(await row.getByTestId('ballot-progress').getAttribute('data-voted')).toBe('18');
    expect(ballotRow()).toEqual({ state: 'open', closed_at: null, yes: null, not_pressed: null });
    await page.screenshot({ path: artifactPath('screens', 'ballot-timer-held.png') });

    // The terminal and the big screen, reconnected, show the round open with its time run out.
    await expect.poll(() => terminal.getByTestId('ballot-countdown').textContent()).toBe('限时已到');
    expect(await terminal.getByTestId('vote-panel').getAttribute('data-state')).toBe('open');
    await expect.poll(() => display.getByTestId('display-countdown').textContent()).toBe('限时已到');
    expect(await display.getByTestId('display-ballot').getAttribute('data-state')).toBe('open');
    const up = (await display.getByTestId('display-time-up').boundingBox())!;
    expect(up.height).toBeLessThan(up.width / 2); // on one line, not a column of characters
    expect(up.x + up.width).toBeLessThanOrEqual(1920);
    await terminal.screenshot({ path: artifactPath('screens', 'ballot-timer-held-terminal.png') });
    await display.screenshot({ path: artifactPath('screens', 'ballot-timer-held-display.png') });
  }, TIMER_SECONDS * 1000 + 60_000);

  it('stays open once the notice is acknowledged, until the secretary closes it by hand', async () => {
    await page.getByTestId('data-loss-notice').getByRole('button', { name: '我已知晓，记录在案' }).click();
    await expect.poll(() => page.getByTestId('data-loss-notice').count()).toBe(0);
    const row = page.getByTestId(`ballot-row-${ballotId}`);
    expect(await row.getAttribute('data-state')).toBe('open');
    // still waiting for the secretary, and saying so: no longer asked to look at the notice
    await expect.poll(() => row.getByTestId('ballot-timer-held').getAttribute('data-hold')).toBe('released');
    expect(await row.getByTestId('ballot-timer-held').textContent()).toBe(
      '限时已到，本轮表决没有自动结束。数据完整性提示已确认，请委员核对终端上显示的选择（未记录的可重新按键），会务人员确认后点“结束表决”。',
    );
    expect(await row.getByTestId('ballot-countdown').textContent()).toBe('限时已到');
    expect(ballotRow()).toMatchObject({ state: 'open', closed_at: null });

    // A member who has not pressed still may, as the row tells the members.
    await terminal.getByTestId('vote-no').click();
    await terminal.getByTestId('vote-confirm').click();
    await expect.poll(() => terminal.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('no');
    await expect.poll(() => row.getByTestId('ballot-progress').getAttribute('data-voted')).toBe('19');

    await row.getByTestId('ballot-close').click();
    await row.getByTestId('ballot-close-confirm').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('closed');
    expect(await row.getByTestId('ballot-timer-held').count()).toBe(0);
    expect(ballotRow()).toMatchObject({ state: 'closed', yes: 18, not_pressed: 2 });
    await expect.poll(() => terminal.getByTestId('vote-panel').getAttribute('data-state')).not.toBe('open');
    expect(await display.getByTestId('display-countdown').count()).toBe(0);
  });
});
