// The big screen: a second window with #/display, full screen on the second display (the projector)
// when there is one. It is a public, read-only page served by the local LAN server over loopback,
// with no preload: it sees only what the big screen may see.
import { BrowserWindow, screen } from 'electron';

let displayWindow: BrowserWindow | null = null;

export function toggleDisplayWindow(port: number): void {
  if (displayWindow && !displayWindow.isDestroyed()) {
    displayWindow.close();
    displayWindow = null;
    return;
  }
  openDisplayWindow(port);
}

export function openDisplayWindow(port: number): BrowserWindow {
  if (displayWindow && !displayWindow.isDestroyed()) return displayWindow;
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const target = external ?? primary;
  const win = new BrowserWindow({
    x: target.bounds.x,
    y: target.bounds.y,
    width: external ? target.bounds.width : 1280,
    height: external ? target.bounds.height : 720,
    fullscreen: Boolean(external),
    title: '议事 · 大屏',
    backgroundColor: '#0b1220',
    autoHideMenuBar: true,
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false },
  });
  win.on('page-title-updated', (event) => event.preventDefault());
  win.on('closed', () => {
    if (displayWindow === win) displayWindow = null;
  });
  void win.loadURL(`http://127.0.0.1:${port}/#/display`);
  displayWindow = win;
  return win;
}
