// kill -9 while no session is open (the secretary preparing the roster), and the restart: the console
// opened afterwards tells the secretary that the last run was interrupted, although there is no live
// session (the console's live state is null), on every console page, until 知道了 clears it on every
// console. Before, the notice showed only while a session was open.
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';

let server: ServeProcess;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a run interrupted while no session is open', () => {
  it('shows the notice in consoles opened after the restart, with no live session, until 知道了', async () => {
    server = await startServe();
    await server.must('committee.update', { region: '示例区', term: 2 });
    await server.must('members.create', { sort: 1, name: '甲委员', gender: '', role: '委员', seat: 1, inOfficeFrom: null, inOfficeTo: null, note: '' });
    const { port, dataDir } = server;
    await server.kill();

    server = await startServe({ dataDir, port });
    expect(await server.must('live.state')).toBeNull(); // no session is open
    const asked = await server.must<{ interruptions: { message: string; round: unknown }[] }>('live.interruption');
    expect(asked.interruptions).toMatchObject([{ round: null }]);
    expect(asked.interruptions[0]!.message).toMatch(/^会议主机上次运行未正常关闭（程序意外退出或断电），已于.+重新启动；中断前最后一条记录在.+。中断前已确认的操作都已保存/);

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const members = await context.newPage();
    await members.goto(server.consoleUrl);
    await members.evaluate(() => (window.location.hash = '#/console/members'));
    const live = await context.newPage();
    await live.goto(server.consoleUrl);
    await live.evaluate(() => (window.location.hash = '#/console/live'));
    for (const page of [members, live]) {
      await expect.poll(() => page.getByTestId('interruption').count(), { timeout: 20_000 }).toBe(1);
      expect(await page.getByTestId('interruption').textContent()).toContain('会议主机上次运行未正常关闭');
    }
    await members.getByRole('heading', { name: '组成人员' }).first().waitFor();
    await members.getByTestId('interruption-dismiss').click();
    for (const page of [members, live]) await expect.poll(() => page.getByTestId('interruption').count()).toBe(0);
    expect((await server.must<{ interruptions: unknown[] }>('live.interruption')).interruptions).toEqual([]);
    // A console opened now has nothing to tell.
    const later = await context.newPage();
    await later.goto(server.consoleUrl);
    await later.evaluate(() => (window.location.hash = '#/console/sessions'));
    await later.getByRole('heading', { name: '会议' }).first().waitFor();
    expect(await later.getByTestId('interruption').count()).toBe(0);
  });
});
