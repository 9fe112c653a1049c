// The layer boundaries of eslint.config.mjs really hold: ESLint, with the project's own config, is
// given small files placed in each layer and must refuse exactly the imports the architecture forbids.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
let eslint: ESLint;
beforeAll(() => {
  // Only the import rules: the type-aware rules need real files on disk.
  eslint = new ESLint({ cwd: ROOT, overrideConfig: { languageOptions: { parserOptions: { projectService: false } }, rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' } } });
});

/** The messages of no-restricted-imports / no-restricted-globals for `code` as if it were the file `file`. */
async function refusals(file: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(`${code}\nexport {};\n`, { filePath: path.join(ROOT, file) });
  return r!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer boundaries', () => {
  it('src-main/domain/ imports only zod and other domain files', async () => {
    expect(await refusals('src-main/domain/x.ts', "import { z } from 'zod';\nimport { ratio } from './fraction';")).toEqual([]);
    for (const bad of ["import fs from 'node:fs';", "import { Store } from '../store/store';", "import { ok } from '../shared/result';", "import Database from 'better-sqlite3';"]) {
      expect(await refusals('src-main/domain/x.ts', bad), bad).toEqual([expect.stringContaining('src-main/domain/ imports only zod')]);
    }
  });

  it('only src-main/electron/ imports electron', async () => {
    expect(await refusals('src-main/electron/x.ts', "import { app } from 'electron';")).toEqual([]);
    for (const file of ['src-main/app/x.ts', 'src-main/store/x.ts', 'src-renderer/src/x.ts', 'scripts/x.ts', 'tests/unit/x.ts']) {
      expect((await refusals(file, "import { app } from 'electron';")).join(), file).toMatch(/'electron'/);
    }
  });

  it('store and the live engine (and every lower layer) never import api/', async () => {
    for (const file of ['src-main/store/x.ts', 'src-main/meeting/x.ts', 'src-main/assessment/x.ts', 'src-main/review/x.ts', 'src-main/documents/x.ts']) {
      expect(await refusals(file, "import type { Caller } from '../api/command';"), file).toEqual([expect.stringContaining('never import api/')]);
      expect(await refusals(file, "import { AppError } from '../shared/result';\nimport { listMembers } from '../store/members';"), file).toEqual([]);
    }
    expect(await refusals('src-main/app/x.ts', "import { createDispatcher } from '../api/dispatch';")).toEqual([]);
  });

  it('the renderer: no Node modules or globals, only types from src-main except domain/ and shared/', async () => {
    const r = 'src-renderer/src/console/x.tsx';
    expect(await refusals(r, "import type { Store } from '../../../src-main/store/store';\nimport type { CommandName } from '../../../src-main/api/commands/index';")).toEqual([]);
    expect(await refusals(r, "import { chineseNumeral } from '../../../src-main/domain/numerals';\nimport { ok } from '../../../src-main/shared/result';")).toEqual([]);
    expect(await refusals(r, "import { Store } from '../../../src-main/store/store';")).toEqual([expect.stringContaining('only types from src-main')]);
    expect(await refusals(r, "import { startServer } from '../../../src-main/app/server';")).toEqual([expect.stringContaining('only types from src-main')]);
    for (const bad of ["import fs from 'node:fs';", "import path from 'path';", "import Database from 'better-sqlite3';", "import WebSocket from 'ws';"]) {
      expect(await refusals(r, bad), bad).toEqual([expect.stringContaining('runs in a browser')]);
    }
    expect(await refusals(r, 'export const v = process.env.X;')).toEqual([expect.stringContaining('runs in a browser')]);
  });
});
