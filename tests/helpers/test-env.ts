// Set up before every test file (vitest setupFiles): the headless key store (rounds/key-store.ts)
// keeps its master key in a fresh temporary folder, never in the user's own key folder. Servers that
// the tests start as child processes inherit it, so a restarted server finds its keys again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

if (!process.env.YISHI_KEY_DIR) process.env.YISHI_KEY_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-keys-'));
