// Reordering the agenda on a busy machine: the secretary presses Alt+↑ twice on the focused item while
// the first move is still being saved (the console's request held back 800 ms). Both moves are shown
// at once and both reach the database, in order; focus stays on the item (console/sessions/AgendaList.tsx).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let s16: Session16;

const titles = (p: Page) => p.locator('.agenda-item').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
const stored = async () => (await server.must<{ items: { id: number }[] }>('sessions.get', { id: s16.sessionId })).items.map((it) => it.id);

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(server.consoleUrl);
  await page.evaluate((s) => (window.location.hash = `#/console/sessions/${s}`), s16.sessionId);
  await page.locator('.agenda-item').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('agenda reorder on a busy machine', () => {
  it('two quick Alt+↑ both move the item, on screen and in the database', async () => {
    const before = await stored();
    expect(before.length).toBeGreaterThanOrEqual(4);
    const id = before[3]!;
    await page.route('**/api/cmd/agenda.reorder', (route) => new Promise<void>((r) => setTimeout(r, 800)).then(() => route.continue()));
    const item = page.locator(`.agenda-item[data-item-id="${id}"]`);
    await item.focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.keyboard.press('Alt+ArrowUp'); // while the first is still being saved
    const expected = [before[0]!, id, before[1]!, before[2]!, ...before.slice(4)];
    await expect.poll(() => page.locator('.agenda-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-item-id'))))).toEqual(expected);
    expect((await titles(page))[1]).toMatch(/^第2项：/);
    await expect.poll(stored, { timeout: 10_000 }).toEqual(expected);
    await page.waitForTimeout(1000); // every answer has come back: the screen keeps the last order
    expect(await page.locator('.agenda-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-item-id'))))).toEqual(expected);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe(String(id));
  });
});
