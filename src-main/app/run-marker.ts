// Whether the last run on this data folder ended without closing: killed, crashed, the power lost.
// A small file beside the database says when the running app started; a clean close removes it. Found
// at the next start, it means the previous run was interrupted (the engine then tells the secretary
// what was going on: meeting/interruption.ts). It holds a time only, nothing of any session.
import fs from 'node:fs';
import path from 'node:path';

export const RUN_MARKER_FILE = 'yishi.running';

/** Marks this run; returns when the interrupted previous run started (null: it was closed cleanly, or this is the first). */
export function markRunning(dataDir: string, now = new Date()): string | null {
  const file = path.join(dataDir, RUN_MARKER_FILE);
  let previous: string | null;
  try {
    const text = fs.readFileSync(file, 'utf8').trim();
    previous = Number.isNaN(Date.parse(text)) ? fs.statSync(file).mtime.toISOString() : text;
  } catch {
    previous = null; // none: the last run closed cleanly
  }
  try {
    fs.writeFileSync(file, now.toISOString());
  } catch (e) {
    console.error('[run] 运行标记未能写入', (e as Error).message); // the app runs on; the next start cannot tell
  }
  return previous;
}

/** A clean close: the next start is not an interrupted one. */
export function clearRunning(dataDir: string): void {
  fs.rmSync(path.join(dataDir, RUN_MARKER_FILE), { force: true });
}
