// Review end to end on the built headless app in Chromium, for the 第十六次会议 of
// sample-sessions.md: three members pair their terminals and write review remarks on the medical
// insurance report; the secretary's console shows them by review group as they come in; the
// secretary drafts the 审议意见书 from the remarks, numbers it and downloads it as PDF and DOCX; the
// resolution item is adopted and its 决议 comes out as PDF and DOCX. Every file is kept under
// test-results/documents/ and read back (pdftotext, word/document.xml).
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, downloadOnClick, launchChromium } from '../helpers/browser';
import { docxPart, docxParagraphs } from '../helpers/docx';
import { pdfFonts, pdfText, RESULTS_DIR } from '../helpers/pdf';
import { startServe, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openAndStartBusiness } from '../helpers/live-setup';

const REMARKS = [
  '建议进一步加强医保基金智能监控，堵塞基金使用漏洞。',
  '希望加大对定点医药机构的检查力度，建立长效监管机制。',
  '要做好异地就医直接结算政策的宣传解读。',
];
/** The same remarks as the draft puts them: in the office's third person (domain/remark-style.ts). */
const DRAFTED = [
  '有的委员建议，进一步加强医保基金智能监控，堵塞基金使用漏洞。',
  '有的委员建议，加大对定点医药机构的检查力度，建立长效监管机制。',
  '有的委员建议，做好异地就医直接结算政策的宣传解读。',
];
const OVERALL = '常委会组成人员认为，区人民政府高度重视医疗保障基金监管工作，基金运行总体平稳。';

let server: ServeProcess;
let browser: Browser;
let s16: Session16;
let consoleCtx: BrowserContext;
let consolePage: Page;
const terminalCtxs: BrowserContext[] = [];
const pageErrors: string[] = [];

const shot = (page: Page, name: string) => page.screenshot({ path: artifactPath('screens', `review-${name}.png`), fullPage: true });
const flat = (s: string) => s.replace(/\s+/g, '');

/** Clicks and keeps the downloaded file under test-results/documents/ with the given name. */
async function downloadAs(page: Page, click: () => Promise<void>, name: string): Promise<{ path: string; bytes: Buffer; suggested: string }> {
  const dl = await downloadOnClick(page, click);
  const file = `${RESULTS_DIR}/${name}`;
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  await dl.saveAs(file);
  return { path: file, bytes: fs.readFileSync(file), suggested: dl.suggestedFilename() };
}

beforeAll(async () => {
  server = await startServe();
  s16 = await prepareSession16(server.must);
  await openAndStartBusiness(server.must, s16, 30);
  browser = await launchChromium();
  consoleCtx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 960 }, acceptDownloads: true });
  consolePage = await consoleCtx.newPage();
  consolePage.on('pageerror', (e) => pageErrors.push(`console: ${e.message}`));
  await consolePage.goto(server.consoleUrl);
  await consolePage.getByRole('navigation', { name: '主导航' }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('electronic review and its documents', () => {
  it('splits the session into review groups from the console', async () => {
    const page = consolePage;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审议发言' }).click();
    await page.getByRole('heading', { name: '审议发言', level: 1 }).waitFor();
    await page.getByRole('button', { name: /^审议分组/ }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('组数').fill('3');
    await dialog.getByRole('button', { name: '按名册自动分组' }).click();
    await dialog.getByLabel(`${s16.members[1]!.name}所在的组`).waitFor();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '审议分组（3组）' }).waitFor();
    const groups = await server.must<any[]>('reviewGroups.list', { sessionId: s16.sessionId });
    expect(groups.map((g) => g.name)).toEqual(['第一组', '第二组', '第三组']);
    expect(groups.map((g) => g.memberIds[0])).toEqual(s16.members.slice(0, 3).map((m) => m.id));
  });

  it('shows remarks from three terminals in the console, by group, as they come in', async () => {
    const codes = await server.must<{ kind: string; id: number; code: string }[]>('seatCodes.list');
    const terminals: Page[] = [];
    for (const m of s16.members.slice(0, 3)) {
      const ctx = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 } });
      terminalCtxs.push(ctx);
      const page = await ctx.newPage();
      page.on('pageerror', (e) => pageErrors.push(`terminal ${m.name}: ${e.message}`));
      await page.goto(`${server.baseUrl}/#/terminal`);
      await page.getByLabel('座位码').fill(codes.find((c) => c.kind === 'member' && c.id === m.id)!.code);
      await page.getByTestId('pair-submit').click();
      await page.getByTestId('remarks-panel').waitFor();
      terminals.push(page);
    }
    expect(await terminals[1]!.getByTestId('review-group').textContent()).toBe('第二组');
    // The console page is open before the remarks are written and is not reloaded.
    const item = consolePage.locator(`[data-testid="remarks-item"][data-item-id="${s16.items[0]!.id}"]`);
    await item.waitFor();
    expect(await item.getByTestId('remark').count()).toBe(0);
    for (const [i, page] of terminals.entries()) {
      await page.getByLabel(/请写下您对/).fill(REMARKS[i]!);
      await page.getByRole('button', { name: '提交发言' }).click();
      await page.getByText('已提交').waitFor();
      await page.getByText(REMARKS[i]!).waitFor();
      await item.getByText(REMARKS[i]!).waitFor({ timeout: 8000 });
    }
    await shot(terminals[0]!, 'terminal-remarks');
    const blocks = await item.getByTestId('remarks-group').evaluateAll((els) =>
      els.map((el) => ({ group: el.querySelector('h3')!.textContent!.replace(/\d+条$/, '').trim(), speakers: [...el.querySelectorAll('.rv-speaker')].map((s) => s.textContent) })),
    );
    expect(blocks).toEqual([
      { group: '第一组', speakers: [s16.members[0]!.name] },
      { group: '第二组', speakers: [s16.members[1]!.name] },
      { group: '第三组', speakers: [s16.members[2]!.name] },
    ]);
    await expect.poll(() => consolePage.getByTestId('remark-total').textContent()).toBe('共3条发言');
    await shot(consolePage, 'console-remarks');
  });

  it('drafts the review opinion from the remarks, numbers it, and downloads it as PDF and DOCX with the right text', async () => {
    const page = consolePage;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审议意见' }).click();
    await page.getByRole('button', { name: `为“${s16.items[0]!.title}”起草审议意见` }).click();
    await page.getByTestId('doc-number').waitFor();
    // The draft starts from the remarks: each one a paragraph under 三、意见和建议, in the third person.
    const blocks = page.getByTestId('opinion-block');
    for (const r of DRAFTED) await expect.poll(async () => (await blocks.locator('textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value))).includes(r)).toBe(true);
    await page.getByLabel('第2段正文').fill(OVERALL);
    await page.getByLabel('成文日期').fill('2026-09-25');
    await page.getByLabel('抄送').fill('区委办公室，区人民政府办公室');
    await page.getByRole('button', { name: '编号' }).click();
    await expect.poll(() => page.getByTestId('doc-number').textContent()).toBe('示人常审〔2026〕1号');
    await shot(page, 'opinion-editor');

    const pdf = await downloadAs(page, () => page.getByRole('button', { name: '下载PDF' }).click(), 'e2e-session16-review-opinion-medical-insurance.pdf');
    expect(pdf.suggested).toBe('审议意见 示人常审〔2026〕1号 关于区人民政府医疗保障基金使用情况报告的审议意见.pdf');
    const text = flat(pdfText(pdf.path));
    for (const expected of [
      '示例区人民代表大会常务委员会',
      '示人常审〔2026〕1号',
      '关于区人民政府医疗保障基金使用情况报告的审议意见',
      '区人民政府：',
      '区第二届人大常委会第十六次会议听取和审议了区人民政府关于医疗保障基金使用情况的报告。',
      '一、总体评价',
      OVERALL,
      '二、存在的问题',
      '三、意见和建议',
      ...DRAFTED,
      '请于3个月内将研究处理情况书面报告区人大常委会。',
      '2026年9月25日',
      '抄送：区委办公室，区人民政府办公室。',
      '2026年9月25日印发',
    ]) {
      expect(text, expected).toContain(flat(expected));
    }
    expect(pdfFonts(pdf.path).every((f) => f.emb && f.sub)).toBe(true);

    const docx = await downloadAs(page, () => page.getByRole('button', { name: '下载Word' }).click(), 'e2e-session16-review-opinion-medical-insurance.docx');
    expect(docx.suggested).toBe('审议意见 示人常审〔2026〕1号 关于区人民政府医疗保障基金使用情况报告的审议意见.docx');
    // a title's lines break between words as in the PDF: compare without the breaks
    const paragraphs = docxParagraphs(docxPart(docx.bytes, 'word/document.xml')).map((p) => p.text.replace(/\n/g, '')).filter((t) => t.trim());
    expect(paragraphs.slice(0, 5)).toEqual([
      '示例区人民代表大会常务委员会',
      '示人常审〔2026〕1号',
      '示例区人民代表大会常务委员会关于区人民政府医疗保障基金使用情况报告的审议意见',
      '区人民政府：',
      '区第二届人大常委会第十六次会议听取和审议了区人民政府关于医疗保障基金使用情况的报告。现将常委会组成人员的审议意见整理如下：',
    ]);
    expect(paragraphs).toEqual(expect.arrayContaining(['一、总体评价', OVERALL, '三、意见和建议', ...DRAFTED, '请于3个月内将研究处理情况书面报告区人大常委会。', '2026年9月25日', '抄送：区委办公室，区人民政府办公室。']));

    // Printing in a browser opens the PDF in a new tab (Electron uses the shell's print dialog).
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: '打印（PDF）' }).click()]);
    expect(popup.url()).toMatch(/^blob:/);
    await popup.close();
  });

  it('offers the resolution of the adopted vote item and downloads it as PDF and DOCX with the adoption line', async () => {
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
    const closed = await server.must<any>('ballots.enterResult', { ballotId: ballot.id, yes: 28, no: 1, abstain: 1 });
    expect(closed.result.adopted).toBe(true);

    const page = consolePage;
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '决议决定' }).click();
    await page.getByRole('button', { name: `形成“${s16.items[3]!.title}”的决议或决定` }).click();
    const editor = page.getByTestId('resolution');
    await editor.waitFor();
    expect(await editor.getByLabel('标题').inputValue()).toBe('示例区人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议');
    expect(await editor.getByTestId('adopted-line').textContent()).toBe('（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）');
    const body = ['为深入开展法治宣传教育，推进法治示例建设，特作如下决议：', '一、明确总体要求', '全面落实“谁执法谁普法”普法责任制。', '二、突出工作重点', '（一）深入学习宣传习近平法治思想。'];
    await editor.getByLabel('正文').fill(body.join('\n'));
    await editor.getByRole('button', { name: '保存' }).click();
    await editor.getByText('已保存').waitFor();
    await shot(page, 'resolution');

    const pdf = await downloadAs(page, () => editor.getByRole('button', { name: '下载PDF' }).click(), 'e2e-session16-resolution-law-education.pdf');
    expect(pdf.suggested).toBe('决议 示例区人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议.pdf');
    const text = flat(pdfText(pdf.path));
    expect(text).toContain(flat('示例区人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议'));
    expect(text).toContain(flat('（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）'));
    for (const line of body) expect(text).toContain(flat(line));
    expect(text).not.toContain('示人常'); // printed without the red header

    const docx = await downloadAs(page, () => editor.getByRole('button', { name: '下载Word' }).click(), 'e2e-session16-resolution-law-education.docx');
    const paragraphs = docxParagraphs(docxPart(docx.bytes, 'word/document.xml')).filter((p) => p.text.trim());
    expect(paragraphs.map((p) => p.text.replace(/\n/g, ''))).toEqual([
      '示例区人民代表大会常务委员会关于开展第八个五年法治宣传教育的决议',
      '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）',
      ...body,
    ]);
    expect(paragraphs.find((p) => p.text === '一、明确总体要求')!.fonts).toEqual(['黑体']);
    expect(paragraphs.find((p) => p.text === '（一）深入学习宣传习近平法治思想。')!.fonts).toEqual(['楷体_GB2312']);
  });

  it('raised no errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
