// Every text a user types that ends up on a screen or in a document is under one text rule
// (domain/text.ts): a subject, a title, an agenda item, a remark, an opinion's text with a control
// character, a direction override or half a character is refused with BAD_INPUT and a Chinese message
// naming the field, and nothing is stored; a remark of several lines keeps its line breaks and tabs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { TEXT_PROBLEM } from '../../src-main/domain/text';

let a: AdminCore;
let s16: Session16;
const audit = () => (a.core.store.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

beforeAll(async () => {
  a = openAdminCore('yishi-typed-texts-');
  s16 = await prepareSession16(a.must);
  await a.must('live.open', { sessionId: s16.sessionId });
});
afterAll(async () => {
  await a.close();
});

const BAD = ['\u0000议题', '议题\u202e反转', '议\u0007题', '议题\ud800', '\u2066议题\u2069'];

describe('typed texts under the text rule', () => {
  it('an agenda title, a subject, a remark, an opinion or a session place with a foreign character is refused in Chinese, naming the field, and changes nothing', async () => {
    const item = s16.items[0]!;
    const before = audit();
    const cases: [string, (t: string) => unknown, string][] = [
      ['agenda.add', (t) => ({ sessionId: s16.sessionId, kind: 'report', title: t }), '标题'],
      ['agenda.update', (t) => ({ id: item.id, kind: 'report', title: t }), '标题'],
      ['agenda.add', (t) => ({ sessionId: s16.sessionId, kind: 'assessment', title: '满意度测评', details: { subjects: [{ name: t }] } }), '测评对象·第1项·名称'],
      ['agenda.add', (t) => ({ sessionId: s16.sessionId, kind: 'project_ballot', title: '民生实事项目票决', details: { candidates: [t] } }), '候选项目·第1项'],
      ['remarks.add', (t) => ({ itemId: item.id, speaker: '邱东竹', text: t }), '内容'],
      ['sessions.update', (t) => ({ id: s16.sessionId, term: 2, number: 16, date: '2026-09-22', place: t, expectedMembers: 33 }), '地点'],
      ['agenda.add', (t) => ({ sessionId: s16.sessionId, kind: 'interpellation', title: '质询案', details: { addressee: t } }), '受质询机关'],
      ['reviewGroups.save', (t) => ({ sessionId: s16.sessionId, groups: [{ name: t, memberIds: [] }] }), '审议小组·第1项·组名'],
    ];
    for (const [name, input, field] of cases) {
      for (const t of BAD) {
        const r = await a.call(name, input(t));
        expect(r, `${name} ${JSON.stringify(t)}`).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: `输入有误：${field}：${TEXT_PROBLEM}` } });
      }
    }
    expect(audit()).toBe(before);
  });

  it('a NUL in a title is refused before it reaches the database: no SQLite text in the message', async () => {
    const r = await a.call('agenda.add', { sessionId: s16.sessionId, kind: 'report', title: '\u0000' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_INPUT');
      expect(r.error.message).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('a remark of several lines keeps its line breaks and tabs; a title keeps rare characters and a middle dot', async () => {
    const text = '一、关于基金监管。\n\t建议加强日常稽核。\r\n二、关于𬌗字。'; // a rare character the fonts print (one they lack is refused: unprintable-texts)
    const r = await a.must<{ id: number }>('remarks.add', { itemId: s16.items[0]!.id, speaker: '邱东竹', text });
    expect((a.core.store.db.prepare('SELECT text FROM review_remarks WHERE id = ?').get(r.id) as { text: string }).text).toBe(text.replace('\r\n', '\n')); // a Windows line break is kept as a line break
    const t = await a.must<{ id: number; title: string }>('agenda.add', { sessionId: s16.sessionId, kind: 'report', title: '听取阿依古丽·买买提关于𬌗𠇔工作情况的报告' });
    expect(t.title).toBe('听取阿依古丽·买买提关于𬌗𠇔工作情况的报告');
  });
});
