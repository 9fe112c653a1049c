// 作废本轮 in the console, end to end: a secret ballot is open with presses when the meeting machine
// is replaced (the data folder is opened by a server whose key store cannot open the round's key).
// The console's ballot row says the round cannot be tallied here and offers 作废本轮 with a reason; once
// voided the row is back to 未开始, it is held again, and a terminal's press counts. The same for an
// assessment round on the 测评 page after one more move. Real server, real sockets, Chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairWithCode, signIn } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
const dataDir = tempDataDir('yishi-void-e2e-');
const spareKeys = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-spare-keys-'));
const thirdKeys = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-third-keys-'));
const clients: TerminalClient[] = [];

beforeAll(async () => {
  server = await startServe({ dataDir });
  s16 = await prepareSession16(server.must);
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of clients) if (c.ws.readyState === c.ws.OPEN) await c.close();
  await browser?.close();
  await server?.stop();
  for (const d of [dataDir, spareKeys, thirdKeys]) fs.rmSync(d, { recursive: true, force: true });
});

/** Three members pair (a fresh seat code each: a code is used once) and sign in on terminals. */
async function terminals(): Promise<TerminalClient[]> {
  const out: TerminalClient[] = [];
  for (const m of s16.members.slice(0, 3)) {
    const { code } = await server.must<{ code: string }>('seatCodes.regenerate', { memberId: m.id });
    const { client } = await pairWithCode(`ws://127.0.0.1:${server.port}/ws`, code);
    clients.push(client);
    await signIn(client);
    out.push(client);
  }
  return out;
}

/**
 * The data folder opened on another computer: the terminals go, the server stops and starts again on
 * the same folder with `keyDir` as its key store; a console page opened on the session's live or
 * assessment view.
 */
async function moveTo(keyDir: string, view: 'live' | 'assessments'): Promise<Page> {
  for (const c of clients.splice(0)) await c.close();
  await server.stop();
  server = await startServe({ dataDir, env: { YISHI_KEY_DIR: keyDir } });
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  await page.goto(server.consoleUrl);
  await page.evaluate(([v, id]) => (window.location.hash = `#/console/${v}/${id}`), [view, s16.sessionId] as const);
  return page;
}

describe('作废本轮 from the console', () => {
  it('offers it on a ballot whose key this machine cannot open, voids it with a reason, and the ballot is held again', async () => {
    await server.must('live.open', { sessionId: s16.sessionId });
    const first = await terminals();
    await markAttendance(server.must, s16.members.slice(3, 20));
    await server.must('live.startBusiness', {});
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    for (const t of first.slice(0, 2)) expect((await t.cmd('terminal.vote', { ballotId: ballot.id, choice: 'yes', pressSeq: 1 })).ok).toBe(true);

    // The spare computer: same data folder, a key store of its own.
    const page = await moveTo(spareKeys, 'live');
    const row = page.getByTestId(`ballot-row-${ballot.id}`);
    await expect.poll(() => row.getAttribute('data-state')).toBe('open');
    const offer = row.getByTestId('void-round');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('本轮表决的密钥在这台计算机上无法打开');
    expect(await row.getByTestId('ballot-close').count()).toBe(0); // it cannot be closed here
    expect(await row.getByTestId('void-confirm').isDisabled()).toBe(true); // a reason first
    await row.getByTestId('void-reason').fill('会议用计算机故障，数据已移至备用计算机');
    await row.screenshot({ path: artifactPath('screens', 'void-round-offer.png') });
    await row.getByTestId('void-confirm').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('draft');
    expect(await row.getByTestId('void-round').count()).toBe(0);
    // The row keeps what happened, in the words of the minutes and the result sheet.
    const history = row.getByTestId('voided-attempts');
    await expect.poll(() => history.textContent()).toMatch(/^本轮表决于\d\d:\d\d作废，原因：会议用计算机故障，数据已移至备用计算机；作废前已表决的2人的票未计入。$/);

    // Held again on this machine: a terminal's press counts, the two discarded ones do not.
    const again = await terminals();
    await row.getByTestId('ballot-open').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('open');
    await expect.poll(() => history.textContent()).toMatch(/随后重新表决。$/);
    expect((await again[2]!.cmd('terminal.vote', { ballotId: ballot.id, choice: 'no', pressSeq: 1 })).ok).toBe(true);
    const closed = await server.must<{ result: { yes: number; no: number } }>('ballots.close', { ballotId: ballot.id });
    expect(closed.result).toMatchObject({ yes: 0, no: 1 });
    await expect.poll(() => row.getAttribute('data-state')).toBe('closed');
  });

  it('offers it on an assessment round the same way: voided with a reason, back to 未开始', async () => {
    const a = await server.must<{ id: number; subjects: unknown[] }>('assessments.create', { itemId: s16.items[2]!.id, method: 'electronic' });
    await server.must('assessments.open', { assessmentId: a.id });
    const members = await terminals();
    expect((await members[0]!.cmd('terminal.submitSheet', { assessmentId: a.id, marks: a.subjects.map(() => 0) })).ok).toBe(true);
    // Moved once more: a third computer, a third key store.
    const page = await moveTo(thirdKeys, 'assessments');
    const round = page.getByTestId(`assessment-round-${a.id}`);
    await expect.poll(() => round.getAttribute('data-state')).toBe('open');
    await round.getByTestId('void-round').waitFor();
    expect(await round.getByTestId('void-round').textContent()).toContain('本轮测评的密钥在这台计算机上无法打开');
    expect(await round.getByTestId('assessment-close').count()).toBe(0);
    await round.getByTestId('void-reason').fill('会议用计算机再次更换');
    await round.getByTestId('void-confirm').click();
    await expect.poll(() => round.getAttribute('data-state')).toBe('draft');
    expect(await round.textContent()).toContain('本轮测评已作废，可重新开始');
    await expect.poll(() => round.getByTestId('voided-attempts').textContent()).toMatch(/^本轮测评于\d\d:\d\d作废，原因：会议用计算机再次更换；作废前已交的1份测评表未计入。$/);
    const audit = await server.must<{ ok: boolean }>('system.verifyAudit', {});
    expect(audit.ok).toBe(true);
  });
});
