// What the process does with an error nothing caught: it is logged and the server keeps serving
// (a meeting in progress must not stop because one handler failed). Installed by the headless
// server (cli/serve.ts) and by Electron's main process (electron/main.ts).
let installed = false;

export function keepServingOnUnexpectedErrors(log: (...args: unknown[]) => void = console.error): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (e) => log('[议事] 未预期的错误，已记录，服务继续运行：', e));
  process.on('unhandledRejection', (e) => log('[议事] 未处理的异步错误，已记录，服务继续运行：', e));
}
