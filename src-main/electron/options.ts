// Where the desktop app keeps its data and on which port it serves the LAN. Plain code (no 'electron'
// import) so it can be tested under Node. Order: command line, then environment, then defaults.
import path from 'node:path';

export const DEFAULT_LAN_PORT = 4310;

export interface ShellOptions {
  /** The folder that holds yishi.sqlite and backups/. */
  dataDir: string;
  /** True when --data-dir or YISHI_DATA_DIR chose it (tests, a second installation). */
  dataDirOverridden: boolean;
  /** LAN server port for terminals and the big screen; 0 = any free port. */
  port: number;
  host: string;
}

/** "--name value" or "--name=value" anywhere in argv (Electron adds its own switches around ours). */
export function argValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === `--${name}`) {
      const next = argv[i + 1];
      return next !== undefined && !next.startsWith('--') ? next : undefined;
    }
    if (a.startsWith(`--${name}=`)) return a.slice(name.length + 3);
  }
  return undefined;
}

export function shellOptions(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): ShellOptions {
  const dir = argValue(argv, 'data-dir') ?? env.YISHI_DATA_DIR;
  const portText = argValue(argv, 'port') ?? env.YISHI_PORT ?? String(DEFAULT_LAN_PORT);
  const port = Number(portText);
  if (portText.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`端口号无效：${portText}（应为 0–65535 的整数，0 表示任选空闲端口）`);
  }
  return {
    dataDir: path.resolve(dir || userData),
    dataDirOverridden: Boolean(dir),
    port,
    host: argValue(argv, 'host') ?? env.YISHI_HOST ?? '0.0.0.0',
  };
}
