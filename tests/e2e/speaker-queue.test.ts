// 申请发言 in real Chromium pages (issue 10): two members' terminals ask to speak during an item (one
// withdraws and asks again), the console and the chair's view (#/chair) show the queue in order with
// times; the secretary calls the next speaker from the console, that terminal shows 请发言, the
// secretary finishes the turn with what was said, calls the second, finishes; the 会议记录 lists it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { pdfText } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, memberSeatCodes } from '../helpers/live-setup';
import { openConsole, pairAndSignInOnPage } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;
let chair: Page;
const terminals: Page[] = [];
const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('screens', `speakers-${name}.png`) });

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(server.must, s16.members.slice(2, 20));
  browser = await launchChromium();
  const codeOf = await memberSeatCodes(server.must);
  for (const m of s16.members.slice(0, 2)) {
    const page = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
    await page.goto(`${server.baseUrl}/#/terminal`);
    await pairAndSignInOnPage(page, codeOf(m.id), m.name);
    terminals.push(page);
  }
  consolePage = await openConsole(browser, server, `#/console/live/${s16.sessionId}`);
  chair = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await chair.goto(`${server.baseUrl}/#/chair`);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const [first, second] = [0, 1];
const name = (i: number) => s16.members[i]!.name;
const queue = () => consolePage.getByTestId('speaker-queue');
const rowOf = (i: number) => queue().locator(`[data-member-id="${s16.members[i]!.id}"]`).first();

describe('a speaker queue from two terminals', () => {
  it('members ask to speak during an item; the console and the chair’s view show the queue in order with times', async () => {
    await consolePage.getByTestId('start-business').click();
    await consolePage.getByTestId(`set-item-${s16.items[1]!.id}`).click(); // the court's report
    for (const t of terminals) await expect.poll(() => t.getByTestId('speak-panel').getAttribute('data-state')).toBe('none');
    // The second member asks first, withdraws, and asks again: now after the first.
    await terminals[second]!.getByTestId('speak-request').click();
    await expect.poll(() => terminals[second]!.getByTestId('speak-panel').getAttribute('data-state')).toBe('waiting');
    await terminals[second]!.getByTestId('speak-withdraw').click();
    await expect.poll(() => terminals[second]!.getByTestId('speak-panel').getAttribute('data-state')).toBe('none');
    await terminals[first]!.getByTestId('speak-request').click();
    await expect.poll(() => terminals[first]!.getByTestId('speak-status').getAttribute('data-ahead')).toBe('0');
    await terminals[second]!.getByTestId('speak-request').click();
    await expect.poll(() => terminals[second]!.getByTestId('speak-status').getAttribute('data-ahead')).toBe('1');
    expect(await terminals[second]!.getByTestId('speak-status').textContent()).toContain('前面还有1位');

    await expect.poll(() => queue().getAttribute('data-waiting')).toBe('2');
    const rows = queue().locator('[data-testid^="speaker-row-"]');
    expect(await rows.evaluateAll((els) => els.map((e) => `${e.querySelector('strong')!.textContent}:${e.getAttribute('data-state')}`))).toEqual([
      `${name(first)}:waiting`,
      `${name(second)}:waiting`,
      `${name(second)}:withdrawn`,
    ]);
    expect(await rowOf(first).textContent()).toMatch(/\d\d:\d\d申请/);
    await expect.poll(() => chair.getByTestId('chair-waiting').locator('li').allTextContents()).toEqual([
      expect.stringMatching(new RegExp(`^${name(first)}（1号座） \\d\\d:\\d\\d申请$`)),
      expect.stringMatching(new RegExp(`^${name(second)}（2号座） \\d\\d:\\d\\d申请$`)),
    ]);
    expect(await chair.getByTestId('chair-speaking').textContent()).toBe('当前无人发言');
    await shot(consolePage, 'console-waiting');
    await shot(chair, 'chair-waiting');
  });

  it('the console calls the next speaker (请发言 on that terminal), finishes with the remark, calls the second and finishes', async () => {
    await queue().getByTestId('speaker-call-next').click();
    await expect.poll(() => terminals[first]!.getByTestId('speak-now').textContent()).toBe('请发言');
    expect(await terminals[second]!.getByTestId('speak-panel').getAttribute('data-state')).toBe('waiting');
    await expect.poll(() => terminals[second]!.getByTestId('speak-status').getAttribute('data-ahead')).toBe('0');
    await expect.poll(() => chair.getByTestId('chair-speaking').textContent()).toBe(`正在发言：${name(first)}`);
    await shot(terminals[first]!, 'terminal-called');

    await rowOf(first).getByTestId('speaker-remark').fill('建议加强医保基金日常监管，公开飞行检查结果。');
    await rowOf(first).getByTestId('speaker-finish').click();
    await expect.poll(() => rowOf(first).getAttribute('data-state')).toBe('done');
    await expect.poll(() => rowOf(first).getByTestId('speaker-has-remark').count()).toBe(1);
    await expect.poll(() => terminals[first]!.getByTestId('speak-panel').getAttribute('data-state')).toBe('done');

    await queue().getByTestId('speaker-call-next').click();
    await expect.poll(() => terminals[second]!.getByTestId('speak-now').isVisible()).toBe(true);
    await expect.poll(() => chair.getByTestId('chair-speaking').textContent()).toBe(`正在发言：${name(second)}`);
    await rowOf(second).getByTestId('speaker-finish').click();
    await expect.poll(() => queue().getAttribute('data-waiting')).toBe('0');
    await expect.poll(() => terminals[second]!.getByTestId('speak-panel').getAttribute('data-state')).toBe('done');
    await expect.poll(() => chair.getByTestId('chair-done').textContent()).toMatch(new RegExp(`^已发言：${name(first)}（\\d\\d:\\d\\d）、${name(second)}（\\d\\d:\\d\\d）$`));
    expect(await queue().getByTestId('speaker-call-next').isDisabled()).toBe(true);
    await shot(consolePage, 'console-done');

    const remarks = await server.must<any>('remarks.list', { sessionId: s16.sessionId });
    const spoken = remarks.items.flatMap((x: any) => x.groups.flatMap((g: any) => g.remarks));
    expect(spoken.map((r: any) => [r.speaker, r.mode, r.text])).toEqual([[name(first), 'spoken', '建议加强医保基金日常监管，公开飞行检查结果。']]);
    const minutes = await server.must<{ base64: string }>('documents.render', { sessionId: s16.sessionId, id: 'minutes', format: 'pdf' });
    const text = pdfText(Buffer.from(minutes.base64, 'base64')).replace(/\s+/g, '').replace(/—\d+—/g, '');
    expect(text).toMatch(new RegExp(`申请发言（3人次）：1．${name(first)}，\\d\\d:\\d\\d申请，\\d\\d:\\d\\d发言（发言内容见审议发言）。2．${name(second)}，\\d\\d:\\d\\d申请，\\d\\d:\\d\\d发言。3．${name(second)}，\\d\\d:\\d\\d申请，\\d\\d:\\d\\d撤回。`));
  });
});
