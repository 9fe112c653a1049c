// A terminal's state is written to its socket as WebSocket bytes built by the server itself
// (server/state-frames.ts textFrame): they must be exactly the frame ws writes for send(text), for
// every length class of RFC 6455 (7-bit, 16-bit and 64-bit lengths) and for Chinese text, and a real
// ws receiver must read them back as the same message.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { textFrame } from '../../../src-main/server/state-frames';

// ws's own framing and parsing (its CommonJS entry exports them).
const ws = createRequire(import.meta.url)('ws') as {
  Sender: { frame(d: Buffer, o: object): Buffer[] };
  Receiver: new (o: object) => NodeJS.WritableStream & { on(e: 'message', f: (d: Buffer, binary: boolean) => void): void };
};

const wsBytes = (text: string) =>
  Buffer.concat(ws.Sender.frame(Buffer.from(text), { fin: true, opcode: 1, mask: false, readOnly: false, rsv1: false }));

describe('textFrame', () => {
  it.each([0, 1, 120, 125, 126, 127, 1500, 65535, 65536, 70000])('middle of %i bytes: the same bytes as ws, read back as the same message', async (n) => {
    const head = Buffer.from('{"type":"state","state":{"a":1},"me":"');
    const middle = '议'.repeat(Math.floor(n / 3)) + 'x'.repeat(n % 3);
    const tail = Buffer.from('"}');
    const text = `${head}${middle}${tail}`;
    const frame = textFrame(head, middle, tail);
    expect(frame.equals(wsBytes(text))).toBe(true);
    const receiver = new ws.Receiver({ isServer: false });
    const got = new Promise<[string, boolean]>((resolve) => receiver.on('message', (d, binary) => resolve([d.toString(), binary])));
    receiver.write(frame);
    expect(await got).toEqual([text, false]);
  });
});
