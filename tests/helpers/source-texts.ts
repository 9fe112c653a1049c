// The app's own sources as the word guards read them (verdict-words, scale-words): every .ts / .tsx
// file under src-main/ and src-renderer/src/ outside src-main/domain/, and code without its comments.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** The faces' and documents' source files (outside src-main/domain/, where the words live). */
export function sourcesOutsideDomain(): string[] {
  return [...sources(path.join(ROOT, 'src-main')), ...sources(path.join(ROOT, 'src-renderer/src'))].filter((f) => !f.startsWith(path.join(ROOT, 'src-main/domain') + path.sep));
}

/** Code without comments (line and block), so that a comment quoting a word is no hit. */
export const withoutComments = (code: string): string => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
