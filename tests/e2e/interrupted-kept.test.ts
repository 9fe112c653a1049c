// The notice of an interrupted run survives a clean restart until 知道了: kill -9 twice (two interrupted
// runs, two notices), then a clean stop (SIGTERM) and start before anyone read them: the console in
// Chromium still shows both, newest first. 知道了 on one marks it read (who, when, audited) and a clean
// restart shows only the other; once both are dismissed, nothing comes back. Before, the notice was
// held in memory only and a clean restart lost it.
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src-main/store/audit';
import { launchChromium } from '../helpers/browser';
import { openConsole } from '../helpers/live-pages';
import { startServe, type ServeProcess } from '../helpers/server';

let server: ServeProcess;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Notice {
  id: number;
  message: string;
}
const notices = async (s: ServeProcess) => (await s.must<{ interruptions: Notice[] }>('live.interruption')).interruptions;
const shown = (page: Page) => page.getByTestId('interruption').allTextContents();

/** A clean stop and start on the same folder and port. */
async function restart(): Promise<void> {
  const { dataDir, port } = server;
  await server.stop();
  server = await startServe({ dataDir, port });
}

describe('the notice of an interrupted run after a clean restart', () => {
  it('stays, each one, until 知道了, newest first, and is gone for good once dismissed', async () => {
    server = await startServe();
    await server.must('committee.update', { region: '示例区', term: 2 });
    const { dataDir, port } = server;
    await server.kill();
    server = await startServe({ dataDir, port });
    const [first] = await notices(server);
    await server.kill();
    server = await startServe({ dataDir, port });
    await restart(); // clean: no new notice, and the two not yet read remain

    const both = await notices(server);
    expect(both.map((n) => n.id)).toEqual([first!.id + 1, first!.id]);
    browser = await launchChromium();
    let page = await openConsole(browser, server, '#/console/members');
    await expect.poll(() => shown(page), { timeout: 20_000 }).toHaveLength(2);
    expect((await shown(page)).map((t) => t.replace(/知道了$/, ''))).toEqual(both.map((n) => n.message));

    await page.getByTestId('interruption-dismiss').first().click(); // the newest
    await expect.poll(() => shown(page)).toHaveLength(1);
    await restart();
    expect((await notices(server)).map((n) => n.id)).toEqual([first!.id]);
    page = await openConsole(browser, server, '#/console/members');
    await expect.poll(() => shown(page), { timeout: 20_000 }).toEqual([`${first!.message}知道了`]);
    await page.getByTestId('interruption-dismiss').click();
    await expect.poll(() => shown(page)).toEqual([]);
    // A repeat (another console, a double click) changes nothing; a notice must be named.
    expect(await server.cmd('live.dismissInterruption', { id: first!.id })).toMatchObject({ ok: true });
    expect(await server.cmd('live.dismissInterruption', {})).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await server.cmd('live.dismissInterruption', { id: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这条运行中断提示' } });

    await restart();
    expect(await notices(server)).toEqual([]);
    page = await openConsole(browser, server, '#/console/sessions');
    await page.getByRole('heading', { name: '会议' }).first().waitFor();
    expect(await page.getByTestId('interruption').count()).toBe(0);
    await server.stop();

    const db = new Database(path.join(dataDir, 'yishi.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT id, dismissed_by, dismissed_at FROM interruptions ORDER BY id').all();
    const actions = db.prepare("SELECT action, entity_id FROM audit_log WHERE entity = 'interruptions' ORDER BY seq").all();
    const audit = verifyAuditLog(db);
    db.close();
    expect(rows).toEqual([
      { id: first!.id, dismissed_by: '会务工作人员', dismissed_at: expect.any(String) },
      { id: first!.id + 1, dismissed_by: '会务工作人员', dismissed_at: expect.any(String) },
    ]);
    expect(actions).toEqual([
      { action: 'system.interrupted', entity_id: String(first!.id) },
      { action: 'system.interrupted', entity_id: String(first!.id + 1) },
      { action: 'system.interruptionDismissed', entity_id: String(first!.id + 1) },
      { action: 'system.interruptionDismissed', entity_id: String(first!.id) },
    ]);
    expect(audit).toMatchObject({ ok: true, driftedRows: [] });
  });
});
