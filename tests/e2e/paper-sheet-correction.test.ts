// 更正已录入的纸质测评表, end to end: in an electronic assessment round a member without a working
// terminal hands in a paper sheet; the secretary enters it on the 测评 page with a wrong mark, sees the
// mistake, ticks 更正 and enters it again. A member's own sheet from a terminal is refused for
// correction, plainly. At close the corrected sheet is counted, not the wrong one. Real server, real
// sockets, Chromium.
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, pairWithCode, signIn } from '../helpers/live-setup';
import { openConsole } from '../helpers/live-pages';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let terminal: TerminalClient;

beforeAll(async () => {
  server = await startServe({ dataDir: tempDataDir('yishi-paper-correction-e2e-') });
  s16 = await prepareSession16(server.must);
  browser = await launchChromium();
});
afterAll(async () => {
  await terminal?.close();
  await browser?.close();
  await server?.stop();
});

/** Enters one sheet in the round's paper form: the member by name, then each subject's level. */
async function enter(round: Locator, name: string, levels: string[]): Promise<void> {
  const form = round.getByTestId('paper-sheet-entry');
  const member = form.getByTestId('paper-sheet-member');
  const value = await member.locator('option', { hasText: name }).getAttribute('value');
  await member.selectOption(value!);
  for (const [i, level] of levels.entries()) await form.getByTestId(`paper-sheet-mark-${i}`).selectOption({ label: level });
  await form.getByTestId('paper-sheet-save').click();
}

it('a paper sheet entered wrongly is entered again from the console; a sheet from a terminal is not', async () => {
  await server.must('live.open', { sessionId: s16.sessionId });
  const { code } = await server.must<{ code: string }>('seatCodes.regenerate', { memberId: s16.members[0]!.id });
  terminal = (await pairWithCode(`ws://127.0.0.1:${server.port}/ws`, code)).client;
  await signIn(terminal);
  await markAttendance(server.must, s16.members.slice(1, 20));
  await server.must('live.startBusiness', {});
  const a = await server.must<{ id: number; subjects: unknown[] }>('assessments.create', { itemId: s16.items[2]!.id, method: 'electronic' });
  await server.must('assessments.open', { assessmentId: a.id });
  const best = a.subjects.map(() => 0);
  expect((await terminal.cmd('terminal.submitSheet', { assessmentId: a.id, marks: best })).ok).toBe(true);

  const page = await openConsole(browser, server, `#/console/assessments/${s16.sessionId}`);
  const round = page.getByTestId(`assessment-round-${a.id}`);
  await expect.poll(() => round.getAttribute('data-state')).toBe('open');
  const form = round.getByTestId('paper-sheet-entry');
  await form.locator('summary').click();

  // Entered wrongly: 不满意 where the sheet says 满意.
  const paperMember = s16.members[5]!;
  await enter(round, paperMember.name, a.subjects.map(() => '不满意'));
  await form.getByText(`已录入${paperMember.name}的纸质测评表`).waitFor();

  // 更正: the member is now among those handed in; entered again as the sheet says.
  await form.getByTestId('paper-sheet-correct').check();
  expect(await form.getByTestId('paper-sheet-save').textContent()).toBe('重新录入这张测评表');
  await enter(round, paperMember.name, a.subjects.map(() => '满意'));
  await form.getByText(`已按纸质测评表重新录入${paperMember.name}的测评表`).waitFor();
  await form.screenshot({ path: artifactPath('screens', 'paper-sheet-correction.png') });

  // A member's own sheet from a terminal is never replaced from the console.
  await enter(round, s16.members[0]!.name, a.subjects.map(() => '不满意'));
  await form.getByText('该组成人员的测评表是从终端提交的，只有会务工作人员录入的纸质测评表可以更正').waitFor();

  const closed = await server.must<{ result: { sheetsReturned: number; paperSheets: number; rows: { index: number; levels: number[] }[] } }>('assessments.close', { assessmentId: a.id });
  expect(closed.result).toMatchObject({ sheetsReturned: 2, paperSheets: 1 });
  // Both sheets say 满意 for every subject: the wrong entry is gone.
  expect(closed.result.rows.map((r) => r.levels)).toEqual(a.subjects.map(() => [2, 0, 0]));
});
