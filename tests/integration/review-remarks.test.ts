// Electronic review over the real WebSocket server: review groups (分组审议), members writing remarks
// on their terminals (attributed to them, carrying their group), the console told at once, spoken
// remarks recorded by the secretary, and what terminals may not do.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { verifyAuditLog } from '../../src-main/store/audit';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { commandsOf } from '../helpers/dispatch';

let running: RunningServer;
let s16: Session16;
const clients: TerminalClient[] = [];
const { must } = commandsOf(() => running.core);
const wsUrl = () => `ws://127.0.0.1:${running.port}/ws`;

async function pair(code: string): Promise<TerminalClient> {
  const t = await TerminalClient.connect(wsUrl());
  clients.push(t);
  const r = await t.cmd('terminal.pair', { code });
  if (!r.ok) throw new Error(r.error.message);
  await t.waitForState((s) => !!s.me);
  return t;
}

let terminals: TerminalClient[] = [];
let attendee: TerminalClient;
let groups: { id: number; name: string; memberIds: number[] }[];

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-review-remarks-'), port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await must('attendees.create', { sort: 1, name: '沈勇', unit: '示例区人民政府', title: '副区长' });
  await must('live.open', { sessionId: s16.sessionId });
  const codes: { kind: string; id: number; code: string }[] = await must('seatCodes.list');
  // Members 1, 2 and 3 of the roster (主任 and two 副主任) and the attendee.
  terminals = [];
  for (const m of s16.members.slice(0, 3)) terminals.push(await pair(codes.find((c) => c.kind === 'member' && c.id === m.id)!.code));
  attendee = await pair(codes.find((c) => c.kind === 'attendee')!.code);
});
afterAll(async () => {
  for (const c of clients) await c.close();
  await running.close();
});

describe('review groups and remarks', () => {
  it('splits the members into three groups with the leadership spread, and saves them', async () => {
    const proposal = await must('reviewGroups.propose', { sessionId: s16.sessionId, count: 3 });
    expect(proposal.map((g: any) => g.name)).toEqual(['第一组', '第二组', '第三组']);
    expect(proposal.flatMap((g: any) => g.memberIds).sort((a: number, b: number) => a - b)).toEqual(s16.members.map((m) => m.id).sort((a, b) => a - b));
    const [first, second, third] = s16.members;
    expect(proposal[0].memberIds[0]).toBe(first!.id);
    expect(proposal[1].memberIds[0]).toBe(second!.id);
    expect(proposal[2].memberIds[0]).toBe(third!.id);
    expect(proposal[0].convener).toBe(first!.name);
    groups = await must('reviewGroups.save', { sessionId: s16.sessionId, groups: proposal });
    expect(groups).toHaveLength(3);
    const twice = await running.core.dispatch(
      'reviewGroups.save',
      { sessionId: s16.sessionId, groups: [{ name: '甲', memberIds: [first!.id] }, { name: '乙', memberIds: [first!.id] }] },
      { kind: 'admin', source: 'test' },
    );
    expect(twice.ok ? 'ok' : twice.error.message).toMatch(/不能同时在“甲”和“乙”两个组/);
  });

  it('takes written remarks from three terminals on the current item, attributed to each member with their group; the console is told at once', async () => {
    const item = s16.items[0]!;
    const consoleWs = await TerminalClient.connect(wsUrl());
    clients.push(consoleWs);
    await consoleWs.hello('console', running.adminToken);
    await consoleWs.waitForState((s) => s?.session?.id === s16.sessionId);
    const told = () => consoleWs.frames.filter((f) => f.type === 'changed' && (f as { parts?: string[] }).parts?.includes('remarks')).length;
    const before = told();

    const mine = await terminals[0]!.cmd('terminal.remarks', {});
    expect(mine).toMatchObject({ ok: true, value: { itemId: item.id, canRemark: true, group: '第一组', remarks: [] } });
    const texts = ['建议进一步加强医保基金智能监控。', '希望加大对定点医药机构的检查力度，\n建立长效机制。', '要做好异地就医结算的宣传。'];
    for (const [i, t] of terminals.entries()) {
      const r = await t.cmd('terminal.addRemark', { itemId: item.id, text: texts[i]! });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    // The console is told that the remarks changed (it re-reads them); nobody is sent the whole state for it.
    await consoleWs.waitFor(() => told() > before, 2000, true);

    const list = await must('remarks.list', { sessionId: s16.sessionId });
    const onItem = list.items.find((i: any) => i.itemId === item.id);
    expect(onItem.count).toBe(3);
    expect(onItem.groups.map((g: any) => [g.groupName, g.remarks.map((r: any) => [r.speaker, r.text, r.mode, r.recordedBy])])).toEqual([
      ['第一组', [[s16.members[0]!.name, texts[0], 'written', 'terminal']]],
      ['第二组', [[s16.members[1]!.name, texts[1], 'written', 'terminal']]],
      ['第三组', [[s16.members[2]!.name, texts[2], 'written', 'terminal']]],
    ]);
    const own = await terminals[1]!.cmd('terminal.remarks', { itemId: item.id });
    expect(own.ok && own.value.remarks.map((r: any) => r.text)).toEqual([texts[1]]);
  });

  it('records a spoken remark with its speaker (a member in a group, or someone who is not a member)', async () => {
    const item = s16.items[0]!;
    const m = s16.members[10]!;
    const spoken = await must('remarks.add', { itemId: item.id, memberId: m.id, text: '口头发言：建议公开基金使用情况。' });
    const groupOf = groups.find((g) => g.memberIds.includes(m.id))!;
    expect(spoken).toMatchObject({ speaker: m.name, groupName: groupOf.name, mode: 'spoken', recordedBy: 'secretary' });
    const guest = await must('remarks.add', { itemId: item.id, memberId: null, speaker: '区医疗保障局局长', groupId: null, text: '对委员提出的问题作了说明。' });
    expect(guest).toMatchObject({ speaker: '区医疗保障局局长', groupId: null, groupName: '' });
    const list = await must('remarks.list', { sessionId: s16.sessionId });
    const blocks = list.items.find((i: any) => i.itemId === item.id).groups;
    expect(blocks.at(-1)).toMatchObject({ groupId: null, groupName: '全体会议' });
    const noSpeaker = await running.core.dispatch('remarks.add', { itemId: item.id, memberId: null, text: '无名' }, { kind: 'admin', source: 'test' });
    expect(noSpeaker.ok ? 'ok' : noSpeaker.error.message).toBe('请填写发言人');
  });

  it('refuses remarks from an attendee, on items without review, empty ones, and withdrawals of other members’ remarks', async () => {
    const item = s16.items[0]!;
    const fromAttendee = await attendee.cmd('terminal.addRemark', { itemId: item.id, text: '列席意见' });
    expect(fromAttendee.ok ? 'ok' : fromAttendee.error.code).toBe('FORBIDDEN');
    const onAppointment = await terminals[0]!.cmd('terminal.addRemark', { itemId: s16.items[4]!.id, text: '任免意见' });
    expect(onAppointment.ok ? 'ok' : onAppointment.error.message).toMatch(/不进行审议/);
    const empty = await terminals[0]!.cmd('terminal.addRemark', { itemId: item.id, text: '   ' });
    expect(empty.ok ? 'ok' : empty.error.code).toBe('BAD_INPUT');
    const theirs = (await terminals[1]!.cmd('terminal.remarks', { itemId: item.id })) as any;
    const steal = await terminals[0]!.cmd('terminal.withdrawRemark', { id: theirs.value.remarks[0].id });
    expect(steal.ok ? 'ok' : steal.error.code).toBe('FORBIDDEN');
    const withdraw = await terminals[1]!.cmd('terminal.withdrawRemark', { id: theirs.value.remarks[0].id });
    expect(withdraw.ok).toBe(true);
    expect((await must('remarks.list', { sessionId: s16.sessionId })).items.find((i: any) => i.itemId === item.id).count).toBe(4);
  });

  it('drafts the opinion starting from the remarks, and audits every remark', async () => {
    const draft = await must('opinions.createDraft', { itemId: s16.items[0]!.id });
    const texts = draft.body.filter((b: any) => b.kind === 'p').map((b: any) => b.text);
    // In the office's third person under the section each most likely belongs to; the reporting
    // official's explanation is not a member's opinion and stays out.
    expect(texts).toEqual(expect.arrayContaining(['有的委员建议，进一步加强医保基金智能监控。', '有的委员建议，做好异地就医结算的宣传。']));
    expect(texts.some((t: string) => t.startsWith('有的委员建议，') && t.includes('公开基金使用情况'))).toBe(true);
    expect(texts.some((t: string) => t.includes('对委员提出的问题作了说明'))).toBe(false);
    expect(draft.body.map((b: any) => b.kind === 'h1' && b.text).filter(Boolean)).toEqual(['总体评价', '存在的问题', '意见和建议']);
    const report = verifyAuditLog(running.core.store.db);
    expect(report.driftedRows).toEqual([]);
    const actions = (running.core.store.db.prepare("SELECT action, actor FROM audit_log WHERE entity = 'review_remarks' ORDER BY seq").all() as { action: string; actor: string }[]);
    expect(actions.filter((a) => a.action === 'remark.add').map((a) => a.actor).slice(0, 3)).toEqual(s16.members.slice(0, 3).map((m) => m.name));
    expect(actions.filter((a) => a.action === 'remark.delete')).toHaveLength(1);
  });
});
