// 暂不付表决 from the console in real Chromium: the secretary goes to the vote item, presses
// 暂不付表决…, types the reason and records it; the console shows the line and no ballot block, the
// agenda tags the item, the big screen and a member's terminal (a real page, paired and signed in)
// show the same line under the current item, the row is in the file; then 撤销, with the reason the
// secretary types, brings the ballot block back, the big screen and the terminal drop the line, the
// row keeps the reason and the console lists the decision undone with both reasons.
// A 任免案 is withdrawn by its 提请人: the menu (dispositionChoices), the reason's hint, the line and the
// agenda tag say so. The server runs on UTC and the console's browser in New York: the decision undone
// reads the same in the console as in the printed 会议记录, both in Beijing time (domain/clock.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, memberSeatCodes } from '../helpers/live-setup';
import { openConsole, openDisplay, openTerminal } from '../helpers/live-pages';
import { pdfText, savePdf } from '../helpers/pdf';
import { clockTime } from '../../src-main/domain/clock';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;
let display: Page;
let terminal: Page;
const REASON = '部分条款争议较大，主任会议建议进一步调研论证';
const UNDO_REASON = '主任会议研究后，主持人决定本次会议付表决';

beforeAll(async () => {
  server = await startServe({ env: { TZ: 'UTC' } });
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(server.must, s16.members.slice(0, 30));
  await server.must('live.startBusiness', {});
  browser = await launchChromium();
  consolePage = await openConsole(browser, server, `#/console/live/${s16.sessionId}`, { timezoneId: 'America/New_York' });
  display = await openDisplay(browser, server);
  const member = s16.members[30]!;
  terminal = await openTerminal(browser, server, (await memberSeatCodes(server.must))(member.id), member.name);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('暂不付表决 from the console', () => {
  it('the secretary records it with the reason; console, agenda, big screen and a terminal show it; 撤销 undoes it', async () => {
    const vote = s16.items.find((i) => i.kind === 'vote')!;
    await consolePage.getByTestId(`set-item-${vote.id}`).click();
    await consolePage.getByTestId('ballot-block').waitFor();
    await consolePage.getByTestId('disposition-deferred').click();
    await consolePage.getByTestId('disposition-reason').fill(REASON);
    await consolePage.getByTestId('disposition-confirm').click();
    const line = `本项暂不付表决（理由：${REASON}）。`;
    await expect.poll(() => consolePage.getByTestId('item-disposition-line').textContent()).toBe(line);
    expect(await consolePage.getByTestId('ballot-block').count()).toBe(0);
    await expect.poll(() => consolePage.getByTestId(`agenda-disposition-${vote.id}`).textContent()).toContain('暂不付表决');
    await expect.poll(() => display.getByTestId('display-disposition').textContent()).toBe(line);
    await expect.poll(() => terminal.locator('[data-testid="current-item"]').getAttribute('data-item-id')).toBe(String(vote.id));
    await expect.poll(() => terminal.getByTestId('terminal-disposition').textContent()).toBe(line);
    await consolePage.screenshot({ path: artifactPath('screens', 'disposition-console.png') });
    await display.screenshot({ path: artifactPath('screens', 'disposition-display.png') });
    await terminal.screenshot({ path: artifactPath('screens', 'disposition-terminal.png') });
    const rows = await server.must<{ kind: string; reason: string; undoneAt: string | null }[]>('agenda.dispositions', { itemId: vote.id });
    expect(rows).toMatchObject([{ kind: 'deferred', reason: REASON, undoneAt: null }]);

    await consolePage.getByTestId('disposition-undo').click();
    expect(await consolePage.getByTestId('disposition-undo-confirm').isDisabled()).toBe(true); // not without a reason
    await consolePage.getByTestId('disposition-undo-reason').fill(UNDO_REASON);
    await consolePage.getByTestId('disposition-undo-confirm').click();
    await consolePage.getByTestId('ballot-block').waitFor();
    await expect.poll(() => consolePage.getByTestId('disposition-history').textContent()).toMatch(new RegExp(`^\\d\\d:\\d\\d记为暂不付表决（理由：${REASON}），\\d\\d:\\d\\d撤销（理由：${UNDO_REASON}）。$`));
    await expect.poll(() => display.getByTestId('display-disposition').count()).toBe(0);
    await expect.poll(() => terminal.getByTestId('terminal-disposition').count()).toBe(0);
    const [undone] = await server.must<{ recordedAt: string; undoneAt: string }[]>('agenda.dispositions', { itemId: vote.id });
    expect(undone).toMatchObject({ kind: 'deferred', reason: REASON, undoneAt: expect.any(String), undoReason: UNDO_REASON });
    // the same instants on screen and on paper, in Beijing time, whatever the clocks of the server and the browser
    const onScreen = `${clockTime(undone!.recordedAt)}记为暂不付表决（理由：${REASON}），${clockTime(undone!.undoneAt)}撤销（理由：${UNDO_REASON}）。`;
    expect(await consolePage.getByTestId('disposition-history').textContent()).toBe(onScreen);
    const minutes = Buffer.from((await server.must<{ base64: string }>('documents.render', { sessionId: s16.sessionId, id: 'minutes', format: 'pdf' })).base64, 'base64');
    expect(pdfText(savePdf('disposition-e2e-minutes', minutes)).replace(/\s+/g, '')).toContain(onScreen);
    await consolePage.screenshot({ path: artifactPath('screens', 'disposition-undone-console.png') });
  });
});

describe('撤回 of a 任免案 from the console', () => {
  it('is offered, asked for and shown as the 提请人\'s, never a 提案人\'s', async () => {
    const appointment = s16.items.find((i) => i.kind === 'appointment')!;
    await consolePage.getByTestId(`set-item-${appointment.id}`).click();
    await consolePage.getByTestId('ballot-block').waitFor();
    expect(await consolePage.getByTestId('item-disposition-actions').getByRole('button').allTextContents()).toEqual(['暂不付表决…', '提请人撤回…']);
    await consolePage.getByTestId('disposition-withdrawn').click();
    expect(await consolePage.getByTestId('disposition-reason').getAttribute('placeholder')).toBe('如：提请人书面要求撤回，主任会议同意');
    await consolePage.getByTestId('disposition-reason').fill('拟任人选情况发生变化');
    await consolePage.getByTestId('disposition-confirm').click();
    const line = '提请人撤回，对该任免案的审议即行终止（理由：拟任人选情况发生变化）。';
    await expect.poll(() => consolePage.getByTestId('item-disposition-line').textContent()).toBe(line);
    await expect.poll(() => display.getByTestId('display-disposition').textContent()).toBe(line);
    await expect.poll(() => consolePage.getByTestId(`agenda-disposition-${appointment.id}`).textContent()).toContain('提请人撤回');
    expect(await server.must('agenda.dispositions', { itemId: appointment.id })).toMatchObject([{ kind: 'withdrawn', label: '提请人撤回', line }]);
  });
});
