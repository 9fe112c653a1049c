// 创建表决 / 重新表决 / 发起测评 once: a repeat (a double click, a second console window, a retried
// request) of a round that has not ended answers with that round and writes nothing; a different
// request beside it is refused with CONFLICT in Chinese. Before, two consoles clicking 重新表决 at once
// made rounds 2 and 3 of the same ballot (the console then showed round 3 and hid round 2), and a
// stale console made a new round beside one that was still open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import { adminCalls } from '../helpers/admin-core';
import { prepareSession44, type Session44 } from '../helpers/assessment-fixture';
import { tempDataDir } from '../helpers/server';
import { twice as twiceOn } from '../helpers/two-consoles';
import { signInPaired } from '../helpers/terminal-caller';

let running: RunningServer;
let s44: Session44;
let voteItem: number;
const must = (name: string, input?: unknown) => adminCalls(running.core).must(name, input);

const twice = (name: string, input: unknown) => twiceOn(running, name, input);
const rows = (sql: string, ...args: unknown[]) => running.core.store.db.prepare(sql).all(...args) as any[];
const count = (sql: string, ...args: unknown[]) => (running.core.store.db.prepare(sql).pluck().get(...args) as number);

beforeAll(async () => {
  running = await startServer({ dataDir: tempDataDir('yishi-create-repeat-'), port: 0, host: '127.0.0.1', staticDir: null });
  s44 = await prepareSession44(must);
  voteItem = (await must('agenda.add', { sessionId: s44.sessionId, kind: 'vote', title: '审议关于加强生态环境保护工作的决定（草案）', presenter: '区人大常委会法制工作委员会' })).id;
  await must('live.open', { sessionId: s44.sessionId });
  await signInPaired(running.core, s44.members.slice(0, 25).map((m) => m.id));
  await must('live.startBusiness', {});
});
afterAll(() => running.close());

const ballot = { itemId: 0, secret: true, pressRule: 'last' };

describe('a round is created once', () => {
  it('two 创建表决 at once make one ballot, and both get it', async () => {
    const [a, b] = await twice('ballots.create', { ...ballot, itemId: voteItem });
    expect(a.ok && b.ok).toBe(true);
    expect(b.value.id).toBe(a.value.id);
    expect(rows('SELECT round, state FROM ballots WHERE item_id = ?', voteItem)).toEqual([{ round: 1, state: 'draft' }]);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'ballot.create'")).toBe(1);
  });

  it('a different ballot beside the draft, or beside the open round, is refused in Chinese', async () => {
    const [named] = await twice('ballots.create', { ...ballot, itemId: voteItem, secret: false });
    expect(named).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(named.error.message).toMatch(/第1轮表决已经创建、尚未开始/);
    const id = rows('SELECT id FROM ballots WHERE item_id = ?', voteItem)[0].id;
    await must('ballots.open', { ballotId: id });
    const [again, third] = await twice('ballots.create', { ...ballot, itemId: voteItem });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(again.error.message).toMatch(/第1轮表决正在进行/);
    expect(third).toEqual(again);
    expect(rows('SELECT round, state FROM ballots WHERE item_id = ?', voteItem)).toEqual([{ round: 1, state: 'open' }]);
    await must('ballots.close', { ballotId: id });
    await must('ballots.announce', { ballotId: id });
  });

  it('two 重新表决 at once make round 2 only', async () => {
    const [a, b] = await twice('ballots.create', { ...ballot, itemId: voteItem });
    expect(a.ok && b.ok).toBe(true);
    expect([a.value.round, b.value.round]).toEqual([2, 2]);
    expect(rows('SELECT round, state FROM ballots WHERE item_id = ? ORDER BY id', voteItem)).toEqual([
      { round: 1, state: 'announced' },
      { round: 2, state: 'draft' },
    ]);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'ballot.create'")).toBe(2);
  });

  it('two 发起测评 at once make one assessment; another kind of sheet beside it is refused', async () => {
    const input = { itemId: s44.assessmentItemId, method: 'electronic', scale: 'four', rule: 'grade' };
    const [a, b] = await twice('assessments.create', input);
    expect(a.ok && b.ok).toBe(true);
    expect(b.value.id).toBe(a.value.id);
    const [other] = await twice('assessments.create', { ...input, scale: 'three', rule: 'rate' });
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(other.error.message).toMatch(/第1轮测评已经发起、尚未开始/);
    expect(rows('SELECT round, scale FROM assessments WHERE item_id = ?', s44.assessmentItemId)).toEqual([{ round: 1, scale: 'four' }]);
    expect(count("SELECT count(*) FROM audit_log WHERE action = 'assessment.create'")).toBe(1);
  });

  it('a project ballot repeated while open is refused; after it, the next round is created once', async () => {
    const input = { itemId: s44.projectItemId, method: 'electronic' };
    const [a] = await twice('assessments.create', input);
    await must('assessments.open', { assessmentId: a.value.id });
    const [open] = await twice('assessments.create', input);
    expect(open).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(open.error.message).toMatch(/第1轮票决正在进行/);
    await must('assessments.close', { assessmentId: a.value.id });
    const [next, same] = await twice('assessments.create', input);
    expect([next.value.round, same.value.round]).toEqual([2, 2]);
    expect(count('SELECT count(*) FROM assessments WHERE item_id = ?', s44.projectItemId)).toBe(2);
  });
});
