// The command bridge: the console page calls window.yishi.invoke(name, input) (preload), which lands
// here and goes to the same dispatcher as HTTP and WebSocket, as the admin caller. Only the top frame
// of a console window showing the app's own page may call it.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Dispatcher } from '../api/dispatch';
import { fail } from '../shared/result';
import { COMMAND_CHANNEL, EVENT_CHANNEL } from './channels';
import { isAppPage } from './trusted-page';

export const ELECTRON_CONSOLE_CALLER = { kind: 'admin', source: 'console:electron' } as const;

/** Windows whose page may use the admin command bridge. */
const consoleWindows = new Set<number>();

export function trustConsoleWindow(win: BrowserWindow): void {
  const id = win.webContents.id;
  consoleWindows.add(id);
  win.on('closed', () => consoleWindows.delete(id));
}

export function isTrustedSender(event: IpcMainInvokeEvent, indexHtml: string): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && consoleWindows.has(event.sender.id) && isAppPage(frame.url, indexHtml);
}

export function registerCommandBridge(dispatch: Dispatcher, indexHtml: string): void {
  ipcMain.handle(COMMAND_CHANNEL, async (event, name: unknown, input: unknown) => {
    if (!isTrustedSender(event, indexHtml)) return fail('FORBIDDEN', '无权执行此操作：请求不是来自本程序的控制台页面');
    if (typeof name !== 'string') return fail('UNKNOWN_COMMAND', '命令名称应为文字');
    return dispatch(name, input, ELECTRON_CONSOLE_CALLER);
  });
}

/** Pushes a state event to every console window (window.yishi.onEvent). */
export function sendToConsoles(event: unknown): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (consoleWindows.has(win.webContents.id)) win.webContents.send(EVENT_CHANNEL, event);
  }
}
