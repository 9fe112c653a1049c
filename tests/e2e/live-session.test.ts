// The live session in real Chromium pages: the secretary's console, the big screen and five member
// terminals, with simulated WebSocket terminals for the rest of the 33. Pairing, sign-in, quorum,
// agenda stepping, a secret ballot with mixed choices and one member who presses nothing, the result
// on every screen, and an appointment voted person by person.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf } from '../helpers/pdf';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openConsole, openDisplay, pairAndSignInOnPage } from '../helpers/live-pages';
import { memberSeatCodes, pairWithCode } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;
let display: Page;
const terminals: { page: Page; context: BrowserContext; memberId: number }[] = [];
const simulated = new Map<number, TerminalClient>();
const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('screens', `live-${name}.png`) });


beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  const pdf = await samplePdf(['Medical insurance fund report', 'page 2']);
  await server.must('documents.attach', { itemId: s16.items[0]!.id, fileName: '医疗保障基金报告.pdf', data: pdf.toString('base64') });
  browser = await launchChromium();
  consolePage = await openConsole(browser, server, `#/console/live/${s16.sessionId}`);
  display = await openDisplay(browser, server);
});

afterAll(async () => {
  for (const t of simulated.values()) await t.close();
  await browser?.close();
  await server?.stop();
});

describe('a session run from the console with terminals and the big screen', () => {
  it('opens the session from the console; members pair with seat codes and sign in; quorum shows everywhere', async () => {
    await consolePage.getByTestId(`live-session-${s16.sessionId}`).getByTestId('live-open').click();
    await expect.poll(() => consolePage.getByTestId('live-title').textContent()).toContain('第十六次会议');
    const codeOf = await memberSeatCodes(server.must);

    // Five real terminals (tablet size), each in its own browser context.
    for (const m of s16.members.slice(0, 5)) {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${server.baseUrl}/#/terminal`);
      await expect.poll(() => page.getByTestId('pairing-number').textContent()).toMatch(/\d{4}/);
      await pairAndSignInOnPage(page, codeOf(m.id), m.name);
      terminals.push({ page, context, memberId: m.id });
    }
    await shot(terminals[0]!.page, 'terminal-signed-in');

    // The other 28 are simulated; 23 of them sign in: 28 present, 林涛健 on leave, 4 absent.
    for (const m of s16.members.slice(5)) simulated.set(m.id, (await pairWithCode(`ws://127.0.0.1:${server.port}/ws`, codeOf(m.id))).client);
    for (const m of s16.members.slice(5, 28)) expect((await simulated.get(m.id)!.cmd('terminal.signIn')).ok).toBe(true);
    const onLeave = s16.members.find((m) => m.name === '林涛健')!;
    await consolePage.getByTestId(`member-row-${onLeave.id}`).getByTestId('set-leave').click();

    await expect.poll(() => consolePage.getByTestId('attendance-present').textContent()).toContain('28');
    await expect.poll(() => consolePage.getByTestId('attendance-announcement').textContent()).toContain('应出席常委会组成人员33人，实到28人，请假1人，缺席4人，符合法定人数');
    await expect.poll(() => display.getByTestId('display-att-present').textContent()).toContain('28');
    expect(await display.getByTestId('display-attendance').getAttribute('data-quorum')).toBe('met');
    expect(await display.getByTestId('display-quorum').textContent()).toContain('符合法定人数');
    await shot(display, 'display-attendance');
    await consolePage.getByTestId('start-business').click();
    await expect.poll(() => consolePage.getByTestId('business-started').isVisible()).toBe(true);
    await shot(consolePage, 'console-attendance');
  });

  it('steps the agenda: terminals and the big screen follow, and the report can be read on a terminal', async () => {
    const report = s16.items[0]!;
    const page = terminals[0]!.page;
    await expect.poll(() => page.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(report.id));
    const docs = await server.must<any>('sessions.get', { id: s16.sessionId });
    const docId = docs.items[0].documents[0].id;
    await page.getByTestId(`doc-open-${docId}`).click();
    await expect.poll(() => page.getByTestId('pdf-pages').getAttribute('data-pages'), { timeout: 15_000 }).toBe('2');
    await shot(page, 'terminal-pdf');
    await page.getByTestId('doc-close').click();

    const started = Date.now();
    await consolePage.getByTestId('next-item').click();
    for (const t of terminals) await expect.poll(() => t.page.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(s16.items[1]!.id));
    await expect.poll(() => display.getByTestId('display-item').getAttribute('data-item-id')).toBe(String(s16.items[1]!.id));
    expect(Date.now() - started).toBeLessThan(5000);
    await consolePage.getByTestId(`set-item-${s16.items[3]!.id}`).click();
    for (const t of terminals) await expect.poll(() => t.page.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(s16.items[3]!.id));
  });

  it('runs a secret ballot with mixed choices and one member who presses nothing; the result shows on every screen', async () => {
    const block = consolePage.getByTestId('ballot-block');
    await block.getByTestId('opt-secret').click();
    await block.getByTestId('ballot-group').getByTestId('ballot-create').click();
    await block.getByTestId('ballot-open').first().click();
    for (const t of terminals) await expect.poll(() => t.page.getByTestId('vote-panel').getAttribute('data-state')).toBe('open');
    expect(await terminals[0]!.page.getByTestId('ballot-secret').textContent()).toContain('无记名');

    // Browser terminals: 赞成, 赞成, 反对, 弃权, and the fifth presses nothing.
    const plan = ['yes', 'yes', 'no', 'abstain'] as const;
    for (const [i, choice] of plan.entries()) {
      const page = terminals[i]!.page;
      await page.getByTestId(`vote-${choice}`).click();
      await page.getByTestId('vote-confirm').click();
      await expect.poll(() => page.getByTestId('vote-recorded').getAttribute('data-choice')).toBe(choice);
    }
    await shot(terminals[0]!.page, 'terminal-vote-recorded');
    // Simulated terminals (the 23 present): 15 赞成, 5 反对, 3 弃权.
    const present = s16.members.slice(5, 28);
    const ballotId = Number(await terminals[0]!.page.getByTestId('vote-panel').getAttribute('data-ballot-id'));
    await Promise.all(present.map((m, i) => simulated.get(m.id)!.cmd('terminal.vote', { ballotId, choice: i < 15 ? 'yes' : i < 20 ? 'no' : 'abstain', pressSeq: 1 })));
    await expect.poll(() => display.getByTestId('display-progress').getAttribute('data-voted')).toBe('27');
    expect(await display.getByTestId('display-progress').getAttribute('data-eligible')).toBe('28');
    expect(await display.getByTestId('display-ballot').textContent()).not.toMatch(/赞成\s*\d/); // no per-choice counts during a secret ballot
    await shot(display, 'display-progress');

    // A second console page on 设置 (数据与备份) follows the automatic backup live.
    const settings = await consolePage.context().newPage();
    await settings.goto(server.consoleUrl);
    await settings.getByRole('link', { name: '设置', exact: true }).click();
    const backupRows = settings.getByRole('table', { name: '备份列表' }).locator('tbody tr');
    await backupRows.first().waitFor();
    const backupsBefore = await backupRows.filter({ hasText: 'yishi-' }).count();

    const row = consolePage.getByTestId(`ballot-row-${ballotId}`);
    // Closing asks first and says how many have not voted; 取消 keeps the ballot open.
    await row.getByTestId('ballot-close').click();
    expect(await row.getByTestId('ballot-close-question').textContent()).toContain('已投 27/28，1人未投，确定结束表决？');
    await row.getByTestId('ballot-close-cancel').click();
    expect(await row.getAttribute('data-state')).toBe('open');
    await row.getByTestId('ballot-close').click();
    await row.getByTestId('ballot-close-confirm').click();
    await expect.poll(() => row.getByTestId('ballot-result').textContent()).toContain('赞成17票，反对6票，弃权4票，未按表决器1人。通过');
    await row.getByTestId('ballot-announce').click();

    await expect.poll(() => display.getByTestId('display-result').getAttribute('data-adopted')).toBe('true');
    expect(await display.getByTestId('display-result-yes').textContent()).toContain('17');
    expect(await display.getByTestId('display-result-no').textContent()).toContain('6');
    expect(await display.getByTestId('display-result-abstain').textContent()).toContain('4');
    expect(await display.getByTestId('display-result-not-pressed').textContent()).toContain('1');
    expect(await display.getByTestId('display-verdict').textContent()).toContain('通过');
    for (const t of terminals) {
      await expect.poll(() => t.page.getByTestId('ballot-result').getAttribute('data-adopted')).toBe('true');
      expect(await t.page.getByTestId('ballot-result').textContent()).toContain('赞成17票');
    }
    await shot(display, 'display-result');
    await shot(terminals[4]!.page, 'terminal-result');
    await shot(consolePage, 'console-result');
    // The backup asked for at the close waits for a quiet room, and the page says so; once written it
    // is in the list and nothing waits any more, without a reload.
    const status = settings.getByTestId('backup-status');
    await expect.poll(() => status.textContent()).toContain(`等待写入的自动备份：表决结束后自动备份（表决#${ballotId}）`);
    await settings.getByRole('region', { name: '备份' }).screenshot({ path: artifactPath('screens', 'live-console-backup-waiting.png') });
    await expect.poll(() => backupRows.filter({ hasText: 'yishi-' }).count(), { timeout: 20_000 }).toBe(backupsBefore + 1);
    expect(await backupRows.filter({ hasText: '-auto.sqlite' }).first().textContent()).toContain('自动'); // one of the newest 20 kept
    await expect.poll(() => status.textContent()).toBe('');
    await settings.close();
  });

  it('votes an appointment of three persons one by one, each with its own result', async () => {
    const item = s16.items[4]!;
    await consolePage.getByTestId(`set-item-${item.id}`).click();
    for (const t of terminals) await expect.poll(() => t.page.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(item.id));
    const block = consolePage.getByTestId('ballot-block');
    await block.getByTestId('opt-named').click();
    const outcomes: string[] = [];
    for (const person of [0, 1, 2]) {
      const group = block.getByTestId(`person-${person}`);
      await group.getByTestId('ballot-create').click();
      await group.getByTestId('ballot-open').click();
      for (const t of terminals) await expect.poll(() => t.page.getByTestId('vote-panel').getAttribute('data-state')).toBe('open');
      const ballotId = Number(await terminals[0]!.page.getByTestId('vote-panel').getAttribute('data-ballot-id'));
      // The third person gets only 14 赞成 (5 browser + 9 simulated) of 33: not adopted.
      const yesSimulated = person === 2 ? 9 : 20;
      for (const t of terminals) {
        await t.page.getByTestId('vote-yes').click();
        await t.page.getByTestId('vote-confirm').click();
        await expect.poll(() => t.page.getByTestId('vote-recorded').getAttribute('data-choice')).toBe('yes');
      }
      await Promise.all(s16.members.slice(5, 28).map((m, i) => simulated.get(m.id)!.cmd('terminal.vote', { ballotId, choice: i < yesSimulated ? 'yes' : 'no', pressSeq: 1 })));
      const row = group.getByTestId(`ballot-row-${ballotId}`);
      await row.getByTestId('ballot-close').click();
      await row.getByTestId('ballot-close-confirm').click();
      await expect.poll(() => row.getByTestId('ballot-result').getAttribute('data-adopted')).toBe(person === 2 ? 'false' : 'true');
      await row.getByTestId('ballot-announce').click();
      await expect.poll(() => display.getByTestId('display-verdict').textContent()).toContain(person === 2 ? '未通过' : '通过');
      outcomes.push((await display.getByTestId('display-subject').textContent()) ?? '');
    }
    expect(outcomes[0]).toContain('周明');
    expect(outcomes[2]).toContain('郑强');
    const list = await server.must<any[]>('appointments.list');
    expect(list.map((e) => [e.name, e.result.yes, e.result.adopted])).toEqual([
      ['周明', 25, true],
      ['吴芳', 25, true],
      ['郑强', 14, false],
    ]);
    await shot(consolePage, 'console-appointments');
  });
});
