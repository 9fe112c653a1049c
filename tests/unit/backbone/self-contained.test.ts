// The suite stands alone: no test, helper or script reaches for a file outside the repository (the
// fixtures live in tests/fixtures/). Every path built from __dirname must stay inside the clone, and
// no source names a folder of this machine other than the system tools the CI script installs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
// System tools and made-up paths that tests use without reading (checked by eye once, listed here).
const ALLOWED_ABSOLUTE = ['/usr/bin/chromium', '/tmp/x', '/tmp/index.html', '/opt/yishi/', '/home/mishu/'];

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return rel === path.join('tests', 'fixtures') ? [] : sources(rel);
    return /\.(ts|tsx|cjs|mjs|mts)$/.test(e.name) ? [rel] : [];
  });
}
const FILES = [...sources('tests').filter((f) => !f.endsWith('self-contained.test.ts')), ...sources('scripts'), 'vitest.config.mts', 'electron.vite.config.ts', 'electron-builder.cjs', 'eslint.config.mjs'];

describe('the suite stands alone', () => {
  it('every path built from __dirname stays inside the repository', () => {
    const escaping: string[] = [];
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/path\.(?:resolve|join)\(\s*__dirname((?:\s*,\s*'[^']*')+)/g)) {
        const parts = [...m[1]!.matchAll(/'([^']*)'/g)].map((p) => p[1]!);
        const target = path.resolve(ROOT, path.dirname(file), ...parts);
        if (target !== ROOT && !target.startsWith(ROOT + path.sep)) escaping.push(`${file}: ${parts.join('/')} → ${target}`);
      }
    }
    expect(escaping).toEqual([]);
  });

  it('no source names a folder of this machine (home, shared folders beside the clone, absolute data paths)', () => {
    const found: string[] = [];
    for (const file of FILES) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/['"`](\/(?:work|home|root|srv|mnt|opt|usr|tmp|var)\/[^'"`]*)['"`]/g)) {
        if (!ALLOWED_ABSOLUTE.some((a) => m[1]!.startsWith(a))) found.push(`${file}: ${m[1]}`);
      }
      if (/shared\/fixtures|os\.homedir\(\)/.test(text)) found.push(`${file}: shared/fixtures or the home folder`);
    }
    expect(found).toEqual([]);
  });
});
