// kill -9 in the middle of a secret ballot, and the restart: the secretary is told at once that the
// last run was interrupted, when its last change was recorded and that the ballot is still open with
// how many had pressed (every acknowledged press kept); the notice is in the audit log and stays on
// every console page (组成人员 as well as 会议进行) until 知道了, which clears it for every console. A clean stop and start tells nothing. Before, the console came back as if
// nothing had happened.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16 } from '../helpers/session-fixture';
import { pairAndSignIn } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const interrupted = async (s: ServeProcess) => (await s.must<any>('live.state')).interruptions[0] ?? null;

describe('a run interrupted by kill -9 during a secret ballot', () => {
  it('tells the secretary what the restart found, records it, and says nothing after a clean stop', async () => {
    server = await startServe();
    const s16 = await prepareSession16(server.must);
    await server.must('live.open', { sessionId: s16.sessionId });
    expect(await interrupted(server)).toBeNull(); // a first start
    const clients = await pairAndSignIn(server.must, `ws://127.0.0.1:${server.port}/ws`, s16.members.slice(0, 20));
    await server.must('live.startBusiness');
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last' });
    await server.must('ballots.open', { ballotId: ballot.id });
    const acks = await Promise.all(clients.slice(0, 12).map((t, i) => t.cmd('terminal.vote', { ballotId: ballot.id, choice: (['yes', 'no', 'abstain'] as const)[i % 3]!, pressSeq: 1 })));
    expect(acks.every((a) => a.ok)).toBe(true);
    const { port, dataDir } = server;
    await server.kill();
    expect(fs.existsSync(path.join(dataDir, 'yishi.running'))).toBe(true);

    server = await startServe({ dataDir, port });
    const notice = await interrupted(server);
    expect(notice).toMatchObject({ round: { kind: 'ballot', id: ballot.id, voted: 12, eligible: 20 } });
    expect(notice.message).toMatch(/^会议主机上次运行未正常关闭（程序意外退出或断电），已于.+重新启动；中断前最后一条记录在.+。/);
    expect(notice.message).toContain('“审议关于开展第八个五年法治宣传教育的决议（草案）”的表决仍在进行：中断前已确认的都已保存，已有12人（共20人）');
    const state = await server.must<any>('live.state');
    expect(state.ballot).toMatchObject({ id: ballot.id, state: 'open', voted: 12 });

    // The console shows it until the secretary has read it.
    browser = await launchChromium();
    // On every console page, not only 会议进行: here 组成人员 in one console and 会议进行 in another.
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const consolePage = await context.newPage();
    await consolePage.goto(server.consoleUrl);
    await consolePage.evaluate(() => (window.location.hash = '#/console/members'));
    const livePage = await context.newPage();
    await livePage.goto(server.consoleUrl);
    await livePage.evaluate(() => (window.location.hash = '#/console/live'));
    for (const page of [consolePage, livePage]) {
      await expect.poll(() => page.getByTestId('interruption').textContent(), { timeout: 20_000 }).toContain('已有12人（共20人）');
      expect(await page.getByTestId('interruption').count()).toBe(1);
    }
    await consolePage.getByRole('heading', { name: '组成人员' }).first().waitFor(); // it stands above the page the secretary was on
    await consolePage.getByTestId('interruption-dismiss').click();
    // dismissed once for all: gone from both consoles
    for (const page of [consolePage, livePage]) await expect.poll(() => page.getByTestId('interruption').count()).toBe(0);
    await consolePage.evaluate(() => (window.location.hash = '#/console/sessions'));
    await consolePage.getByTestId('interruption').waitFor({ state: 'detached' });
    expect(await interrupted(server)).toBeNull();

    // The ballot goes on and closes with every acknowledged press.
    const closed = await server.must<any>('ballots.close', { ballotId: ballot.id });
    expect(closed.result).toMatchObject({ yes: 4, no: 4, abstain: 4, notPressed: 8 });

    // A clean stop and start: nothing to tell.
    await server.stop();
    expect(fs.existsSync(path.join(dataDir, 'yishi.running'))).toBe(false);
    // The audit log keeps it: the round and how many had pressed, nothing of what anyone chose.
    const db = new Database(path.join(dataDir, 'yishi.sqlite'), { readonly: true });
    const rows = db.prepare("SELECT data FROM audit_log WHERE action = 'system.interrupted'").pluck().all() as string[];
    db.close();
    const recorded = rows.map((r) => (JSON.parse(r) as { row: { previous_start: string; last_record_at: string; round: string } }).row);
    expect(recorded).toMatchObject([{ previous_start: expect.any(String), last_record_at: expect.any(String) }]);
    expect(JSON.parse(recorded[0]!.round)).toEqual({ kind: 'ballot', id: ballot.id, title: expect.any(String), noun: '表决', voted: 12, eligible: 20 });
    server = await startServe({ dataDir, port });
    expect(await interrupted(server)).toBeNull();
  });
});
