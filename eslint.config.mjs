// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, unhandled promises,
// the two React hook rules, and the layer boundaries of docs/architecture.md as import rules. Formatting is not linted.
//
// Boundaries (no-restricted-imports; each message says which rule was broken):
//   src-main/domain/     imports only zod and other domain files (pure rules, no IO);
//   electron             only src-main/electron/ imports it;
//   src-renderer/        no Node modules, no server-side packages (better-sqlite3, ws, electron…), and
//                        from src-main only: values from src-main/domain/ and src-main/shared/ (pure
//                        functions and constants), anything else as `import type` (shapes only);
//   lower layers         store, meeting, assessment, review, documents*, domain and shared never
//                        import api/ (Result and AppError live in src-main/shared/result.ts).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_MODULES = builtinModules.filter((m) => !m.startsWith('_'));
const api = { regex: '(^|/)api(/|$)', message: 'Lower layers never import api/: shared types live in src-main/shared/.' };
const electron = { regex: '^electron(/|$)', message: "Only src-main/electron/ imports 'electron' (the rest runs headless under plain Node)." };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Unused names are noise; a leading underscore marks the deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // `any` is sometimes the honest type at a test's edge; in src-main and the renderer it is an error (below).
      '@typescript-eslint/no-explicit-any': 'off',
      'no-restricted-imports': ['error', { patterns: [electron] }],
      // Full-width spaces (U+3000) inside Chinese text are typography ("姓　名"), not stray whitespace.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    // Production code is typed; the protocol's stand-in clients for the bench and tests, like tests, may take `any` frames.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-main/cli/bench*.ts', 'src-main/cli/terminal-client.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    // A promise nobody awaits or handles is how one bad frame once stopped the server (issue 8):
    // these two need type information, so they run only on the app's code.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src-main/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!zod$|\\./)', message: 'src-main/domain/ imports only zod and other domain files (pure rules, no IO).' }] }],
    },
  },
  {
    files: ['src-main/{store,meeting,assessment,review,documents,documents-assessment,documents-docx,shared}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, api] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-globals': ['error', ...['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global'].map((name) => ({ name, message: 'The renderer runs in a browser (sandboxed, no Node).' }))],
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_MODULES, ...NODE_MODULES.map((m) => `node:${m}`), 'better-sqlite3', 'ws', 'electron', 'pdfkit', 'exceljs'].map((name) => ({
            name,
            message: 'The renderer runs in a browser: no Node modules or server-side packages.',
          })),
          patterns: [
            {
              regex: 'src-main/(?!domain/|shared/)',
              allowTypeImports: true,
              message: 'The renderer takes only types from src-main (import type); values only from src-main/domain/ and src-main/shared/.',
            },
          ],
        },
      ],
    },
  },
);
