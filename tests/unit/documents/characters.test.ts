// Every character prints, in a real 仿宋: read back from the PDFs with pdffonts and pdftotext. The
// body face is a 仿宋; names with characters beyond the BMP (𬌗 𠇔 𬱖) and in CJK Extension A (䶮)
// print in body text, tables, headings and titles; the last face of every chain covers all 8105
// 通用规范汉字; a character no font has stops the render naming it; each PDF's subsets have their
// own tags; the font files are parsed once per process.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsedFace, parsedFaceCount } from '../../../src-main/documents/font-files';
import { FONT_ROLES, LAST_RESORT_FONT, resolveFonts, resourcesDir } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { AppError } from '../../../src-main/shared/result';
import { pdfFonts, pdfInfo, pdfRows, pdfText, ROOT, savePdf } from '../../helpers/pdf';
import { reviewOpinion } from './sample-docs';

const RARE = ['王𬌗', '张𠇔', '赵𬱖', '李䶮'];
const fonts = resolveFonts({ preferBundled: true });

const names: DocModel = {
  kind: 'appointments',
  fileTitle: '生僻字姓名',
  title: `关于任命${RARE[0]}同志职务的决定`,
  blocks: [
    { type: 'heading1', text: `一、${RARE[1]}同志` },
    { type: 'heading2', text: `（一）${RARE[2]}同志` },
    { type: 'paragraph', text: `决定任命${RARE.join('、')}为示例区人民政府副区长。` },
    { type: 'table', columns: [{ header: '序号', width: 1, align: 'center' }, { header: '姓名', width: 3, align: 'center' }], rows: RARE.map((n, i) => [String(i + 1), n]) },
  ],
};

/** The 8105 通用规范汉字 (tests/fixtures/tongyong-8105.txt). */
function tongyong(): string[] {
  const text = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'tongyong-8105.txt'), 'utf8');
  return text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[2]!);
}

let pdf: Buffer;

beforeAll(async () => {
  pdf = await renderPdf(names, { fonts });
  savePdf('characters-rare-names-beyond-bmp.pdf', pdf);
});

describe('a real 仿宋 and every character', () => {
  it('sets the body in a 仿宋 face (FandolFang) when the bundled fonts are used', async () => {
    const body = await renderPdf({ kind: 'resolution', fileTitle: '仿宋', title: '', blocks: [{ type: 'paragraph', text: '正文使用三号仿宋字体。' }] }, { fonts });
    savePdf('characters-body-fangsong.pdf', body);
    const faces = pdfFonts(body).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    // the body line and nothing else but the page number (宋体)
    expect(faces).toContain('FandolFang-Regular');
    expect(faces.filter((f) => !/Fang/i.test(f))).toEqual(['NotoSerifCJKsc-Regular']);
    expect(pdfInfo(body).Keywords).toMatch(/仿宋=FandolFang R \(bundled/);
  });

  it('prints names beyond the BMP and in Extension A in titles, headings, body text and tables', () => {
    const text = pdfText(pdf);
    for (const n of RARE) expect(text.split(n).length - 1, n).toBeGreaterThanOrEqual(2);
    const rows = pdfRows(pdf).map((r) => r.text);
    expect(rows).toContain('一、张𠇔同志');
    expect(rows).toContain('（一）赵𬱖同志');
    expect(rows.some((r) => r.includes('关于任命王𬌗同志职务的决定'))).toBe(true);
    expect(rows).toEqual(expect.arrayContaining(['1王𬌗', '2张𠇔', '3赵𬱖', '4李䶮']));
  });

  it('ends every role chain with a face that has all 8105 通用规范汉字', () => {
    const chars = tongyong();
    expect(chars).toHaveLength(8105);
    expect(chars.filter((c) => c.codePointAt(0)! > 0xffff)).toHaveLength(196);
    const face = parsedFace(path.join(resourcesDir(), 'fonts', LAST_RESORT_FONT.file))!;
    const missing = chars.filter((c) => !face.hasGlyphForCodePoint(c.codePointAt(0)!));
    expect(missing).toEqual([]);
  });

  it('prints every one of the 8105 characters, in every role', async () => {
    const chars = tongyong().join('');
    const all: DocModel = {
      kind: 'coverage',
      fileTitle: '通用规范汉字表8105字',
      title: chars.slice(0, 40),
      subtitle: chars.slice(40, 80),
      blocks: [{ type: 'heading1', text: chars.slice(80, 2080) }, { type: 'heading2', text: chars.slice(2080, 4080) }, { type: 'paragraph', text: chars.slice(4080) }],
    };
    const out = await renderPdf(all, { fonts });
    savePdf('characters-all-8105-tongyong.pdf', out);
    const printed = new Set(Array.from(pdfText(out)));
    expect(Array.from(chars).filter((c) => !printed.has(c))).toEqual([]);
  }, 120_000);

  it('stops with an error naming a character that no font has, instead of printing a blank', async () => {
    const tangut = '\u{17000}'; // a Tangut character: no bundled face has it
    const err = await renderPdf({ kind: 'x', fileTitle: 'x', title: '', blocks: [{ type: 'paragraph', text: `姓名：王${tangut}` }] }, { fonts }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('BAD_INPUT');
    expect((err as AppError).message).toContain(tangut);
    expect((err as AppError).message).toContain('U+17000');
    expect((err as AppError).message).toContain('仿宋');
  });
});

describe('subsets and font files', () => {
  it('gives each subset of each document its own tag', async () => {
    const other = await renderPdf(reviewOpinion(), { fonts });
    const tags = (p: Buffer) => pdfFonts(p).map((f) => /^([A-Z]{6})\+/.exec(f.name)![1]!);
    const a = tags(pdf);
    const b = tags(other);
    expect(new Set(a).size).toBe(a.length);
    expect(new Set(b).size).toBe(b.length);
    expect(a.filter((t) => b.includes(t))).toEqual([]);
  });

  it('parses each font file once per process: a second render parses nothing', async () => {
    await renderPdf(reviewOpinion(), { fonts });
    const before = parsedFaceCount();
    await renderPdf(names, { fonts });
    await renderPdf(reviewOpinion(), { fonts });
    expect(parsedFaceCount()).toBe(before);
    expect(before).toBeLessThanOrEqual(new Set(FONT_ROLES.map((r) => fonts[r].path)).size + 2);
  });
});
