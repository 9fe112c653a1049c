// 文号 of review opinions through the command API on a real SQLite file: the secretary sets or changes
// a draft's sequence number before it is sent, checked against the numbers the year has used; older
// paper opinions are registered with their own numbers; a sent opinion's number cannot change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src-main/store/audit';
import { openAdminCore } from '../helpers/admin-core';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

const app = openAdminCore('yishi-review-numbers-');
const { core, call, must } = app;
let s16: Session16;
const refusal = async (name: string, input: unknown) => {
  const r = await call(name, input);
  return r.ok ? 'accepted' : `${r.error.code} ${r.error.message}`;
};

beforeAll(async () => {
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
});
afterAll(() => app.close());

describe('document numbers (文号)', () => {
  let medical: number;
  let court: number;

  it('a draft takes the number the secretary sets, leaving room for older paper opinions; the year’s numbers are listed', async () => {
    medical = (await must('opinions.createDraft', { itemId: s16.items[0]!.id })).id;
    court = (await must('opinions.createDraft', { itemId: s16.items[1]!.id })).id;
    expect(await must('opinions.assignNumber', { id: medical, seq: 12 })).toMatchObject({ docNumber: '示人常审〔2026〕12号' });
    expect(await must('opinions.numbers', { prefix: '示人常审', year: 2026 })).toMatchObject({ used: [{ seq: 12, opinionId: medical, sent: false }], next: 13 });
    // The same number for another draft is refused, saying who holds it and what is free.
    expect(await refusal('opinions.assignNumber', { id: court, seq: 12 })).toBe(
      'CONFLICT 文号示人常审〔2026〕12号已被使用（示例区人民代表大会常务委员会关于区人民政府医疗保障基金使用情况报告的审议意见），本年度下一个可用序号为13',
    );
    // Changed before sending: 12 → 15, and 12 is free again.
    expect(await must('opinions.assignNumber', { id: medical, seq: 15 })).toMatchObject({ docNumber: '示人常审〔2026〕15号' });
    expect(await must('opinions.assignNumber', { id: court, seq: 12 })).toMatchObject({ docNumber: '示人常审〔2026〕12号' });
  });

  it('older paper opinions are registered with their own numbers; a number a draft holds is refused with a hint', async () => {
    for (const [n, title] of [
      [3, '区人民政府关于开发区建设情况的报告'],
      [7, '区人民政府关于河长制工作情况的报告'],
    ] as const) {
      expect(await must('opinions.register', { reportTitle: title, docNumber: `示人常审〔2026〕${n}号`, sentAt: '2026-03-01' })).toMatchObject({ docNumber: `示人常审〔2026〕${n}号`, status: 'sent' });
    }
    expect(await refusal('opinions.register', { reportTitle: '区人民政府关于某事的报告', docNumber: '示人常审〔2026〕12号', sentAt: '2026-03-01' })).toMatch(
      /^CONFLICT 文号示人常审〔2026〕12号已被使用（.*公益诉讼.*）；该草稿尚未交办，可先为它改用其他文号$/,
    );
    expect((await must('opinions.numbers', { prefix: '示人常审', year: 2026 })).used.map((u: any) => u.seq)).toEqual([3, 7, 12, 15]);
  });

  it('sending keeps the number set by hand; a sent opinion’s number cannot change', async () => {
    expect(await must('opinions.send', { id: medical, sentAt: '2026-09-25' })).toMatchObject({ docNumber: '示人常审〔2026〕15号', status: 'sent' });
    expect(await refusal('opinions.assignNumber', { id: medical, seq: 16 })).toMatch(/^INVALID_STATE .*已经交办，不能再修改/);
    expect(verifyAuditLog(core.store.db)).toMatchObject({ ok: true, driftedRows: [] });
  });
});
