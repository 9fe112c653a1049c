// 下一项 / 上一项 once: the console says which item it stepped from, so a repeat (a double click, a
// second console window, a retried call) moves nothing again. Before, two consoles clicking 下一项 at
// once moved the session two items on: the item between was skipped on every terminal and the big
// screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { adminCalls } from '../helpers/admin-core';
import { tempDataDir } from '../helpers/server';
import { twice as twiceOn } from '../helpers/two-consoles';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let running: RunningServer;
let s16: Session16;
const must = (name: string, input?: unknown) => adminCalls(running.core).must(name, input);

const twice = (name: string, input: unknown) => twiceOn(running, name, input);
const moves = () => running.core.store.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'agenda.current'").pluck().get() as number;

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-step-repeat-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(() => running.close());

describe('a step of the agenda is taken once', () => {
  it('two 下一项 from the same item move one item on, and both consoles are answered with it', async () => {
    expect((await must('live.state')).currentItem.id).toBe(s16.items[0]!.id);
    const before = moves();
    const [a, b] = await twice('live.next', { fromItemId: s16.items[0]!.id });
    expect([a.value.currentItem.id, b.value.currentItem.id]).toEqual([s16.items[1]!.id, s16.items[1]!.id]);
    expect(moves()).toBe(before + 1);
  });

  it('two 下一项 onto the handling report reach it once; the item after it is not skipped', async () => {
    const before = moves();
    const [a, b] = await twice('live.next', { fromItemId: s16.items[1]!.id });
    expect([a.value.currentItem.id, b.value.currentItem.id]).toEqual([s16.items[2]!.id, s16.items[2]!.id]);
    expect(moves()).toBe(before + 1);
    expect((await must('live.state')).currentItem.id).toBe(s16.items[2]!.id);
  });

  it('two 上一项 the same way', async () => {
    const [a, b] = await twice('live.prev', { fromItemId: s16.items[2]!.id });
    expect([a.value.currentItem.id, b.value.currentItem.id]).toEqual([s16.items[1]!.id, s16.items[1]!.id]);
  });

  it('a step without the item it starts from still steps from wherever the current item is', async () => {
    await twice('live.next', {});
    expect((await must('live.state')).currentItem.id).toBe(s16.items[3]!.id);
  });

  it('refuses an item id that is not a number, in Chinese', async () => {
    const [r] = await twice('live.next', { fromItemId: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
