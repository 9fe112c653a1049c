// Font resolution (official fonts where installed, else the bundled ones), per-character fallback,
// and what the PDF says about its fonts: embedded subsets, recorded in the document info.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CHAINS, BUNDLED_FONTS, FONT_ROLES, resolveFonts, resourcesDir } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { pdfFonts, pdfInfo, pdfText, ROOT, savePdf } from '../../helpers/pdf';
import { reviewOpinion } from './sample-docs';

const FONTS_DIR = path.join(ROOT, 'resources', 'fonts');
let tmp: string;

const small: DocModel = {
  kind: 'resolution',
  fileTitle: '字体测试',
  title: '关于字体的决议',
  blocks: [
    { type: 'heading1', text: '一、王䶮同志的任职' },
    { type: 'heading2', text: '（一）楷体标题' },
    { type: 'paragraph', text: '正文使用仿宋，生僻字“䶮”由随程序附带的宋体补字。' },
  ],
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-fonts-'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bundled fonts', () => {
  it('are found in resources/fonts from the source tree', () => {
    expect(resourcesDir()).toBe(path.join(ROOT, 'resources'));
    const fonts = resolveFonts({ preferBundled: true });
    for (const role of FONT_ROLES) {
      expect(fonts[role].source).toBe('bundled');
      expect(fs.existsSync(fonts[role].path)).toBe(true);
    }
  });

  it('ship with their licences and stay under about 55 MB', () => {
    const files = new Set(Object.values(BUNDLED_CHAINS).flatMap((chain) => chain.map((b) => b.file)));
    const total = [...files].reduce((a, f) => a + fs.statSync(path.join(FONTS_DIR, f)).size, 0);
    expect(total).toBeLessThan(55 * 1024 * 1024);
    for (const f of ['OFL-1.1-NotoCJK.txt', 'ARPHICPL.TXT', 'GPL-3.0-Fandol.txt', 'README-Fandol.txt', 'README.md']) expect(fs.existsSync(path.join(FONTS_DIR, f)), f).toBe(true);
    expect(fs.readFileSync(path.join(FONTS_DIR, 'GPL-3.0-Fandol.txt'), 'utf8')).toContain('GNU GENERAL PUBLIC LICENSE');
    expect(fs.readFileSync(path.join(FONTS_DIR, 'README-Fandol.txt'), 'utf8')).toContain('As a special exception, if you create a document which uses this font');
  });

  it('honours YISHI_RESOURCES_DIR', () => {
    const dir = path.join(tmp, 'res');
    fs.mkdirSync(path.join(dir, 'fonts'), { recursive: true });
    fs.symlinkSync(path.join(FONTS_DIR, BUNDLED_FONTS.fangsong.file), path.join(dir, 'fonts', BUNDLED_FONTS.fangsong.file));
    const before = process.env.YISHI_RESOURCES_DIR;
    process.env.YISHI_RESOURCES_DIR = dir;
    try {
      expect(resourcesDir()).toBe(dir);
    } finally {
      if (before === undefined) delete process.env.YISHI_RESOURCES_DIR;
      else process.env.YISHI_RESOURCES_DIR = before;
    }
  });
});

describe('official fonts', () => {
  let sys: string;
  beforeAll(() => {
    // stand-ins for installed Windows fonts: real font files under the official (case-varying) names
    sys = path.join(tmp, 'Fonts');
    fs.mkdirSync(path.join(sys, 'chinese'), { recursive: true });
    fs.copyFileSync(path.join(FONTS_DIR, BUNDLED_FONTS.hei.file), path.join(sys, 'SIMHEI.TTF'));
    fs.copyFileSync(path.join(FONTS_DIR, BUNDLED_FONTS.kai.file), path.join(sys, 'chinese', 'simkai.ttf'));
    fs.copyFileSync(path.join(FONTS_DIR, BUNDLED_FONTS.fangsong.file), path.join(sys, 'simfang.ttf'));
    fs.copyFileSync(path.join(FONTS_DIR, BUNDLED_FONTS.fangsong.file), path.join(sys, '仿宋_GB2312.ttf'));
    fs.writeFileSync(path.join(sys, 'simsun.ttc'), Buffer.alloc(8192, 7)); // unreadable
  });

  it('are preferred where installed, the *_GB2312 ones first; the rest come from the bundle', () => {
    const fonts = resolveFonts({ searchDirs: [sys] });
    expect(fonts.hei).toMatchObject({ source: 'system', family: '黑体 (SimHei)', path: path.join(sys, 'SIMHEI.TTF') });
    expect(fonts.kai).toMatchObject({ source: 'system', path: path.join(sys, 'chinese', 'simkai.ttf') });
    expect(fonts.fangsong).toMatchObject({ source: 'system', family: '仿宋_GB2312' });
    expect(fonts.song).toMatchObject({ source: 'system', postscriptName: 'SimSun' });
    expect(fonts.xiaobiaosong.source).toBe('bundled');
    expect(Object.values(resolveFonts({ searchDirs: [sys], preferBundled: true })).every((f) => f.source === 'bundled')).toBe(true);
    expect(Object.values(resolveFonts({ searchDirs: [] })).every((f) => f.source === 'bundled')).toBe(true);
  });

  it('are used and recorded in the PDF; an unreadable one falls back to the bundled font', async () => {
    const pdf = await renderPdf(small, { fonts: resolveFonts({ searchDirs: [sys] }) });
    savePdf('fonts-system-and-fallback.pdf', pdf);
    const info = pdfInfo(pdf);
    // each face by its own name (the stand-ins are copies of bundled fonts under official file names)
    expect(info.Keywords).toMatch(/黑体=Noto Sans CJK SC \(system, SIMHEI\.TTF\)/);
    expect(info.Keywords).toMatch(/仿宋[^=;]*=FandolFang R \(system, 仿宋_GB2312\.ttf\)/);
    expect(info.Keywords).toMatch(/; 宋体(\/[^;=]*)?=Noto Serif CJK SC \(bundled/); // simsun.ttc could not be read
    expect(pdfText(pdf)).toContain('王䶮同志');
  });
});

describe('PDF fonts', () => {
  it('embeds subsets only and records the fonts in the document info', async () => {
    const pdf = await renderPdf(reviewOpinion(), { fonts: resolveFonts({ preferBundled: true }) });
    savePdf('fonts-bundled-embedded-subsets.pdf', pdf);
    const fonts = pdfFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual([
      'FandolFang-Regular',
      'FandolKai-Regular',
      'NotoSansCJKsc-Regular',
      'NotoSerifCJKsc-Bold',
      'NotoSerifCJKsc-Regular',
    ]);
    for (const f of fonts) {
      expect(f.name).toMatch(/^[A-Z]{6}\+/);
      expect(f.emb, f.name).toBe(true);
      expect(f.sub, f.name).toBe(true);
      expect(f.uni, f.name).toBe(true);
    }
    const info = pdfInfo(pdf);
    expect(info.Title).toBe('关于示例区2025年财政预算执行情况的审议意见');
    expect(info.Creator).toBe('议事');
    expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
    for (const family of ['FandolFang R', 'FandolKai', 'Noto Serif CJK SC', 'Noto Serif CJK SC Bold', 'Noto Sans CJK SC']) expect(info.Keywords).toContain(`=${family} (bundled`);
    // a 12-page document stays small thanks to subsetting
    expect(pdf.length).toBeLessThan(400 * 1024);
  });

  it('takes a character missing from the role font from the bundled serif (CJK Extension A)', async () => {
    const pdf = await renderPdf(small, { fonts: resolveFonts({ preferBundled: true }) });
    savePdf('fonts-extension-a-fallback.pdf', pdf);
    expect(pdfText(pdf)).toContain('一、王䶮同志的任职');
    expect(pdfInfo(pdf).Keywords).toMatch(/宋体\/仿宋补字=Noto Serif CJK SC \(bundled/); // 䶮 is one of the 8105: the 黑体 subset has it
    expect(pdfInfo(pdf).Keywords).toMatch(/; 黑体=Noto Sans CJK SC \(bundled/);
  });
});
