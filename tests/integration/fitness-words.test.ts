// A 称职测评 (the four levels 优秀 / 称职 / 基本称职 / 不称职) has a 称职率, never a 满意率 and never
// "满意度测评" (domain/satisfaction.ts scaleWords): in the chair's script (主持词), the session record
// (会议记录), the officials' year records (年度履职档案, screen and XLSX) and the review-opinion register.
// Through the command map on a real SQLite file, a paper round with hand-computed figures, the PDFs and
// the XLSX read back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { markAttendance } from '../helpers/live-setup';

let admin: AdminCore;
let sessionId = 0;
let officialIds: number[] = [];
let handlingItemId = 0;

const doc = async (id: 'chairScript' | 'minutes'): Promise<string> => {
  const f = await admin.must('documents.render', { sessionId, id, format: 'pdf' });
  const data = Buffer.from(f.base64, 'base64');
  savePdf(`fitness-words-${id}`, data);
  return pdfText(data).replace(/\s+/g, '');
};

beforeAll(async () => {
  admin = openAdminCore('yishi-fitness-words-');
  const { must } = admin;
  await must('committee.update', { region: '示例区', term: 2 });
  const members: number[] = [];
  for (const [i, name] of ['甲委员', '乙委员', '丙委员', '丁委员', '戊委员'].entries()) {
    members.push((await must('members.create', { sort: i + 1, name, gender: '', role: '委员', seat: i + 1, inOfficeFrom: null, inOfficeTo: null, note: '' })).id);
  }
  officialIds = [
    (await must('officials.create', { sort: 1, name: '顾文', unit: '示例区人民法院', post: '副院长', category: '法院' })).id,
    (await must('officials.create', { sort: 2, name: '林鑫', unit: '示例区人民检察院', post: '副检察长', category: '检察院' })).id,
  ];
  const { defaults } = await must('settings.get');
  const rules = { ...defaults, satisfaction: { ...defaults.satisfaction, scale: 'four', rule: 'rate' } };
  sessionId = (await must('sessions.create', { term: 2, number: 45, date: '2027-01-20', expectedMembers: 5, rules })).id;
  await must('agenda.add', { sessionId, kind: 'report', title: '听取副院长、副检察长述职报告', presenter: '述职人员' });
  const itemId = (
    await must('agenda.add', {
      sessionId,
      kind: 'assessment',
      title: '对述职人员进行测评',
      details: { subjects: [{ name: '顾文', unit: '示例区人民法院', post: '副院长', category: '法院', officialId: officialIds[0] }, { name: '林鑫', unit: '示例区人民检察院', post: '副检察长', category: '检察院', officialId: officialIds[1] }] },
    })
  ).id;
  await must('agenda.add', { sessionId, kind: 'assessment', title: '对区司法局局长进行测评', details: { subjects: [{ name: '郑强' }] } });
  handlingItemId = (await must('agenda.add', { sessionId, kind: 'handling_report', title: '听取和审议区人民政府关于《审议意见》办理情况的报告', presenter: '区人民政府' })).id;
  const opinion = await must('opinions.register', { reportTitle: '区人民政府关于开发区建设情况的报告', addressee: '区人民政府', docNumber: '示人常审〔2026〕3号', sentAt: '2026-05-10' });
  await must('opinions.linkHandling', { opinionId: opinion.id, itemId: handlingItemId });
  await must('live.open', { sessionId });
  await markAttendance(must, members);
  await must('live.startBusiness', {});
  // 5 sheets: 顾文 优秀3 称职1 基本称职0 不称职1 → 称职率 80.00%; 林鑫 2 1 1 1 → 80.00%
  const a = await must('assessments.create', { itemId, method: 'paper', year: 2026 });
  await must('assessments.enterPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 5, levels: [[3, 1, 0, 1], [2, 1, 1, 1]] } });
  await must('assessments.announce', { assessmentId: a.id });
  // the handling report: 1 优秀, 2 称职, 1 基本称职, 1 不称职 → 称职率 80.00%, 称职
  const h = await must('assessments.create', { itemId: handlingItemId, method: 'paper' });
  await must('assessments.enterPaper', { assessmentId: h.id, satisfaction: { sheetsReturned: 5, levels: [[1, 2, 1, 1]] } });
});
afterAll(() => admin.close());

describe('a 称职测评 says 称职率 on every face', () => {
  it('the chair’s script calls it a 称职测评 and reads each 称职率', async () => {
    const text = await doc('chairScript');
    expect(text).toContain('现在进行称职测评');
    expect(text).toContain('顾文称职率80.00%，优秀；林鑫称职率80.00%，称职');
    expect(text).not.toMatch(/满意率|满意度测评/);
  });

  it('the review-opinion register records the handling report’s 称职测评 with its 称职率', async () => {
    const { handling } = await admin.must('opinions.forItem', { itemId: handlingItemId });
    expect(handling).toMatchObject({ result: '称职', decidedBy: 'assessment', note: '称职测评（第1轮）：称职率80.00%，称职' });
  });

  it('the session record says 称职率 too', async () => {
    const text = await doc('minutes');
    expect(text).toContain('林鑫称职率80.00%');
    expect(text).not.toMatch(/满意率|满意度测评/);
  });

  it('the year record carries the word of its assessment, and the XLSX column says 称职率', async () => {
    const rec = await admin.must('officialYears.get', { officialId: officialIds[0], year: 2026 });
    expect(rec.assessment).toMatchObject({ rateLabel: '称职率', result: { rate: '80.00%', grade: '优秀' } });
    const f = await admin.must('officialYears.exportXlsx', { year: 2026 });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(f.base64, 'base64') as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const sheet = wb.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('称职率');
    expect(header).not.toContain('满意率');
    expect((sheet.getRow(2).values as unknown[]).slice(1)[header.indexOf('称职率')]).toBe('80.00%');
  });

  it('the item is a 称职测评 in the console’s lists: the session’s agenda, the live agenda and the current item (agendaKindLabel)', async () => {
    const { items } = await admin.must('sessions.get', { id: sessionId });
    expect(items.filter((i: any) => i.kind === 'assessment').map((i: any) => i.kindLabel)).toEqual(['称职测评', '称职测评']);
    expect(items.find((i: any) => i.kind === 'report')!.kindLabel).toBe('听取审议报告');
    const assessed = items.find((i: any) => i.kind === 'assessment')!;
    await admin.must('live.setItem', { itemId: assessed.id });
    const state = await admin.must('live.state');
    expect(state!.agenda.filter((a: any) => a.kind === 'assessment').map((a: any) => a.kindLabel)).toEqual(['称职测评', '称职测评']);
    expect(state!.currentItem).toMatchObject({ id: assessed.id, kindLabel: '称职测评' });
  });

  it('the documents’ catalogue, the refusals and the archive say 称职测评, never 满意度测评', async () => {
    const { items } = await admin.must('sessions.get', { id: sessionId });
    const assessed = items.find((i: any) => i.kind === 'assessment')!;
    const titles = (await admin.must('documents.catalogue', { sessionId })).map((e: any) => e.title);
    expect(titles).toEqual(expect.arrayContaining([`称职测评表（空白）：${assessed.title}`, expect.stringMatching(/^称职测评结果统计表：/), expect.stringMatching(/^称职测评结果分类汇总表：/)]));
    expect(titles.filter((t: any) => /满意度测评|满意率/.test(t))).toEqual([]);
    await admin.must('live.setItem', { itemId: items[0]!.id }); // the current item cannot be deleted in any case
    const del = await admin.call('agenda.delete', { id: assessed.id });
    expect(del.ok ? 'ok' : del.error.message).toContain('1轮称职测评');
    const [round] = await admin.must('assessments.list', { sessionId });
    const wrong = await admin.call('assessments.correctPaper', { assessmentId: round!.id, projectTallies: { validSheets: 5, invalidSheets: 0, votes: [1] }, reason: '更正' });
    expect(wrong.ok ? 'ok' : wrong.error.message).toBe('这是称职测评，请录入各档票数');
    const { hits } = await admin.must('archive.search', { q: '述职人员' });
    expect(hits.map((h: any) => [h.kind, h.detail])).toContainEqual(['assessment', '称职测评 · 纸质']);
    expect(hits.find((h: any) => h.kind === 'item' && h.refId === assessed.id)?.detail).toContain('称职测评');
    expect(hits.map((h: any) => h.detail).filter((d: any) => /满意度测评|满意率/.test(d))).toEqual([]);
  });

  it('after 闭会, an assessment item never held says 本项未进行称职测评 in the script, not blanks', async () => {
    await admin.must('live.close');
    const text = await doc('chairScript');
    expect(text).toContain('对区司法局局长进行测评。本项未进行称职测评。');
    expect(text).not.toContain('____');
  });

});
