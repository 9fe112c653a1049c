// Every session document downloads after 闭会, at a later date: the 第十六次会议 is run through the admin
// API (attendance, a show-of-hands vote, three paper appointment ballots, a remark), closed, and the
// server is stopped; a new server on the same data folder serves the console, where the secretary
// opens the session's page and downloads every document of its 会议文件 panel as PDF and as Word. The
// files are kept under test-results/documents/ and read back (pdftotext, word/document.xml).
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, downloadOrOffer, launchChromium } from '../helpers/browser';
import { docxPart, docxParagraphs } from '../helpers/docx';
import { pdfInfo, pdfText, RESULTS_DIR } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let server: ServeProcess;
let browser: Browser;
let page: Page;
let s16: Session16;
let catalogue: { id: string; title: string; formats: string[] }[] = [];
const pageErrors: string[] = [];
const flat = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  const first = await startServe();
  s16 = await prepareSession16(first.must);
  await first.must('live.open', { sessionId: s16.sessionId });
  for (const [i, m] of s16.members.entries()) await first.must('attendance.set', { memberId: m.id, status: i < 30 ? 'present' : 'leave' });
  await first.must('live.startBusiness', {});
  const vote = s16.items.find((i) => i.kind === 'vote')!;
  const b = await first.must<{ id: number }>('ballots.create', { itemId: vote.id, secret: false, pressRule: 'last', method: 'show_of_hands' });
  await first.must('ballots.enterResult', { ballotId: b.id, yes: 18, no: 1, abstain: 1 });
  const appointment = s16.items.find((i) => i.kind === 'appointment')!;
  for (const [k, yes] of [25, 10, 26].entries()) {
    const ab = await first.must<{ id: number }>('ballots.create', { itemId: appointment.id, secret: true, pressRule: 'last', method: 'paper', personIndexes: [k] });
    await first.must('ballots.enterResult', { ballotId: ab.id, yes, no: 30 - yes - 2, abstain: 2 });
  }
  await first.must('remarks.add', { itemId: s16.items[0]!.id, memberId: s16.members[2]!.id, text: '建议加强医保基金监管。' });
  await first.must('live.close', {});
  await first.stop();
  // a later date: a new server process on the same data folder
  server = await startServe({ dataDir: first.dataDir });
  catalogue = await server.must('documents.catalogue', { sessionId: s16.sessionId });
  browser = await launchChromium();
  const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  page = await ctx.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.consoleUrl);
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * Clicks a download button and keeps the file. A browser starts a download by itself only while the
 * click is recent; when generating took longer (a busy machine), the page offers the file with a 保存
 * link instead (save-file.ts), which is clicked then. `late`: the meeting machine answers 6 s after the
 * click (the network is held back), so the page must offer the file.
 */
async function download(label: string, keepAs: string, late = false): Promise<{ bytes: Buffer; suggested: string }> {
  const button = page.getByRole('button', { name: label, exact: true });
  const render = '**/api/cmd/documents.render';
  // The meeting machine takes 6 s to answer (a big file, a busy machine): longer than a click counts.
  if (late) await page.route(render, (route) => new Promise<void>((r) => setTimeout(r, 6000)).then(() => route.continue()));
  const { download: dl, offered } = await downloadOrOffer(page, () => button.click());
  if (late) {
    await page.unroute(render);
    expect(offered, 'a file that came 6 s after the click is offered with a 保存 link').toBe(true);
  }
  const file = `${RESULTS_DIR}/${keepAs}`;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await dl.saveAs(file);
  return { bytes: fs.readFileSync(file), suggested: dl.suggestedFilename() };
}

describe('session documents after 闭会', () => {
  it('lists every document of the closed session on its page', async () => {
    await page.goto(`${server.consoleUrl.split('#')[0]}#/console/sessions/${s16.sessionId}`);
    const panel = page.getByRole('region', { name: '会议文件' });
    await panel.getByRole('table', { name: '会议文件' }).waitFor();
    await panel.locator('tr[data-document-id="minutes"]').waitFor();
    expect(await panel.locator('tr[data-document-id]').count()).toBe(catalogue.length);
    const ids = catalogue.map((e) => e.id.split(':')[0]);
    for (const id of ['agenda', 'signIn', 'seatCodes', 'ballotPaper', 'ballotResult', 'resultSheet', 'appointments', 'blankForm', 'chairScript', 'minutes']) expect(ids).toContain(id);
    expect(ids.filter((i) => i === 'ballotResult')).toHaveLength(4);
    await page.screenshot({ path: artifactPath('screens', 'session-documents-after-close.png'), fullPage: true });
  });

  it('every session document downloads after 闭会, as PDF and as Word, and reads back', async () => {
    for (const [i, e] of catalogue.entries()) {
      const name = `闭会后下载-${String(i + 1).padStart(2, '0')}-${e.title.replace(/[：/\\?*"<>|]/g, '-').slice(0, 50)}`;
      const pdf = await download(`下载PDF：${e.title}`, `${name}.pdf`);
      expect(pdf.suggested.endsWith('.pdf'), e.id).toBe(true);
      expect(pdf.bytes.subarray(0, 5).toString('latin1'), e.id).toBe('%PDF-');
      const text = flat(pdfText(pdf.bytes));
      expect(text.length, e.id).toBeGreaterThan(20);
      expect(pdfInfo(pdf.bytes).Creator, e.id).toBe('议事');
      const docx = await download(`下载Word：${e.title}`, `${name}.docx`);
      expect(docx.suggested.endsWith('.docx'), e.id).toBe(true);
      const paragraphs = docxParagraphs(docxPart(docx.bytes, 'word/document.xml')).map((p) => p.text).join('');
      expect(flat(paragraphs).length, e.id).toBeGreaterThan(20);
    }
    // A document whose generation outlasts the click is offered with a 保存 link, and saved from it.
    const agenda = catalogue.find((e) => e.id === 'agenda')!;
    const late = await download(`下载PDF：${agenda.title}`, '闭会后下载-保存链接-会议议程.pdf', true);
    expect(late.suggested.endsWith('.pdf')).toBe(true);
    expect(flat(pdfText(late.bytes))).toContain('会议议程');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '文件已生成' }).count()).toBe(0); // the notice goes once saved
    // what the documents say was read back from the files, e.g.:
    const minutes = flat(pdfText(fs.readFileSync(`${RESULTS_DIR}/闭会后下载-${String(catalogue.findIndex((e) => e.id === 'minutes') + 1).padStart(2, '0')}-会议记录.pdf`)));
    expect(minutes).toContain('应出席常委会组成人员33人，实到30人，请假3人，符合法定人数。');
    const appointments = flat(pdfText(fs.readFileSync(`${RESULTS_DIR}/闭会后下载-${String(catalogue.findIndex((e) => e.id === 'appointments') + 1).padStart(2, '0')}-任免名单.pdf`)));
    expect(appointments).toContain('任命：周明为区教育局局长；郑强为区司法局局长。');
    expect(appointments).not.toContain('吴芳');
    expect(pageErrors).toEqual([]);
  }, 600_000);
});
