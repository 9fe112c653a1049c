// The rule of a round's time limit in words (domain/time-up.ts): a countdown that has run out says
// 限时已到 on every face, and the console's row of a round its timer could not close says why it is
// still open as things are now — the data-loss notice still to look at, the store stopped, or, once
// the notice is acknowledged, only the secretary's 结束表决 left to wait for.
import { describe, expect, it } from 'vitest';
import { TIME_UP, TIMER_HOLDS, timeIsUp, timerHeldWords } from '../../../src-main/domain/time-up';

describe('限时已到', () => {
  it('once nothing is left in whole seconds (the faces round up: 0.2 s left still shows 0:01)', () => {
    expect(TIME_UP).toBe('限时已到');
    expect([0, -3].map(timeIsUp)).toEqual([true, true]);
    expect([0.2, 1, 25].map(timeIsUp)).toEqual([false, false, false]);
  });

  it('a held round asks to look at the notice only while it is pending; acknowledged, it waits for 结束表决', () => {
    expect(timerHeldWords('notice')).toBe('限时已到，但会议主机报告部分已确认的记录可能已丢失，本轮表决没有自动结束。请先查看并确认数据完整性提示，请委员核对终端上显示的选择（未记录的可重新按键），再点“结束表决”。');
    const released = timerHeldWords('released');
    expect(released).toBe('限时已到，本轮表决没有自动结束。数据完整性提示已确认，请委员核对终端上显示的选择（未记录的可重新按键），会务人员确认后点“结束表决”。');
    expect(released).not.toMatch(/请先查看|可能已丢失/);
    expect(timerHeldWords('stopped')).not.toMatch(/确认数据完整性提示/);
    for (const h of TIMER_HOLDS) expect(timerHeldWords(h).startsWith(`${TIME_UP}，`)).toBe(true);
  });
});
