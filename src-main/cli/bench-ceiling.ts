// The ingest's last reference figure for `npm run bench`: the same closed loop (every client sends one
// frame, waits for its answer, sends again) over raw TCP, against a child process that only writes
// back the bytes it reads. No WebSocket library on either side (the client's frames are prebuilt, the
// server answers the upgrade with fixed bytes and never parses a frame), no JSON, no storage: what
// one Node process can turn around over as many loopback connections on this machine, the ceiling of
// any server of presses here, however little it does per press (tcp_echo_ingest_per_s).
import net from 'node:net';
import { cmdFrame, settle, spawnUntil } from './bench-support';

const TCP_ECHO_SERVER_SOURCE = `
const net = require('node:net');
const UPGRADED = 'HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\n\\r\\n';
const server = net.createServer((s) => {
  s.setNoDelay(true);
  let upgraded = false;
  s.on('data', (d) => {
    if (upgraded) return s.write(d);
    upgraded = true;
    s.write(UPGRADED);
  });
});
server.listen(0, '127.0.0.1', 1023, () => console.log('ECHO ' + server.address().port));
`;

/** A client's WebSocket text frame of `payload`: masked, as a client must, with the zero key (the bytes go as they are). */
function clientFrame(payload: string): Buffer {
  const body = Buffer.from(payload);
  const head = body.length < 126 ? Buffer.from([0x81, 0x80 | body.length]) : Buffer.from([0x81, 0x80 | 126, body.length >> 8, body.length & 255]);
  return Buffer.concat([head, Buffer.alloc(4), body]);
}

function connect(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'));
    s.setNoDelay(true);
    s.once('error', reject);
    s.once('data', () => {
      s.off('error', reject);
      resolve(s);
    });
  });
}

/** n raw connections pressing in a closed loop for `seconds` (frames of a press's size); answered frames per second. */
export async function tcpEchoIngest(n: number, seconds: number): Promise<number> {
  const { proc, match } = await spawnUntil(['-e', TCP_ECHO_SERVER_SOURCE], /ECHO (\d+)/);
  try {
    const port = Number(match[1]);
    const sockets: net.Socket[] = [];
    for (let i = 0; i < n; i += 250) sockets.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, () => connect(port)))));
    const frame = clientFrame(cmdFrame(9_000_000, 'terminal.vote', { ballotId: 1, choice: 'yes', pressSeq: 1 }));
    await settle();
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    const acked = await new Promise<number>((resolve) => {
      let answered = 0;
      let running = sockets.length;
      for (const s of sockets) {
        let received = 0;
        s.on('data', (d: Buffer) => {
          received += d.length; // one frame in flight: its answer is complete once as many bytes are back
          if (received < frame.length) return;
          received -= frame.length;
          answered++;
          if (performance.now() < until) s.write(frame);
          else if (--running === 0) resolve(answered);
        });
        s.write(frame);
      }
    });
    const ms = performance.now() - t0;
    for (const s of sockets) s.destroy();
    return Math.round(acked / (ms / 1000));
  } finally {
    proc.kill('SIGKILL');
  }
}
