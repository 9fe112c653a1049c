// A value outside a field's choices (a zod enum of the one edge schema) is refused in Chinese with
// BAD_INPUT: the field by its Chinese name and the choices by the words the console shows
// (api/enum-words.ts), never the code's values ("report"|"vote"). Over the admin HTTP endpoint and a
// terminal's WebSocket, on the real server; and every choice of every command has its words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choiceWords } from '../../src-main/api/enum-words';
import { anyCommandTable } from '../../src-main/api/commands';
import type { RunningServer } from '../../src-main/app/server';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { schemaLeaves } from '../helpers/schema-walk';
import { openLiveWithTerminal, type LiveWithTerminal } from '../helpers/live-terminal';
import type { Session16 } from '../helpers/session-fixture';

let live: LiveWithTerminal;
let running: RunningServer;
let s16: Session16;
let terminal: TerminalClient;
const must = (name: string, input: unknown = {}) => live.must(name, input);
const audit = () => live.audit();

async function post(name: string, input: unknown) {
  const res = await fetch(`http://127.0.0.1:${running.port}/api/cmd/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${running.adminToken}` },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

beforeAll(async () => {
  live = await openLiveWithTerminal('yishi-enum-refusals-');
  ({ running, s16, terminal } = live);
});
afterAll(() => live?.close());

describe('a refused choice over the admin HTTP edge', () => {
  it('an agenda item of kind "speech": 议程类型 with the kinds in Chinese, nothing stored', async () => {
    const before = audit();
    const r = await post('agenda.add', { sessionId: s16.sessionId, kind: 'speech', title: '听取报告' });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      ok: false,
      error: { code: 'BAD_INPUT', message: '输入有误：议程类型：应为以下之一：听取审议报告、审议意见办理情况报告、表决、人事任免、满意度测评、票决、其他、专题询问、质询案' },
    });
    expect(audit()).toBe(before);
  });

  it('a nested choice names its place: 会议规则·测评规则·测评等次, and an attendance status, a format, an order', async () => {
    const { defaults } = await must('settings.get');
    const rules = { ...defaults, satisfaction: { ...defaults.satisfaction, scale: 'five' } };
    const cases: [string, unknown, string][] = [
      ['sessions.create', { term: 2, number: 99, date: '2026-12-01', expectedMembers: 33, rules }, '会议规则·测评规则·测评等次：应为以下之一：满意／基本满意／不满意、优秀／称职／基本称职／不称职'],
      ['attendance.set', { memberId: s16.members[1]!.id, status: 'late' }, '出席情况：应为以下之一：已签到、请假、离会、未到'],
      ['documents.render', { sessionId: s16.sessionId, id: 'agenda', format: 'odt' }, '文件格式：应为以下之一：PDF、Word 文档（DOCX）'],
      ['nameOrder.set', { sessionId: 1, order: 'alpha' }, '排序方式：应为以下之一：按名单顺序、按姓氏笔画'],
      ['members.create', { sort: 1, name: '王五', role: 'member', seat: null }, '职务：应为以下之一：主任、副主任、秘书长、委员'],
    ];
    for (const [name, input, message] of cases) {
      const r = await post(name, input);
      expect(r.body, name).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: `输入有误：${message}` } });
    }
  });
});

describe('a refused choice over the WebSocket edge', () => {
  it('a press of "maybe" from a terminal: 表决意见 with 赞成、反对、弃权', async () => {
    const r = await terminal.cmd('terminal.vote', { ballotId: 1, choice: 'maybe' as 'yes', pressSeq: 1 });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '输入有误：表决意见：应为以下之一：赞成、反对、弃权' } });
  });
});

describe('every choice of every command has its words', () => {
  it('each enum and literal of the command map is found in enum-words.ts, every word Chinese', () => {
    const found = Object.entries(anyCommandTable).flatMap(([name, def]) => schemaLeaves(def.input, name).filter((l) => l.type !== 'string'));
    expect(found.length).toBeGreaterThan(20);
    const missing = found.filter((c) => c.values.some((v) => v !== '' && !/\p{Script=Han}/u.test(String(v))) && !choiceWords(c.values)).map((c) => `${c.at}: ${c.values.join('|')}`);
    expect(missing).toEqual([]);
    for (const c of found) {
      const words = choiceWords(c.values)!;
      for (const v of c.values) expect(words.labels[String(v)], `${c.at} ${String(v)}`).toMatch(/\p{Script=Han}|^PDF$/u);
    }
  });
});
