// Pushes the live session to the console windows (window.yishi.onEvent): the same `state` frames the
// WebSocket hub sends a browser console, coalesced the same way. A slow refresh also catches what
// only the hub sees (terminals connecting or dropping, unpaired tablets).
import type { RunningServer } from '../app/server';
import { consoleState } from '../meeting/views';
import { sendToConsoles } from './ipc';

const STATE_DELAY_MS = 50;
const PROGRESS_DELAY_MS = 200;
const REFRESH_MS = 2000;

export function forwardLiveState(running: RunningServer): () => void {
  const { engine } = running.core;
  let timer: NodeJS.Timeout | null = null;
  const push = () => {
    timer = null;
    try {
      sendToConsoles({ type: 'state', state: consoleState(engine, running.hub.unpaired()) });
    } catch (e) {
      console.error('[console-events]', e);
    }
  };
  const schedule = (delay: number) => {
    if (!timer) timer = setTimeout(push, delay);
  };
  const off = engine.on((e) => schedule(e.type === 'changed' && e.parts.every((p) => p === 'progress') ? PROGRESS_DELAY_MS : STATE_DELAY_MS));
  const refresh = setInterval(() => {
    if (engine.liveSession()) schedule(STATE_DELAY_MS);
  }, REFRESH_MS);
  return () => {
    off();
    clearInterval(refresh);
    if (timer) clearTimeout(timer);
  };
}
