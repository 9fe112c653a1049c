// The room the secrecy tests at scale start from: the real server (`out/main/serve.js`) with a key
// folder of its own, the 第十六次会议 open with every member signed in on a terminal over a real socket,
// business started; and a fixed shuffle of the members (the same on every run) to press in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { startServe, tempDataDir, type ServeProcess } from './server';
import { prepareSession16, type Session16 } from './session-fixture';
import { pairAndSignIn } from './live-setup';

export interface SecrecyRoom {
  server: ServeProcess;
  s16: Session16;
  clients: TerminalClient[];
}

/** `prepare` runs before the session opens (agenda items to add). */
export async function signedInRoom(label: string, prepare?: (room: Omit<SecrecyRoom, 'clients'>) => Promise<void>): Promise<SecrecyRoom> {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), `yishi-${label}-keys-`));
  const server = await startServe({ dataDir: tempDataDir(`yishi-${label}-`), env: { YISHI_KEY_DIR: keyDir } });
  const s16 = await prepareSession16(server.must);
  await prepare?.({ server, s16 });
  await server.must('live.open', { sessionId: s16.sessionId });
  const clients = await pairAndSignIn(server.must, `ws://127.0.0.1:${server.port}/ws`, s16.members);
  await server.must('live.startBusiness');
  return { server, s16, clients };
}

export async function closeRoom(room: SecrecyRoom | undefined): Promise<void> {
  for (const t of room?.clients ?? []) await t.close();
  await room?.server.stop();
}

/** The indexes 0…count−1 in a fixed shuffled order for `seed`. */
export function shuffled(count: number, seed: number): number[] {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0) >>> 8);
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
