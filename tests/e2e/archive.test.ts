// The archive page in Chromium against the real headless server: two sessions held and closed
// through the commands, then found from 档案检索 — a remark by a two-character word, an opinion by
// its 文号 and status, a ballot by its title and year — and a past session opened read-only from a
// result, with its document, downloaded again byte for byte; the server refuses changes to it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, downloadOnClick, launchChromium } from '../helpers/browser';
import { BUDGET_BALLOT, prepareArchive, type ArchiveFixture } from '../helpers/archive-fixture';
import { startServe, type ServeProcess } from '../helpers/server';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let f: ArchiveFixture;
const pageErrors: string[] = [];
const shot = (name: string) => page.screenshot({ path: artifactPath('screens', `archive-${name}.png`), fullPage: true });
const hits = () => page.getByRole('list', { name: '检索结果' }).getByRole('listitem');

async function searchFor(q: string, filters: { year?: string; kind?: string; status?: string } = {}) {
  if (filters.kind !== undefined) await page.getByLabel('类别').selectOption({ label: filters.kind });
  if (filters.status !== undefined) await page.getByLabel('状态').selectOption({ label: filters.status });
  if (filters.year !== undefined) await page.getByLabel('年份').selectOption(filters.year);
  await page.getByLabel('搜索内容').fill(q);
  await page.getByRole('button', { name: '搜索', exact: true }).click();
  // The hits shown until then answer the search before (marked busy): wait for this one's.
  await page.getByRole('list', { name: '检索结果' }).and(page.locator('[aria-busy="false"]')).waitFor();
}

beforeAll(async () => {
  server = await startServe();
  f = await prepareArchive(server.must);
  browser = await launchChromium();
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.consoleUrl);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '档案检索' }).click();
  await page.getByRole('heading', { name: '档案检索' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('archive page', () => {
  it('finds a remark by a two-character word and marks the word in its passage', async () => {
    await searchFor('医保', { kind: '审议发言' });
    await expect.poll(() => hits().count()).toBe(1);
    const hit = hits().first();
    await expect.poll(() => hit.textContent()).toContain('示例区第二届人民代表大会常务委员会第十六次会议');
    expect(await hit.locator('mark').textContent()).toBe('医保');
    expect(await hit.textContent()).toContain('建议加强医保基金监管');
    expect(await page.getByTestId('archive-total').textContent()).toBe('共1条，按时间从近到远列出');
    await shot('remark');
  });

  it('finds an opinion by its 文号 under its status', async () => {
    await searchFor('示人常审〔2026〕3号', { kind: '审议意见', status: '办理中' });
    await expect.poll(() => hits().count()).toBe(1);
    const text = await hits().first().textContent();
    expect(text).toContain('关于区人民政府开发区建设情况报告的审议意见');
    expect(text).toContain('办理中');
    await page.getByLabel('状态').selectOption({ label: '已交办' });
    await expect.poll(() => page.getByTestId('archive-total').textContent()).toBe('没有找到符合条件的记录');
  });

  it('finds a ballot by its title and year, with its result', async () => {
    await page.getByLabel('类别').selectOption({ label: '表决' });
    await searchFor('预算调整方案', { year: '2025' });
    await expect.poll(() => hits().count()).toBe(1);
    const text = await hits().first().textContent();
    expect(text).toContain(BUDGET_BALLOT);
    expect(text).toContain('第十五次会议');
    expect(text).toContain('赞成18票，反对1票，弃权1票');
    expect(text).toContain('通过');
    await shot('ballot');
  });

  it('opens a past session read-only from a result, with its document, and downloads it again', async () => {
    await page.getByLabel('年份').selectOption('');
    await searchFor('医疗保障基金使用情况的报告', { kind: '会议材料' });
    await expect.poll(() => hits().count()).toBe(1);
    await hits().first().getByRole('link', { name: /打开会议/ }).click();
    await page.getByRole('heading', { name: '示例区第二届人民代表大会常务委员会第十六次会议' }).waitFor();
    expect(page.url()).toContain(`#/console/sessions/${f.s16.sessionId}`);
    expect(await page.locator('.session-head .chip').textContent()).toBe('已闭会');
    // Read-only: nothing to add, attach, remove or edit.
    expect(await page.getByRole('button', { name: '添加议程项' }).count()).toBe(0);
    expect(await page.getByText('附加材料…').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^移除/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '编辑基本信息' }).isDisabled()).toBe(true);
    const dl = await downloadOnClick(page, () => page.getByRole('button', { name: '下载 医疗保障基金使用情况的报告.pdf' }).click());
    const file = artifactPath('documents', 'archive-reprinted.pdf');
    await dl.saveAs(file);
    const fs = await import('node:fs');
    expect(fs.readFileSync(file).toString()).toBe('%PDF-1.4\n% 医疗保障基金\n');
    await shot('session-readonly');
    // The server refuses a change to the closed session, whatever the page shows.
    const attach = await server.cmd('documents.attach', { itemId: f.s16.items[0]!.id, fileName: 'x.pdf', data: 'JVBERg==' });
    expect(attach.ok ? 'ok' : attach.error.code).toBe('INVALID_STATE');
    // Back returns to the same search.
    await page.goBack();
    await expect.poll(() => hits().count()).toBe(1);
    expect(await page.getByLabel('搜索内容').inputValue()).toBe('医疗保障基金使用情况的报告');
  });

  it('while a new search runs, the hits of the one before are marked as such, not shown as its answer', async () => {
    const search = '**/api/cmd/archive.search';
    await page.route(search, (route) => new Promise<void>((r) => setTimeout(r, 1500)).then(() => route.continue()));
    try {
      await page.getByLabel('类别').selectOption({ label: '审议发言' });
      const list = page.getByRole('list', { name: '检索结果' });
      await expect.poll(() => list.getAttribute('aria-busy')).toBe('true');
      expect(await page.getByTestId('archive-total').textContent()).toBe('正在检索…');
      await expect.poll(() => list.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
      expect(await page.getByTestId('archive-total').textContent()).not.toBe('正在检索…');
    } finally {
      await page.unroute(search);
    }
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
