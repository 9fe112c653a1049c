// 质询案 and the register from the console in a real Chromium page against the real headless server:
// a 质询案 with two filers is refused with the 监督法 threshold, with three it is saved; its register
// entry is drafted, given the 文号 the secretary sets (checked against the year's numbers), and a
// member's first-person remark is picked into 存在的问题 in the office's third person.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let s16: Session16;
const dialog = () => page.locator('dialog[open]');
const shot = (name: string) => page.screenshot({ path: artifactPath('e2e', 'oversight', `${name}.png`), fullPage: true });
const TITLE = '关于区人民政府老旧小区改造工程进度滞后问题的质询案';

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16((name, input) => server.must(name, input));
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(server.consoleUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('质询案 from the console', () => {
  it('refuses a 质询案 with two filers and saves it with three', async () => {
    await page.evaluate((id) => (window.location.hash = `#/console/sessions/${id}`), s16.sessionId);
    await expect.poll(async () => (await page.locator('.breadcrumb').textContent())!.replace(/\s+/g, '')).toBe('会议/第十六次会议');
    await page.getByRole('button', { name: '添加议程项' }).click();
    await dialog().getByLabel('议程类型').selectOption({ label: '质询案' });
    await dialog().getByLabel('议程标题').fill(TITLE);
    await dialog().getByLabel('受质询机关').fill('区人民政府');
    await dialog().getByLabel('质询的问题和内容').fill('一、改造工程为何滞后？\n二、资金使用情况如何？');
    const filers = dialog().getByRole('group', { name: '联名提出的组成人员' });
    for (const m of s16.members.slice(6, 8)) await filers.getByLabel(m.name, { exact: true }).check();
    await dialog().getByRole('button', { name: '保存', exact: true }).click();
    await dialog().getByText('质询案须由常委会组成人员3人以上联名提出，现有2人联名').first().waitFor();
    await filers.getByLabel(s16.members[8]!.name, { exact: true }).check();
    await dialog().getByRole('button', { name: '保存', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.locator('.agenda .agenda-title', { hasText: TITLE }).waitFor();
  });

  it('drafts its register entry, sets the 文号 by hand and picks a remark into 存在的问题 in the third person', async () => {
    await server.must('live.open', { sessionId: s16.sessionId });
    const item = (await server.must<{ items: { id: number; title: string }[] }>('sessions.get', { id: s16.sessionId })).items.find((i) => i.title === TITLE)!;
    await server.must('remarks.add', { itemId: item.id, memberId: s16.members[9]!.id, text: '我同意郭志委员的意见，我认为改造资金拨付明显滞后。' });
    await server.must('opinions.register', { reportTitle: '区人民政府关于开发区建设情况的报告', docNumber: '示人常审〔2026〕3号', sentAt: '2026-03-01' });
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审议意见' }).click();
    await page.getByRole('button', { name: `为“${TITLE}”起草审议意见` }).click();
    await page.getByTestId('doc-number').waitFor();
    await expect.poll(() => page.getByTestId('doc-numbers-used').textContent()).toBe('示人常审〔2026〕已用：3；下一个可用：4');
    await page.getByLabel('文号序号').fill('3');
    await page.getByText('文号示人常审〔2026〕3号已由').waitFor();
    await page.getByLabel('文号序号').fill('8');
    await page.getByRole('button', { name: '编号' }).click();
    await expect.poll(() => page.getByTestId('doc-number').textContent()).toBe('示人常审〔2026〕8号');
    await expect.poll(() => page.getByTestId('doc-numbers-used').textContent()).toBe('示人常审〔2026〕已用：3、8；下一个可用：9');
    await page.getByRole('button', { name: `将${s16.members[9]!.name}的发言选入存在的问题` }).click();
    const texts = () => page.getByTestId('opinion-block').locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
    await expect.poll(async () => (await texts()).includes('有的委员指出，改造资金拨付明显滞后。')).toBe(true);
    const all = await texts();
    expect(all.indexOf('有的委员指出，改造资金拨付明显滞后。')).toBeGreaterThan(all.indexOf('质询的问题'));
    expect(all.some((t) => /(^|[，。])我/.test(t))).toBe(false);
    await shot('interpellation-editor');
  });
});
