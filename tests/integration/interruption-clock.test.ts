// The notice after an interrupted run says its times as every face and document does (domain/clock.ts):
// Beijing time, to the second, whatever zone the meeting machine is set to — never the server's own
// locale time beside a 会议记录 that prints Beijing time.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { clockTime } from '../../src-main/domain/clock';

let admin: AdminCore | undefined;
const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});
afterAll(() => admin?.close());

describe('the interruption notice', () => {
  it('says when the app restarted in Beijing time, on a machine set to New York', async () => {
    process.env.TZ = 'America/New_York';
    admin = openAdminCore('yishi-interruption-clock-');
    admin.core.engine.noteInterruption('2026-09-22T01:00:00.000Z');
    const notice = admin.core.engine.interruptions[0]!;
    const beijing = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    expect(notice.message).toContain(`已于${beijing(notice.resumedAt)}重新启动`);
    expect(beijing(notice.resumedAt)).toBe(clockTime(notice.resumedAt, true));
  });
});
