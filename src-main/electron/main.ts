// The thin Electron shell: windows, the preload bridge and security settings. Everything else is the
// same core that the headless server runs.
import path from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { startServer, type RunningServer } from '../app/server';
import { CONTENT_SECURITY_POLICY } from '../server/http';

let running: RunningServer | null = null;

function createConsoleWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    title: '议事 · 会务控制台',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(__dirname, '../renderer/index.html'), { hash: '/console' });
  return win;
}

function lockDown(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith('file://')) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (url.startsWith('http://') || url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

async function main(): Promise<void> {
  await app.whenReady();
  lockDown();
  const dataDir = process.env.YISHI_DATA_DIR ?? app.getPath('userData');
  running = await startServer({
    dataDir,
    port: Number(process.env.YISHI_PORT ?? 4310),
    host: process.env.YISHI_HOST ?? '0.0.0.0',
    staticDir: path.join(__dirname, '../renderer'),
  });
  ipcMain.handle('yishi:command', (event, name: unknown, input: unknown) => {
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith('file://')) return { ok: false, error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
    return running!.core.dispatch(String(name), input, { kind: 'admin', source: 'console:electron' });
  });
  createConsoleWindow();
  app.on('window-all-closed', () => app.quit());
}

app.on('before-quit', () => {
  void running?.close();
});

main().catch((e) => {
  console.error('议事启动失败：', e);
  app.exit(1);
});
