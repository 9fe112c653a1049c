// Every document of the 第十六次会议, from the catalogue, after 闭会: rendered as PDF and DOCX through
// the one render command and read back. The new documents (会议议程, 表决票 with the persons of an
// appointment ballot, 主持词 filled in with the figures and results, 会议记录) say what happened; a
// show-of-hands result never mentions keypads; the 任免名单 lists only the adopted persons under their
// action with its 题注; every document is dated by the session. A 县 committee's level words.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { ASSESSMENT_TITLE, prepareSession44, SESSION44_COUNTS } from '../helpers/assessment-fixture';
import { saveDocx, docxPart, docxParagraphs } from '../helpers/docx';
import { pdfInfo, pdfRows, pdfText, savePdf } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let core: Core;
let s16: Session16;
const dataDir = tempDataDir('yishi-session-docs-');
const { call, must } = commandsOf(() => core);
const flat = (s: string) => s.replace(/\s+/g, '');
type Entry = { id: string; title: string; group: string; formats: string[] };
let catalogue: Entry[] = [];
const texts = new Map<string, string>();
const rows = new Map<string, string[]>();

async function render(sessionId: number, id: string, format: 'pdf' | 'docx', keepAs: string) {
  const f = await must('documents.render', { sessionId, id, format });
  const data = Buffer.from(f.base64, 'base64');
  const file = format === 'pdf' ? savePdf(keepAs, data) : saveDocx(keepAs, data);
  return { data, file, fileName: f.fileName as string };
}

beforeAll(async () => {
  core = createCore(dataDir);
  s16 = await prepareSession16(must);
  await must('live.open', { sessionId: s16.sessionId });
  // 30 present, 2 on leave, 1 absent
  for (const [i, m] of s16.members.entries()) await must('attendance.set', { memberId: m.id, status: i < 30 ? 'present' : i < 32 ? 'leave' : 'absent' });
  await must('live.startBusiness', {});
  const vote = s16.items.find((i) => i.kind === 'vote')!;
  const b = await must('ballots.create', { itemId: vote.id, secret: false, pressRule: 'last', method: 'show_of_hands' });
  await must('ballots.enterResult', { ballotId: b.id, yes: 18, no: 1, abstain: 1 });
  const appointment = s16.items.find((i) => i.kind === 'appointment')!;
  const results = [
    [25, 3, 2],
    [10, 15, 5],
    [26, 2, 2],
  ];
  for (const [k, [yes, no, abstain]] of results.entries()) {
    const ab = await must('ballots.create', { itemId: appointment.id, secret: true, pressRule: 'last', method: 'paper', personIndexes: [k] });
    await must('ballots.enterResult', { ballotId: ab.id, yes, no, abstain });
  }
  await must('remarks.add', { itemId: s16.items[0]!.id, memberId: s16.members[3]!.id, text: '建议加强医保基金监管，严厉打击欺诈骗保行为。' });
  // the handling report's satisfaction assessment: one subject, a report
  const handling = s16.items.find((i) => i.kind === 'handling_report')!;
  const a = await must('assessments.create', { itemId: handling.id, method: 'paper' });
  await must('assessments.enterPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 30, levels: [[20, 8, 2]] } });
  await must('live.close', {});
  await must('opinions.createDraft', { itemId: s16.items[0]!.id });
  catalogue = await must('documents.catalogue', { sessionId: s16.sessionId });
  for (const e of catalogue) {
    const { data } = await render(s16.sessionId, e.id, 'pdf', `第十六次会议-${e.title.replace(/[：/\\]/g, '-').slice(0, 60)}`);
    texts.set(e.id, flat(pdfText(data)));
    rows.set(e.id, pdfRows(data).map((r) => flat(r.text)));
  }
}, 300_000);

afterAll(async () => {
  await new Promise((r) => setTimeout(r, 200));
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the session documents after 闭会', () => {
  it('lists every document of the session, each as PDF and DOCX', () => {
    const ids = catalogue.map((e) => e.id);
    for (const id of ['agenda', 'signIn', 'seatCodes', 'resultSheet', 'appointments', 'chairScript', 'minutes']) expect(ids).toContain(id);
    expect(ids.filter((i) => i.startsWith('ballotResult:'))).toHaveLength(4);
    expect(ids.filter((i) => i.startsWith('ballotPaper:'))).toHaveLength(2);
    expect(catalogue.every((e) => e.formats.includes('pdf') && e.formats.includes('docx'))).toBe(true);
  });

  it('renders every one of them as a DOCX too', async () => {
    for (const e of catalogue) {
      const { data, fileName } = await render(s16.sessionId, e.id, 'docx', `第十六次会议-${e.title.replace(/[：/\\]/g, '-').slice(0, 60)}`);
      expect(fileName.endsWith('.docx')).toBe(true);
      expect(docxParagraphs(docxPart(data, 'word/document.xml')).length, e.id).toBeGreaterThan(2);
    }
  });

  it('prints the 会议议程 with the committee on its own title line and every item in order', () => {
    const t = texts.get('agenda')!;
    expect(t).toContain('示例区第二届人民代表大会常务委员会第十六次会议议程');
    expect(t).toContain('会议时间：2026年9月22日09:00');
    expect(t).toContain('一、听取和审议区人民政府关于医疗保障基金使用情况的报告；');
    expect(t).toContain('五、人事任免。');
  });

  it('prints a paper 表决票 per vote item, with the persons of the appointment ballot', () => {
    const papers = catalogue.filter((e) => e.id.startsWith('ballotPaper:')).map((e) => ({ text: texts.get(e.id)!, rows: rows.get(e.id)! }));
    const appointment = papers.find((t) => t.text.includes('周明'))!;
    expect(appointment.text).toContain('本票无记名');
    for (const s of ['表决票', '序号姓名任免职务赞成反对弃权', '1周明任命区教育局局长', '2吴芳任命区卫生健康局局长', '3郑强任命区司法局局长']) expect(appointment.rows).toContain(s);
    const vote = papers.find((t) => t.text.includes('法治宣传教育'))!;
    expect(vote.rows).toContain('表决事项赞成反对弃权');
  });

  it('fills the 主持词 with the attendance and each result as it happened', () => {
    const t = texts.get('chairScript')!;
    expect(t).toContain('应出席常委会组成人员33人，实到30人，请假2人，缺席1人，符合法定人数。现在开会。');
    expect(t).toContain('表决结果：赞成18票，反对1票，弃权1票，通过。');
    expect(t).toContain('现在对吴芳的任免进行表决。请各位组成人员填写表决票。');
    expect(t).toContain('表决结果：赞成10票，反对15票，弃权5票，未通过。');
    expect(t).toContain('请区医疗保障局局长作报告。');
    expect(t).toContain('现在闭会。');
    expect(t).not.toContain('未按表决器');
  });

  it('keeps the 会议记录: attendance by name, presenters, remarks by speaker, ballots with results', () => {
    const t = texts.get('minutes')!;
    expect(t).toContain('示例区第二届人民代表大会常务委员会第十六次会议记录');
    expect(t).toContain('应出席常委会组成人员33人，实到30人');
    expect(t).toMatch(/请假：[^。]+、[^。]+。/);
    expect(t).toContain('汇报（说明）人：区医疗保障局局长。');
    expect(t).toContain(`${s16.members[3]!.name}：建议加强医保基金监管，严厉打击欺诈骗保行为。`);
    expect(t).toContain('举手表决，应出席33人，表决开始时实到30人；赞成18票，反对1票，弃权1票，通过。');
    expect(t).toContain('（吴芳）：纸质票表决');
  });

  it('says what happened in a show-of-hands result: no keypad words, dated by the session, round times labelled', () => {
    const id = catalogue.find((e) => e.id.startsWith('ballotResult:') && e.title.includes('法治宣传'))!.id;
    const t = texts.get(id)!;
    expect(t).toContain('表决方式：举手表决');
    expect(t).not.toMatch(/按键|表决器/);
    expect(t).toContain('会议日期：2026年9月22日');
    expect(t).toMatch(/表决开始时间：\d\d:\d\d/);
    expect(t).toContain('赞成18票，反对1票，弃权1票。通过');
    expect(texts.get('resultSheet')).not.toContain('表决器');
  });

  it('lists only the adopted persons in the 任免名单, under their action, with the 题注', () => {
    const t = texts.get('appointments')!;
    expect(t).toContain('示例区人民代表大会常务委员会任免名单');
    expect(t).toContain('（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）');
    expect(t).toContain('任命：周明为区教育局局长；郑强为区司法局局长。');
    expect(t).not.toContain('吴芳');
    expect(t).not.toMatch(/赞成|未通过/);
  });

  it('names a report assessed in a line of its own above the figures, not in a 姓名 cell', () => {
    const id = catalogue.find((e) => /^assessment:\d+:result$/.test(e.id))!.id;
    const t = texts.get(id)!;
    expect(t).toContain('测评对象：区人民政府关于《区人大常委会关于开发区建设情况报告的审议意见》办理情况的报告');
    expect(rows.get(id)).toContain('满意基本满意不满意未评满意率测评结果');
    expect(t).not.toContain('姓名');
  });

  it('prints a draft opinion with 草稿 on every page and no empty 文号', () => {
    const id = catalogue.find((e) => e.id.startsWith('opinion:'))!.id;
    expect(catalogue.find((e) => e.id === id)!.title).toContain('（草稿）');
    const t = texts.get(id)!;
    expect(t).toContain('草稿');
    expect(t).not.toMatch(/〔\d{4}〕\s*号/);
    expect(t).not.toContain('〔');
  });

  it('refuses an id of another session or an unknown kind, in Chinese', async () => {
    const r = await call('documents.render', { sessionId: s16.sessionId, id: 'ballotResult:9999', format: 'pdf' });
    expect(r.ok ? '' : r.error.code).toBe('NOT_FOUND');
    const k = await call('documents.render', { sessionId: s16.sessionId, id: 'nonsense', format: 'pdf' });
    expect(k.ok ? '' : k.error.message).toContain('没有这种会议文件');
    expect(pdfInfo(Buffer.from((await must('documents.render', { sessionId: s16.sessionId, id: 'agenda', format: 'pdf' })).base64, 'base64')).Title).toBe(
      '会议议程-示例区第二届人民代表大会常务委员会第十六次会议',
    );
  });
});

describe('the fonts the console names', () => {
  it('are the faces actually embedded, by their own names, with the faces that stand in for missing characters', async () => {
    const info = await must('system.info', {});
    const fang = info.fonts.find((f: any) => f.role === '仿宋');
    expect(fang).toMatchObject({ family: 'FandolFang R', source: 'bundled', file: 'FandolFang-Regular.otf', fallbacks: ['Noto Serif CJK SC'] });
    expect(info.fonts.find((f: any) => f.role === '楷体')).toMatchObject({ family: 'FandolKai', fallbacks: ['AR PL UKai CN', 'Noto Serif CJK SC'] });
  });
});

describe('level words', () => {
  it('follow a 县 committee: the assessment result goes to the 县委 and the 县人民政府', async () => {
    const dir = tempDataDir('yishi-county-');
    const county = createCore(dir);
    const cmust = async (name: string, input: unknown = {}) => {
      const r = await county.dispatch(name, input, { kind: 'admin', source: 'test' });
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
      return r.value as any;
    };
    try {
      const s44 = await prepareSession44(cmust);
      // the office sets its level: a county (the fixture's region name says 区)
      const c = await cmust('committee.update', { region: '示例区', term: 2, level: '县' });
      expect(c.levelInForce).toBe('县');
      await cmust('live.open', { sessionId: s44.sessionId });
      await markAttendance(cmust, s44.members);
      const a = await cmust('assessments.create', { itemId: s44.assessmentItemId, method: 'paper' });
      await cmust('assessments.enterPaper', { assessmentId: a.id, satisfaction: { sheetsReturned: 33, levels: SESSION44_COUNTS.map(([x, y, z]) => [x, y, z]) } });
      const f = await cmust('documents.render', { sessionId: s44.sessionId, id: `assessment:${a.id}:result`, format: 'pdf' });
      const t = flat(pdfText(savePdf('level-words-county-assessment-result', Buffer.from(f.base64, 'base64'))));
      expect(t).toContain('测评结果按名次报送县委，并反馈县人民政府及有关单位。');
      expect(t).not.toContain('区委');
      expect(t).toContain(ASSESSMENT_TITLE);
      // back to "from the name": 区
      expect((await cmust('committee.update', { region: '示例县', term: 2, level: null })).levelInForce).toBe('县');
      expect((await cmust('committee.update', { region: '示例区', term: 2, level: null })).levelInForce).toBe('区');
    } finally {
      await new Promise((r) => setTimeout(r, 200));
      county.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
