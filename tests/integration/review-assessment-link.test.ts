// The loop 监督—落实—再监督: a handling report is heard at a session and assessed on the spot; the
// assessment's result moves its review opinion in the register by itself.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src-main/api/command';
import { createCore, type Core } from '../../src-main/app/core';
import { tempDataDir } from '../helpers/server';
import { pairedCaller } from '../helpers/terminal-caller';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { markAttendance } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

const dataDir = tempDataDir('yishi-review-assess-');
let core: Core;
let s16: Session16;
const { must } = commandsOf(() => core);
const terminals = new Map<number, Caller>();
/** The member's paired terminal in the live session (paired on first use). */
const terminal = (memberId: number): Caller => {
  if (!terminals.has(memberId)) terminals.set(memberId, pairedCaller(core, { memberId }));
  return terminals.get(memberId)!;
};

beforeAll(async () => {
  core = createCore(dataDir);
  s16 = await prepareSession16(must);
});
afterAll(() => {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('a handling report assessed at the session', () => {
  it('a 不满意 result on the spot sets the opinion to 需再次报告; a 满意 one in the next round sets 已测评', async () => {
    const opinion = await must('opinions.register', { reportTitle: '区人民政府关于开发区建设情况的报告', addressee: '区人民政府', docNumber: '示人常审〔2026〕3号', sentAt: '2026-05-10' });
    const handling = s16.items[2]!.id;
    await must('opinions.linkHandling', { opinionId: opinion.id, itemId: handling });
    await must('live.open', { sessionId: s16.sessionId });
    const present = s16.members.slice(0, 20);
    await markAttendance(must, present);
    await must('live.startBusiness');
    await must('live.setItem', { itemId: handling });
    expect((await must('opinions.forItem', { itemId: handling })).opinion.status).toBe('reported');

    // 4 满意, 4 基本满意, 12 不满意 of 20 sheets: 不满意 over half.
    const first = await must('assessments.create', { itemId: handling, method: 'electronic' });
    await must('assessments.open', { assessmentId: first.id });
    await Promise.all(present.map((m, i) => must('terminal.submitSheet', { assessmentId: first.id, marks: [i < 4 ? 0 : i < 8 ? 1 : 2] }, terminal(m.id))));
    // The console sees who has handed in a sheet (never what is on it).
    const live = await must('live.state');
    expect(live.members.filter((m: any) => m.sheetSubmitted === true)).toHaveLength(20);
    expect(live.members.find((m: any) => m.id === s16.members[25]!.id).sheetSubmitted).toBe(false);
    const closed = await must('assessments.close', { assessmentId: first.id });
    expect(closed.result.rows[0]).toMatchObject({ grade: '不满意', consequence: '限期整改并再次报告' });
    const after = await must('opinions.forItem', { itemId: handling });
    expect(after.opinion.status).toBe('report_again');
    expect(after.handling).toMatchObject({ result: '不满意', outcome: 'report_again', decidedBy: 'assessment' });

    // A second round (e.g. after the explanation is completed) with 16 满意 of 20.
    const second = await must('assessments.create', { itemId: handling, method: 'electronic' });
    await must('assessments.open', { assessmentId: second.id });
    await Promise.all(present.map((m, i) => must('terminal.submitSheet', { assessmentId: second.id, marks: [i < 16 ? 0 : 1] }, terminal(m.id))));
    await must('assessments.close', { assessmentId: second.id });
    const settled = await must('opinions.forItem', { itemId: handling });
    expect(settled.handling).toMatchObject({ result: '满意', decidedBy: 'assessment' });
    expect(settled.opinion.status).toBe('assessed');
  });
});
