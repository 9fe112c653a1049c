// Repeats are harmless: a second 闭会 (a double click, a retried request whose answer was lost, a second
// console window) answers that the session has closed — "……已闭会，无需再次闭会" — and changes nothing,
// never "当前没有正在进行的会议". A stale 闭会 naming a session that has closed never closes the next one,
// opened since. Closing when no session has ever been held is still refused.
import { afterAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession16 } from '../helpers/session-fixture';

let admin: AdminCore | undefined;
afterAll(() => admin?.close());

describe('闭会 again', () => {
  it('answers that the session has closed and changes nothing; it never closes the session opened since', async () => {
    admin = openAdminCore('yishi-close-repeat-');
    const { call, must } = admin;
    expect(await call('live.close', {})).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('当前没有正在进行的会议') } });
    const s16 = await prepareSession16(must);
    await must('live.open', { sessionId: s16.sessionId });
    const title = (await must('sessions.get', { id: s16.sessionId })).session.title;

    const first = await must('live.close', { sessionId: s16.sessionId });
    expect(first).toMatchObject({ alreadyClosed: false, message: `“${title}”已闭会`, session: { id: s16.sessionId, title }, view: null });
    const audited = () => admin!.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const before = audited();
    for (const input of [{ sessionId: s16.sessionId }, {}]) {
      expect(await call('live.close', input)).toEqual({
        ok: true,
        value: { alreadyClosed: true, message: `“${title}”已闭会，无需再次闭会`, session: { id: s16.sessionId, title, closedAt: first.session.closedAt }, view: null },
      });
    }
    expect(audited()).toBe(before);

    // The next session opens; a stale 闭会 of the one before leaves it open.
    const next = await must('sessions.create', { term: 2, number: 17, date: '2026-10-20', startTime: '09:00', place: '区人大常委会会议室', chair: '邱东竹', expectedMembers: 33 });
    await must('live.open', { sessionId: next.id });
    expect(await must('live.close', { sessionId: s16.sessionId })).toMatchObject({ alreadyClosed: true });
    expect((await must('live.state')).session).toMatchObject({ id: next.id, status: 'open' });
    expect(await call('live.close', { sessionId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await must('live.close', { sessionId: next.id })).toMatchObject({ alreadyClosed: false });
  });
});
