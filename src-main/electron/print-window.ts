// Printing a generated PDF from the console: the PDF is written to a private temporary folder and
// shown in its own window with Chromium's PDF viewer, whose print button opens the system print
// dialog (with printer choice, copies and duplex). Only real PDFs are accepted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';
import { PRINT_CHANNEL } from './channels';
import { isTrustedSender } from './ipc';

export function registerPrintBridge(indexHtml: string): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, base64: unknown, fileName: unknown) => {
    if (!isTrustedSender(event, indexHtml)) return { ok: false, error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
    const data = typeof base64 === 'string' ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
    if (data.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, error: { code: 'BAD_INPUT', message: '要打印的内容不是PDF文件' } };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-print-'));
    const safeName = String(fileName ?? '文件.pdf').replace(/[\\/:*?"<>|]/g, '_').slice(0, 120) || '文件.pdf';
    const file = path.join(dir, safeName.endsWith('.pdf') ? safeName : `${safeName}.pdf`);
    fs.writeFileSync(file, data, { mode: 0o600 });
    const win = new BrowserWindow({
      width: 900,
      height: 1100,
      title: `打印：${safeName}`,
      autoHideMenuBar: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    win.on('closed', () => fs.rmSync(dir, { recursive: true, force: true }));
    await win.loadFile(file);
    return { ok: true, value: { shown: file } };
  });
}
