// 表决结果汇总表 in the agenda's order: ballots created out of order (a later item's first, the whole
// text's before a provision's) are listed item by item as the agenda has them, an item's 单独表决 before
// the vote on its whole text — read back from the PDF's 表决事项 column, and the catalogue alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { openAndStartBusiness } from '../helpers/live-setup';
import { pdfColumnText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let admin: AdminCore;
let s16: Session16;
const PROVISION = '第十二条（物业服务收费）';

beforeAll(async () => {
  admin = openAdminCore('yishi-result-order-');
  s16 = await prepareSession16(admin.must);
  await openAndStartBusiness(admin.must, s16, 30);
});
afterAll(() => admin?.close());

describe('表决结果汇总表', () => {
  it('lists the ballots in the agenda’s order, a provision’s 单独表决 before its item’s whole text, whatever order they were created in', async () => {
    const { must } = admin;
    const voteItem = s16.items.find((i) => i.kind === 'vote')!;
    const appointmentItem = s16.items.find((i) => i.kind === 'appointment')!;
    expect(s16.items.indexOf(voteItem)).toBeLessThan(s16.items.indexOf(appointmentItem)); // the fixture's agenda order
    const hands = { secret: false, pressRule: 'last', method: 'show_of_hands' } as const;
    // created: the later item's ballot first, then the whole text's, then the provision's
    const appointment = await must('ballots.create', { itemId: appointmentItem.id, ...hands, personIndexes: [0] });
    const whole = await must('ballots.create', { itemId: voteItem.id, ...hands });
    const provision = await must('ballots.create', { itemId: voteItem.id, ...hands, provision: PROVISION });
    expect([appointment.id, whole.id, provision.id]).toEqual([...[appointment.id, whole.id, provision.id]].sort((a, b) => a - b));
    await must('ballots.enterResult', { ballotId: provision.id, yes: 12, no: 10, abstain: 8 });
    await must('ballots.enterResult', { ballotId: whole.id, yes: 25, no: 3, abstain: 2 });
    await must('ballots.enterResult', { ballotId: appointment.id, yes: 28, no: 1, abstain: 1 });

    const sheet = await must('documents.render', { sessionId: s16.sessionId, id: 'resultSheet', format: 'pdf' });
    const column = pdfColumnText(savePdf('result-sheet-order', Buffer.from(sheet.base64, 'base64')), '表决事项');
    const at = (text: string) => column.indexOf(text);
    const expected = [`对${PROVISION}进行单独表决`, voteItem.title, appointment.subject as string];
    for (const t of expected) expect(at(t), t).toBeGreaterThan(-1);
    expect(expected.map(at)).toEqual(expected.map(at).sort((a, b) => a - b));

    const catalogue = await must<{ id: string }[]>('documents.catalogue', { sessionId: s16.sessionId });
    expect(catalogue.map((c) => c.id).filter((id) => id.startsWith('ballotResult:'))).toEqual([provision.id, whole.id, appointment.id].map((id) => `ballotResult:${id}`));
  });
});
