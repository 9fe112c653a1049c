// Edits during a live session (issue 9.5) and reads that never write (9.3): appointment persons have
// stable ids and a ballot keeps the persons it was cast for, so removing, changing or reordering them
// afterwards is refused (adding is fine) and every person keeps their own result; an item that holds
// data cannot be deleted, and the refusal says what it holds; agenda edits tell the views at once; a
// handling report is heard inside the transaction that reaches it; no read command writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { createCore, type Core } from '../../src-main/app/core';
import type { EngineEvent } from '../../src-main/meeting/engine';
import { verifyAuditLog } from '../../src-main/store/audit';
import { ADMIN, commandsOf } from '../helpers/dispatch';
import { fakeKeyStore } from '../helpers/fake-key-store';
import { pdfText } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { pairedCaller } from '../helpers/terminal-caller';
import { openAndStartBusiness } from '../helpers/live-setup';

let core: Core;
let s16: Session16;
const events: EngineEvent[] = [];
const { call, must, outcome: refused } = commandsOf(() => core);
const admin = ADMIN;
const appointment = () => s16.items[4]!;
const itemOf = async (id: number) => (await must('sessions.get', { id: s16.sessionId })).items.find((i: any) => i.id === id);
const update = (item: any, persons: unknown[]) => call('agenda.update', { id: item.id, kind: item.kind, title: item.title, presenter: item.presenter, details: { ...item.details, persons } });

beforeAll(async () => {
  core = createCore(tempDataDir('yishi-edits-'), { keyStore: fakeKeyStore() });
  core.engine.on((e) => events.push(e));
  s16 = await prepareSession16(must);
  await openAndStartBusiness(must, s16, 25);
});
afterAll(async () => {
  await core.store.whenIdle();
  core.close();
});

describe('appointment persons during the session', () => {
  it('gives every person a stable id', async () => {
    const item = await itemOf(appointment().id);
    expect(item.details.persons.map((p: any) => [p.id, p.name])).toEqual([
      ['p1', '周明'],
      ['p2', '吴芳'],
      ['p3', '郑强'],
    ]);
    expect(item.votedPersonIds).toEqual([]);
  });

  it('votes each person; the ballot stores the person as voted on', async () => {
    const yes = [20, 6, 18];
    for (const i of [0, 1, 2]) {
      const b = await must('ballots.create', { itemId: appointment().id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null, personIndexes: [i] });
      await must('ballots.enterResult', { ballotId: b.id, yes: yes[i], no: 25 - yes[i]!, abstain: 0 });
      const stored = await must('ballots.get', { ballotId: b.id });
      expect(stored.persons).toEqual([i]);
      expect(stored.personSnapshot).toEqual([{ id: `p${i + 1}`, name: ['周明', '吴芳', '郑强'][i], action: 'appoint', post: ['区教育局局长', '区卫生健康局局长', '区司法局局长'][i] }]);
    }
    expect((await itemOf(appointment().id)).votedPersonIds).toEqual(['p1', 'p2', 'p3']);
  });

  it('refuses removing, changing or reordering a person who was voted on, in Chinese, and changes nothing', async () => {
    const item = await itemOf(appointment().id);
    const [zhou, wu, zheng] = item.details.persons;
    const before = JSON.stringify(item.details);
    const outcomes = [
      await update(item, [zhou, zheng]), // the second person deleted: the bug of issue 9
      await update(item, [zhou, zheng, wu]), // reordered
      await update(item, [zhou, { ...wu, post: '区民政局局长' }, zheng]), // changed
      await update(item, [zhou, { name: wu.name, action: wu.action, post: wu.post }, zheng]), // sent again without its id: a new person
    ];
    expect(outcomes.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual([
      '任免人员“吴芳”已经表决，不能删去或修改（可以新增任免人员）',
      '任免人员“郑强”已经表决，其先后顺序不能调整（可以新增任免人员）',
      '任免人员“吴芳”已经表决，不能再修改（可以新增任免人员）',
      '任免人员“吴芳”已经表决，不能删去或修改（可以新增任免人员）',
    ]);
    expect(JSON.stringify((await itemOf(appointment().id)).details)).toBe(before);
  });

  it('accepts new persons anywhere, with new ids; the agenda change reaches the views at once', async () => {
    const item = await itemOf(appointment().id);
    const [zhou, wu, zheng] = item.details.persons;
    events.length = 0;
    const saved = await must('agenda.update', {
      id: item.id,
      kind: item.kind,
      title: item.title,
      presenter: item.presenter,
      details: { ...item.details, persons: [zhou, { name: '孙丽', action: 'appoint', post: '区民政局局长' }, wu, zheng, { name: '钱刚', action: 'remove', post: '区审计局局长' }] },
    });
    expect(saved.details.persons.map((p: any) => `${p.id}:${p.name}`)).toEqual(['p1:周明', 'p4:孙丽', 'p2:吴芳', 'p3:郑强', 'p5:钱刚']);
    expect(events).toContainEqual({ type: 'changed', parts: ['agenda'], itemId: item.id });
    // The console's ballot rows follow the persons by id to their new places.
    const rows = (await must('live.state')).ballots.filter((b: any) => b.itemId === item.id);
    expect(rows.map((b: any) => [b.personIds, b.persons])).toEqual([
      [['p1'], [0]],
      [['p2'], [2]],
      [['p3'], [3]],
    ]);
    const b = await must('ballots.create', { itemId: item.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null, personIds: ['p4'] });
    expect(b.subject).toBe('任命孙丽为区民政局局长');
    await must('ballots.enterResult', { ballotId: b.id, yes: 21, no: 4, abstain: 0 });
    // Removing a person nobody voted on is still possible.
    const now = await itemOf(item.id);
    expect((await update(now, now.details.persons.filter((p: any) => p.id !== 'p5'))).ok).toBe(true);
  });

  it('keeps every person’s own result in the 任免名单 (the list and its PDF)', async () => {
    const list = await must('appointments.list', { sessionId: s16.sessionId });
    expect(list.map((e: any) => [e.personId, e.name, e.result?.yes ?? null, e.result?.adopted ?? null])).toEqual([
      ['p1', '周明', 20, true],
      ['p4', '孙丽', 21, true],
      ['p2', '吴芳', 6, false],
      ['p3', '郑强', 18, true],
    ]);
    const pdf = await must('documents.pdf', { sessionId: s16.sessionId, kind: 'appointmentList' });
    const text = pdfText(Buffer.from(pdf.base64, 'base64')).replace(/\s+/g, '');
    // the printed 任免名单 lists the adopted persons only, under their action (issue 11)
    expect(text).toContain('任命：周明为区教育局局长；孙丽为区民政局局长；郑强为区司法局局长。');
    expect(text).not.toContain('吴芳');
    expect(verifyAuditLog(core.store.db).ok).toBe(true);
  });

  it('refuses to change the kind of an item that has ballots', async () => {
    const item = await itemOf(appointment().id);
    expect(await refused('agenda.update', { id: item.id, kind: 'vote', title: item.title, presenter: item.presenter, details: {} })).toBe('INVALID_STATE “人事任免”已有表决，不能更改议程类型');
  });
});

describe('deleting an item that has data', () => {
  it('is refused in Chinese, naming what it holds, never “FOREIGN KEY constraint failed”', async () => {
    expect(await refused('agenda.delete', { id: appointment().id })).toBe('INVALID_STATE “人事任免”已有4轮表决，不能删除');
    const report = s16.items[0]!;
    const member = pairedCaller(core, { memberId: s16.members[0]!.id });
    await must('live.setItem', { itemId: report.id });
    await must('terminal.addRemark', { itemId: report.id, text: '建议加强基金监管' }, member);
    await must('live.setItem', { itemId: s16.items[1]!.id });
    expect(await refused('agenda.delete', { id: report.id })).toBe('INVALID_STATE “听取和审议区人民政府关于医疗保障基金使用情况的报告”已有1条审议发言，不能删除');
    expect(await refused('agenda.delete', { id: s16.items[1]!.id })).toBe('INVALID_STATE “听取和审议区人民法院关于公益诉讼工作情况的报告”是正在进行的会议的当前议程，请先切换到其他议程再删除');
    const a = await must('assessments.create', { itemId: s16.items[2]!.id, method: 'paper' });
    expect(a.state).toBe('draft');
    expect(await refused('agenda.delete', { id: s16.items[2]!.id })).toMatch(/^INVALID_STATE “.*办理情况的报告”已有1轮满意度测评，不能删除$/);
  });

  it('deletes an item without data, and the agenda closes up', async () => {
    const extra = await must('agenda.add', { sessionId: s16.sessionId, kind: 'other', title: '其他事项' });
    events.length = 0;
    const items = await must('agenda.delete', { id: extra.id });
    expect(items.map((i: any) => i.position)).toEqual([1, 2, 3, 4, 5]);
    expect(events).toContainEqual({ type: 'changed', parts: ['agenda'], itemId: extra.id });
  });
});

describe('reads never write', () => {
  it('records a handling report as heard in the same transaction that reaches it', async () => {
    const opinion = await must('opinions.register', { reportTitle: '区人民政府关于开发区建设情况的报告', addressee: '区人民政府', docNumber: '示人常审〔2026〕9号', sentAt: '2026-05-10' });
    const handling = s16.items[2]!.id;
    await must('opinions.linkHandling', { opinionId: opinion.id, itemId: handling });
    expect((await must('opinions.forItem', { itemId: handling })).handling.heardAt).toBeNull();
    await must('live.setItem', { itemId: handling });
    const log = core.store.db.prepare('SELECT seq, action FROM audit_log ORDER BY seq DESC LIMIT 3').all() as { seq: number; action: string }[];
    expect(log.map((e) => e.action).reverse()).toEqual(['agenda.current', 'opinion.handling.heard', 'opinion.status.reported']);
    expect((await must('opinions.forItem', { itemId: handling })).opinion.status).toBe('reported');
  });

  it('no read command writes to the database', async () => {
    const member = pairedCaller(core, { memberId: s16.members[1]!.id });
    const changes = () => (core.store.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const reads: [string, unknown, Caller?][] = [
      ['live.state', {}],
      ['sessions.list', {}],
      ['sessions.get', { id: s16.sessionId }],
      ['register.list', {}],
      ['register.export', {}],
      ['opinions.forItem', { itemId: s16.items[2]!.id }],
      ['opinions.forSession', { sessionId: s16.sessionId }],
      ['opinions.handlingItems', {}],
      ['remarks.list', { sessionId: s16.sessionId }],
      ['assessments.list', { sessionId: s16.sessionId }],
      ['appointments.list', { sessionId: s16.sessionId }],
      ['resolutions.list', { sessionId: s16.sessionId }],
      ['seatCodes.list', {}],
      ['members.list', {}],
      ['settings.get', {}],
      ['committee.get', {}],
      ['system.info', {}],
      ['officialYears.list', { year: 2026 }],
      ['terminal.state', {}, member],
      ['terminal.remarks', {}, member],
    ];
    for (const [name, input, caller] of reads) {
      const before = changes();
      const r = await call(name, input, caller ?? admin);
      expect(r.ok, `${name}: ${JSON.stringify(r).slice(0, 200)}`).toBe(true);
      expect(changes(), `${name} wrote`).toBe(before);
    }
  });
});
