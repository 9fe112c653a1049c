// Accessibility of the three faces in real Chromium: an axe-core scan (WCAG 2.1 A/AA rules) of the
// console, a member's terminal and the big screen finds no serious or critical violation; and on the
// terminal, what members touch is at least 60 px and text at least 18 px (工信部 2021 适老化 guidance
// for older users), measured in the rendered page on a tablet-sized screen.
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openConsole, openDisplay } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let terminal: Page;

/** Serious and critical axe violations, as readable lines (rule, impact, first offending elements). */
async function seriousViolations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Visible controls smaller than `min` px in either dimension, and visible text smaller than `minText` px. */
function tooSmall(page: Page, min: number, minText: number): Promise<{ targets: string[]; texts: string[] }> {
  return page.evaluate(
    ({ min, minText }) => {
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
      };
      const name = (el: Element) => `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''} “${(el.textContent ?? '').trim().slice(0, 20)}”`;
      const targets = [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"], [tabindex]:not([tabindex="-1"])')]
        .filter(visible)
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width < min || r.height < min;
        })
        .map((el) => {
          const r = el.getBoundingClientRect();
          return `${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`;
        });
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !(n.textContent ?? '').trim() || !visible(el) || el.closest('[aria-hidden="true"], canvas, svg')) continue;
        const size = parseFloat(getComputedStyle(el).fontSize);
        if (size < minText) texts.push(`${name(el)} ${size}px`);
      }
      return { targets, texts: [...new Set(texts)] };
    },
    { min, minText },
  );
}

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  browser = await launchChromium();
  terminal = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('accessibility', () => {
  it('the terminal: no serious axe violation; targets ≥ 60 px and text ≥ 18 px while pairing, signing in and voting', async () => {
    await terminal.goto(`${server.baseUrl}/#/terminal`);
    await expect.poll(() => terminal.getByTestId('pairing-number').textContent()).toMatch(/\d{4}/);
    const found: Record<string, { axe: string[]; targets: string[]; texts: string[] }> = {};
    const check = async (state: string) => {
      await terminal.screenshot({ path: artifactPath('screens', `a11y-terminal-${state}.png`) });
      found[state] = { axe: await seriousViolations(terminal), ...(await tooSmall(terminal, 60, 18)) };
    };
    await check('pairing');

    await server.must('live.open', { sessionId: s16.sessionId });
    const codes = await server.must<{ kind: string; id: number; code: string }[]>('seatCodes.list');
    const member = s16.members[0]!;
    await terminal.getByTestId('seat-code-input').fill(codes.find((c) => c.kind === 'member' && c.id === member.id)!.code);
    await terminal.getByTestId('pair-submit').click();
    await expect.poll(() => terminal.getByTestId('me').textContent()).toContain(member.name);
    await check('sign-in');

    await terminal.getByTestId('sign-in').click();
    await expect.poll(() => terminal.getByTestId('signed-in').getAttribute('data-status')).toBe('present');
    // One tablet; the rest of the quorum a round needs is signed in by the secretary.
    for (const m of s16.members.slice(1, 17)) await server.must('attendance.set', { memberId: m.id, status: 'present' });
    await server.must('live.startBusiness');
    await server.must('live.setItem', { itemId: s16.items[3]!.id });
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    await expect.poll(() => terminal.getByTestId('vote-yes').isVisible()).toBe(true);
    await check('ballot');

    await terminal.getByTestId('vote-yes').click();
    await expect.poll(() => terminal.getByTestId('vote-confirm').isVisible()).toBe(true);
    await check('confirm');
    await terminal.getByTestId('vote-confirm').click();
    await expect.poll(() => terminal.getByTestId('vote-recorded').isVisible()).toBe(true);
    await check('recorded');

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, { axe: [], targets: [], texts: [] }])));
  });

  it('the big screen: no serious axe violation', async () => {
    const display = await openDisplay(browser, server);
    await expect.poll(() => display.getByTestId('display-ballot').isVisible()).toBe(true); // the open ballot of the terminal test
    await display.screenshot({ path: artifactPath('screens', 'a11y-display.png') });
    expect(await seriousViolations(display)).toEqual([]);
  });

  it('the console: no serious axe violation on the sessions list, the session editor, the live console and settings', async () => {
    const page = await openConsole(browser, server);
    const found: Record<string, string[]> = {};
    for (const [name, hash, ready] of [
      ['sessions', '#/console/sessions', 'main h1, main h2'],
      ['session-editor', `#/console/sessions/${s16.sessionId}`, 'main h1, main h2'],
      ['members', '#/console/members', 'main table'],
      ['live', `#/console/live/${s16.sessionId}`, '[data-testid="live-title"]'],
      ['settings', '#/console/settings', 'main form'],
    ] as const) {
      await page.evaluate((h) => (window.location.hash = h), hash);
      await page.locator(ready).first().waitFor();
      await page.screenshot({ path: artifactPath('screens', `a11y-console-${name}.png`) });
      found[name] = await seriousViolations(page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
  });
});
