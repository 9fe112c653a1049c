// 专题询问 and 质询案 (监督法 2024 arts. 47–51) through the command API on a real SQLite file: a
// 质询案 filed by fewer members than the setting is refused, with three it is accepted; each item's
// 研究处理情况报告 is tracked in the register like a review opinion's handling report (sent, linked,
// heard, assessed, 需再次报告); a draft from remarks is in the third person; the audit chain verifies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyHandlingAssessment } from '../../src-main/review/handlings';
import { registerRows } from '../../src-main/review/register';
import { verifyAuditLog } from '../../src-main/store/audit';
import { openAdminCore } from '../helpers/admin-core';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

const app = openAdminCore('yishi-oversight-');
const { core, call, must } = app;
let s16: Session16;
const who = { actor: '会务工作人员', source: 'test' };

let inquiryId: number;
let interpellationId: number;

beforeAll(async () => {
  s16 = await prepareSession16(must);
});
afterAll(() => app.close());

describe('专题询问 and 质询案 on the agenda', () => {
  it('refuses a 质询案 filed by two members (county level needs three), accepts it with three', async () => {
    const item = {
      sessionId: s16.sessionId,
      kind: 'interpellation',
      title: '关于区人民政府老旧小区改造工程进度滞后问题的质询案',
      details: { filers: s16.members.slice(5, 7).map((m) => m.id), addressee: '区人民政府', questionsText: '一、改造工程为何滞后？\n二、资金使用情况如何？' },
    };
    const two = await call('agenda.add', item);
    expect(two.ok ? 'ok' : `${two.error.code} ${two.error.message}`).toBe('BAD_INPUT 质询案须由常委会组成人员3人以上联名提出，现有2人联名');
    const noBody = await call('agenda.add', { ...item, details: { ...item.details, filers: s16.members.slice(5, 8).map((m) => m.id), addressee: '' } });
    expect(noBody.ok ? 'ok' : noBody.error.message).toMatch(/受质询机关/);
    const three = await must('agenda.add', { ...item, details: { ...item.details, filers: s16.members.slice(5, 8).map((m) => m.id) } });
    interpellationId = three.id;
    expect(three.details.filers).toHaveLength(3);
    const inquiry = await must('agenda.add', {
      sessionId: s16.sessionId,
      kind: 'inquiry',
      title: '对全区养老服务体系建设情况开展专题询问',
      presenter: '区人民政府 副区长',
      details: { questions: [{ asker: '郭志委员', official: '区民政局局长', question: '我想问一下，农村养老服务站为什么大多没有运营？', answer: '正在引入社会力量运营。' }] },
    });
    inquiryId = inquiry.id;
  });

  it('each gets its register entry; the 质询案 names its filers and the body questioned', async () => {
    await must('live.open', { sessionId: s16.sessionId });
    await must('remarks.add', { itemId: inquiryId, memberId: s16.members[9]!.id, text: '我同意郭志委员的意见，我认为农村养老服务站运营率偏低。' });
    const inq = await must('opinions.createDraft', { itemId: inquiryId });
    expect(inq).toMatchObject({ origin: 'inquiry', addressee: '区人民政府', status: 'draft' });
    expect(inq.title).toBe('示例区人民代表大会常务委员会\n关于全区养老服务体系建设情况专题询问的审议意见');
    expect(inq.opening).toBe('区第二届人大常委会第十六次会议就全区养老服务体系建设情况开展了专题询问。现将常委会组成人员在专题询问中提出的意见整理如下：');
    const texts = inq.body.map((b: any) => b.text);
    expect(texts).toContain('有的委员询问，农村养老服务站为什么大多没有运营？');
    expect(texts).toContain('有的委员指出，农村养老服务站运营率偏低。');
    expect(texts.join('')).not.toMatch(/(^|[，。；])我/);

    const q = await must('opinions.createDraft', { itemId: interpellationId });
    const names = s16.members.slice(5, 8).map((m) => m.name).join('、');
    expect(q).toMatchObject({ origin: 'interpellation', addressee: '区人民政府', title: '示例区人民代表大会常务委员会\n关于区人民政府老旧小区改造工程进度滞后问题的质询案' });
    expect(q.opening).toBe(`常委会组成人员${names}等3人联名提出质询案，经主任会议决定，交由区人民政府答复。`);
    expect(q.body.map((b: any) => b.text)).toEqual(['质询的问题', '一、改造工程为何滞后？', '二、资金使用情况如何？', '答复情况', '（答复后填写）']);
    const forSession = await must('opinions.forSession', { sessionId: s16.sessionId });
    expect(forSession.items.map((i: any) => i.kindLabel)).toEqual(['听取审议报告', '听取审议报告', '质询案', '专题询问']);
  });

  it('the 研究处理情况报告 of the 质询案 runs the register loop: sent, linked, heard, 不满意 → 需再次报告', async () => {
    const q = (await must('opinions.forSession', { sessionId: s16.sessionId })).items.find((i: any) => i.itemId === interpellationId);
    const sent = await must('opinions.send', { id: q.opinionId, sentAt: '2026-09-25' });
    expect(sent).toMatchObject({ status: 'sent', docNumber: '示人常审〔2026〕1号', deadline: '2026-12-25' });
    const handling = s16.items[2]!.id;
    expect(await must('opinions.linkHandling', { opinionId: q.opinionId, itemId: handling })).toMatchObject({ round: 1 });
    const again = applyHandlingAssessment(core.store, who, handling, '不满意');
    expect(again).toMatchObject({ status: 'report_again', statusLabel: '需再次报告' });
    const row = registerRows(core.store, who, '2026-09-26').find((r) => r.id === q.opinionId)!;
    expect(row).toMatchObject({ origin: 'interpellation', statusLabel: '需再次报告' });
    expect(row.handlings).toHaveLength(1);
    expect(verifyAuditLog(core.store.db)).toMatchObject({ ok: true, driftedRows: [] });
  });
});
