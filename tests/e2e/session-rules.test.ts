// The rules stay configurable and reach the session from the console, in Chromium: 设置 words rule B
// as it is decided (达到全体组成人员半数, not 过半); a session created before a rule changed in 设置 shows
// its own copy and, while it has not opened, takes the rules now in 设置 with one button; once it has
// opened the button is gone and its rules are read-only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src-main/domain/settings';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openConsole } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let s16: Session16;

const twoThirds = { ...DEFAULT_RULES, adoption: { base: 'all_members', threshold: { numerator: 2, denominator: 3, inclusive: true } } };
const adoptionLine = () => page.locator('.rules-summary div').filter({ has: page.locator('dt', { hasText: /^表决通过$/ }) }).locator('dd').textContent();

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await server.must('settings.update', { rules: twoThirds });
  browser = await launchChromium();
  page = await openConsole(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the session’s rules from the console', () => {
  it('设置 words rule B as it is decided: 满意票数达到全体组成人员半数, never 过半', async () => {
    await page.evaluate(() => (window.location.hash = '#/console/settings'));
    const option = page.getByLabel('测评结果计算方法').locator('option[value="grade"]');
    await expect.poll(() => option.textContent()).toContain('满意票数达到全体组成人员半数的为“满意”');
    expect(await option.textContent()).not.toContain('过半');
    // the thresholds by their domain names: the quorum 过半数, adoption (set above) 三分之二以上
    expect(await page.getByLabel('法定人数（出席的组成人员）').inputValue()).toBe('more_than_half');
    expect(await page.getByLabel('表决通过所需赞成票').inputValue()).toBe('two_thirds');
    expect(await page.getByLabel('表决通过所需赞成票').locator('option:checked').textContent()).toBe('三分之二以上');
  });

  it('a draft session created before 设置 changed keeps its copy, and takes the rules now in 设置 with one button', async () => {
    await page.evaluate((s) => (window.location.hash = `#/console/sessions/${s}`), s16.sessionId);
    await expect.poll(adoptionLine).toBe('赞成票超过全体组成人员的半数');
    await expect.poll(() => page.getByTestId('rules-differ').count()).toBe(1);
    await page.locator('.rules-summary').screenshot({ path: artifactPath('screens', 'session-rules-differ.png') });
    await page.getByRole('button', { name: '采用当前设置的规则' }).click();
    await expect.poll(adoptionLine).toBe('赞成票达到全体组成人员的三分之二以上');
    await expect.poll(() => page.getByTestId('rules-differ').count()).toBe(0);
    const s = await server.must<any>('sessions.get', { id: s16.sessionId });
    expect(s.session.rules.adoption).toEqual(twoThirds.adoption);
  });

  it('once the session has opened, its rules are read-only: no button even when 设置 changes again', async () => {
    await server.must('live.open', { sessionId: s16.sessionId });
    await server.must('settings.update', { rules: DEFAULT_RULES });
    await page.reload();
    await expect.poll(adoptionLine).toBe('赞成票达到全体组成人员的三分之二以上');
    await expect.poll(() => page.locator('.rules-summary').textContent()).toContain('（只读）');
    expect(await page.getByTestId('rules-differ').count()).toBe(0);
  });
});
