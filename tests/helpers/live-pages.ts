// The live session's pages in real Chromium: the secretary's console, the big screen, and a member's
// terminal paired with the seat code and signed in by clicking, as on a tablet. Waits are on what the
// page shows, never on time.
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { ServeProcess } from './server';

/** The console (1440×1000) with the server's admin token; then at `hash` (e.g. `#/console/live/3`) when one is given. */
export async function openConsole(browser: Browser, server: Pick<ServeProcess, 'consoleUrl'>, hash?: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, ...options })).newPage();
  await page.goto(server.consoleUrl);
  if (hash !== undefined) await page.evaluate((h) => (window.location.hash = h), hash);
  return page;
}

/** The big screen (1920×1080) at `#/display`. */
export async function openDisplay(browser: Browser, server: Pick<ServeProcess, 'baseUrl'>): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  await page.goto(`${server.baseUrl}/#/display`);
  return page;
}

/**
 * On a page already at the terminal (`#/terminal`): types the seat code, pairs, waits for the member's
 * name when `name` is given, clicks 签到 and waits until the page shows the member present. It waits
 * with Playwright's locators (not expect.poll), so it serves in beforeAll as in a test.
 */
export async function pairAndSignInOnPage(page: Page, code: string, name?: string): Promise<void> {
  await page.getByTestId('seat-code-input').fill(code);
  await page.getByTestId('pair-submit').click();
  if (name !== undefined) await page.getByTestId('me').filter({ hasText: name }).waitFor();
  await page.getByTestId('sign-in').click();
  await page.locator('[data-testid="signed-in"][data-status="present"]').waitFor();
}

/** A member's terminal (1024×768, a tablet) at `#/terminal`, paired with the seat code and signed in (pairAndSignInOnPage). */
export async function openTerminal(browser: Browser, server: Pick<ServeProcess, 'baseUrl'>, code: string, name?: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await page.goto(`${server.baseUrl}/#/terminal`);
  await pairAndSignInOnPage(page, code, name);
  return page;
}
