// The secretary's side of a detected loss (issue 8.3), in a real Chromium console against the real
// headless server: a blocking notice that names what is missing and the newest backup; business is
// refused until it is acknowledged; the acknowledgement is audited and lifts the block.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { crashWithFlippedWalByte } from '../helpers/tail-loss';
import { openConsole } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
const copy = tempDataDir('yishi-loss-');

beforeAll(async () => {
  crashWithFlippedWalByte(tempDataDir('yishi-loss-live-'), copy);
  server = await startServe({ dataDir: copy });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the console after records were lost', () => {
  it('shows a blocking notice; business waits for the audited acknowledgement', async () => {
    expect(server.output()).toMatch(/！！数据完整性警告：数据库缺少第\d+条之后的记录/);
    const page = await openConsole(browser, server);
    const notice = page.getByTestId('data-loss-notice');
    await notice.waitFor();
    expect(await notice.getByRole('heading').textContent()).toBe('数据库缺少最近的记录');
    expect(await notice.textContent()).toMatch(/数据库缺少第\d+条之后的记录：.*第\d+条/);
    expect(await notice.textContent()).toContain('在确认之前，不能开会');
    await page.screenshot({ path: artifactPath('screens', 'data-loss-notice.png') });
    const axe = await new AxeBuilder({ page }).include('[data-testid="data-loss-notice"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Esc does not dismiss it, and the page behind is inert (a modal dialog).
    await page.keyboard.press('Escape');
    expect(await notice.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.querySelector('dialog[data-testid="data-loss-notice"]')?.matches(':modal'))).toBe(true);

    const refused = await server.cmd('live.open', { sessionId: 1 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DATA_LOSS_UNACKNOWLEDGED' } });

    await notice.getByRole('button', { name: '我已知晓，记录在案' }).click();
    await expect.poll(() => notice.isVisible()).toBe(false);
    const after = await server.cmd('live.open', { sessionId: 1 });
    expect(after.ok ? '' : after.error.code).not.toBe('DATA_LOSS_UNACKNOWLEDGED');
    await page.reload();
    await page.locator('main').waitFor();
    expect(await page.getByTestId('data-loss-notice').count()).toBe(0);
  });

  it('the acknowledgement is in the audit log, naming what was lost', async () => {
    const db = new Database(path.join(copy, 'yishi.sqlite'), { readonly: true });
    try {
      const row = db.prepare("SELECT actor, source, data FROM audit_log WHERE action = 'integrity.acknowledge'").get() as { actor: string; source: string; data: string };
      expect(row.actor).toBe('会务工作人员');
      expect(row.source).toMatch(/^console:/);
      expect(JSON.parse(row.data)).toMatchObject({ status: 'behind', recordedSeq: 40 });
    } finally {
      db.close();
    }
    expect(fs.existsSync(path.join(copy, 'yishi.head'))).toBe(true);
  });
});
