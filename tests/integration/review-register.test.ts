// The review-opinion register and the supervision loop through the command API on a real SQLite
// file: an opinion past its deadline is listed overdue (first); hearing a handling report moves its
// opinion to 已报告; a 不满意 assessment sets 需再次报告; the next handling report links back to the
// opinion as round 2; where no assessment is held the secretary's decision closes the round; the
// register exports to XLSX; every change is in the audit log and the chain verifies.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { applyHandlingAssessment } from '../../src-main/review/handlings';
import { registerRows } from '../../src-main/review/register';
import { verifyAuditLog } from '../../src-main/store/audit';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

const dataDir = tempDataDir('yishi-review-register-');
let core: Core;
let s16: Session16;
const who = { actor: '会务工作人员', source: 'test' };
const call = (name: string, input: unknown = {}) => core.dispatch(name, input, { kind: 'admin', source: 'test' });
const must = async (name: string, input: unknown = {}): Promise<any> => {
  const r = await call(name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
};

let earlierId: number; // 开发区 opinion, registered (sent in January, deadline April)
let medicalId: number; // drafted at the 第十六次会议
let handling16: number; // item 3 of the 第十六次会议

beforeAll(async () => {
  core = createCore(dataDir);
  s16 = await prepareSession16(must);
  handling16 = s16.items[2]!.id;
});
afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('review-opinion register', () => {
  it('registers an earlier opinion with its 文号 and deadline, and drafts and sends a new one numbered in the yearly sequence', async () => {
    const earlier = await must('opinions.register', {
      reportTitle: '区人民政府关于开发区建设情况的报告',
      addressee: '区人民政府',
      docNumber: '示人常审〔2026〕3号',
      sentAt: '2026-01-10',
    });
    earlierId = earlier.id;
    expect(earlier).toMatchObject({ status: 'sent', statusLabel: '已交办', deadline: '2026-04-10', docNumber: '示人常审〔2026〕3号' });
    expect(earlier.title).toBe('关于区人民政府开发区建设情况报告的审议意见');

    await must('live.open', { sessionId: s16.sessionId });
    const draft = await must('opinions.createDraft', { itemId: s16.items[0]!.id });
    medicalId = draft.id;
    expect(draft).toMatchObject({ status: 'draft', docNumber: null, addressee: '区人民政府', deadlineMonths: 3, docPrefix: '示人常审' });
    const sent = await must('opinions.send', { id: medicalId, sentAt: '2026-09-25' });
    // The year's sequence continues after the registered 3号: 4号, no zero padding.
    expect(sent).toMatchObject({ status: 'sent', docNumber: '示人常审〔2026〕4号', deadline: '2026-12-25', docDate: '2026-09-25' });
    const again = await call('opinions.update', { id: medicalId, ...sent });
    expect(again.ok ? 'ok' : again.error.message).toMatch(/已经交办，不能再修改/);
  });

  it('lists an opinion past its deadline as overdue, first', () => {
    const rows = registerRows(core.store, who, '2026-09-22');
    expect(rows.map((r) => r.id)).toEqual([earlierId, medicalId]);
    expect(rows[0]).toMatchObject({ overdue: true, overdueDays: 165, statusLabel: '已交办' });
    expect(rows[1]).toMatchObject({ overdue: false, daysLeft: 94 });
    // Before the deadline the same opinion is not overdue.
    expect(registerRows(core.store, who, '2026-04-10').find((r) => r.id === earlierId)).toMatchObject({ overdue: false, daysLeft: 0 });
  });

  it('links the handling report of the 第十六次会议 to the opinion; hearing it moves the opinion to 已报告', async () => {
    const link = await must('opinions.linkHandling', { opinionId: earlierId, itemId: handling16 });
    expect(link).toMatchObject({ round: 1, heardAt: null });
    expect((await must('opinions.get', { id: earlierId })).opinion.status).toBe('handling');
    const item = (await must('sessions.get', { id: s16.sessionId })).items.find((i: any) => i.id === handling16);
    expect(item.details.opinionId).toBe(earlierId);
    // A second opinion cannot claim the same item.
    const clash = await call('opinions.linkHandling', { opinionId: medicalId, itemId: handling16 });
    expect(clash.ok ? 'ok' : clash.error.code).toBe('CONFLICT');

    await must('live.startBusiness', { override: '测试：不需要签到' });
    await must('live.setItem', { itemId: s16.items[1]!.id });
    expect((await must('opinions.forItem', { itemId: handling16 })).opinion.status).toBe('handling');
    await must('live.setItem', { itemId: handling16 });
    // The register follows the session by itself: reaching the item records the hearing.
    const row = core.store.db.prepare('SELECT heard_at FROM opinion_handlings WHERE item_id = ?').get(handling16) as { heard_at: string | null };
    expect(row.heard_at).not.toBeNull();
    const heard = await must('opinions.forItem', { itemId: handling16 });
    expect(heard.opinion.status).toBe('reported');
    expect(heard.handling.heardAt).not.toBeNull();
  });

  it('a 不满意 handling assessment sets 需再次报告 with a new deadline; the report is owed again', async () => {
    const o = applyHandlingAssessment(core.store, who, handling16, '不满意', { consequence: '限期整改并再次报告' });
    expect(o).toMatchObject({ id: earlierId, status: 'report_again', statusLabel: '需再次报告' });
    expect(o!.deadline! > '2026-04-10').toBe(true);
    const [h] = (await must('opinions.get', { id: earlierId })).handlings;
    expect(h).toMatchObject({ round: 1, result: '不满意', outcome: 'report_again', decidedBy: 'assessment' });
    // The secretary cannot overrule an assessment.
    const overrule = await call('opinions.decide', { itemId: handling16, outcome: 'accepted' });
    expect(overrule.ok ? 'ok' : overrule.error.code).toBe('INVALID_STATE');
    // An item that answers no opinion is left alone.
    expect(applyHandlingAssessment(core.store, who, s16.items[0]!.id, '满意')).toBeNull();
  });

  it('the next handling report, at a later session, links back to the same opinion as round 2', async () => {
    const s17 = await must('sessions.create', { term: 2, number: 17, date: '2026-11-20', expectedMembers: 33 });
    const next = await must('agenda.add', {
      sessionId: s17.id,
      kind: 'handling_report',
      title: '听取和审议区人民政府关于《区人大常委会关于开发区建设情况报告的审议意见》办理情况的再次报告',
    });
    const assessment = await must('agenda.add', { sessionId: s17.id, kind: 'assessment', title: '对办理情况再次报告进行满意度测评' });
    // Nothing of the review is kept on a session still being prepared (it must stay deletable), except the link.
    const report17 = await must('agenda.add', { sessionId: s17.id, kind: 'report', title: '听取和审议区人民政府关于某项工作的报告' });
    const early = await call('opinions.createDraft', { itemId: report17.id });
    expect(early.ok ? 'ok' : early.error.message).toMatch(/尚未召开/);
    const groupsEarly = await call('reviewGroups.save', { sessionId: s17.id, groups: [] });
    expect(groupsEarly.ok ? 'ok' : groupsEarly.error.code).toBe('INVALID_STATE');
    const link = await must('opinions.linkHandling', { opinionId: earlierId, itemId: next.id });
    expect(link).toMatchObject({ round: 2, sessionTitle: '示例区第二届人民代表大会常务委员会第十七次会议' });
    const back = await must('opinions.forItem', { itemId: next.id });
    expect(back.opinion).toMatchObject({ id: earlierId, docNumber: '示人常审〔2026〕3号', status: 'handling' });
    expect((await must('sessions.get', { id: s17.id })).items[0].details.opinionId).toBe(earlierId);
    const row = (await must('register.list')).find((r: any) => r.id === earlierId);
    expect(row.handlings.map((h: any) => [h.round, h.result])).toEqual([
      [1, '不满意'],
      [2, null],
    ]);
    // The assessment that follows the handling report (a separate agenda item) reaches it too: 满意 → 已测评.
    const done = applyHandlingAssessment(core.store, who, assessment.id, '满意');
    expect(done).toMatchObject({ id: earlierId, status: 'assessed', statusLabel: '已测评' });
  });

  it('where no assessment is held, the secretary decides: 需再次报告 or accepted (已测评)', async () => {
    await must('live.close').catch(() => undefined);
    const s18 = await must('sessions.create', { term: 2, number: 18, date: '2027-01-15', expectedMembers: 33 });
    const item = await must('agenda.add', { sessionId: s18.id, kind: 'handling_report', title: '听取区人民政府关于医疗保障基金审议意见办理情况的报告' });
    await must('opinions.linkHandling', { opinionId: medicalId, itemId: item.id });
    const again = await must('opinions.decide', { itemId: item.id, outcome: 'report_again', note: '主任会议决定下次会议再次报告', deadline: '2027-03-31' });
    expect(again).toMatchObject({ status: 'report_again', deadline: '2027-03-31' });
    expect(registerRows(core.store, who, '2027-04-01').find((r) => r.id === medicalId)).toMatchObject({ overdue: true, overdueDays: 1 });
    const accepted = await must('opinions.decide', { itemId: item.id, outcome: 'accepted', note: '常委会会议认可' });
    expect(accepted).toMatchObject({ status: 'assessed' });
    const [h] = (await must('opinions.get', { id: medicalId })).handlings;
    expect(h).toMatchObject({ result: '常委会认可', decidedBy: 'secretary', note: '常委会会议认可' });
  });

  it('exports the register to XLSX with the status and deadline of every opinion', async () => {
    const file = await must('register.export');
    expect(file.fileName).toMatch(/^审议意见台账（\d{4}年\d+月\d+日）\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('审议意见台账');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['序号', '文号', '审议意见', '主送', '审议会议', '交办日期', '办理期限', '状态', '期限情况', '办理情况报告']);
    const rows = [2, 3].map((n) => (sheet.getRow(n).values as unknown[]).slice(1).map(String));
    const earlier = rows.find((r) => r[1] === '示人常审〔2026〕3号')!;
    expect(earlier[5]).toBe('2026年1月10日');
    expect(earlier[7]).toBe('已测评');
    expect(earlier[9]).toContain('第1次：示例区第二届人民代表大会常务委员会第十六次会议（2026年9月22日），不满意');
    expect(earlier[9]).toContain('第2次：示例区第二届人民代表大会常务委员会第十七次会议');
  });

  it('keeps the document settings: 机关代字, 署名, 印发机关, 抄送; empty ones fall back to the region', async () => {
    expect(await must('reviewSettings.get')).toEqual({ docPrefix: '示人常审', issuer: '示例区人民代表大会常务委员会', printedBy: '示例区人大常委会办公室', cc: '' });
    const saved = await must('reviewSettings.update', { docPrefix: '示常审', issuer: '', printedBy: '示例区人大常委会研究室', cc: '区委办公室' });
    expect(saved).toEqual({ docPrefix: '示常审', issuer: '示例区人民代表大会常务委员会', printedBy: '示例区人大常委会研究室', cc: '区委办公室' });
    // The court's report of the (now closed) 第十六次会议 gets its opinion drafted with them.
    const draft = await must('opinions.createDraft', { itemId: s16.items[1]!.id });
    expect(draft).toMatchObject({ docPrefix: '示常审', printedBy: '示例区人大常委会研究室', cc: '区委办公室', addressee: '区人民法院' });
    expect(draft.title).toBe('示例区人民代表大会常务委员会\n关于区人民法院公益诉讼工作情况报告的审议意见');
    // A new prefix starts its own yearly sequence at 1.
    expect((await must('opinions.assignNumber', { id: draft.id })).docNumber).toBe('示常审〔2026〕1号');
  });

  it('audits every change: the chain verifies and no review row drifted', () => {
    const report = verifyAuditLog(core.store.db);
    expect(report.driftedRows).toEqual([]);
    expect(report.ok).toBe(true);
    const actions = (core.store.db.prepare("SELECT DISTINCT action FROM audit_log WHERE entity IN ('review_opinions', 'opinion_handlings')").all() as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['opinion.register', 'opinion.draft', 'opinion.send', 'opinion.handling.link', 'opinion.handling.heard', 'opinion.handling.assessment', 'opinion.status.report_again']));
  });
});
