// Is a URL the app's own console page (out/renderer/index.html, any #hash)? Plain code, no 'electron',
// so it can be tested under Node. Used for the IPC sender check and to block navigation.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function isAppPage(url: string, indexHtml: string, platform: NodeJS.Platform = process.platform): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'file:' || u.host !== '') return false;
  u.hash = '';
  u.search = '';
  let file: string;
  try {
    file = path.resolve(fileURLToPath(u));
  } catch {
    return false;
  }
  const expected = path.resolve(indexHtml);
  return platform === 'win32' ? file.toLowerCase() === expected.toLowerCase() : file === expected;
}
