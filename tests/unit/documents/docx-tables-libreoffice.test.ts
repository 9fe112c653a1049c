// Tables of the DOCX in LibreOffice as in the app's PDF: each document written as PDF and as DOCX,
// the DOCX converted by LibreOffice headless (bundled fonts) and both measured with pdftotext.
// - A blank 满意度测评表 of 35 officials (a form: its rows tighten to fit one sheet) is one sheet in
//   both, every row inside the type area. Before, the DOCX's cells snapped to the 22-line grid and
//   LibreOffice printed the form on three sheets.
// - A sign-in sheet of 60 members (12 pt rows) has as many pages in both, the rows on the same pitch
//   (within 0.25 mm), the header row at the top of every page.
// - A sign-in sheet whose 18 rows end at the foot of page 1 takes its last two rows along with the
//   signature to page 2, which before stood alone there (in the PDF and in the DOCX).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src-main/documents-docx/docx';
import { resolveFonts } from '../../../src-main/documents/fonts';
import type { DocModel } from '../../../src-main/documents/model';
import { renderPdf } from '../../../src-main/documents/pdf';
import { saveDocx } from '../../helpers/docx';
import { libreOfficePdf } from '../../helpers/libreoffice';
import { pdfRows, ptToMm, savePdf, type PdfRow } from '../../helpers/pdf';
import { rng, signInSheet } from './sample-docs';

const BOTTOM = 37 + 225;
const flat = (s: string) => s.replace(/\s+/g, '');
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鑫斌宇浩凯健俊帆帅旭宁龙林欣佳';
function names(n: number, seed: number): string[] {
  const r = rng(seed);
  const pick = (s: string) => s[Math.floor(r() * s.length)]!;
  return Array.from({ length: n }, () => pick(SURNAMES) + pick(GIVEN) + (r() < 0.6 ? pick(GIVEN) : ''));
}
const UNITS = ['区发展和改革局局长', '区教育局局长', '区科学技术和工业信息化局局长', '区公安分局局长', '区民政局局长', '区司法局局长', '区财政局局长', '区人力资源和社会保障局局长'];

const form: DocModel = {
  kind: 'assessment-form',
  fileTitle: '满意度测评表（空白）',
  title: '满意度测评表',
  form: true,
  blocks: [
    {
      type: 'table',
      fontSize: 10.5,
      fitPage: true,
      caption: [
        '示例区第二届人民代表大会常务委员会第四十四次会议　2027年1月20日',
        '测评事项：对述职人员进行满意度测评',
        '说明：请对每位测评对象在“满意”“基本满意”“不满意”中选择一项，在对应栏内划“√”；多划或不划的，该对象视为未评。本表无记名，请勿署名。',
      ],
      columns: [
        { header: '序号', width: 2, align: 'center' },
        { header: '测评对象', width: 4, align: 'center' },
        { header: '单位及职务', width: 14 },
        { header: '满意', width: 3, align: 'center' },
        { header: '基本满意', width: 4, align: 'center' },
        { header: '不满意', width: 3, align: 'center' },
      ],
      rows: names(35, 44).map((n, i) => [String(i + 1), n, UNITS[i % UNITS.length]!, '', '', '']),
    },
  ],
};

const signIn: DocModel = signInSheet(
  ['会议时间：2026年9月22日'],
  names(60, 16).map((n, i) => [String(i + 1), n, i < 3 ? '副主任' : '委员', i % 9 === 4 ? '请假' : '出席', i % 9 === 4 ? '' : '08:5' + (i % 10)]),
);

/** A sign-in sheet whose 18 rows end at the foot of page 1: no room for the signature under them. */
const SIGNATURE = { issuer: '示例区人民代表大会常务委员会', date: '2026年9月22日' };
const signed: DocModel = {
  ...signIn,
  blocks: [signIn.blocks[0]!, { ...(signIn.blocks[1] as Extract<DocModel['blocks'][number], { type: 'table' }>), rows: (signIn.blocks[1] as Extract<DocModel['blocks'][number], { type: 'table' }>).rows.slice(0, 18) }],
  signature: SIGNATURE,
};

interface Printed {
  pages: number;
  rows: PdfRow[];
}
const printed = new Map<string, { app: Printed; office: Printed }>();
const read = (pdf: Buffer): Printed => {
  const rows = pdfRows(pdf);
  return { pages: Math.max(...rows.map((r) => r.page)), rows };
};

beforeAll(async () => {
  const fonts = resolveFonts({ preferBundled: true });
  for (const [name, model] of [['form', form], ['sign-in', signIn], ['signed', signed]] as const) {
    const pdf = await renderPdf(model, { fonts });
    savePdf(`docx-tables-${name}-app.pdf`, pdf);
    const docx = await renderDocx(model);
    saveDocx(`docx-tables-${name}`, docx);
    const lo = libreOfficePdf(docx).pdf;
    savePdf(`docx-tables-${name}-converted-by-libreoffice.pdf`, lo);
    printed.set(name, { app: read(pdf), office: read(lo) });
  }
}, 300_000);

/** The rows of a table whose first cell is its number, in order: their page and centre (mm). */
const numbered = (p: Printed, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const row = p.rows.find((r) => r.words[0]?.text === String(i + 1) && ptToMm(r.xMin) < 45);
    return { page: row?.page ?? 0, y: row ? ptToMm(row.centre) : NaN };
  });
/** Median distance between consecutive rows on the same page. */
const pitch = (rows: { page: number; y: number }[]) => {
  const d = rows.slice(1).flatMap((r, i) => (r.page === rows[i]!.page ? [r.y - rows[i]!.y] : [])).sort((a, b) => a - b);
  return d[Math.floor(d.length / 2)]!;
};

describe('a blank 测评表 of 35 officials', () => {
  for (const who of ['app', 'office'] as const) {
    it(`${who === 'app' ? 'in the app’s PDF' : 'in LibreOffice’s conversion of the DOCX'}: one sheet, every row inside the type area`, () => {
      const p = printed.get('form')![who];
      expect(p.pages).toBe(1);
      const rows = numbered(p, 35);
      expect(rows.map((r) => r.page)).toEqual(Array(35).fill(1));
      for (const r of rows) expect(r.y).toBeLessThan(BOTTOM - 2);
    });
  }

  it('LibreOffice sets its rows on the app’s pitch', () => {
    const { app, office } = printed.get('form')!;
    expect(Math.abs(pitch(numbered(office, 35)) - pitch(numbered(app, 35)))).toBeLessThan(0.25);
  });
});

describe('a sign-in sheet of 60 members', () => {
  it('has as many pages in LibreOffice as in the app, the rows on the same pitch, the header on every page', () => {
    const { app, office } = printed.get('sign-in')!;
    expect(office.pages).toBe(app.pages);
    expect(app.pages).toBeGreaterThan(1);
    const a = numbered(app, 60);
    const o = numbered(office, 60);
    expect(Math.abs(pitch(o) - pitch(a)), `pitch ${pitch(o).toFixed(2)} / ${pitch(a).toFixed(2)} mm`).toBeLessThan(0.25);
    for (const p of [app, office]) {
      const headers = p.rows.filter((r) => flat(r.text) === '座位号姓名职务出席情况签到时间').map((r) => r.page);
      expect(headers).toEqual(Array.from({ length: p.pages }, (_, i) => i + 1));
    }
  });
});

describe('a sign-in sheet whose table ends at the foot of a page, with a signature', () => {
  for (const who of ['app', 'office'] as const) {
    it(`${who === 'app' ? 'in the app’s PDF' : 'in LibreOffice’s conversion of the DOCX'}: the signature never stands alone on the last page, the last two rows go with it`, () => {
      const p = printed.get('signed')![who];
      expect(p.pages).toBe(2);
      const page2 = p.rows.filter((r) => r.page === 2 && !/^—\d+—$/.test(flat(r.text))).map((r) => flat(r.text));
      expect(page2.slice(-2)).toEqual([SIGNATURE.issuer, SIGNATURE.date]);
      // the header repeated, then rows 17 and 18 (the last two), then the signature
      expect(page2[0]).toBe('座位号姓名职务出席情况签到时间');
      expect(numbered(p, 18).map((r) => r.page)).toEqual([...Array(16).fill(1), 2, 2]);
    });
  }
});
