// What the process does with an error nothing caught: it is logged and the server keeps serving
// (a meeting in progress must not stop because one handler failed). Installed by the headless
// server (cli/serve.ts) and by Electron's main process (electron/main.ts).
// Also the V8 settings of the process: how far its heap may grow between full collections, and
// that compiled code is kept.
import { setFlagsFromString } from 'node:v8';

let installed = false;

export function keepServingOnUnexpectedErrors(log: (...args: unknown[]) => void = console.error): void {
  if (installed) return;
  installed = true;
  process.on('uncaughtException', (e) => log('[议事] 未预期的错误，已记录，服务继续运行：', e));
  process.on('unhandledRejection', (e) => log('[议事] 未处理的异步错误，已记录，服务继续运行：', e));
}

/**
 * How far V8 lets the heap grow past what survived its last full collection before it collects
 * again: 1.3× instead of up to 4×. When three thousand terminals press as fast as their
 * acknowledgements allow, every press in flight lives through a few young-generation collections and
 * is promoted; with V8's default factor that promoted garbage took the old generation to 150 MB and
 * the process to 330–380 MB before a full collection ran (bench, issue 13). Measured with this
 * factor: peak 247 MB, no press slower. Set once at start, before the heap has grown.
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * V8 drops the bytecode (and with it the type feedback and optimized code) of a function that has not
 * run for a few full collections. Between two rounds the press path does not run while the round is
 * closed, announced and the next one opened, and the tight heap above collects fully more often: the
 * first presses of the next round then ran in freshly compiled, unoptimized code, on both cores at
 * once, and were the slowest of the round (the ack p99 of the bench, issue 13). The app's code is a
 * few megabytes, kept once compiled. Takes effect when set at run time (checked in Node 22).
 */
export const V8_FLAGS = [`--heap-growing-percent=${HEAP_GROWING_PERCENT}`, '--no-flush-bytecode'];

/** Sets V8_FLAGS; called once at start (cli/serve.ts, electron/main.ts), before the heap has grown. */
export function applyV8Flags(): void {
  for (const flag of V8_FLAGS) setFlagsFromString(flag);
}
