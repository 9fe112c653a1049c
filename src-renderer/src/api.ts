// The renderer's side of the one command API. In Electron it goes through the preload bridge
// (window.yishi); in a browser on the meeting machine it goes over HTTP with the admin token.
import type { CommandInput, CommandName, CommandOutput } from '../../src-main/api/commands/index';
import type { Result } from '../../src-main/shared/result';
import { Listeners } from './live/client';
import { saveBytes } from './save-file';

export type { CommandInput, CommandName, CommandOutput };

export interface YishiBridge {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  onEvent?(listener: (event: unknown) => void): () => void;
  /** Electron only: show a PDF in a print window. */
  print?(base64Pdf: string, fileName: string): Promise<unknown>;
}

declare global {
  interface Window {
    yishi?: YishiBridge;
  }
}

const TOKEN_KEY = 'yishi.adminToken';

/** The admin token arrives in the console URL (#/console?token=…) and is kept for this tab. */
export function adminToken(): string | null {
  const m = /[?&]token=([0-9a-f]+)/.exec(window.location.hash);
  if (m) sessionStorage.setItem(TOKEN_KEY, m[1]!);
  return sessionStorage.getItem(TOKEN_KEY);
}

/**
 * Tells the console's live client when the meeting machine refuses this page's credential (the
 * message) and when it accepts it again (null), so the page never shows "已连接" while refused.
 */
export const adminRefusals = new Listeners<[string | null]>();
let refused = false;

/** Runs one command of the command map: typed name, input and answer, over IPC or HTTP. */
export async function call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
  const r = await transport(name, input);
  if (!r.ok && r.error.code === 'UNAUTHORIZED') {
    refused = true;
    adminRefusals.emit(r.error.message);
  } else if (refused) {
    refused = false;
    adminRefusals.emit(null);
  }
  return r as Result<CommandOutput<K>>;
}

async function transport(name: string, input: unknown): Promise<Result<unknown>> {
  if (window.yishi) return window.yishi.invoke(name, input);
  try {
    const res = await fetch(`/api/cmd/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken() ?? ''}` },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Result<unknown>;
  } catch (e) {
    return { ok: false, error: { code: 'INTERNAL', message: `无法连接到会议主机：${(e as Error).message}` } };
  }
}

/** Like call, but throws an Error with the Chinese message: for code that shows errors in one place. */
export async function must<K extends CommandName>(name: K, input: CommandInput<K>): Promise<CommandOutput<K>> {
  const r = await call(name, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

/** Saves a file the host produced (see save-file.ts: offered with a 保存 link when the click is too long ago). */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  saveBytes(fileName, mime, Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}
