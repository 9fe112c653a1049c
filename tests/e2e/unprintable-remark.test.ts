// A member writes a remark with a character the documents' fonts lack (𪚥): the remark would be printed
// in the 会议记录, so the terminal refuses it at once and shows why, in words for the member, and
// nothing is stored; written otherwise, it is taken. The real server and a real Chromium terminal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let server: ServeProcess;
let browser: Browser;
let terminal: Page;
let s16: Session16;

/** The texts of the session's remarks, as the console lists them. */
const remarkTexts = async (): Promise<string[]> => {
  const { items } = await server.must<{ items: { groups: { remarks: { text: string }[] }[] }[] }>('remarks.list', { sessionId: s16.sessionId });
  return items.flatMap((i) => i.groups.flatMap((g) => g.remarks.map((r) => r.text)));
};

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await server.must('live.open', { sessionId: s16.sessionId });
  for (const m of s16.members.slice(0, 20)) await server.must('attendance.set', { memberId: m.id, status: 'present' });
  await server.must('live.startBusiness', {});
  await server.must('live.setItem', { itemId: s16.items[0]!.id });
  const codes = await server.must<{ kind: string; id: number; code: string }[]>('seatCodes.list');
  browser = await launchChromium();
  terminal = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } })).newPage();
  await terminal.goto(`${server.baseUrl}/#/terminal`);
  await terminal.getByLabel('座位码').fill(codes.find((c) => c.kind === 'member' && c.id === s16.members[0]!.id)!.code);
  await terminal.getByTestId('pair-submit').click();
  await terminal.getByTestId('remarks-panel').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('a remark the 会议记录 cannot print', () => {
  it('is refused on the terminal with the character and what to do, and nothing is stored', async () => {
    const panel = terminal.getByTestId('remarks-panel');
    await terminal.getByLabel(/请写下您对/).fill('建议加强𪚥字号企业的监管。');
    await panel.getByRole('button', { name: '提交发言' }).click();
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('输入有误：内容：“𪚥”（U+2A6A5）在打印文件所用的字体中没有字形，会议记录无法打印，请改用其他写法后重新提交');
    expect(await remarkTexts()).toEqual([]);

    await terminal.getByLabel(/请写下您对/).fill('建议加强字号企业的监管。');
    await panel.getByRole('button', { name: '提交发言' }).click();
    await panel.getByText('已提交').waitFor();
    expect(await alert.count()).toBe(0);
    expect(await remarkTexts()).toEqual(['建议加强字号企业的监管。']);
  });
});
