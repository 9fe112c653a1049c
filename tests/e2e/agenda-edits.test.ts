// The bug of issue 9 by hand, in the console in Chromium: three appointments are voted one by one,
// then the secretary opens the item in 会议 → 编辑 and deletes the second person. The save is refused
// with the reason shown in the dialog; adding a person still works; and the 任免名单 gives every
// person their own result.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, launchChromium } from '../helpers/browser';
import { pdfText } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openAndStartBusiness } from '../helpers/live-setup';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let s16: Session16;

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await openAndStartBusiness(server.must, s16, 25);
  const item = s16.items[4]!;
  for (const [i, yes] of [20, 6, 18].entries()) {
    const b = await server.must<{ id: number }>('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null, personIndexes: [i] });
    await server.must('ballots.enterResult', { ballotId: b.id, yes, no: 25 - yes, abstain: 0 });
  }
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  page.on('dialog', (d) => void d.accept()); // “放弃尚未保存的修改？”
  await page.goto(server.consoleUrl);
  await page.evaluate(([s, i]) => (window.location.hash = `#/console/sessions/${s}/items/${i}`), [s16.sessionId, item.id]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const appointmentText = async () => {
  const pdf = await server.must<{ base64: string }>('documents.pdf', { sessionId: s16.sessionId, kind: 'appointmentList' });
  return pdfText(Buffer.from(pdf.base64, 'base64')).replace(/\s+/g, '');
};

describe('editing an appointment list after its ballots, in the console', () => {
  it('marks the persons already voted on', async () => {
    await expect.poll(() => page.getByLabel('第3人姓名').inputValue()).toBe('郑强');
    await expect.poll(() => page.getByTestId('person-voted').count()).toBe(3);
  });

  it('refuses to delete a voted person and says why; nothing changes', async () => {
    await page.getByRole('button', { name: '删去第2人' }).click();
    await expect.poll(() => page.getByLabel('第2人姓名').inputValue()).toBe('郑强');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').textContent()).toContain('任免人员“吴芳”已经表决，不能删去或修改（可以新增任免人员）');
    await page.screenshot({ path: artifactPath('screens', 'agenda-edit-refused.png') });
    const item = (await server.must<any>('sessions.get', { id: s16.sessionId })).items.find((i: any) => i.id === s16.items[4]!.id);
    expect(item.details.persons.map((p: any) => p.name)).toEqual(['周明', '吴芳', '郑强']);
    await page.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  });

  it('adds a person to the same list', async () => {
    await page.getByRole('button', { name: '编辑：人事任免' }).click();
    await expect.poll(() => page.getByLabel('第3人姓名').inputValue()).toBe('郑强');
    await page.getByRole('button', { name: '添加一人' }).click();
    await page.getByLabel('第4人姓名').fill('孙丽');
    await page.getByLabel('第4人职务').fill('区民政局局长');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(async () => (await page.locator('.person-list').textContent()) ?? '').toContain('孙丽');
    const item = (await server.must<any>('sessions.get', { id: s16.sessionId })).items.find((i: any) => i.id === s16.items[4]!.id);
    expect(item.details.persons.map((p: any) => `${p.id}:${p.name}`)).toEqual(['p1:周明', 'p2:吴芳', 'p3:郑强', 'p4:孙丽']);
  });

  it('the 任免名单 still gives every person their own result', async () => {
    const text = await appointmentText();
    // the printed 任免名单 lists the adopted persons only (issue 11); each keeps their own result
    expect(text).toContain('任命：周明为区教育局局长；郑强为区司法局局长。');
    expect(text).not.toContain('吴芳');
    expect(text).not.toContain('孙丽');
    const list = await server.must<any[]>('appointments.list', { sessionId: s16.sessionId });
    expect(list.map((e) => [e.name, e.result?.yes ?? null, e.result?.adopted ?? null])).toEqual(
      expect.arrayContaining([
        ['周明', 20, true],
        ['吴芳', 6, false],
        ['郑强', 18, true],
        ['孙丽', null, null],
      ]),
    );
  });
});
