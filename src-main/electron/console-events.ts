// Pushes the live session to the console windows (window.yishi.onEvent): the same frames the
// WebSocket hub sends a browser console, scoped and coalesced the same way (server/scopes.ts).
// What only the hub sees (terminals connecting or dropping, a refused seat code) arrives through
// hub.onConsoleChange, and the connections refused for the bound as the hub's `refusals` frames: no polling.
import type { RunningServer } from '../app/server';
import { consoleState } from '../meeting/views';
import { scopeOf } from '../server/scopes';
import { refusalsFrame } from '../server/refusal-record';
import { movesSpeakers, speakersFrame } from '../server/speaker-frames';
import type { ServerFrame } from '../shared/protocol';
import { sendToConsoles } from './ipc';

const STATE_DELAY_MS = 50;
const PROGRESS_DELAY_MS = 200;

export function forwardLiveState(running: RunningServer): () => void {
  const { engine } = running.core;
  let timer: NodeJS.Timeout | null = null;
  const send = (frame: ServerFrame) => sendToConsoles(frame);
  const push = () => {
    timer = null;
    try {
      send({ type: 'state', state: consoleState(engine, running.hub.unpaired()) });
    } catch (e) {
      console.error('[console-events]', e);
    }
  };
  const schedule = (delay: number) => {
    if (!timer) timer = setTimeout(push, delay);
  };
  const off = engine.on((e) => {
    if (e.type !== 'changed') return;
    const scope = scopeOf(e.parts);
    if (scope.consoles) schedule(scope.everyone ? STATE_DELAY_MS : PROGRESS_DELAY_MS);
    if (e.parts.some((p) => p !== 'progress')) send({ type: 'changed', parts: e.parts });
    if (movesSpeakers(e.parts)) send(speakersFrame(engine));
  });
  const offHub = running.hub.onConsoleChange(() => {
    schedule(STATE_DELAY_MS);
    send({ type: 'changed', parts: ['terminals'] });
  });
  const refused = running.hub.limits.refused;
  const offRefusals = refused.onChange(() => send(refusalsFrame(refused)));
  return () => {
    off();
    offHub();
    offRefusals();
    if (timer) clearTimeout(timer);
  };
}
