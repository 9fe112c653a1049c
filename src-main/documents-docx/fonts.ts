// The fonts a DOCX names, per role, and the font table that tells Word/WPS what to use when a
// machine lacks one: 仿宋_GB2312 falls back to 仿宋, 楷体_GB2312 to 楷体, 方正小标宋简体 to 小标宋 /
// 华文中宋 (w:altName), all GB2312 charset (86). The official fonts are named first because that is
// what offices finishing a document in WPS or Word expect (GB/T 9704-2012).

export type DocxFontRole = 'fangsong' | 'xiaobiaosong' | 'hei' | 'kai' | 'song';

export interface DocxFont {
  /** The font name written on runs (w:rFonts). */
  name: string;
  /** What Word uses when `name` is not installed (w:altName). */
  alt: string;
  family: 'roman' | 'modern' | 'script';
  pitch: 'fixed' | 'variable';
}

export const DOCX_FONTS: Record<DocxFontRole, DocxFont> = {
  fangsong: { name: '仿宋_GB2312', alt: '仿宋', family: 'modern', pitch: 'fixed' },
  xiaobiaosong: { name: '方正小标宋简体', alt: '小标宋', family: 'script', pitch: 'fixed' },
  hei: { name: '黑体', alt: 'SimHei', family: 'modern', pitch: 'fixed' },
  kai: { name: '楷体_GB2312', alt: '楷体', family: 'modern', pitch: 'fixed' },
  song: { name: '宋体', alt: 'SimSun', family: 'roman', pitch: 'variable' },
};

/** Fonts that are not ours but that the docx package's default styles may name. */
const OTHER_FONTS = ['Times New Roman', 'Calibri'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** word/fontTable.xml with every font the document names, each with its fallback. */
export function fontTableXml(): string {
  const fonts = Object.values(DOCX_FONTS)
    .map(
      (f) =>
        `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.alt)}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .concat(OTHER_FONTS.map((n) => `<w:font w:name="${esc(n)}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`))
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts +
    '</w:fonts>'
  );
}

/** w:rFonts for a role: the same font for East Asian and Latin text (digits in 仿宋, as the standard prints them). */
export function runFont(role: DocxFontRole): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  const name = DOCX_FONTS[role].name;
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}
