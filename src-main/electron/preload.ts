// The only bridge between the sandboxed console page and the main process: the typed command API.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('yishi', {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke('yishi:command', String(name), input),
  onEvent: (listener: (event: unknown) => void) => {
    const wrapped = (_e: unknown, event: unknown) => listener(event);
    ipcRenderer.on('yishi:event', wrapped);
    return () => ipcRenderer.off('yishi:event', wrapped);
  },
});
