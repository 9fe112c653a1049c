// The key store seals the key of each secret round, so that the sealed key can live with the data (a
// crash resumes the round) while a copy of the data folder alone opens nothing. Electron seals with
// the operating system's key store (electron/key-store.ts: safeStorage, DPAPI / Secret Service /
// Keychain). Headless, the sealing key is a master key file in a per-user folder OUTSIDE the data
// folder, readable only by the app's user: weaker (anyone who can read that user's files can open a
// round that is still open), and the README says so.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSynced } from '../store/durable-file';

export interface KeyStore {
  /** Shown in the console and the logs: where round keys are sealed. */
  readonly description: string;
  seal(key: Buffer): Buffer;
  /** Throws when the sealed key cannot be opened here (another machine, another user, another key). */
  open(sealed: Buffer): Buffer;
}

/**
 * Where the headless master key lives: YISHI_KEY_DIR, else Windows %LOCALAPPDATA%\yishi\keys, macOS
 * ~/Library/Application Support/yishi-keys, Linux $XDG_STATE_HOME/yishi or ~/.local/state/yishi.
 * Never the data folder (whose default is %APPDATA%\yishi, …/Application Support/yishi, ~/.local/share/yishi).
 */
export function defaultKeyDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.YISHI_KEY_DIR) return path.resolve(env.YISHI_KEY_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'yishi', 'keys');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'yishi-keys');
  return path.join(env.XDG_STATE_HOME ?? path.join(home, '.local', 'state'), 'yishi');
}

const MASTER_FILE = 'master.key';
const AAD = Buffer.from('yishi round key v1');

/** AES-256-GCM of a key under another key: nonce (12) · tag (16) · sealed key. */
export function wrapKey(wrapping: Buffer, key: Buffer): Buffer {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', wrapping, iv);
  c.setAAD(AAD);
  const body = Buffer.concat([c.update(key), c.final()]);
  return Buffer.concat([iv, c.getAuthTag(), body]);
}

export function unwrapKey(wrapping: Buffer, sealed: Buffer): Buffer {
  const d = createDecipheriv('aes-256-gcm', wrapping, sealed.subarray(0, 12));
  d.setAAD(AAD);
  d.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([d.update(sealed.subarray(28)), d.final()]);
}

function isInside(dir: string, parent: string): boolean {
  const rel = path.relative(parent, dir);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Where a path really is, through symbolic links (the part that does not exist yet is kept as written). */
function realPath(p: string): string {
  const rest: string[] = [];
  let at = path.resolve(p);
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(at), ...rest);
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(p);
      rest.unshift(path.basename(at));
      at = up;
    }
  }
}

/**
 * The headless key store: a 32-byte master key in `dir` (created 0700, the file 0600 on first use).
 * Refuses a folder inside the data folder: a copy of the data would then carry its own key.
 */
export function headlessKeyStore(dir: string, dataDir?: string): KeyStore {
  const resolved = path.resolve(dir);
  // Also through symbolic links: a key folder reached by a link into the data folder is inside it.
  if (dataDir && (isInside(resolved, path.resolve(dataDir)) || isInside(realPath(resolved), realPath(dataDir)))) {
    throw new Error(`密钥目录（${resolved}）不能位于数据目录之内，否则复制数据目录即可打开正在进行的无记名表决；请用 YISHI_KEY_DIR 另指定`);
  }
  let master: Buffer | null = null;
  const load = (): Buffer => {
    if (master) return master;
    const file = path.join(resolved, MASTER_FILE);
    if (fs.existsSync(file)) {
      master = fs.readFileSync(file);
      if (master.length !== 32) throw new Error(`密钥文件已损坏：${file}`);
      return master;
    }
    fs.mkdirSync(resolved, { recursive: true, mode: 0o700 });
    if (process.platform !== 'win32') fs.chmodSync(resolved, 0o700);
    const key = randomBytes(32);
    const tmp = `${file}.${process.pid}.tmp`;
    writeSynced(tmp, key, 'wx');
    try {
      fs.linkSync(tmp, file); // never replaces a key another process has just written
      master = key;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      master = fs.readFileSync(file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return master;
  };
  return {
    description: `本机用户密钥文件（${path.join(resolved, MASTER_FILE)}）`,
    seal: (key) => wrapKey(load(), key),
    open: (sealed) => unwrapKey(load(), sealed),
  };
}
