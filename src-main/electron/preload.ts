// The only bridge between the sandboxed console page and the main process: the typed command API.
// Nothing else of Electron or Node reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { COMMAND_CHANNEL, EVENT_CHANNEL } from './channels';

contextBridge.exposeInMainWorld('yishi', {
  invoke: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke(COMMAND_CHANNEL, String(name), input),
  onEvent: (listener: (event: unknown) => void): (() => void) => {
    const wrapped = (_e: IpcRendererEvent, event: unknown) => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => {
      ipcRenderer.off(EVENT_CHANNEL, wrapped);
    };
  },
});
