// The session-16 appointment item as issue 10 asks, in the console in Chromium: the secretary plans
// it in 会议 → 编辑 (three persons 决定任命 one by one, two 决定免去 together: 分组表决), then in 会议进行
// votes the three one by one and the two removals on one ballot, each round created, opened, closed
// and announced from the console (23 simulated terminals press). The second person is rejected. Every
// person shows their own result; the rule is stated with base and count; the 任免名单 PDF downloaded
// from the console lists only the adopted persons under 决定任命 / 决定免去 with its 题注; the 宪法宣誓
// is recorded from the console and appears in the 会议记录.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { artifactPath, downloadOnClick, launchChromium } from '../helpers/browser';
import { pdfText } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { pairAndSignIn } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let s16: Session16;
const simulated: TerminalClient[] = [];
const flat = (s: string) => s.replace(/\s+/g, '').replace(/—\d+—/g, '');
const shot = (name: string) => page.screenshot({ path: artifactPath('screens', `appointments-mixed-${name}.png`), fullPage: true });

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true })).newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(server.consoleUrl);
});

afterAll(async () => {
  for (const t of simulated) await t.close();
  await browser?.close();
  await server?.stop();
});

const item = () => s16.items[4]!;

describe('one appointment item: three one by one, two removals together', () => {
  it('is planned in the console: 分组表决 with 决定任命 and 决定免去', async () => {
    await page.evaluate(([s, i]) => (window.location.hash = `#/console/sessions/${s}/items/${i}`), [s16.sessionId, item().id]);
    const d = page.locator('dialog[open]');
    await expect.poll(() => d.getByLabel('第3人姓名').inputValue()).toBe('郑强');
    await d.getByLabel('分组表决').check();
    for (const i of [1, 2, 3]) await d.getByLabel(`第${i}人任免`).selectOption({ label: '决定任命' });
    for (const [i, name, post] of [[4, '钱刚', '区审计局局长'], [5, '孙丽', '区民政局局长']] as const) {
      await d.getByRole('button', { name: '添加一人' }).click();
      await d.getByLabel(`第${i}人任免`).selectOption({ label: '决定免去' });
      await d.getByLabel(`第${i}人姓名`).fill(name);
      await d.getByLabel(`第${i}人职务`).fill(post);
      await d.getByLabel(`第${i}人表决分组`).selectOption({ label: '合并表决第1组' });
    }
    await d.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    const got = (await server.must<any>('sessions.get', { id: s16.sessionId })).items.find((i: any) => i.id === item().id);
    expect(got.details.appointmentMode).toBe('mixed');
    expect(got.details.persons.map((p: any) => [p.id, p.name, p.action, p.group ?? null])).toEqual([
      ['p1', '周明', 'decide_appoint', null],
      ['p2', '吴芳', 'decide_appoint', null],
      ['p3', '郑强', 'decide_appoint', null],
      ['p4', '钱刚', 'decide_remove', 1],
      ['p5', '孙丽', 'decide_remove', 1],
    ]);
    await expect.poll(async () => (await page.locator('.agenda-item', { hasText: '人事任免' }).textContent()) ?? '').toContain('分组表决');
  });

  it('opens the session with 23 members present on terminals', async () => {
    await server.must('live.open', { sessionId: s16.sessionId });
    simulated.push(...(await pairAndSignIn(server.must, `ws://127.0.0.1:${server.port}/ws`, s16.members.slice(0, 23))));
    await page.evaluate((s) => (window.location.hash = `#/console/live/${s}`), s16.sessionId);
    await expect.poll(() => page.getByTestId('attendance-present').textContent()).toContain('23');
    await page.getByTestId('start-business').click();
    await expect.poll(() => page.getByTestId('business-started').isVisible()).toBe(true);
    await page.getByTestId(`set-item-${item().id}`).click();
    await expect.poll(() => page.getByTestId('live-current-item').getAttribute('data-item-id')).toBe(String(item().id));
  });

  /** One round from the console: create in its group card, open, the terminals press, close, announce. */
  async function round(groupTestId: string, yes: number): Promise<{ verdict: string; subject: string }> {
    const block = page.getByTestId('ballot-block');
    const group = block.getByTestId(groupTestId);
    await group.getByTestId('ballot-create').click();
    await expect.poll(() => group.getByTestId('ballot-open').count()).toBe(1);
    const row = group.locator('[data-ballot-id]');
    const ballotId = Number(await row.getAttribute('data-ballot-id'));
    expect(await row.getByTestId('ballot-requirement').textContent()).toBe('通过条件：过半数，赞成票须超过全体组成人员33人的半数，即至少17票');
    await group.getByTestId('ballot-open').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('open');
    await Promise.all(simulated.map((t, i) => t.cmd('terminal.vote', { ballotId, choice: i < yes ? 'yes' : 'no', pressSeq: 1 })));
    await expect.poll(() => row.getByTestId('ballot-progress').getAttribute('data-voted')).toBe('23');
    await row.getByTestId('ballot-close').click();
    await row.getByTestId('ballot-close-confirm').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('closed');
    await row.getByTestId('ballot-announce').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('announced');
    return { verdict: (await row.getByTestId('ballot-verdict-text').textContent()) ?? '', subject: (await row.locator('.lc-ballot-subject').textContent()) ?? '' };
  }

  it('votes the three persons one by one and the two removals together, from the console', async () => {
    const block = page.getByTestId('ballot-block');
    await expect.poll(() => block.getByTestId('group-p4-p5').count()).toBe(1);
    const results = [await round('person-0', 20), await round('person-1', 12), await round('person-2', 19), await round('group-p4-p5', 21)];
    expect(results.map((r) => r.subject)).toEqual([
      '决定任命周明为区教育局局长',
      '决定任命吴芳为区卫生健康局局长',
      '决定任命郑强为区司法局局长',
      '人事任免（决定免去钱刚、决定免去孙丽，合并表决）',
    ]);
    expect(results.map((r) => r.verdict)).toEqual([
      '赞成20票，超过全体组成人员33人的半数，通过。',
      '赞成12票，未超过全体组成人员33人的半数，未通过。',
      '赞成19票，超过全体组成人员33人的半数，通过。',
      '赞成21票，超过全体组成人员33人的半数，通过。',
    ]);
    // Every person has their own result, the two removals from their one ballot.
    const adopted = async (id: string) => block.getByTestId(`person-result-${id}`).getAttribute('data-adopted');
    expect(await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map(adopted))).toEqual(['true', 'false', 'true', 'true', 'true']);
    expect(await block.getByTestId('person-result-p5').textContent()).toContain('2人合并表决');
    await shot('console');
  });

  it('prints the 任免名单 from the console: adopted persons only, under 决定任命 / 决定免去, with the 题注', async () => {
    const dl = await downloadOnClick(page, () => page.getByTestId('pdf-appointment-list').click());
    const file = artifactPath('documents', 'appointments-mixed-list.pdf');
    await dl.saveAs(file);
    const text = flat(pdfText(fs.readFileSync(file)));
    expect(text).toContain('示例区人民代表大会常务委员会任免名单');
    expect(text).toContain('（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）');
    expect(text).toContain('决定任命：周明为区教育局局长；郑强为区司法局局长。');
    expect(text).toContain('决定免去：钱刚的区审计局局长职务；孙丽的区民政局局长职务。');
    expect(text).not.toContain('吴芳'); // rejected: in the results only
    expect(text.indexOf('决定任命：')).toBeLessThan(text.indexOf('决定免去：'));
  });

  it('records the 宪法宣誓 of the two appointed from the console; the 会议记录 has it', async () => {
    const oath = page.getByTestId('oath-block');
    await expect.poll(() => oath.getByTestId('oath-person-p1').count()).toBe(1);
    expect(await oath.getByTestId('oath-person-p2').count()).toBe(0); // rejected: no oath
    expect(await oath.getByTestId('oath-person-p4').count()).toBe(0); // removed: no oath
    await oath.getByTestId('oath-led-by').selectOption('周明');
    expect(await oath.getByTestId('oath-administered-by').inputValue()).toBe('邱东竹'); // the session's chair
    // The session is being held: the day defaults to today; recorded later, the secretary types the day it was taken.
    const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    await expect.poll(() => oath.getByTestId('oath-date').inputValue()).toBe(localDay(new Date()));
    await oath.getByTestId('oath-date').fill('2026-09-22');
    await oath.getByTestId('oath-time').fill('10:05');
    await oath.getByTestId('oath-record').click();
    await expect.poll(() => oath.locator('.lc-oath-row').first().textContent()).toContain('周明、郑强（集体宣誓，周明领誓），邱东竹监誓');
    // the time typed is Beijing time (domain/clock.ts), whatever the console machine's zone: 10:05 there is 02:05 UTC
    expect((await server.must<{ oaths: { takenAt: string }[] }>('oaths.list', { sessionId: s16.sessionId })).oaths[0]!.takenAt).toBe('2026-09-22T02:05:00.000Z');
    const minutes = await server.must<{ base64: string }>('documents.render', { sessionId: s16.sessionId, id: 'minutes', format: 'pdf' });
    expect(flat(pdfText(Buffer.from(minutes.base64, 'base64')))).toContain('宪法宣誓：10:05，周明、郑强进行宪法宣誓（集体宣誓，周明领誓），邱东竹监誓。');
    await shot('oath');
  });
});
