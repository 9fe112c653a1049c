// A paper 表决票 ballot records the sheets as the secretary counted them: handed out (发出), handed
// back (收回) and invalid (无效票); only valid sheets carry a vote, so 赞成 + 反对 + 弃权 = 有效票
// (domain/paper-ballot.ts). The sheets are kept with the result (ballots.sheets_*), corrected with it,
// and printed on the 表决结果, the 表决结果汇总表 and in the 主持词. Impossible sheets are refused with a
// Chinese message and change nothing. Through the command map on a real SQLite file, the PDFs read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { openAndStartBusiness } from '../helpers/live-setup';

let admin: AdminCore;
let s16: Session16;
let ballotId = 0;
const SHEETS_TEXT = '发出表决票30张，收回29张，其中有效票27张，无效票2张';
const voteItem = () => s16.items.find((i) => i.kind === 'vote')!;
const pdf = async (input: object, name: string) => {
  const f = await admin.must('id' in input ? 'documents.render' : 'documents.pdf', input);
  const data = Buffer.from(f.base64, 'base64');
  savePdf(name, data);
  return pdfText(data).replace(/\s+/g, '');
};
const row = () => admin.core.store.db.prepare('SELECT yes, no, abstain, sheets_issued, sheets_returned, sheets_invalid, adopted FROM ballots WHERE id = ?').get(ballotId);

beforeAll(async () => {
  admin = openAdminCore('yishi-paper-ballot-sheets-');
  s16 = await prepareSession16(admin.must);
  await openAndStartBusiness(admin.must, s16, 30);
  ballotId = (await admin.must('ballots.create', { itemId: voteItem().id, secret: true, pressRule: 'last', method: 'paper' })).id;
});
afterAll(() => admin.close());

describe('paper 表决票: 发出, 收回, 无效', () => {
  it('refuses sheets that cannot be counted, naming the fault, and writes nothing', async () => {
    const tries: [object, string][] = [
      [{ yes: 20, no: 5, abstain: 3, sheets: { issued: 30, returned: 29, invalid: 2 } }, '赞成、反对、弃权合计28票，应等于有效票27张'],
      [{ yes: 20, no: 5, abstain: 5, sheets: { issued: 29, returned: 30, invalid: 0 } }, '收回表决票30张，多于发出的29张，本次表决无效，应重新表决'],
      [{ yes: 20, no: 5, abstain: 2, sheets: { issued: 31, returned: 29, invalid: 2 } }, '发出表决票31张，多于实到的30人'],
    ];
    for (const [input, message] of tries) {
      const r = await admin.call('ballots.enterResult', { ballotId, ...input });
      expect(r.ok ? null : r.error).toMatchObject({ code: 'BAD_INPUT' });
      expect(r.ok ? '' : r.error.message).toContain(message);
    }
    expect((await admin.must('ballots.get', { ballotId })).state).toBe('draft');
    expect(row()).toMatchObject({ yes: null, sheets_issued: null });
  });

  it('keeps the sheets with the result: 27 valid of 29 returned, 赞成20 of 33 members adopts', async () => {
    const b = await admin.must('ballots.enterResult', { ballotId, yes: 20, no: 5, abstain: 2, sheets: { issued: 30, returned: 29, invalid: 2 } });
    expect(b.result).toMatchObject({ yes: 20, no: 5, abstain: 2, adopted: true, sheets: { issued: 30, returned: 29, invalid: 2 } });
    expect(row()).toEqual({ yes: 20, no: 5, abstain: 2, sheets_issued: 30, sheets_returned: 29, sheets_invalid: 2, adopted: 1 });
  });

  it('prints them on the 表决结果, the 汇总表 and in the 主持词', async () => {
    expect(await pdf({ kind: 'ballotResult', ballotId }, 'paper-sheets-result')).toContain(`表决票：${SHEETS_TEXT}。`);
    expect(await pdf({ kind: 'resultSheet', sessionId: s16.sessionId }, 'paper-sheets-summary')).toContain(SHEETS_TEXT);
    expect(await pdf({ sessionId: s16.sessionId, id: 'chairScript', format: 'pdf' }, 'paper-sheets-script')).toContain(`表决结果：${SHEETS_TEXT}。赞成20票，反对5票，弃权2票，通过。`);
  });

  it('a correction keeps the sheets unless they are corrected too, and is checked against them', async () => {
    const bad = await admin.call('ballots.correctResult', { ballotId, yes: 21, no: 5, abstain: 2, reason: '重新清点' });
    expect(bad.ok ? '' : bad.error.message).toContain('应等于有效票27张');
    await admin.must('ballots.correctResult', { ballotId, yes: 21, no: 4, abstain: 2, reason: '重新清点' });
    expect(row()).toMatchObject({ yes: 21, no: 4, sheets_invalid: 2 });
    await admin.must('ballots.correctResult', { ballotId, yes: 21, no: 5, abstain: 2, sheets: { issued: 30, returned: 29, invalid: 1 }, reason: '一张误判为无效票' });
    expect(row()).toMatchObject({ yes: 21, no: 5, abstain: 2, sheets_returned: 29, sheets_invalid: 1 });
  });

  it('a show of hands has no sheets to enter', async () => {
    await admin.must('ballots.announce', { ballotId });
    const hands = (await admin.must('ballots.create', { itemId: voteItem().id, secret: false, pressRule: 'last', method: 'show_of_hands' })).id;
    const r = await admin.call('ballots.enterResult', { ballotId: hands, yes: 20, no: 5, abstain: 2, sheets: { issued: 30, returned: 29, invalid: 2 } });
    expect(r.ok ? '' : `${r.error.code} ${r.error.message}`).toBe('BAD_INPUT 举手表决没有表决票，不能录入表决票张数');
  });
});
