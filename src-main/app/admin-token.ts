// The console's admin credential, kept in the data folder so a console (a browser tab on this
// machine) keeps working across a restart without reading the server's output. The file is readable
// only by the app's user (0600); the server still accepts it from loopback only (server/http.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const ADMIN_TOKEN_FILE = 'admin-token';
const TOKEN_PATTERN = /^[0-9a-f]{48}$/;

export function loadOrCreateAdminToken(dataDir: string): string {
  const file = path.join(dataDir, ADMIN_TOKEN_FILE);
  try {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (TOKEN_PATTERN.test(kept)) {
      fs.chmodSync(file, 0o600); // tighten a file copied in with looser permissions
      return kept;
    }
  } catch {
    /* none yet (or unreadable): a new one below */
  }
  const token = randomBytes(24).toString('hex');
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${token}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file);
  return token;
}
