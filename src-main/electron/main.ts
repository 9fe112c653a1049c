// The thin Electron shell: the console window, the preload bridge, the menu and security settings.
// Everything else is the same core that the headless server runs (src-main/app).
import path from 'node:path';
import { app, BrowserWindow, dialog, screen, shell } from 'electron';
import { startServer, type RunningServer } from '../app/server';
import { applyV8Flags, keepServingOnUnexpectedErrors } from '../app/process-policy';
import type { BackupInfo } from '../store/backup';
import { DatabaseDamagedError } from '../store/db';
import { forwardLiveState } from './console-events';
import { createConsoleWindow, RENDERER_INDEX } from './console-window';
import { openDisplayWindow, toggleDisplayWindow } from './display-window';
import { ELECTRON_CONSOLE_CALLER, registerCommandBridge } from './ipc';
import { osKeyStore } from './key-store';
import { installMenu } from './menu';
import { registerPrintBridge } from './print-window';
import { shellOptions, type ShellOptions } from './options';
import { offerRestoreOnLoss } from './startup-check';
import { lockDown } from './security';

let running: RunningServer | null = null;
let stopForwarding: (() => void) | null = null;
let consoleWindow: BrowserWindow | null = null;

app.enableSandbox();
keepServingOnUnexpectedErrors();
applyV8Flags();

function showConsole(): void {
  if (!consoleWindow || consoleWindow.isDestroyed()) {
    consoleWindow = createConsoleWindow();
    return;
  }
  if (consoleWindow.isMinimized()) consoleWindow.restore();
  consoleWindow.focus();
}

/** A clear Chinese message instead of a crash; the data file is never touched. */
async function startupFailed(e: unknown, opts: ShellOptions | null): Promise<void> {
  if (e instanceof DatabaseDamagedError) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: '数据库文件已损坏',
      message: '议事无法打开数据库文件。该文件未做任何修改。',
      detail: `${e.message}\n\n备份在数据目录的 backups 文件夹中；恢复命令：npm run restore -- --data-dir 数据目录 --from 备份文件。`,
      buttons: ['在文件夹中显示', '退出'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (response === 0) shell.showItemInFolder(e.file);
  } else if ((e as NodeJS.ErrnoException)?.code === 'EADDRINUSE') {
    dialog.showErrorBox(
      '端口已被占用',
      `局域网服务端口${opts?.port ?? ''}已被占用，可能已有一个议事或其他程序在运行。\n请先关闭它，或用 --port 指定其他端口后重新启动。`,
    );
  } else {
    dialog.showErrorBox('议事无法启动', e instanceof Error ? e.message : String(e));
  }
  app.exit(1);
}

async function backupNow(): Promise<void> {
  if (!running) return;
  const r = await running.core.dispatch('system.backup', {}, ELECTRON_CONSOLE_CALLER);
  const options = r.ok
    ? { type: 'info' as const, title: '备份完成', message: '数据库已备份。', detail: (r.value as BackupInfo).path }
    : { type: 'error' as const, title: '备份失败', message: r.error.message };
  if (consoleWindow && !consoleWindow.isDestroyed()) await dialog.showMessageBox(consoleWindow, options);
  else await dialog.showMessageBox(options);
}

function about(opts: ShellOptions): void {
  void dialog.showMessageBox({
    type: 'info',
    title: '关于议事',
    message: `议事 ${app.getVersion()}`,
    detail: `地方人大常委会会议系统（离线运行）\n数据目录：${opts.dataDir}\n局域网服务端口：${running?.port ?? '未启动'}`,
  });
}

async function main(): Promise<void> {
  let opts: ShellOptions;
  try {
    opts = shellOptions(process.argv, process.env, app.getPath('userData'));
  } catch (e) {
    await app.whenReady();
    return startupFailed(e, null);
  }
  // An explicit data folder (tests, a second installation) gets its own browser profile and lock.
  if (opts.dataDirOverridden) app.setPath('userData', path.join(opts.dataDir, 'electron-profile'));
  if (!app.requestSingleInstanceLock()) {
    app.quit(); // the running instance shows its window (second-instance below)
    return;
  }
  app.on('second-instance', () => showConsole());

  await app.whenReady();
  lockDown(RENDERER_INDEX);
  try {
    await offerRestoreOnLoss(opts.dataDir);
    running = await startServer({
      dataDir: opts.dataDir,
      port: opts.port,
      host: opts.host,
      staticDir: path.dirname(RENDERER_INDEX),
      keyStore: osKeyStore(opts.dataDir),
    });
  } catch (e) {
    return startupFailed(e, opts);
  }
  registerCommandBridge(running.core.dispatch, RENDERER_INDEX);
  registerPrintBridge(RENDERER_INDEX);
  stopForwarding = forwardLiveState(running);
  const dataDir = opts.dataDir;
  installMenu({
    openDataDir: () => void shell.openPath(dataDir),
    backupNow: () => void backupNow(),
    toggleDisplay: () => running && toggleDisplayWindow(running.port),
    about: () => about(opts),
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => showConsole()); // macOS: clicking the dock icon
  showConsole();
  // With a projector attached, the big screen opens on it at once.
  if (screen.getAllDisplays().length > 1) openDisplayWindow(running.port);
}

// Close the LAN server and the database before the process ends.
let closing = false;
app.on('will-quit', (event) => {
  if (!running || closing) return;
  event.preventDefault();
  closing = true;
  stopForwarding?.();
  const r = running;
  running = null;
  void r.close().finally(() => app.quit());
});

main().catch((e: unknown) => {
  console.error('议事启动失败：', e);
  void startupFailed(e, null);
});
