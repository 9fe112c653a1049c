// The only bridge between the sandboxed console page and the main process: the typed command API.
// Nothing else of Electron or Node reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_CHANNEL, EVENT_CHANNEL, PRINT_CHANNEL } from './channels';

contextBridge.exposeInMainWorld('yishi', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(COMMAND_CHANNEL, String(name), input),
  /** Shows a PDF in a print window (Chromium's PDF viewer with its print button). */
  print: (base64Pdf: string, fileName: string): Promise<unknown> => ipcRenderer.invoke(PRINT_CHANNEL, String(base64Pdf), String(fileName)),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, wrapped);
    };
  },
});
