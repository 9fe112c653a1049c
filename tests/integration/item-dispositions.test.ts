// 暂不付表决 and 撤回 (domain/item-disposition.ts, store/item-dispositions.ts): the secretary records
// on an agenda item that it is not put to the vote in this session (the chair's decision on the 主任会议's
// proposal) or that its proposer withdrew it, with the reason. Rows in the real SQLite file, the audit
// entries; no round of such an item begins (ITEM_DEFERRED / ITEM_WITHDRAWN, nothing written); undone
// before 闭会 (the row keeps when and why), refused after it; the live views carry the line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { markAttendance } from '../helpers/live-setup';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let admin: AdminCore;
let s16: Session16;
let voteItem: number;
let appointmentItem: number;
let reportItem: number;
let lawItem: number;
let regulationItem: number;
let interpellationItem: number;
const flat = (t: string) => t.replace(/\s+/g, '');
const DEFER_REASON = '部分条款争议较大，需进一步调研论证';
const WITHDRAW_REASON = '拟任人选情况发生变化';
const UNDO_REASON = '主任会议研究后同意本次会议表决';
const INTERPELLATION_REASON = '受质询机关已作出整改，提出人书面要求撤回';
const REGULATION_REASON = '提案人书面要求撤回，主任会议同意';
const REGULATION_LINE = `提案人撤回，对该议案的审议即行终止（理由：${REGULATION_REASON}）。`;
const APPOINTMENT_LINE = `提请人撤回，对该任免案的审议即行终止（理由：${WITHDRAW_REASON}）。`;
const INTERPELLATION_LINE = `质询案提出人撤回质询案，该质询案的质询即行终止（理由：${INTERPELLATION_REASON}）。`;

const rowsOf = (itemId: number) => admin.core.store.db.prepare('SELECT item_id, kind, reason, undone_at IS NOT NULL AS undone, undo_reason FROM item_dispositions WHERE item_id = ? ORDER BY id').all(itemId);
const footprint = () => ({
  audit: admin.core.store.db.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  ballots: admin.core.store.db.prepare('SELECT id, state, opened_at FROM ballots ORDER BY id').all(),
  dispositions: admin.core.store.db.prepare('SELECT * FROM item_dispositions ORDER BY id').all(),
});

beforeAll(async () => {
  admin = openAdminCore('yishi-dispositions-');
  s16 = await prepareSession16(admin.must);
  voteItem = s16.items.find((i) => i.kind === 'vote')!.id;
  appointmentItem = s16.items.find((i) => i.kind === 'appointment')!.id;
  reportItem = s16.items.find((i) => i.kind === 'report')!.id;
  lawItem = (await admin.must('agenda.add', { sessionId: s16.sessionId, kind: 'vote', title: '审议某某区物业管理若干规定（草案）' })).id;
  regulationItem = (await admin.must('agenda.add', { sessionId: s16.sessionId, kind: 'vote', title: '审议某某市养犬管理条例（草案）' })).id;
  interpellationItem = (
    await admin.must('agenda.add', {
      sessionId: s16.sessionId,
      kind: 'interpellation',
      title: '关于区人民政府老旧小区改造工程进度滞后问题的质询案',
      details: { filers: s16.members.slice(5, 8).map((m) => m.id), addressee: '区人民政府', questionsText: '一、改造工程为何滞后？' },
    })
  ).id;
  await admin.must('live.open', { sessionId: s16.sessionId });
  await markAttendance(admin.must, s16.members.slice(0, 30));
  await admin.must('live.startBusiness', {});
});
afterAll(() => admin?.close());

describe('暂不付表决', () => {
  it('is recorded with its reason in the file and the audit log; the item then opens no round and takes no result', async () => {
    const { must, call } = admin;
    const draft = await must('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last' });
    const d = await must('agenda.dispose', { itemId: voteItem, kind: 'deferred', reason: `${DEFER_REASON}。` });
    expect(d).toMatchObject({ kind: 'deferred', reason: `${DEFER_REASON}。`, line: `本项暂不付表决（理由：${DEFER_REASON}）。` });
    expect(rowsOf(voteItem)).toEqual([{ item_id: voteItem, kind: 'deferred', reason: `${DEFER_REASON}。`, undone: 0, undo_reason: '' }]);
    const audit = admin.core.store.db.prepare("SELECT entity, data FROM audit_log WHERE action = 'agenda.defer'").all() as { entity: string; data: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.data).row).toMatchObject({ item_id: voteItem, kind: 'deferred' });

    const before = footprint();
    const refusal = (what: string) => `“审议关于开展第八个五年法治宣传教育的决议（草案）”已决定本次会议暂不付表决，不能${what}；如主持人决定恢复表决，请先撤销“暂不付表决”`;
    expect(await call('ballots.open', { ballotId: draft.id })).toEqual({ ok: false, error: { code: 'ITEM_DEFERRED', message: refusal('开始表决') } });
    expect(await call('ballots.create', { itemId: voteItem, secret: false, pressRule: 'last', method: 'show_of_hands' })).toEqual({ ok: false, error: { code: 'ITEM_DEFERRED', message: refusal('发起表决') } });
    expect(footprint()).toEqual(before);

    // the live views say so: the agenda entry and, once it is the current item, the item itself
    await must('live.setItem', { itemId: voteItem });
    const state = await must('live.state');
    expect(state.currentItem.disposition).toEqual({ kind: 'deferred', label: '暂不付表决', line: `本项暂不付表决（理由：${DEFER_REASON}）。` });
    expect(state.agenda.find((a: { id: number }) => a.id === voteItem).disposition.kind).toBe('deferred');
    expect(state.agenda.find((a: { id: number }) => a.id === reportItem).disposition).toBeNull();
  });

  it('is refused without a reason, on an item that is not voted on, twice with another reason, and undone before 闭会', async () => {
    const { must, call } = admin;
    // no reason at all is asked for in words, as a blank one is, and nothing is written
    const before = footprint();
    for (const kind of ['deferred', 'withdrawn'])
      for (const reason of [undefined, '  '])
        expect([kind, reason, await call('agenda.dispose', { itemId: voteItem, kind, reason })]).toEqual([kind, reason, { ok: false, error: { code: 'BAD_INPUT', message: '输入有误：原因：请填写理由' } }]);
    expect(footprint()).toEqual(before);
    expect(await call('agenda.dispose', { itemId: reportItem, kind: 'deferred', reason: DEFER_REASON })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: '“听取和审议区人民政府关于医疗保障基金使用情况的报告”不是需要表决的议案，不能记为暂不付表决' },
    });
    // a repeat of the same request answers with it; another is refused
    expect((await must('agenda.dispose', { itemId: voteItem, kind: 'deferred', reason: `${DEFER_REASON}。` })).id).toBe(rowsOf(voteItem).length);
    expect(await call('agenda.dispose', { itemId: voteItem, kind: 'withdrawn', reason: WITHDRAW_REASON })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(rowsOf(voteItem)).toHaveLength(1);

    // 撤销 asks its reason too: refused without one, nothing written
    const standing = footprint();
    expect(await call('agenda.undoDisposition', { itemId: voteItem })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('请填写撤销的理由') } });
    expect(await call('agenda.undoDisposition', { itemId: voteItem, reason: '  ' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(footprint()).toEqual(standing);
    const undone = await must('agenda.undoDisposition', { itemId: voteItem, reason: UNDO_REASON });
    expect(undone.undoneAt).not.toBeNull();
    expect(rowsOf(voteItem)).toEqual([{ item_id: voteItem, kind: 'deferred', reason: `${DEFER_REASON}。`, undone: 1, undo_reason: UNDO_REASON }]);
    const undoAudit = admin.core.store.db.prepare("SELECT data FROM audit_log WHERE action = 'agenda.undoDisposition'").pluck().all() as string[];
    expect(undoAudit.map((d) => JSON.parse(d).row)).toMatchObject([{ item_id: voteItem, undo_reason: UNDO_REASON }]);
    expect((await must('live.state')).currentItem.disposition).toBeNull();
    // the round begins again once undone
    const draft = admin.core.store.db.prepare("SELECT id FROM ballots WHERE item_id = ? AND state = 'draft'").pluck().get(voteItem) as number;
    expect(await must('ballots.open', { ballotId: draft })).toMatchObject({ state: 'open' });
    // while it is open, neither decision can be recorded; once it has a result, neither either
    expect(await call('agenda.dispose', { itemId: voteItem, kind: 'deferred', reason: DEFER_REASON })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await must('ballots.close', { ballotId: draft });
    expect(await call('agenda.dispose', { itemId: voteItem, kind: 'withdrawn', reason: WITHDRAW_REASON })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: '“审议关于开展第八个五年法治宣传教育的决议（草案）”已经表决，不能再记为提案人撤回' },
    });
  });
});

describe('撤回', () => {
  it('is recorded with the proposer’s reason; no round of the item begins (ITEM_WITHDRAWN); after 闭会 it can no longer be undone', async () => {
    const { must, call } = admin;
    // a 任免案 is withdrawn by its 提请人 (区长提请任免…), not a 提案人
    expect(await must('agenda.dispose', { itemId: appointmentItem, kind: 'withdrawn', reason: WITHDRAW_REASON })).toMatchObject({ label: '提请人撤回', line: APPOINTMENT_LINE });
    expect(rowsOf(appointmentItem)).toEqual([{ item_id: appointmentItem, kind: 'withdrawn', reason: WITHDRAW_REASON, undone: 0, undo_reason: '' }]);
    const before = footprint();
    expect(await call('ballots.create', { itemId: appointmentItem, secret: true, pressRule: 'last', personIndexes: [0] })).toEqual({
      ok: false,
      error: { code: 'ITEM_WITHDRAWN', message: expect.stringMatching(/^“人事任免”已由提请人撤回，审议终止，不能发起表决$/) },
    });
    expect(footprint()).toEqual(before);
    await must('agenda.dispose', { itemId: lawItem, kind: 'deferred', reason: DEFER_REASON });
    // a bill's review ends in the statute's words (立法法 art. 41), the bill named 议案 whatever its title
    expect(await must('agenda.dispose', { itemId: regulationItem, kind: 'withdrawn', reason: REGULATION_REASON })).toMatchObject({ label: '提案人撤回', line: REGULATION_LINE });
    // a 质询案 is not voted on: withdrawn by its 提出人, its 质询 ends, and no word says 不付表决
    expect(await must('agenda.dispose', { itemId: interpellationItem, kind: 'withdrawn', reason: INTERPELLATION_REASON })).toMatchObject({ label: '提出人撤回', line: INTERPELLATION_LINE });
    await must('live.setItem', { itemId: interpellationItem });
    expect((await must('live.state')).currentItem.disposition).toEqual({ kind: 'withdrawn', label: '提出人撤回', line: INTERPELLATION_LINE });
    await must('live.close', {});
    expect(await call('agenda.undoDisposition', { itemId: appointmentItem, reason: UNDO_REASON })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('已经闭会') } });
    expect(await call('agenda.dispose', { itemId: voteItem, kind: 'deferred', reason: DEFER_REASON })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('已经闭会') } });
    expect(rowsOf(appointmentItem)).toEqual([{ item_id: appointmentItem, kind: 'withdrawn', reason: WITHDRAW_REASON, undone: 0, undo_reason: '' }]);
    expect(await must('agenda.dispositions', { itemId: appointmentItem })).toHaveLength(1);
  });
});

describe('the 会议记录 and the 主持词', () => {
  it('print the line of each decision standing at 闭会, read back from the PDF, and no 本项未付表决 for them', async () => {
    const text = async (id: string) => {
      const f = await admin.must('documents.render', { sessionId: s16.sessionId, id, format: 'pdf' });
      return flat(pdfText(savePdf(`dispositions-${id}`, Buffer.from(f.base64, 'base64'))));
    };
    for (const id of ['minutes', 'chairScript']) {
      const t = await text(id);
      expect(t).toContain(flat(`本项暂不付表决（理由：${DEFER_REASON}）。`));
      expect(t).toContain(flat(APPOINTMENT_LINE));
      expect(t).toContain(flat(REGULATION_LINE));
      expect(t).toContain(flat(INTERPELLATION_LINE));
      expect(t).not.toMatch(/终止审议|，不付表决/);
      if (id === 'minutes') expect(t).toMatch(new RegExp(flat(`\\d\\d:\\d\\d记为暂不付表决（理由：${DEFER_REASON}），\\d\\d:\\d\\d撤销（理由：${UNDO_REASON}）。`)));
      expect(t).not.toContain('本项未付表决');
    }
  });
});
