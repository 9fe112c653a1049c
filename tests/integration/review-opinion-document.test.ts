// A 12-page 审议意见书 drafted through the review store and printed by the layout engine: numbered
// headings 一、（一）1. in their fonts (黑体, 楷体, 仿宋), the title in 小标宋, no punctuation at the
// start of a line, the red header with the 发文字号, the handling request, signature and 版记; and the
// same opinion as DOCX with the same structure. Both files are kept under test-results/documents/.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { renderDocx } from '../../src-main/documents-docx/docx';
import { resolveFonts, type FontRole } from '../../src-main/documents/fonts';
import { NO_LINE_START } from '../../src-main/documents/linebreak';
import type { DocModel } from '../../src-main/documents/model';
import { renderPdf } from '../../src-main/documents/pdf';
import { opinionDoc } from '../../src-main/review/documents';
import { assignNumber, createDraft, getOpinion, updateOpinion } from '../../src-main/review/opinions';
import type { OpinionBlock } from '../../src-main/domain/review';
import { docxPart, docxParagraphs, saveDocx } from '../helpers/docx';
import { pdfInfo, pdfRows, savePdf, type PdfRow } from '../helpers/pdf';
import { textFonts } from '../helpers/pdf-text-fonts';
import { tempDataDir } from '../helpers/server';

const who = { actor: '会务工作人员', source: 'test' };
const dataDir = tempDataDir('yishi-review-doc-');
const fonts = resolveFonts({ preferBundled: true });
let core: Core;
let opinionId: number;
let model: DocModel;
let pdf: Buffer;
let rows: PdfRow[];

/** Deterministic punctuation-heavy sentences (an LCG, so every run prints the same document). */
function textMaker(seed: number) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const words = ['医疗保障基金', '监督管理', '定点医药机构', '“两定”协议', '基金运行', '（区医疗保障局）', '《医疗保障基金使用监督管理条例》', '专项检查', '智能监控', '信息共享', '群众满意度', '异地就医', '2025年', '1.2亿元', '参保人员', '违规行为', '长效机制', '宣传培训'];
  const pick = () => words[Math.floor(next() * words.length)]!;
  const sentence = () => {
    const parts = Array.from({ length: 2 + Math.floor(next() * 4) }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, pick).join('、'));
    return `${parts.join(next() < 0.5 ? '，' : '；')}${next() < 0.2 ? '！' : '。'}`;
  };
  return { sentence, paragraph: (n: number) => Array.from({ length: n }, sentence).join('') };
}

/** The body: 一、 sections, each with （一） subsections and 1. points, paragraphs between. */
function longBody(): OpinionBlock[] {
  const t = textMaker(20260922);
  const heads = ['总体评价', '存在的问题', '意见和建议', '工作要求', '其他事项', '保障措施', '督促落实'];
  const body: OpinionBlock[] = [];
  for (const h of heads) {
    body.push({ kind: 'h1', text: h }, { kind: 'p', text: t.paragraph(3) });
    for (let j = 0; j < 3; j++) {
      body.push({ kind: 'h2', text: t.sentence().replace(/[。！]$/, '') }, { kind: 'p', text: t.paragraph(3) });
      for (let k = 0; k < 2; k++) body.push({ kind: 'h3', text: t.sentence() }, { kind: 'p', text: t.paragraph(2 + k) });
    }
  }
  return body;
}

async function pageCount(m: DocModel): Promise<number> {
  return Number(pdfInfo(await renderPdf(m, { fonts })).Pages);
}

/** The PostScript name of the font the engine uses for a role (read from the font file). */
function psName(role: FontRole): string {
  const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string, ps?: string): { postscriptName: string } };
  return fontkit.openSync(fonts[role].path, fonts[role].postscriptName).postscriptName;
}

beforeAll(async () => {
  core = createCore(dataDir);
  await core.dispatch('committee.update', { region: '示例区', term: 2 }, { kind: 'admin', source: 'test' });
  const session = await core.dispatch('sessions.create', { term: 2, number: 16, date: '2026-09-22', expectedMembers: 33 }, { kind: 'admin', source: 'test' });
  if (!session.ok) throw new Error(session.error.message);
  const item = await core.dispatch(
    'agenda.add',
    { sessionId: (session.value as { id: number }).id, kind: 'report', title: '听取和审议区人民政府关于医疗保障基金使用情况的报告' },
    { kind: 'admin', source: 'test' },
  );
  if (!item.ok) throw new Error(item.error.message);
  core.engine.openSession(who, (session.value as { id: number }).id);
  opinionId = createDraft(core.store, who, (item.value as { id: number }).id).id;
  const full = longBody();
  const save = (body: OpinionBlock[]) => {
    const o = getOpinion(core.store, opinionId);
    updateOpinion(core.store, who, opinionId, { ...o, body, docDate: '2026-09-25', cc: '区委办公室，区人民政府办公室，区监察委员会，区人民法院，区人民检察院' });
    return opinionDoc(core.store, opinionId);
  };
  // The shortest body (a prefix of the generated one) that fills exactly 12 pages.
  let lo = 1;
  let hi = full.length;
  expect(await pageCount(save(full))).toBeGreaterThan(12);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await pageCount(save(full.slice(0, mid)))) >= 12) hi = mid;
    else lo = mid + 1;
  }
  save(full.slice(0, lo));
  assignNumber(core.store, who, opinionId);
  model = opinionDoc(core.store, opinionId);
  pdf = await renderPdf(model, { fonts });
  savePdf('review-opinion-12-pages-示人常审〔2026〕1号.pdf', pdf);
  rows = pdfRows(pdf);
}, 120_000);

afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const isPageNumber = (r: PdfRow) => /^—\s*\d+\s*—$/.test(r.text);
/** A heading that is a short line of its own (one sentence, well within a line): it keeps its heading face. */
const isShortHeading = (text: string) => Array.from(text).length <= 24 && !/[；。！？]/.test(text);
/** Running text: more than one sentence or clause, or longer than a line. */
const isRunning = (text: string) => /[；。！？]./.test(text) || Array.from(text).length > 28;

describe('a 12-page review opinion as PDF', () => {
  it('has 12 numbered pages, the red header with the 发文字号, title, addressee, opening and handling request', () => {
    expect(pdfInfo(pdf).Pages).toBe('12');
    expect(rows.filter(isPageNumber).map((r) => r.text.replace(/\s/g, ''))).toEqual(Array.from({ length: 12 }, (_, i) => `—${i + 1}—`));
    const first = rows.filter((r) => r.page === 1).map((r) => r.text);
    expect(first).toContain('示例区人民代表大会常务委员会');
    expect(first).toContain('示人常审〔2026〕1号');
    expect(first.join('')).toContain('示例区人民代表大会常务委员会关于区人民政府医疗保障基金使用情况报告的审议意见区人民政府：');
    expect(first).toContain('区人民政府：');
    const all = rows.map((r) => r.text).join('');
    expect(all).toContain('区第二届人大常委会第十六次会议听取和审议了区人民政府关于医疗保障基金使用情况的报告。');
    expect(all).toContain('请于3个月内将研究处理情况书面报告区人大常委会。');
    // Signature and date after the body; the 版记 at the foot of the last page.
    expect(rows.filter((r) => r.text === '2026年9月25日' && r.page >= 11)).toHaveLength(1);
    const last = rows.filter((r) => r.page === 12).map((r) => r.text);
    expect(last.some((t) => t.startsWith('抄送：区委办公室'))).toBe(true);
    expect(last.some((t) => t.includes('示例区人大常委会办公室') && t.includes('2026年9月25日印发'))).toBe(true);
  });

  it('numbers the headings 一、（一）1. in order', () => {
    const h1 = rows.filter((r) => /^[一二三四五六七]、/.test(r.text)).map((r) => r.text.split('、')[0]);
    expect(h1.length).toBeGreaterThanOrEqual(4);
    expect(h1).toEqual(['一', '二', '三', '四', '五', '六', '七'].slice(0, h1.length));
    const blocks = model.blocks.filter((b) => b.type.startsWith('heading')).map((b) => ('text' in b ? b.text : ''));
    expect(blocks.slice(0, 8)).toEqual([
      expect.stringMatching(/^一、总体评价$/),
      expect.stringMatching(/^（一）/),
      expect.stringMatching(/^1\./),
      expect.stringMatching(/^2\./),
      expect.stringMatching(/^（二）/),
      expect.stringMatching(/^1\./),
      expect.stringMatching(/^2\./),
      expect.stringMatching(/^（三）/),
    ]);
  });

  it('prints each heading level in its font: 一、 黑体, （一） 楷体, 1. and the body 仿宋, the title 小标宋', async () => {
    const items = await textFonts(pdf);
    const fontOf = (pred: (t: string) => boolean) => [...new Set(items.filter((i) => pred(i.text)).map((i) => i.font))];
    const headings = model.blocks.filter((b) => b.type.startsWith('heading')) as { type: string; text: string }[];
    const starts = (type: string) => headings.filter((h) => h.type === type).map((h) => h.text.slice(0, 6));
    const h1 = starts('heading1');
    const h3 = starts('heading3');
    expect(fontOf((t) => h1.some((h) => t.startsWith(h)))).toEqual([psName('hei')]);
    // structure, not numbering, decides (issue 11): a short heading line is 楷体, a （一） of running text is body 仿宋
    const h2short = headings.filter((h) => h.type === 'heading2' && isShortHeading(h.text)).map((h) => h.text.slice(0, 6));
    const h2running = headings.filter((h) => h.type === 'heading2' && isRunning(h.text)).map((h) => h.text.slice(0, 6));
    expect(h2short.length).toBeGreaterThan(0);
    expect(h2running.length).toBeGreaterThan(0);
    expect(h2short.length + h2running.length).toBeLessThanOrEqual(starts('heading2').length);
    expect(fontOf((t) => h2short.some((h) => t.startsWith(h)))).toEqual([psName('kai')]);
    expect(fontOf((t) => h2running.some((h) => t.startsWith(h)))).toEqual([psName('fangsong')]);

    expect(fontOf((t) => /^\d\./.test(t) && h3.some((h) => t.startsWith(h)))).toEqual([psName('fangsong')]);
    expect(fontOf((t) => t.startsWith('区第二届人大常委会'))).toEqual([psName('fangsong')]);
    expect(fontOf((t) => t.startsWith('关于区人民政府医疗保障'))).toEqual([psName('xiaobiaosong')]);
    expect(psName('hei')).not.toBe(psName('fangsong'));
    expect(psName('kai')).not.toBe(psName('fangsong'));
  });

  it('never starts a line with closing punctuation', () => {
    const text = rows.filter((r) => !isPageNumber(r));
    expect(text.length).toBeGreaterThan(200);
    const bad = text.filter((r) => NO_LINE_START.has(Array.from(r.text)[0]!));
    expect(bad.map((r) => `p${r.page}: ${r.text}`)).toEqual([]);
    // The generated text does put punctuation where a line would otherwise start.
    expect(text.filter((r) => /[，。；、”）》！]$/.test(r.text)).length).toBeGreaterThan(20);
  });
});

describe('the same opinion as DOCX', () => {
  let paragraphs: ReturnType<typeof docxParagraphs>;
  beforeAll(async () => {
    const docx = await renderDocx(model);
    saveDocx('review-opinion-12-pages-示人常审〔2026〕1号.docx', docx);
    paragraphs = docxParagraphs(docxPart(docx, 'word/document.xml'));
  });

  it('has the same blocks in the same order, with the numbering and the fonts of each level', () => {
    const body = paragraphs.filter((p) => !p.inTable && p.text.trim());
    const texts = body.map((p) => p.text.replace(/\n/g, '')); // the title's lines break between words, as in the PDF
    const expected = [
      '示例区人民代表大会常务委员会',
      '示人常审〔2026〕1号',
      model.title.replace(/\n/g, ''),
      '区人民政府：',
      ...model.blocks.map((b) => ('text' in b ? b.text : '')),
      '示例区人民代表大会常务委员会',
      '2026年9月25日',
    ];
    expect(texts).toEqual(expected);
    const fontOf = (prefix: RegExp) => [...new Set(body.filter((p) => prefix.test(p.text)).flatMap((p) => p.fonts))];
    expect(fontOf(/^[一二三四五六七]、/)).toEqual(['黑体']);
    const h2 = (pick: (t: string) => boolean) => body.filter((p) => /^（[一二三]）/.test(p.text) && pick(p.text.slice(3))).flatMap((p) => p.fonts);
    expect([...new Set(h2(isShortHeading))]).toEqual(['楷体_GB2312']);
    expect([...new Set(h2(isRunning))]).toEqual(['仿宋_GB2312']);
    expect(fontOf(/^\d\./)).toEqual(['仿宋_GB2312']);
    expect(body.find((p) => p.text.replace(/\n/g, '') === model.title.replace(/\n/g, ''))).toMatchObject({ fonts: ['方正小标宋简体'], sizes: [44], align: 'center' });
    const para = body.find((p) => p.text.startsWith('区第二届人大常委会'))!;
    expect(para).toMatchObject({ fonts: ['仿宋_GB2312'], sizes: [32], align: 'both' });
    expect(para.xml).toMatch(/<w:ind w:firstLine="630"\/>/); // two characters of the 28-character grid
  });
});
