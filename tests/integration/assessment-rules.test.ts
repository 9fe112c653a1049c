// The assessment settings at work, on a small committee (5 members) with hand-computed figures: the
// four-level scale, rule B (grade against half of ALL members), incomplete sheets set aside, who may
// submit, a handling report as the subject, paper tallies under rule A for comparison, and the
// four-level result table in PDF.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { createCore, type Core } from '../../src-main/app/core';
import { pdfRows, pdfText, savePdf } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { pairedCaller } from '../helpers/terminal-caller';
import { markAttendance } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let core: Core;
const dataDir = tempDataDir('yishi-asm-rules-');
const { call, must } = commandsOf(() => core);
let sessionId = 0;
const members: number[] = [];
let itemId = 0;
let handlingItemId = 0;
let assessmentId = 0;
const terminals = new Map<number, Caller>();
const terminal = (m: number): Caller => terminals.get(m)!;
let attendee: Caller;
const codeOf = async (r: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
  const x = await r;
  return x.ok ? 'ok' : `${x.error!.code} ${x.error!.message}`;
};

beforeAll(async () => {
  core = createCore(dataDir);
  await must('committee.update', { region: '示例区', term: 2 });
  for (const [i, name] of ['甲委员', '乙委员', '丙委员', '丁委员', '戊委员'].entries()) {
    members.push((await must('members.create', { sort: i + 1, name, gender: '', role: '委员', seat: i + 1, inOfficeFrom: null, inOfficeTo: null, note: '' })).id);
  }
  const { defaults } = await must('settings.get');
  const rules = { ...defaults, satisfaction: { ...defaults.satisfaction, scale: 'four', rule: 'grade', countIncompleteSheets: false } };
  sessionId = (await must('sessions.create', { term: 2, number: 45, date: '2027-03-20', expectedMembers: 5, rules })).id;
  itemId = (
    await must('agenda.add', {
      sessionId,
      kind: 'assessment',
      title: '对三位报告人进行满意度测评',
      details: { subjects: [{ name: '张一' }, { name: '王二' }, { name: '李三' }] },
    })
  ).id;
  handlingItemId = (await must('agenda.add', { sessionId, kind: 'handling_report', title: '听取和审议区人民政府关于《审议意见》办理情况的报告', presenter: '区人民政府' })).id;
  const attendeeId = (await must('attendees.create', { sort: 1, name: '沈勇', unit: '示例区人民政府', title: '副区长' })).id;
  await must('live.open', { sessionId });
  members.forEach((id, m) => terminals.set(m, pairedCaller(core, { memberId: id })));
  attendee = pairedCaller(core, { attendeeId });
  await markAttendance(must, members.slice(0, 4));
  await must('live.startBusiness', {});
});
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 200));
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('settings: four-level scale, rule B, incomplete sheets set aside', () => {
  it('takes the scale, rule and counting of incomplete sheets from the session’s rules', async () => {
    const a = await must('assessments.create', { itemId, method: 'electronic' });
    assessmentId = a.id;
    expect(a).toMatchObject({ scale: 'four', rule: 'grade', countIncompleteSheets: false, levels: ['优秀', '称职', '基本称职', '不称职'], year: null });
    await must('assessments.open', { assessmentId });
    expect((await must('live.state')).assessment).toMatchObject({ id: assessmentId, state: 'open', eligible: 4 });
  });

  it('only members present at the opening submit; an attendee never; an incomplete sheet is set aside', async () => {
    await must('attendance.set', { memberId: members[4], status: 'present' }); // 戊 arrives after the opening
    expect(await codeOf(call('terminal.submitSheet', { assessmentId, marks: [0, 0, 0] }, terminal(4)))).toBe('INVALID_STATE 您在测评开始时未签到，不能参加本次测评');
    expect(await codeOf(call('terminal.submitSheet', { assessmentId, marks: [0, 0, 0] }, attendee))).toBe('FORBIDDEN 列席人员不参加测评');
    expect(await codeOf(call('terminal.submitSheet', { assessmentId, marks: [0, 0, 0] }))).toBe('FORBIDDEN 无权执行此操作');

    const sheets = [
      [0, 1, 3],
      [1, 1, null], // incomplete: set aside (countIncompleteSheets off)
      [0, 2, 3],
      [2, 3, 3],
    ];
    const acks = await Promise.all(sheets.map((marks, m) => must('terminal.submitSheet', { assessmentId, marks }, terminal(m))));
    expect(acks.map((a) => a.counted)).toEqual([true, false, true, true]);
    expect(await must('terminal.submitSheet', { assessmentId, marks: [3, 3, 3] }, terminal(0))).toMatchObject({ duplicate: true, counted: null });
  });

  it('rule B grades against half of all 5 members, 以上 inclusive: a 66.67% rate can still be 不称职', async () => {
    const r = (await must('assessments.close', { assessmentId })).result;
    expect(r).toMatchObject({ sheetsReturned: 3, sheetsSetAside: 1, eligible: 4, allMembers: 5, rule: 'grade' });
    expect(r.ruleText).toContain('优秀＋称职＋基本称职票数达到全体组成人员5人半数的为“基本称职”');
    // 张一 2/0/1/0: 优秀+称职 = 2 (4 < 5), +基本称职 = 3 (6 ≥ 5) → 基本称职; rate 3/3
    // 王二 0/1/1/1: cumulative 0, 1, 2 never reach 2.5 → 不称职 although its rate is 2/3
    // 李三 0/0/0/3 → 不称职, 不称职 over half of the 3 sheets
    expect(r.rows.map((x: any) => [x.rank, x.name, ...x.levels, x.unmarked, x.rate, x.grade, x.consequence])).toEqual([
      [1, '张一', 2, 0, 1, 0, 0, '100.00%', '基本称职', '按照审议意见整改'],
      [2, '王二', 0, 1, 1, 1, 0, '66.67%', '不称职', '限期整改并再次报告'],
      [3, '李三', 0, 0, 0, 3, 0, '0.00%', '不称职', '限期整改并再次报告'],
    ]);
    expect(await codeOf(call('terminal.submitSheet', { assessmentId, marks: [0, 0, 0] }, terminal(3)))).toMatch(/^INVALID_STATE 测评已经结束/);
    expect(await codeOf(call('assessments.enterPaper', { assessmentId, satisfaction: { sheetsReturned: 3, levels: [] } }))).toMatch(/^INVALID_STATE 电子测评的结果由终端统计/);
  });

  it('the same tallies entered from paper under rule A with unmarked subjects excluded: grades follow the sheets that marked each subject', async () => {
    const paper = await must('assessments.create', { itemId, method: 'paper', rule: 'rate', countIncompleteSheets: true, unmarkedSubjects: 'excluded' });
    expect(paper).toMatchObject({ round: 2, rule: 'rate', countIncompleteSheets: true });
    expect(await codeOf(call('assessments.enterPaper', { assessmentId: paper.id, satisfaction: { sheetsReturned: 3, sheetsSetAside: 1, levels: [[2, 0, 1, 0], [0, 1, 1, 1], [0, 0, 0, 3]] } }))).toBe(
      'BAD_INPUT 按本次会议规则，有未填项目的测评表也计入统计，不应有未计入的测评表',
    );
    expect(await codeOf(call('assessments.enterPaper', { assessmentId: paper.id, satisfaction: { sheetsReturned: 3, levels: [[2, 0, 1], [0, 1, 1, 1], [0, 0, 0, 3]] } }))).toBe(
      'BAD_INPUT 第1位测评对象（张一）应按优秀、称职、基本称职、不称职4档录入',
    );
    const r = (await must('assessments.enterPaper', { assessmentId: paper.id, satisfaction: { sheetsReturned: 4, levels: [[2, 0, 1, 0], [1, 2, 0, 1], [0, 0, 0, 3]] } })).result;
    // 张一 2/0/1/0 + 1 未评: 优秀 2 of 3 marked (4 ≥ 3) → 优秀
    // 王二 1/2/0/1: 优秀 1 (2 < 4), 称职 3 (6 ≥ 4) → 称职; rate 3/4
    // 李三 0/0/0/3 + 1 未评 → 不称职 (3 of 4 sheets: over half)
    expect(r.rows.map((x: any) => [x.rank, x.name, x.unmarked, x.rate, x.grade, x.consequence])).toEqual([
      [1, '张一', 1, '100.00%', '优秀', null],
      [2, '王二', 0, '75.00%', '称职', null],
      [3, '李三', 1, '0.00%', '不称职', '限期整改并再次报告'],
    ]);
    expect(r.method).toBe('paper');
  });

  it('prints the four-level result table with the rule B wording', async () => {
    const f = await must('assessments.pdf', { assessmentId, document: 'result' });
    const file = savePdf('四档等次-按全体组成人员半数定等次-满意度测评结果统计表', Buffer.from(f.base64, 'base64'));
    const rows = pdfRows(file);
    // Titled by its scale: a 称职测评 with a 称职率, never “满意度”.
    expect(rows.some((r) => r.text === '名次姓名单位及职务优秀称职基本称职不称职未评称职率测评结果')).toBe(true);
    expect(f.fileName).toMatch(/^称职测评结果统计表-/);
    const words = pdfText(file).replace(/\s+/g, '');
    expect(words.startsWith('称职测评结果统计表')).toBe(true);
    expect(words).toContain('称职率＝（优秀＋称职＋基本称职）÷');
    expect(words.replace('测评事项：对三位报告人进行满意度测评', '')).not.toContain('满意'); // only the item's own title says 满意度
    expect(rows.some((r) => r.text === '2王二0111066.67%不称职')).toBe(true);
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain('收回测评表4份，计入统计3份（1份有未填写的测评对象，按规定不计入）。');
    expect(text).toContain('测评结果为“不称职”或“不称职”票超过半数的，限期整改并再次报告（一般在下次常委会会议上报告）：王二、李三。');
    expect(text).toContain('测评结果为“基本称职”的，按照审议意见整改：张一。');
  });
});

describe('a handling report as the subject; nobody marking it', () => {
  it('one subject on the sheet: the report itself; with unmarked subjects excluded, a subject nobody marked has no rate', async () => {
    const a = await must('assessments.create', { itemId: handlingItemId, method: 'electronic', scale: 'three', rule: 'rate', countIncompleteSheets: true, unmarkedSubjects: 'excluded' });
    expect(a.subjects).toEqual([{ name: '区人民政府关于《审议意见》办理情况的报告', unit: '区人民政府', post: '', category: '审议意见办理情况报告' }]);
    expect(a.title).toBe('对区人民政府关于《审议意见》办理情况报告的满意度测评'); // one 的, not “情况的报告的”
    await must('assessments.open', { assessmentId: a.id });
    await Promise.all([0, 1, 2].map((m) => must('terminal.submitSheet', { assessmentId: a.id, marks: [null] }, terminal(m))));
    const r = (await must('assessments.close', { assessmentId: a.id })).result;
    expect(r.rows).toMatchObject([{ rank: 1, levels: [0, 0, 0], unmarked: 3, rate: null, grade: '未评定', consequence: null }]);
    expect(r.sheetsReturned).toBe(3);
    expect(await codeOf(call('assessments.create', { itemId: handlingItemId, method: 'electronic', runoff: true }))).toBe('INVALID_STATE 上一轮票决没有得票相同、需要再次票决的项目');
  });

  it('after the session closes, paper tallies can still be entered (against all 5 members); electronic rounds cannot start', async () => {
    await must('live.close');
    expect(await codeOf(call('assessments.create', { itemId: handlingItemId, method: 'electronic' }))).toBe('INVALID_STATE 当前没有正在进行的会议，请先在控制台开会');
    const paper = await must('assessments.create', { itemId: handlingItemId, method: 'paper', scale: 'three', rule: 'rate' });
    expect(await codeOf(call('assessments.enterPaper', { assessmentId: paper.id, satisfaction: { sheetsReturned: 6, levels: [[3, 1, 1]] } }))).toBe(
      'BAD_INPUT 收回测评表6份，超过了可参加测评的人数5人',
    );
    const r = (await must('assessments.enterPaper', { assessmentId: paper.id, satisfaction: { sheetsReturned: 5, levels: [[3, 1, 1]] } })).result;
    expect(r.rows).toMatchObject([{ levels: [3, 1, 1], unmarked: 0, rate: '80.00%', grade: '满意', consequence: null }]);
  });

  it('every change is in the audit log and the chain verifies', async () => {
    const report = await must('system.verifyAudit');
    expect(report.driftedRows).toEqual([]);
    expect(report.ok).toBe(true);
    const actions = (core.store.db.prepare("SELECT action FROM audit_log WHERE entity = 'assessments'").all() as { action: string }[]).map((x) => x.action);
    for (const a of ['assessment.create', 'assessment.open', 'assessment.sheet', 'assessment.close', 'assessment.paper']) expect(actions).toContain(a);
  });
});
