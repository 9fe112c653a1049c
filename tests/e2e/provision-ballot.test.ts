// 单独表决 end to end in real Chromium: the secretary names a provision of the draft in the console and
// creates its ballot before the whole text, opens it; three members vote on their terminals (real
// pages, paired with seat codes and signed in); the secretary ends and announces it. The terminals and
// the big screen show it as 对……进行单独表决 with its announced result; then the whole text is voted,
// and the printed 会议记录, 主持词 and 表决结果汇总表 (read back from the PDFs) carry the provision's vote
// before the whole text's.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance, memberSeatCodes } from '../helpers/live-setup';
import { openConsole, openDisplay, openTerminal } from '../helpers/live-pages';
import { pdfColumnText, pdfText, savePdf } from '../helpers/pdf';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consolePage: Page;
let display: Page;
const terminals: Page[] = [];
const PROVISION = '第十二条（物业服务收费）';
const WORDS = `对${PROVISION}进行单独表决`;
const CHOICES = ['yes', 'no', 'yes'] as const;
const flat = (t: string) => t.replace(/\s+/g, '');

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(server.must, s16.members.slice(3, 20)); // 17 signed in by the secretary, 3 from their terminals
  await server.must('live.startBusiness', {});
  browser = await launchChromium();
  const codeOf = await memberSeatCodes(server.must);
  for (const m of s16.members.slice(0, 3)) terminals.push(await openTerminal(browser, server, codeOf(m.id), m.name));
  consolePage = await openConsole(browser, server, `#/console/live/${s16.sessionId}`);
  display = await openDisplay(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('单独表决 from the console to the terminals, the big screen and the documents', () => {
  it('a provision is voted on the terminals before the whole text, announced on every face and printed before the whole', async () => {
    const vote = s16.items.find((i) => i.kind === 'vote')!;
    await consolePage.getByTestId(`set-item-${vote.id}`).click();
    for (const t of terminals) await expect.poll(() => t.getByTestId('current-item').getAttribute('data-item-id')).toBe(String(vote.id));
    const block = consolePage.getByTestId('ballot-block');
    await block.getByTestId('opt-named').click();
    await block.getByTestId('provision-name').fill(PROVISION);
    await block.getByTestId('provision-create').click();
    const group = block.getByTestId('provision-group-0');
    await group.getByTestId('ballot-open').click();
    for (const t of terminals) await expect.poll(() => t.getByTestId('vote-panel').getAttribute('data-state')).toBe('open');
    expect(await terminals[0]!.getByTestId('ballot-subject').textContent()).toBe(WORDS);
    await expect.poll(() => display.getByTestId('display-subject').textContent()).toBe(WORDS);
    const ballotId = Number(await terminals[0]!.getByTestId('vote-panel').getAttribute('data-ballot-id'));
    expect(await server.must('ballots.get', { ballotId })).toMatchObject({ provision: PROVISION });

    for (const [i, choice] of CHOICES.entries()) {
      const page = terminals[i]!;
      await page.getByTestId(`vote-${choice}`).click();
      await page.getByTestId('vote-confirm').click();
      await expect.poll(() => page.getByTestId('vote-recorded').getAttribute('data-choice')).toBe(choice);
    }
    const row = group.getByTestId(`ballot-row-${ballotId}`);
    await row.getByTestId('ballot-close').click();
    await row.getByTestId('ballot-close-confirm').click();
    await expect.poll(() => row.getByTestId('ballot-result').textContent()).toContain('赞成2票，反对1票，弃权0票');
    await row.getByTestId('ballot-announce').click();

    // announced: 2 of the 33 members is not a majority of them
    await expect.poll(() => display.getByTestId('display-result').getAttribute('data-adopted')).toBe('false');
    expect(await display.getByTestId('display-subject').textContent()).toBe(WORDS);
    expect(await display.getByTestId('display-result-yes').textContent()).toContain('2');
    expect(await display.getByTestId('display-verdict').textContent()).toContain('未通过');
    for (const t of terminals) {
      await expect.poll(() => t.getByTestId('ballot-result').getAttribute('data-adopted')).toBe('false');
      expect(await t.getByTestId('ballot-subject').textContent()).toBe(WORDS);
      expect(await t.getByTestId('ballot-result').textContent()).toContain('赞成2票');
    }
    await display.screenshot({ path: artifactPath('screens', 'provision-display.png') });
    await terminals[0]!.screenshot({ path: artifactPath('screens', 'provision-terminal.png') });
    await consolePage.screenshot({ path: artifactPath('screens', 'provision-console.png') });

    // then the whole text, by show of hands, and the documents
    const whole = await server.must<{ id: number }>('ballots.create', { itemId: vote.id, secret: false, pressRule: 'last', method: 'show_of_hands' });
    await server.must('ballots.enterResult', { ballotId: whole.id, yes: 18, no: 1, abstain: 1 });
    await server.must('ballots.announce', { ballotId: whole.id });
    await expect.poll(() => display.getByTestId('display-subject').textContent()).toBe(vote.title);
    const pdf = async (id: string) => savePdf(`provision-e2e-${id}`, Buffer.from((await server.must<{ base64: string }>('documents.render', { sessionId: s16.sessionId, id, format: 'pdf' })).base64, 'base64'));
    const minutes = flat(pdfText(await pdf('minutes')));
    expect(minutes.indexOf(flat(`${WORDS}：记名按表决器表决`))).toBeGreaterThan(-1);
    expect(minutes.indexOf(flat(`${WORDS}：记名按表决器表决`))).toBeLessThan(minutes.indexOf(flat('赞成18票，反对1票，弃权1票')));
    expect(minutes).toContain(flat('赞成2票，反对1票，弃权0票'));
    const script = flat(pdfText(await pdf('chairScript')));
    expect(script.indexOf(flat(`现在${WORDS}。`))).toBeGreaterThan(-1);
    expect(script.indexOf(flat(`现在${WORDS}。`))).toBeLessThan(script.indexOf(flat('赞成18票')));
    const column = pdfColumnText(await pdf('resultSheet'), '表决事项');
    expect(column.indexOf(WORDS)).toBeGreaterThan(-1);
    expect(column.indexOf(WORDS)).toBeLessThan(column.indexOf(vote.title));
  });
});
