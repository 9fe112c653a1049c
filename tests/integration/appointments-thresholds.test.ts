// Issue 10 through the command map: one 人事任免 item with three persons voted one by one and two
// removals voted together (and a re-grouping the secretary chooses at the ballot), each person with
// their own result; per-item and per-ballot thresholds said with their base and count; the 任免名单
// with adopted persons only; the 宪法宣誓 recorded and printed; honest attendance (应到 with its reason,
// 实到 never above 应到); the drafting text's level words from the committee's setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { verifyAuditLog } from '../../src-main/store/audit';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText, savePdf } from '../helpers/pdf';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { pairedCaller, signInPaired } from '../helpers/terminal-caller';

let admin: AdminCore;
let s16: Session16;
const terminals: Caller[] = [];
const flat = (s: string) => s.replace(/\s+/g, '');
const outcome = async (name: string, input: unknown, caller?: Caller) => {
  const r = caller ? await admin.core.dispatch(name, input, caller) : await admin.call(name, input);
  return r.ok ? 'ok' : `${r.error.code} ${r.error.message}`;
};
const pdf = async (input: unknown, name: string) => {
  const f = await admin.must('documents.pdf', input);
  const data = Buffer.from(f.base64, 'base64');
  savePdf(name, data);
  return flat(pdfText(data));
};
const render = async (id: string, name: string, sessionId = s16.sessionId) => {
  const f = await admin.must('documents.render', { sessionId, id, format: 'pdf' });
  const data = Buffer.from(f.base64, 'base64');
  savePdf(name, data);
  return flat(pdfText(data));
};

/** Every present member presses: the first `yes` 赞成, the rest 反对. */
async function vote(ballotId: number, yes: number, present = 30) {
  await admin.must('ballots.open', { ballotId });
  for (let m = 0; m < present; m++) await admin.core.dispatch('terminal.vote', { ballotId, choice: m < yes ? 'yes' : 'no', pressSeq: 1 }, terminals[m]!);
  return admin.must('ballots.close', { ballotId });
}

beforeAll(async () => {
  admin = openAdminCore('yishi-appointments-thresholds-');
  s16 = await prepareSession16(admin.must);
  const item = s16.items[4]!;
  const got = await admin.must('sessions.get', { id: s16.sessionId });
  const persons = got.items.find((i: any) => i.id === item.id).details.persons.map((p: any) => ({ ...p, action: 'decide_appoint' }));
  await admin.must('agenda.update', {
    id: item.id,
    kind: 'appointment',
    title: item.title,
    presenter: '区人大常委会人事代表工作委员会',
    details: {
      appointmentMode: 'mixed',
      persons: [...persons, { name: '钱刚', action: 'decide_remove', post: '区审计局局长', group: 1 }, { name: '孙丽', action: 'decide_remove', post: '区民政局局长', group: 1 }],
    },
  });
  // The resolution needs 三分之二以上 (set on the item).
  const vote = s16.items[3]!;
  await admin.must('agenda.update', { id: vote.id, kind: 'vote', title: vote.title, presenter: '区人大常委会法制工作委员会', details: { threshold: 'two_thirds' } });
  await admin.must('live.open', { sessionId: s16.sessionId });
  terminals.push(...(await signInPaired(admin.core, s16.members.slice(0, 30).map((m) => m.id))));
  await admin.must('live.startBusiness');
});
afterAll(() => admin.close());

describe('one appointment item, persons alone and together', () => {
  it('votes three persons one by one and the two removals together; each person has their own result', async () => {
    const item = s16.items[4]!;
    await admin.must('live.setItem', { itemId: item.id });
    const create = (personIds: string[]) => admin.must('ballots.create', { itemId: item.id, secret: true, pressRule: 'last', method: 'electronic', personIds });
    const subjects: string[] = [];
    for (const [ids, yes] of [[['p1'], 25], [['p2'], 14], [['p3'], 20], [['p4', 'p5'], 22]] as [string[], number][]) {
      const b = await create(ids);
      subjects.push(b.subject);
      const closed = await vote(b.id, yes);
      await admin.must('ballots.announce', { ballotId: b.id });
      expect(closed.result.yes).toBe(yes);
    }
    expect(subjects).toEqual([
      '决定任命周明为区教育局局长',
      '决定任命吴芳为区卫生健康局局长',
      '决定任命郑强为区司法局局长',
      '人事任免（决定免去钱刚、决定免去孙丽，合并表决）',
    ]);
    const list = await admin.must('appointments.list', { sessionId: s16.sessionId });
    expect(list.map((e: any) => [e.name, e.action, e.result.yes, e.result.together, e.result.adopted])).toEqual([
      ['周明', '决定任命', 25, 1, true],
      ['吴芳', '决定任命', 14, 1, false],
      ['郑强', '决定任命', 20, 1, true],
      ['钱刚', '决定免去', 22, 2, true],
      ['孙丽', '决定免去', 22, 2, true],
    ]);
    const text = await pdf({ sessionId: s16.sessionId, kind: 'appointmentList' }, 'appointments-mixed-list.pdf');
    expect(text).toContain('（2026年9月22日示例区第二届人民代表大会常务委员会第十六次会议通过）');
    expect(text).toContain('决定任命：周明为区教育局局长；郑强为区司法局局长。决定免去：钱刚的区审计局局长职务；孙丽的区民政局局长职务。');
    expect(text).not.toContain('吴芳'); // rejected: in the results, not in the 名单
    // The ballot result of the rejected person says why, with base and count.
    const rejected = list.find((e: any) => e.name === '吴芳').result.ballotId;
    expect(await pdf({ kind: 'ballotResult', ballotId: rejected }, 'appointments-mixed-rejected.pdf')).toContain('赞成14票，未超过全体组成人员33人的半数，未通过。');
  });

  it('lets the secretary regroup at the ballot: a re-vote of 吴芳 together with a new person', async () => {
    const item = s16.items[4]!;
    const got = await admin.must('sessions.get', { id: s16.sessionId });
    const persons = got.items.find((i: any) => i.id === item.id).details.persons;
    await admin.must('agenda.update', { id: item.id, kind: 'appointment', title: item.title, presenter: '', details: { appointmentMode: 'mixed', persons: [...persons, { name: '冯刚', action: 'appoint', post: '区统计局局长' }] } });
    const b = await admin.must('ballots.create', { itemId: item.id, secret: true, pressRule: 'last', method: 'electronic', personIds: ['p2', 'p6'] });
    expect(b.round).toBe(1); // a new set of persons: its own first round
    expect(b.subject).toBe('人事任免（决定任命吴芳、任命冯刚，合并表决）');
    await vote(b.id, 18);
    const list = await admin.must('appointments.list', { sessionId: s16.sessionId });
    expect(list.filter((e: any) => ['吴芳', '冯刚'].includes(e.name)).map((e: any) => [e.name, e.result.ballotId, e.result.adopted])).toEqual([
      ['吴芳', b.id, true],
      ['冯刚', b.id, true],
    ]);
  });

  it('records the 宪法宣誓 of those appointed, and prints it in the 会议记录 and the 主持词', async () => {
    const item = s16.items[4]!;
    const { appointed } = await admin.must('oaths.list', { sessionId: s16.sessionId });
    expect(appointed.map((a: any) => a.name)).toEqual(['周明', '吴芳', '郑强', '冯刚']); // removals take no oath
    expect(await outcome('oaths.record', { itemId: item.id, personIds: ['p4'], administeredBy: '邱东竹' })).toMatch(/^INVALID_STATE 只有经表决通过任命的人员/);
    expect(await outcome('oaths.record', { itemId: item.id, personIds: ['p1', 'p3'], administeredBy: '邱东竹', form: 'collective' })).toMatch(/^BAD_INPUT 集体宣誓请填写领誓人/);
    const oath = await admin.must('oaths.record', {
      itemId: item.id,
      personIds: ['p1', 'p3', 'p2', 'p6'],
      takenAt: '2026-09-22T02:05:00.000Z',
      administeredBy: '邱东竹',
      form: 'collective',
      ledBy: '周明',
    });
    expect(oath.persons.map((p: any) => p.name)).toEqual(['周明', '郑强', '吴芳', '冯刚']);
    const minutes = await render('minutes', 'appointments-mixed-minutes.pdf');
    expect(minutes).toMatch(/宪法宣誓：\d\d:\d\d，周明、郑强、吴芳、冯刚进行宪法宣誓（集体宣誓，周明领誓），邱东竹监誓。/);
    const script = await render('chairScript', 'appointments-mixed-chair-script.pdf');
    expect(script).toContain('下面，进行宪法宣誓。请新任命的周明、郑强、吴芳、冯刚进行集体宣誓，由周明领誓；请邱东竹监誓。');
  });
});

describe('thresholds per item and per ballot', () => {
  it('the resolution item needs 三分之二以上: the ballot carries it, says it before and after the vote', async () => {
    const item = s16.items[3]!;
    await admin.must('live.setItem', { itemId: item.id });
    const b = await admin.must('ballots.create', { itemId: item.id, secret: true, pressRule: 'last', method: 'electronic' });
    expect(b.rule).toEqual({ threshold: '三分之二以上', requirement: '赞成票须达到全体组成人员33人的三分之二以上，即至少22票' });
    const closed = await vote(b.id, 21);
    expect(closed.result).toMatchObject({ adopted: false, required: 22, verdict: '赞成21票，未达到全体组成人员33人的三分之二，未通过。' });
    const text = await pdf({ kind: 'ballotResult', ballotId: b.id }, 'threshold-two-thirds.pdf');
    expect(text).toContain('通过条件：三分之二以上，赞成票须达到全体组成人员33人的三分之二以上，即至少22票。');
    expect(text).toContain('赞成21票，未达到全体组成人员33人的三分之二，未通过。');
    // The same 21 adopt when the secretary sets 过半数 on the new round's ballot.
    const again = await admin.must('ballots.create', { itemId: item.id, secret: true, pressRule: 'last', method: 'electronic', threshold: 'more_than_half' });
    expect(again.rule.threshold).toBe('过半数');
    const second = await vote(again.id, 21);
    expect(second.result.verdict).toBe('赞成21票，超过全体组成人员33人的半数，通过。');
    const state = await admin.must('live.state');
    expect(state.ballot.rule.requirement).toBe('赞成票须超过全体组成人员33人的半数，即至少17票');
  });
});

describe('honest attendance', () => {
  it('refuses a 应到 other than the members in office without a reason, prints the reason', async () => {
    const base = { term: 2, number: 17, date: '2026-10-20', expectedMembers: 32 };
    expect(await outcome('sessions.create', base)).toMatch(/^BAD_INPUT 应到人数32人与会议日期在任的组成人员33人不一致，请填写原因/);
    const s = await admin.must('sessions.create', { ...base, expectedReason: '委员谭云已辞去常委会组成人员职务，缺额1人' });
    expect(s.expectedReason).toBe('委员谭云已辞去常委会组成人员职务，缺额1人');
    // Back to the number in office: the reason is not kept.
    const same = await admin.must('sessions.update', { id: s.id, ...base, expectedMembers: 33, expectedReason: '无' });
    expect(same.expectedReason).toBe('');
    await admin.must('sessions.update', { id: s.id, ...base, expectedMembers: 32, expectedReason: '委员谭云已辞去常委会组成人员职务，缺额1人' });
    expect(await render('signIn', 'attendance-reason-sign-in.pdf', s.id)).toContain('应出席常委会组成人员32人（委员谭云已辞去常委会组成人员职务，缺额1人），签到0人。');
    expect(verifyAuditLog(admin.core.store.db).driftedRows).toEqual([]);
  });

  it('never lets 实到 exceed 应到: the 21st sign-in of a 应到 of 20 is refused, and no result is computed beyond it', async () => {
    await admin.must('live.close');
    const s = await admin.must('sessions.create', { term: 2, number: 18, date: '2026-11-20', expectedMembers: 20, expectedReason: '测试：只有20名委员应出席' });
    const item = await admin.must('agenda.add', { sessionId: s.id, kind: 'vote', title: '表决某决定' });
    await admin.must('live.open', { sessionId: s.id });
    const callers = s16.members.slice(0, 21).map((m) => pairedCaller(admin.core, { memberId: m.id }));
    for (const c of callers.slice(0, 20)) expect(await outcome('terminal.signIn', {}, c)).toBe('ok');
    expect(await outcome('terminal.signIn', {}, callers[20]!)).toMatch(/^INVALID_STATE 实到人数已达到应出席人数20人，不能再签到/);
    expect(await outcome('attendance.set', { memberId: s16.members[25]!.id, status: 'present' })).toMatch(/^INVALID_STATE 实到人数已达到应出席人数20人/);
    const state = await admin.must('live.state');
    expect(state.attendance).toMatchObject({ expected: 20, present: 20 });
    expect(state.attendance.announcement).toBe('应出席常委会组成人员20人（测试：只有20名委员应出席），实到20人，符合法定人数。');
    // One who leaves makes room for another.
    await admin.must('attendance.set', { memberId: s16.members[0]!.id, status: 'left' });
    expect(await outcome('terminal.signIn', {}, callers[20]!)).toBe('ok');
    await admin.must('live.startBusiness');
    const b = await admin.must('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'show_of_hands' });
    const r = await admin.must('ballots.enterResult', { ballotId: b.id, yes: 11, no: 9, abstain: 0 });
    expect(r.result).toMatchObject({ yes: 11, adopted: true, verdict: '赞成11票，超过全体组成人员20人的半数，通过。' });
    const text = await render('signIn', 'attendance-sign-in.pdf', s.id);
    expect(text).toContain('应出席常委会组成人员20人（测试：只有20名委员应出席），签到21人');
  });

  it('refuses to open a session whose 应到 no longer matches the roster without a reason', async () => {
    await admin.must('live.close');
    const s = await admin.must('sessions.create', { term: 2, number: 19, date: '2026-12-20', expectedMembers: 33 });
    await admin.must('members.update', { id: s16.members[32]!.id, sort: 33, name: s16.members[32]!.name, gender: '', role: '委员', seat: s16.members[32]!.seat, inOfficeFrom: null, inOfficeTo: '2026-12-01', note: '' });
    expect(await outcome('live.open', { sessionId: s.id })).toMatch(/^INVALID_STATE 不能开会：应到人数33人与会议日期在任的组成人员32人不一致/);
  });
});

describe('level words', () => {
  it('a draft review opinion names the committee by its level setting, not by the end of the region’s name', async () => {
    await admin.must('committee.update', { region: '示例区', term: 2, level: '县' });
    const draft = await admin.must('opinions.createDraft', { itemId: s16.items[0]!.id });
    expect(draft.opening).toMatch(/^县第二届人大常委会第十六次会议听取和审议了/);
    expect(draft.handlingRequest).toBe('请于3个月内将研究处理情况书面报告县人大常委会。');
  });
});
