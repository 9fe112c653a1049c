// A 称职测评 (the four levels 优秀 / 称职 / 基本称职 / 不称职) shows 称职率 on every face, never 满意率
// or 满意度测评 (domain/satisfaction.ts scaleWords): the big screen, a member's terminal and the
// console's result table and round line. The real server, real Chromium pages; a paper round with
// hand-computed figures (5 sheets: 3 优秀, 1 称职, 0 基本称职, 1 不称职 → 称职率 80.00%).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { markAttendance, memberSeatCodes } from '../helpers/live-setup';
import { openConsole, openDisplay, pairAndSignInOnPage } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let display: Page;
let terminal: Page;
let consolePage: Page;
let sessionId = 0;
let itemId = 0;
let assessmentId = 0;
const members: number[] = [];

beforeAll(async () => {
  server = await startServe();
  const { must } = server;
  await must('committee.update', { region: '示例区', term: 2 });
  for (const [i, name] of ['甲委员', '乙委员', '丙委员', '丁委员', '戊委员'].entries()) {
    members.push((await must<{ id: number }>('members.create', { sort: i + 1, name, gender: '', role: '委员', seat: i + 1, inOfficeFrom: null, inOfficeTo: null, note: '' })).id);
  }
  const { defaults } = await must<any>('settings.get');
  const rules = { ...defaults, satisfaction: { ...defaults.satisfaction, scale: 'four', rule: 'rate' } };
  sessionId = (await must<{ id: number }>('sessions.create', { term: 2, number: 45, date: '2027-01-20', expectedMembers: 5, rules })).id;
  itemId = (await must<{ id: number }>('agenda.add', { sessionId, kind: 'assessment', title: '对区人民法院副院长进行测评', details: { subjects: [{ name: '顾文' }] } })).id;
  await must('live.open', { sessionId });
  browser = await launchChromium();
  display = await openDisplay(browser, server);
  const codeOf = await memberSeatCodes(must);
  terminal = await (await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true })).newPage();
  await terminal.goto(`${server.baseUrl}/#/terminal`);
  await pairAndSignInOnPage(terminal, codeOf(members[0]!));
  await markAttendance(must, members.slice(1));
  await must('live.startBusiness', {});
  await must('live.setItem', { itemId });
  const a = await must<{ id: number }>('assessments.create', { itemId, method: 'paper' });
  assessmentId = a.id;
  await must('assessments.enterPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 5, levels: [[3, 1, 0, 1]] } });
  await must('assessments.announce', { assessmentId: a.id });
  consolePage = await openConsole(browser, server, `#/console/assessments/${sessionId}`, { locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a 称职测评 on every face', () => {
  it('the big screen calls it a 称职测评 and ranks by 称职率', async () => {
    await expect.poll(() => display.getByTestId('display-assessment').getAttribute('data-state')).toBe('announced');
    const stage = (await display.getByTestId('display-assessment').textContent())!;
    expect(stage).toContain('称职测评');
    expect(await display.getByTestId('display-assessment-summary').textContent()).toContain('按称职率排名');
    expect(stage).toContain('80.00%');
    expect(stage).not.toMatch(/满意率|满意度测评/);
    await display.screenshot({ path: artifactPath('screens', 'fitness-words-display.png') });
  });

  it('a member’s terminal heads the rate column 称职率', async () => {
    const outcome = terminal.getByTestId('sheet-outcome');
    await outcome.waitFor();
    const text = (await outcome.textContent())!;
    expect(text).toContain('称职率');
    expect(text).toContain('80.00%');
    expect(text).not.toContain('满意率');
  });

  it('the console’s result table and round line say 称职率', async () => {
    const round = consolePage.getByTestId(`assessment-item-${itemId}`).getByTestId(`assessment-round-${assessmentId}`);
    const table = round.getByTestId('console-assessment-result');
    await table.waitFor();
    expect(await table.locator('th').allTextContents()).toEqual(expect.arrayContaining(['优秀', '称职', '基本称职', '不称职', '称职率']));
    const text = (await round.textContent())!;
    expect(text).toContain('按称职率');
    expect(text).not.toContain('满意率');
  });
});

// The item itself is named by its scale too (domain/agenda.ts agendaKindLabel): 称职测评, never the
// agenda kind's 满意度测评, wherever its kind is shown; and the console's new-round form says 称职率.
describe('a 称职测评 item by name on every face', () => {
  it('the big screen and the member’s terminal head the current item 称职测评', async () => {
    await expect.poll(() => display.getByTestId('display-item').textContent()).toContain('第1项 · 称职测评');
    expect(await display.getByTestId('display-item').textContent()).not.toContain('满意度测评');
    expect(await terminal.getByTestId('current-item').locator('.tag').textContent()).toBe('称职测评');
  });

  it('the console’s item header and new-round form say 称职测评 and 称职率, and follow the scale chosen for the round', async () => {
    const panel = consolePage.getByTestId(`assessment-item-${itemId}`);
    expect(await panel.locator('.asc-item-head .chip-kind').textContent()).toBe('第1项 · 称职测评');
    const form = panel.locator('.asc-create');
    expect(await form.getByLabel('计算规则').locator('option').allTextContents()).toEqual(['称职率（优秀＋称职＋基本称职）÷收回票', '按全体组成人员半数定等次']);
    expect(await form.getByLabel('未评价的对象').locator('option').allTextContents()).toEqual(['计入称职率的分母', '不计入称职率的分母']);
    expect(await form.textContent()).not.toMatch(/满意率|满意度测评/);
    await form.getByLabel('测评等次').selectOption('three');
    expect(await form.getByLabel('计算规则').locator('option').first().textContent()).toBe('满意率（满意＋基本满意）÷收回票');
    expect(await form.getByLabel('未评价的对象').locator('option').allTextContents()).toEqual(['计入满意率的分母', '不计入满意率的分母']);
    await form.getByLabel('测评等次').selectOption('four');
  });

  it('the live console’s agenda and the session’s agenda list call the item 称职测评', async () => {
    await consolePage.evaluate(() => (window.location.hash = '#/console/live'));
    await expect.poll(() => consolePage.getByTestId(`agenda-item-${itemId}`).locator('small').textContent()).toBe('称职测评');
    await consolePage.evaluate((id) => (window.location.hash = `#/console/sessions/${id}`), sessionId);
    const row = consolePage.locator(`.agenda-item[data-item-id="${itemId}"]`);
    await expect.poll(() => row.locator('.chip-kind').textContent()).toBe('称职测评');
  });

  it('the archive lists the item and its round as 称职测评', async () => {
    await consolePage.evaluate(() => (window.location.hash = '#/console/archive'));
    const round = consolePage.locator('.archive-hit[data-kind="assessment"]').first();
    await expect.poll(() => round.textContent()).toContain('称职测评 · 纸质');
    const item = consolePage.locator('.archive-hit[data-kind="item"]').filter({ hasText: '对区人民法院副院长进行测评' });
    await expect.poll(() => item.textContent()).toContain('称职测评');
    expect(await consolePage.locator('.archive-hit').allTextContents()).not.toEqual(expect.arrayContaining([expect.stringMatching(/满意率|满意度测评/)]));
  });
});
