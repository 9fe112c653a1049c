// One formatter of a time of day for every face and document (domain/clock.ts): Beijing time, "09:32",
// whatever the clock of the device or the server is set to — so the console's list of decisions undone
// and the 会议记录 read the same instant the same.
import { afterEach, describe, expect, it } from 'vitest';
import { beijingInstant, clockTime } from '../../../src-main/domain/clock';

const saved = process.env.TZ;
afterEach(() => {
  process.env.TZ = saved;
});

describe('a time of day is said in Beijing time', () => {
  it('reads the same on any machine’s clock', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Shanghai', 'Europe/Berlin']) {
      process.env.TZ = tz;
      expect(clockTime('2026-09-22T01:32:00.000Z')).toBe('09:32');
      expect(clockTime('2026-09-22T16:05:59.000Z')).toBe('00:05'); // after midnight in Beijing
      expect(clockTime('2026-09-22T09:32:00+08:00')).toBe('09:32');
      expect(clockTime('2026-09-22T01:32:07.900Z', true)).toBe('09:32:07');
    }
  });

  it('agrees with the Asia/Shanghai zone of the platform', () => {
    const iso = '2026-03-08T02:07:00.000Z';
    expect(clockTime(iso)).toBe(new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 5));
  });

  it('none or an unreadable time is blank', () => {
    expect(clockTime(null)).toBe('');
    expect(clockTime('不是时间')).toBe('');
  });

  it('a time typed in the console is read as Beijing time of that day, and says itself back', () => {
    process.env.TZ = 'America/New_York';
    expect(beijingInstant('2026-09-22', '09:32')).toBe('2026-09-22T01:32:00.000Z');
    expect(clockTime(beijingInstant('2026-09-22', '09:32'))).toBe('09:32');
    expect(beijingInstant('2026-09-22', '')).toBeNull();
  });
});
