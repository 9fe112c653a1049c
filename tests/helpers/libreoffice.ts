// Converts a DOCX to PDF with LibreOffice headless (Debian's libreoffice-writer-nogui), as an office
// on a 信创 machine would open and print it. LibreOffice finds fonts through fontconfig; a temporary
// FONTCONFIG_FILE gives it only the app's resources/fonts, with the official font names the DOCX
// uses (仿宋_GB2312, 楷体_GB2312, 黑体, 宋体, 方正小标宋简体) mapped to the bundled faces, so the result
// does not depend on the machine's fonts. A fresh profile per conversion keeps runs independent.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './pdf';

const ALIASES: [official: string, family: string, bold?: boolean][] = [
  ['仿宋_GB2312', 'FandolFang'],
  ['仿宋', 'FandolFang'],
  ['楷体_GB2312', 'FandolKai'],
  ['楷体', 'FandolKai'],
  ['黑体', 'Noto Sans CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
  ['方正小标宋简体', 'Noto Serif CJK SC', true],
];

function fontsConf(dir: string): string {
  const match = ([from, to, bold]: (typeof ALIASES)[number]) =>
    `<match target="pattern"><test name="family"><string>${from}</string></test>` +
    `<edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>` +
    (bold ? '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit>' : '') +
    '</match>';
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <dir>${path.join(ROOT, 'resources', 'fonts')}</dir>
  <cachedir>${path.join(dir, 'fc-cache')}</cachedir>
  ${ALIASES.map(match).join('\n  ')}
</fontconfig>
`;
}

/**
 * The PDF LibreOffice makes of a DOCX, and how long the conversion took (ms). `blankPages`: with the
 * blank pages LibreOffice inserts before a section that starts on an even page, as it prints them
 * (its headless PDF export leaves them out unless told).
 */
export function libreOfficePdf(docx: Buffer, opts: { blankPages?: boolean } = {}): { pdf: Buffer; ms: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-lo-'));
  try {
    fs.writeFileSync(path.join(dir, 'fonts.conf'), fontsConf(dir));
    const input = path.join(dir, 'document.docx');
    fs.writeFileSync(input, docx);
    const started = performance.now();
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', opts.blankPages ? 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}' : 'pdf', '--outdir', dir, input], {
      env: { ...process.env, FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), HOME: dir },
      stdio: 'pipe',
      timeout: 180_000,
    });
    const ms = performance.now() - started;
    return { pdf: fs.readFileSync(path.join(dir, 'document.pdf')), ms };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
