import os from 'node:os';
import path from 'node:path';

/**
 * Where the headless server keeps its data when no --data-dir is given (Electron uses its userData):
 * Windows %APPDATA%\yishi, macOS ~/Library/Application Support/yishi, Linux $XDG_DATA_HOME/yishi
 * or ~/.local/share/yishi. YISHI_DATA_DIR overrides all of them.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.YISHI_DATA_DIR) return env.YISHI_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'yishi');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'yishi');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'yishi');
}

export interface CliOptions {
  dataDir: string;
  port: number;
  host: string;
  [key: string]: string | number | boolean;
}

/** Parses "--data-dir DIR --port N --host H" and "--flag"; unknown flags are kept as strings. */
export function parseArgs(argv: string[], defaults: { port?: number; host?: string } = {}): CliOptions {
  const out: CliOptions = { dataDir: defaultDataDir(), port: defaults.port ?? 4310, host: defaults.host ?? '0.0.0.0' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) continue;
    const key = a.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const next = argv[i + 1];
    const value: string | boolean = next !== undefined && !next.startsWith('--') ? (i++, next) : true;
    out[key] = key === 'port' || key === 'terminals' ? Number(value) : value;
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535) throw new Error(`端口号无效：${out.port}`);
  out.dataDir = path.resolve(String(out.dataDir));
  return out;
}
