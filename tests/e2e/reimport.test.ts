// The reviewed re-import in a real Chromium console against the real headless server: a re-import
// shows each row as 新增 / 更新 (old → new) / 不变, an emptied 备注 is applied only after 确认清空, a
// member the file lacks is retired with a date, a retired member is matched and not added again.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';

const ROSTER = path.resolve(__dirname, '../fixtures/roster.csv');
let server: ServeProcess;
let browser: Browser;
let page: Page;
const dialog = () => page.locator('dialog[open]');
const shot = (name: string) => page.screenshot({ path: artifactPath('e2e', 'reimport', `${name}.png`), fullPage: true });

beforeAll(async () => {
  server = await startServe();
  await server.must('committee.update', { region: '示例区', term: 2 });
  await server.must('import.commit', { kind: 'members', fileName: 'roster.csv', data: fs.readFileSync(ROSTER).toString('base64') });
  const tan = (await server.must<{ id: number; name: string }[]>('members.list', {})).find((m) => m.name === '谭云')!;
  await server.must('members.retire', { id: tan.id, date: '2026-06-30' });
  browser = await launchChromium();
  page = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } })).newPage();
  await page.goto(server.consoleUrl);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('re-import in the console', () => {
  it('reviews the change row by row, confirms an emptied cell, retires a member the file lacks, and imports', async () => {
    await page.getByRole('link', { name: '组成人员', exact: true }).click();
    await page.getByRole('button', { name: '导入…' }).click();
    // 林涛健's 备注 emptied, 郭志 becomes 副主任, 谭云 (retired) listed again, a newcomer, and 韩强 missing.
    const lines = fs.readFileSync(ROSTER, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const edited = lines
      .filter((l) => !l.includes('韩强'))
      .map((l) => (l.includes('林涛健') ? l.replace(/,请假$/, ',') : l.includes('郭志') ? l.replace('委员', '副主任') : l));
    edited.push('40,新委员,女,委员,33,');
    await dialog().getByLabel('选择名单文件（CSV 或 XLSX）').setInputFiles({ name: '名单-换届后.csv', mimeType: 'text/csv', buffer: Buffer.from(edited.join('\r\n'), 'utf8') });
    await dialog().getByTestId('import-add').waitFor();
    expect(await dialog().getByTestId('import-add').textContent()).toBe('1');
    expect(await dialog().getByTestId('import-update').textContent()).toBe('2');
    expect(await dialog().getByTestId('import-same').textContent()).toBe('30');
    const row = (name: string) => dialog().locator(`[data-testid="import-row"][data-name="${name}"]`);
    expect(await row('郭志').getAttribute('data-action')).toBe('update');
    expect((await row('郭志').getByTestId('import-change').textContent())!.replace(/\s+/g, '')).toBe('职务：委员→副主任');
    expect(await row('谭云').getAttribute('data-action')).toBe('same');
    expect(await row('谭云').textContent()).toContain('已于2026-06-30离任');
    expect(await row('新委员').getAttribute('data-action')).toBe('add');
    // The seat 33 is 韩强's, who is not in the file: refused until he retires.
    await dialog().getByText('座位号33已由现任组成人员韩强使用').first().waitFor();
    expect(await dialog().getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await dialog().getByLabel('韩强 的处理').selectOption('retire');
    await dialog().getByLabel('韩强 的离任日期').fill('2026-09-01');
    await dialog().getByLabel('韩强 的处理').selectOption('retire'); // re-preview with the date
    await dialog().getByText('没有错误').waitFor();
    await expect.poll(() => dialog().getByTestId('import-retire').textContent()).toBe('1');
    // The emptied 备注 is a change to confirm.
    await dialog().getByText('1 处清空待确认').waitFor();
    await dialog().getByLabel(/确认 第\d+行 备注/).check();
    await expect.poll(() => dialog().getByText('处清空待确认').count()).toBe(0);
    await shot('preview');
    await dialog().getByRole('button', { name: '确认导入' }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByText('已导入组成人员：新增 1 人，更新 2 人，不变 30 人，离任 1 人').waitFor();
    const all = await server.must<{ name: string; role: string; note: string; seat: number | null; inOfficeTo: string | null }[]>('members.list', { includeInactive: true });
    expect(all.filter((m) => m.name === '谭云')).toHaveLength(1);
    expect(all.find((m) => m.name === '林涛健')).toMatchObject({ note: '' });
    expect(all.find((m) => m.name === '郭志')).toMatchObject({ role: '副主任' });
    expect(all.find((m) => m.name === '韩强')).toMatchObject({ inOfficeTo: '2026-09-01' });
    expect(all.find((m) => m.name === '新委员')).toMatchObject({ seat: 33, inOfficeTo: null });
    expect(all.filter((m) => m.inOfficeTo === null)).toHaveLength(32);
  });
});
