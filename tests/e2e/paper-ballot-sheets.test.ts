// The secretary enters a paper 表决票 ballot from the live console: 发出表决票, 收回, 其中无效票 beside
// 赞成 / 反对 / 弃权; a count that does not add up is refused on the page with the Chinese message;
// the result row then says the sheets, and the big screen once announced. The real server, real
// Chromium pages (console and big screen).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { startServe, type ServeProcess } from '../helpers/server';
import { openAndStartBusiness } from '../helpers/live-setup';
import { openConsole, openDisplay } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let display: Page;
let s16: Session16;
let ballotId = 0;

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await openAndStartBusiness(server.must, s16, 30);
  const item = s16.items.find((i) => i.kind === 'vote')!;
  await server.must('live.setItem', { itemId: item.id });
  ballotId = (await server.must<{ id: number }>('ballots.create', { itemId: item.id, secret: true, pressRule: 'last', method: 'paper' })).id;
  browser = await launchChromium();
  page = await openConsole(browser, server, `#/console/live/${s16.sessionId}`, { locale: 'zh-CN' });
  display = await openDisplay(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('paper 表决票 entered from the console', () => {
  it('asks for the sheets, refuses counts that do not match the valid sheets, keeps the right ones', async () => {
    const row = page.getByTestId(`ballot-row-${ballotId}`);
    const fill = async (v: Record<string, number>) => {
      for (const [k, n] of Object.entries(v)) await row.getByTestId(`manual-${k}`).fill(String(n));
    };
    await fill({ issued: 30, returned: 29, invalid: 2, yes: 20, no: 5, abstain: 3 });
    await row.getByTestId('ballot-enter-result').click();
    await expect.poll(() => page.locator('body').textContent()).toContain('赞成、反对、弃权合计28票，应等于有效票27张');
    expect(await row.getAttribute('data-state')).toBe('draft');
    await fill({ abstain: 2 });
    await row.getByTestId('ballot-enter-result').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('closed');
    expect(await row.getByTestId('ballot-sheets').textContent()).toBe('发出表决票30张，收回29张，其中有效票27张，无效票2张');
    expect(await row.getByTestId('ballot-result').textContent()).toContain('赞成20票，反对5票，弃权2票。通过');
    await page.screenshot({ path: artifactPath('screens', 'paper-ballot-sheets.png') });
    const stored = await server.must<any>('ballots.get', { ballotId });
    expect(stored.result.sheets).toEqual({ issued: 30, returned: 29, invalid: 2 });
  });

  it('once announced, the big screen shows the sheets above the figures', async () => {
    await page.getByTestId(`ballot-row-${ballotId}`).getByTestId('ballot-announce').click();
    await expect.poll(() => display.getByTestId('display-ballot').getAttribute('data-state')).toBe('announced');
    expect(await display.getByTestId('display-sheets').textContent()).toBe('发出表决票30张，收回29张，其中有效票27张，无效票2张');
    expect(await display.getByTestId('display-result-yes').textContent()).toContain('20');
    expect(await display.getByTestId('display-result-not-pressed').count()).toBe(0);
    await display.screenshot({ path: artifactPath('screens', 'paper-ballot-sheets-display.png') });
  });
});
