// The DOCX writer (src-main/documents-docx/docx.ts) read back from word/document.xml and the other
// parts: GB/T 9704 page setup and grid, fonts and sizes per block, first-line indents, the red
// header and its rule, page numbers "— n —" odd right / even left, the 版记 table with its rules in
// a text box at the bottom margin held by the last paragraph, ruled tables with a repeating header
// row, the font table's fallbacks, paragraph properties in schema order.
import { beforeAll, describe, expect, it } from 'vitest';
import { DOCX_PAGE, renderDocx, widthInChars } from '../../src-main/documents-docx/docx';
import type { DocModel } from '../../src-main/documents/model';
import { attr, docxPart, docxParagraphs, docxParts, saveDocx } from '../helpers/docx';

const model: DocModel = {
  kind: 'review-opinion',
  fileTitle: '关于区人民政府医疗保障基金使用情况报告的审议意见',
  redHeader: { issuer: '示例区人民代表大会常务委员会', docNumber: '示人常审〔2026〕12号' },
  title: '示例区人民代表大会常务委员会\n关于区人民政府医疗保障基金使用情况报告的审议意见',
  addressee: '区人民政府：',
  blocks: [
    { type: 'paragraph', text: '区第二届人大常委会第十六次会议听取和审议了区人民政府关于医疗保障基金使用情况的报告。' },
    { type: 'heading1', text: '一、总体评价' },
    { type: 'heading2', text: '（一）加强基金监管' },
    { type: 'heading3', text: '1.建立健全制度。' },
    { type: 'paragraph', text: '附表如下：', indent: false },
    { type: 'table', columns: [{ header: '项目', width: 2 }, { header: '金额（万元）', width: 1, align: 'right' }], rows: [['门诊统筹', '1,200'], ['住院', '3,400']] },
    { type: 'spacer', lines: 2 },
    { type: 'pageBreak' },
    { type: 'paragraph', text: '请于3个月内将研究处理情况书面报告区人大常委会。' },
  ],
  signature: { issuer: '示例区人民代表大会常务委员会', date: '2026年9月25日' },
  footer: { cc: '区委办公室，区监察委员会', printedBy: '示例区人大常委会办公室', printedDate: '2026年9月25日' },
};

let docx: Buffer;
let doc: string;

beforeAll(async () => {
  docx = await renderDocx(model);
  saveDocx('docx-layout-review-opinion-sample', docx);
  doc = docxPart(docx, 'word/document.xml');
});

describe('DOCX page', () => {
  it('is A4 with margins top 37 mm, left 28 mm and a 156 × 225 mm type area on a 22 × 28 grid', () => {
    const mm = (tw: string | null) => (Number(tw) * 25.4) / 1440;
    expect(attr(doc, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(doc, 'w:pgSz', 'w:h')).toBe('16838');
    expect(mm(attr(doc, 'w:pgMar', 'w:top'))).toBeCloseTo(37, 1);
    expect(mm(attr(doc, 'w:pgMar', 'w:left'))).toBeCloseTo(28, 1);
    expect(210 - mm(attr(doc, 'w:pgMar', 'w:left')) - mm(attr(doc, 'w:pgMar', 'w:right'))).toBeCloseTo(156, 1);
    expect(297 - mm(attr(doc, 'w:pgMar', 'w:top')) - mm(attr(doc, 'w:pgMar', 'w:bottom'))).toBeCloseTo(225, 1);
    // a grid of lines only (every office suite reads it alike); the 28 characters come from the runs
    expect(attr(doc, 'w:docGrid', 'w:type')).toBe('lines');
    const pitch = Number(attr(doc, 'w:docGrid', 'w:linePitch'));
    const area = 297 * 1440 / 25.4 - Number(attr(doc, 'w:pgMar', 'w:top')) - Number(attr(doc, 'w:pgMar', 'w:bottom'));
    expect(Math.floor(area / pitch)).toBe(22);
    // every 三号 run: 16 pt with a character spacing (twentieths of a point) so that 28 fit the 156 mm line, 29 do not
    const body = docxParagraphs(doc).find((p) => p.text.startsWith('区第二届人大常委会第十六次会议'))!;
    const spacing = Number(/<w:spacing w:val="(-?\d+)"\/>/.exec(body.xml)![1]);
    const charPt = 16 + spacing / 20;
    expect(Math.floor((156 * 72) / 25.4 / charPt)).toBe(28);
    expect(DOCX_PAGE.charPitch).toBe(charPt * 20);
  });

  it('numbers pages "— n —" in 四号宋体: odd pages right, even pages left, with different odd/even footers', () => {
    expect(docxPart(docx, 'word/settings.xml')).toMatch(/<w:evenAndOddHeaders\/>/);
    const refs = [...doc.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], m[2]]);
    expect(refs.map((r) => r[0]).sort()).toEqual(['default', 'even']);
    const rels = docxPart(docx, 'word/_rels/document.xml.rels');
    const target = (rid: string) => new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    for (const [type, rid] of refs) {
      const footer = docxPart(docx, `word/${target(rid!)}`);
      const [p] = docxParagraphs(footer);
      expect(p!.text).toBe('—  —'); // the number itself is the PAGE field
      expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(p!.fonts).toEqual(['宋体']);
      expect(p!.sizes).toEqual([28]);
      expect(p!.align).toBe(type === 'default' ? 'right' : 'left');
    }
  });

  it('names the official fonts with their fallbacks in the font table', () => {
    const table = docxPart(docx, 'word/fontTable.xml');
    expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/><w:charset w:val="86"\/>/);
    expect(table).toMatch(/<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"\/>/);
    expect(table).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="小标宋"\/>/);
    expect(docxParts(docx)).toEqual(expect.arrayContaining(['word/document.xml', 'word/fontTable.xml', 'word/styles.xml']));
  });
});

describe('DOCX blocks', () => {
  it('prints the red header: issuer in red 小标宋 at most 15 mm per character, 35 mm down, the number with a red rule under it', () => {
    const [mark, ...rest] = docxParagraphs(doc);
    expect(mark!.text).toBe('示例区人民代表大会常务委员会');
    expect(mark!.fonts).toEqual(['方正小标宋简体']);
    expect(mark!.xml).toMatch(/<w:color w:val="E60012"\/>/);
    expect((Number(attr(mark!.xml, 'w:spacing', 'w:before')) * 25.4) / 1440).toBeCloseTo(35, 0);
    const sizePt = mark!.sizes[0]! / 2;
    const scale = Number(attr(mark!.xml, 'w:w', 'w:val')) / 100;
    const charMm = (sizePt * scale * 25.4) / 72;
    expect(charMm).toBeLessThanOrEqual(15.05);
    expect(charMm * widthInChars(mark!.text)).toBeLessThanOrEqual(156.5);
    const number = rest.find((p) => p.text === '示人常审〔2026〕12号')!;
    expect(number.align).toBe('center');
    expect(number.xml).toMatch(/<w:bottom w:val="single" w:color="E60012" w:sz="16"/);
  });

  it('gives each block its font, size and indent: title 小标宋 22 pt centred, 一、 黑体, （一） 楷体, 1. and body 仿宋 16 pt indented two characters', () => {
    const ps = docxParagraphs(doc).filter((p) => !p.inTable && p.text);
    const find = (t: string) => ps.find((p) => p.text === t)!;
    // the title broken as in the PDF: the committee, then lines broken between words
    const title = ps.find((p) => p.text.replace(/\n/g, '') === model.title.replace(/\n/g, ''))!;
    expect(title).toMatchObject({ fonts: ['方正小标宋简体'], sizes: [44], align: 'center' });
    expect(title.text.split('\n')).toEqual(['示例区人民代表大会常务委员会', '关于区人民政府医疗保障', '基金使用情况报告的审议意见']);
    expect(find('区人民政府：')).toMatchObject({ fonts: ['仿宋_GB2312'], sizes: [32] });
    expect(find('区人民政府：').xml).not.toMatch(/firstLine/);
    for (const [text, font] of [
      ['一、总体评价', '黑体'],
      ['（一）加强基金监管', '楷体_GB2312'],
      ['1.建立健全制度。', '仿宋_GB2312'],
      ['请于3个月内将研究处理情况书面报告区人大常委会。', '仿宋_GB2312'],
    ] as const) {
      const p = find(text);
      expect(p, text).toMatchObject({ fonts: [font], sizes: [32], align: 'both' });
      expect(Number(attr(p.xml, 'w:ind', 'w:firstLine'))).toBe(2 * DOCX_PAGE.charPitch);
      expect(attr(p.xml, 'w:spacing', 'w:line')).toBe(String(DOCX_PAGE.linePitch));
    }
    expect(find('附表如下：').xml).not.toMatch(/firstLine/);
    expect(doc).toMatch(/<w:br w:type="page"\/>/);
  });

  it('places the signature two characters in from the right and the date two characters further right than the issuer', () => {
    const ps = docxParagraphs(doc).filter((p) => !p.inTable);
    const issuer = ps.filter((p) => p.text === '示例区人民代表大会常务委员会').at(-1)!;
    const date = ps.find((p) => p.text === '2026年9月25日')!;
    const left = (p: { xml: string }) => Number(attr(p.xml, 'w:ind', 'w:left')) / DOCX_PAGE.charPitch;
    // issuer 14 characters ending 2 characters from the right edge of 28: starts at 12; date at 14.
    expect(left(issuer)).toBeCloseTo(12, 1);
    expect(left(date)).toBeCloseTo(14, 1);
  });

  it('writes tables ruled, the header row in 黑体 repeated on every page', () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const data = tables.find((t) => t.includes('门诊统筹'))!;
    expect(data).toMatch(/<w:tblHeader\/>/);
    const cells = docxParagraphs(data);
    expect(cells.slice(0, 2).map((c) => [c.text, c.fonts[0], c.align])).toEqual([
      ['项目', '黑体', 'center'],
      ['金额（万元）', '黑体', 'center'],
    ]);
    expect(cells.find((c) => c.text === '1,200')).toMatchObject({ fonts: ['仿宋_GB2312'], sizes: [24], align: 'right' });
    expect(data).toMatch(/<w:insideV w:val="single"/);
  });

  it('ends with the 版记: 抄送 and 印发 in 四号仿宋 between thick rules with a thin one between, one grid line each', () => {
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    const footer = tables.at(-1)!;
    const cells = docxParagraphs(footer);
    expect(cells.map((c) => c.text)).toEqual(['抄送：区委办公室，区监察委员会。', '示例区人大常委会办公室', '2026年9月25日印发']);
    expect(cells.every((c) => c.fonts[0] === '仿宋_GB2312' && c.sizes[0] === 28)).toBe(true);
    expect(cells[2]!.align).toBe('right');
    expect(footer).toMatch(/<w:top w:val="single" w:color="000000" w:sz="8"/);
    expect(footer).toMatch(/<w:bottom w:val="single" w:color="000000" w:sz="8"/);
    expect(footer).toMatch(/<w:insideH w:val="single" w:color="000000" w:sz="6"/);
    expect(footer).toMatch(/<w:insideV w:val="none"/);
    const heights = [...footer.matchAll(/<w:trHeight ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(heights).toHaveLength(2);
    for (const h of heights) {
      expect(attr(`<w:trHeight ${h}/>`, 'w:trHeight', 'w:val')).toBe(String(DOCX_PAGE.linePitch));
      expect(attr(`<w:trHeight ${h}/>`, 'w:trHeight', 'w:hRule')).toBe('exact');
    }
  });

  it('puts the 版记 in a text box at the bottom margin of the page of the last paragraph, which is as tall and keeps the last lines with it', async () => {
    // without its page break the sample ends on page 2, an even page with room for the 版记 under the last lines
    const doc = docxPart(await renderDocx({ ...model, blocks: model.blocks.filter((b) => b.type !== 'pageBreak') }), 'word/document.xml');
    const anchors = [...doc.matchAll(/<wp:anchor [\s\S]*?<\/wp:anchor>/g)].map((m) => m[0]);
    expect(anchors).toHaveLength(1);
    const anchor = anchors[0]!;
    expect(anchor).toMatch(/<wp:positionV relativeFrom="margin"><wp:align>bottom<\/wp:align><\/wp:positionV>/);
    expect(anchor).toMatch(/<wp:positionH relativeFrom="margin"><wp:align>left<\/wp:align><\/wp:positionH>/);
    expect(anchor).toMatch(/<wp:wrapNone\/>/);
    expect(anchor).toMatch(/<w:txbxContent><w:tbl>[\s\S]*印发[\s\S]*<\/w:tbl>/);
    const [, cx, cy] = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(anchor)!;
    const emuPerMm = 36000;
    expect(Number(cx) / emuPerMm).toBeCloseTo(156, 0);
    expect(Number(cy) / 635).toBe(2 * DOCX_PAGE.linePitch); // 抄送 and 印发: two grid lines
    // the holder: the document's last paragraph, exactly as tall as the box, its height not snapped to the grid
    const flow = docxParagraphs(doc).filter((p) => !p.inTable && !p.inTextBox);
    const holder = flow.at(-1)!;
    expect(holder.xml).toContain('<wp:anchor ');
    expect(attr(holder.xml, 'w:spacing', 'w:line')).toBe(String(2 * DOCX_PAGE.linePitch));
    expect(attr(holder.xml, 'w:spacing', 'w:lineRule')).toBe('exact');
    expect(holder.xml).toMatch(/<w:snapToGrid w:val="false"\/>/);
    // the last body paragraph, the blank line, the issuer and the date keep with what follows
    const date = flow.findIndex((p) => p.text === '2026年9月25日');
    expect(date).toBe(flow.length - 2);
    const chain = flow.slice(date - 3, date + 1);
    expect(chain[0]!.text).toBe('请于3个月内将研究处理情况书面报告区人大常委会。');
    expect(chain[0]!.xml).toMatch(/<w:widowControl\/>/);
    for (const p of chain) expect(p.xml, p.text).toMatch(/<w:keepNext\/>/);
    expect(flow.slice(0, date - 3).filter((p) => /<w:keepNext\/>/.test(p.xml) && !/^[一（1]/.test(p.text))).toEqual([]);
    expect(holder.xml).not.toMatch(/<w:pageBreakBefore\/>/);
  });

  it('puts the 版记 on a page of its own after the last lines where they end on an odd page (page 3 of the sample, as in its PDF)', () => {
    const flow = docxParagraphs(doc).filter((p) => !p.inTable && !p.inTextBox);
    const holder = flow.at(-1)!;
    expect(holder.xml).toContain('<wp:anchor ');
    expect(holder.xml).toMatch(/<w:pageBreakBefore\/>/);
    // the signature keeps with the last lines, not with the 版记's page
    const date = flow.findIndex((p) => p.text === '2026年9月25日');
    expect(date).toBe(flow.length - 2);
    for (const p of flow.slice(date - 3, date)) expect(p.xml, p.text).toMatch(/<w:keepNext\/>/);
    expect(flow[date]!.xml).not.toMatch(/<w:keepNext\/>/);
    expect([...doc.matchAll(/<w:sectPr/g)]).toHaveLength(1);
  });

  it('writes paragraph properties in the order of the schema', () => {
    const order = ['w:keepNext', 'w:widowControl', 'w:pBdr', 'w:autoSpaceDN', 'w:snapToGrid', 'w:spacing', 'w:ind', 'w:jc', 'w:rPr'];
    for (const m of doc.matchAll(/<w:pPr>([\s\S]*?)<\/w:pPr>/g)) {
      const names = [...m[1]!.replace(/<w:(pBdr|rPr)>[\s\S]*?<\/w:\1>/g, '<w:$1/>').matchAll(/<(w:\w+)[ />]/g)].map((n) => n[1]!);
      const known = names.filter((n) => order.includes(n));
      expect(known, m[0]).toEqual([...known].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    }
  });

  it('leaves the red header out when asked (resolutions are usually printed without it)', async () => {
    const plain = docxPart(await renderDocx({ ...model, subtitle: '（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）' }, { redHeader: false }), 'word/document.xml');
    const ps = docxParagraphs(plain).filter((p) => p.text);
    expect(ps[0]!.text.replace(/\n/g, '')).toBe(model.title.replace(/\n/g, ''));
    expect(ps[1]).toMatchObject({ text: '（2026年9月22日示例区第二届人民代表大会常务委员会\n第十六次会议通过）', fonts: ['楷体_GB2312'], align: 'center' });
    expect(plain).not.toMatch(/E60012/);
  });
});
