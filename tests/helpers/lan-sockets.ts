// Connections that count against the meeting machine's bound (server/connection-limits.ts): from the
// machine's own LAN address, not the loopback (which is never refused). A server started with
// `--host 0.0.0.0` takes them; MAX_PER_ADDRESS of them fill this address's places, so the next page
// opened at `http://<lanAddress()>:<port>/` is refused as a tablet or a projector of the room would be.
import os from 'node:os';
import WebSocket from 'ws';

/** The machine's LAN address (IPv4, not internal): sockets from it count as a device's. */
export function lanAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  throw new Error('no LAN address on this machine');
}

/**
 * `n` sockets to `ws://host:port/ws`, each greeted and identified as a big screen (hello-ok), so none
 * is closed for staying unpaired (UNPAIRED_IDLE_MS): they hold their places until the test closes them.
 */
export async function holdPlaces(host: string, port: number, n: number): Promise<WebSocket[]> {
  const held: WebSocket[] = [];
  for (let i = 0; i < n; i++) {
    const ws = new WebSocket(`ws://${host}:${port}/ws`);
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (d) => {
        const type = JSON.parse(d.toString()).type;
        if (type === 'welcome') ws.send(JSON.stringify({ type: 'hello', role: 'display' }));
        else if (type === 'hello-ok') resolve();
      });
      ws.once('error', reject);
    });
    held.push(ws);
  }
  return held;
}
