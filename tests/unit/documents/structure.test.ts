// Structure, not numbering, decides style — measured from the PDFs (pdf.js fonts per line, poppler
// rows): in a 决定 whose numbered articles are running text and a 决议 whose "（一）" paragraphs are
// running text, the articles are set in the body 仿宋 from the first page on; short heading lines keep
// their heading faces; no page ends on a heading; no paragraph leaves one line alone at a page top;
// the 版记 of a long opinion shares its page with the text's last lines.
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFonts } from '../../../src-main/documents/fonts';
import type { Block, DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { pdfRows, ptToMm, savePdf, type PdfRow } from '../../helpers/pdf';
import { textFonts, type TextFont } from '../../helpers/pdf-text-fonts';
import { paragraphText, reviewOpinion, rng } from './sample-docs';

const fonts = resolveFonts({ preferBundled: true });
const CN = '一二三四五六七八九十';
const isPageNumber = (r: PdfRow) => /^—\s*\d+\s*—$/.test(r.text);
const LEFT = 28;
const CHAR = 156 / 28;
const BODY = 'FandolFang-Regular';
const HEADING_FACES = ['NotoSansCJKsc-Regular', 'FandolKai-Regular'];

const decision: DocModel = {
  kind: 'decision',
  fileTitle: '关于设立示例区乡村振兴促进委员会的决定',
  title: '示例区人民代表大会常务委员会\n关于设立示例区乡村振兴促进委员会的决定',
  subtitle: '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）',
  blocks: [
    { type: 'paragraph', text: '为全面推进乡村振兴，根据有关法律规定，示例区第二届人民代表大会常务委员会第十六次会议决定：' },
    ...Array.from({ length: 9 }, (_, i): Block => ({
      type: 'heading1',
      text: `${CN[i]}、设立示例区乡村振兴促进委员会第${i + 1}工作组，负责统筹协调全区乡村振兴工作中的有关事项，组织开展调查研究，提出意见建议，督促有关部门落实。`,
    })),
    { type: 'paragraph', text: '本决定自公布之日起施行。' },
  ],
};

const r = rng(11);
const resolution: DocModel = {
  kind: 'resolution',
  fileTitle: '关于开展第八个五年法治宣传教育的决议',
  title: '示例区人民代表大会常务委员会\n关于开展第八个五年法治宣传教育的决议',
  subtitle: '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）',
  blocks: [
    { type: 'paragraph', text: paragraphText(r, 4) },
    ...[0, 1, 2].flatMap((h): Block[] => [
      { type: 'heading1', text: `${CN[h]}、${['明确总体要求', '突出学习宣传重点', '加强组织实施'][h]}` },
      ...Array.from({ length: 4 }, (_, k): Block => ({ type: 'heading2', text: `（${CN[k]}）${paragraphText(r, 3)}` })),
      { type: 'heading2', text: `（${CN[4]}）加强督促检查` },
      { type: 'paragraph', text: paragraphText(r, 3) },
    ]),
  ],
};

/** The first text item of every printed line, with its face. */
function lineStarts(items: TextFont[]): TextFont[] {
  const out: TextFont[] = [];
  for (const it of items) {
    const last = out.at(-1);
    if (last && last.page === it.page && Math.abs(last.y - it.y) < 3) continue;
    out.push(it);
  }
  return out;
}

let decisionLines: TextFont[];
let resolutionLines: TextFont[];
const rowsOf = new Map<string, PdfRow[]>();

beforeAll(async () => {
  for (const [name, model] of [['decision', decision], ['resolution', resolution], ['opinion', reviewOpinion()]] as const) {
    const pdf = await renderPdf(model, { fonts });
    savePdf(`structure-${name}.pdf`, pdf);
    rowsOf.set(name, pdfRows(pdf));
    if (name === 'decision') decisionLines = lineStarts(await textFonts(pdf));
    if (name === 'resolution') resolutionLines = lineStarts(await textFonts(pdf));
  }
});

describe('numbered articles of running text', () => {
  it('set a 决定’s articles "一、设立……" in the body face, from page 1 on', () => {
    const articles = decisionLines.filter((l) => new RegExp(`^[${CN}]、`).test(l.text));
    expect(articles).toHaveLength(9);
    for (const a of articles) expect(a.font, a.text).toBe(BODY);
    expect(articles[0]!.page).toBe(1);
    expect(decisionLines.filter((l) => l.page === 1).length).toBeGreaterThan(15); // page 1 is full, not left blank
  });

  it('set a 决议’s "（一）……" paragraphs in the body face and keep the short headings in theirs', () => {
    const running = resolutionLines.filter((l) => /^（[一二三四]）/.test(l.text));
    expect(running.length).toBeGreaterThanOrEqual(12);
    for (const a of running) expect(a.font, a.text).toBe(BODY);
    const short = resolutionLines.filter((l) => /^（五）/.test(l.text) || /^[一二三]、/.test(l.text));
    expect(short).toHaveLength(6);
    for (const h of short) expect(HEADING_FACES, h.text).toContain(h.font);
  });
});

describe('page breaks', () => {
  it('never end a page on a heading: at least two lines of its text follow it there', () => {
    for (const [name, rows] of rowsOf) {
      const body = rows.filter((x) => !isPageNumber(x));
      const headings = body.filter((x) => /^[一二三四五六七八九十]、[^，。]{1,20}$/.test(x.text) || /^（[一二三四五六七八九十]）[^，。]{1,20}$/.test(x.text));
      for (const h of headings) {
        const after = body.filter((x) => x.page === h.page && x.centre > h.centre);
        expect(after.length, `${name} p${h.page}: ${h.text}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('never leave a paragraph’s last line alone at the top of a page', () => {
    for (const [name, rows] of rowsOf) {
      const body = rows.filter((x) => !isPageNumber(x));
      const pages = [...new Set(body.map((x) => x.page))];
      for (const p of pages.slice(1)) {
        const onPage = body.filter((x) => x.page === p);
        const [first, second] = onPage;
        // the first line continues a paragraph (flush left, not indented) and the next line starts a new one (indented)
        const continuation = Math.abs(ptToMm(first!.xMin) - LEFT) < 1;
        const nextStarts = !second || Math.abs(ptToMm(second.xMin) - (LEFT + 2 * CHAR)) < 1;
        expect(continuation && nextStarts, `${name} p${p}: “${first!.text}” alone at the top`).toBe(false);
      }
    }
  });

  it('keep the signature of a long opinion with the last lines of its text, the 版记 on the back of their odd page', () => {
    const rows = rowsOf.get('opinion')!.filter((x) => !isPageNumber(x));
    const last = Math.max(...rows.map((x) => x.page));
    expect(last % 2).toBe(0);
    expect(rows.filter((x) => x.page === last).map((x) => x.text.replace(/\s+/g, '')).at(-1)).toMatch(/印发$/);
    const before = rows.filter((x) => x.page === last - 1);
    const signature = before.findIndex((x) => x.text === '示例区人民代表大会常务委员会');
    expect(signature).toBeGreaterThanOrEqual(2);
  });
});
