// The secretary's console: the app's own page from out/renderer, sandboxed, with the preload bridge.
import path from 'node:path';
import { app, BrowserWindow } from 'electron';
import { trustConsoleWindow } from './ipc';

export const CONSOLE_TITLE = '议事 · 会务控制台';

/** out/renderer/index.html, next to out/main where this bundle runs. */
export const RENDERER_INDEX = path.join(__dirname, '../renderer/index.html');
const PRELOAD = path.join(__dirname, '../preload/index.js');

export function createConsoleWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1360,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    title: CONSOLE_TITLE,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  trustConsoleWindow(win);
  win.on('page-title-updated', (event) => event.preventDefault()); // keep "议事 · 会务控制台"
  win.once('ready-to-show', () => win.show());
  void win.loadFile(RENDERER_INDEX, { hash: '/console' });
  return win;
}

