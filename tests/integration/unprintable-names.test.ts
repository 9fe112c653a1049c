// A name the documents' fonts cannot print is refused where it is entered, not when a document is
// printed mid-session: members, attendees and officials (create and update), the persons of an
// appointment item, assessment subjects and project candidates, and a row of a roster import. The
// check asks the same font chains as the PDF renderer: what it refuses the renderer refuses, what it
// takes (rare names within the fonts: 𬌗 𠇔 䶮) prints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printProblem, unprintableCharacter } from '../../src-main/documents/coverage';
import { resolveFonts } from '../../src-main/documents/fonts';
import { renderPdf } from '../../src-main/documents/pdf';
import { parseRosterFile } from '../../src-main/roster-io/parse';
import { AppError } from '../../src-main/shared/result';
import { openAdminCore, type AdminCore } from '../helpers/admin-core';
import { pdfText } from '../helpers/pdf';

const RARE = '\u{2A6A5}'; // 𪚥: beyond every bundled face
const TANGUT = '\u{17000}';
const PRINTABLE = ['王𬌗', '张𠇔', '李䶮', '阿依古丽·买买提', 'José Müller'];
const PROBLEM = `“${RARE}”（U+2A6A5）在打印文件所用的字体中没有字形，含有它的文件都无法打印。请先安装含有该字的字体，或按办公室打印时的写法录入`;

let a: AdminCore;
const count = (table: string) => (a.core.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(() => {
  a = openAdminCore('yishi-unprintable-');
});
afterAll(async () => {
  await a.close();
});

describe('the check and the renderer agree', () => {
  it('refuses what the PDF renderer cannot print and takes what it prints', async () => {
    const fonts = resolveFonts();
    for (const ch of [RARE, TANGUT]) {
      expect(unprintableCharacter(`王${ch}`, fonts)?.character).toBe(ch);
      const err = await renderPdf({ kind: 'x', fileTitle: 'x', title: '', blocks: [{ type: 'table', columns: [{ header: '姓名', width: 1 }], rows: [[`王${ch}`]] }] }, { fonts }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).message).toContain(ch);
    }
    for (const n of PRINTABLE) expect(printProblem(n, fonts), n).toBeNull();
    const pdf = await renderPdf({ kind: 'x', fileTitle: 'x', title: PRINTABLE[0]!, blocks: [{ type: 'table', columns: [{ header: '姓名', width: 1 }], rows: PRINTABLE.map((n) => [n]) }] }, { fonts });
    for (const n of PRINTABLE) expect(pdfText(pdf)).toContain(n);
  });
});

describe('names entered by the secretary', () => {
  it('a member, an attendee or an official named with 𪚥 is refused with BAD_INPUT naming the character, and nothing is stored', async () => {
    const before = [count('members'), count('attendees'), count('officials'), count('audit_log')];
    const cases: [string, unknown][] = [
      ['members.create', { sort: 1, name: `王${RARE}`, role: '委员', seat: null }],
      ['attendees.create', { sort: 1, name: `王${RARE}`, unit: '区政府' }],
      ['officials.create', { sort: 1, name: `王${RARE}`, unit: '区教育局', post: '局长' }],
    ];
    for (const [name, input] of cases) {
      expect(await a.call(name, input), name).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: `输入有误：姓名：${PROBLEM}` } });
    }
    expect([count('members'), count('attendees'), count('officials'), count('audit_log')]).toEqual(before);

    const m = await a.must<{ id: number }>('members.create', { sort: 1, name: '王𬌗', role: '委员', seat: null });
    const r = await a.call('members.update', { id: m.id, sort: 1, name: `王${RARE}`, role: '委员', seat: null });
    expect(r.ok || r.error.message).toBe(`输入有误：姓名：${PROBLEM}`);
    expect((a.core.store.db.prepare('SELECT name FROM members WHERE id = ?').get(m.id) as { name: string }).name).toBe('王𬌗');
  });

  it('an appointment person, an assessment subject or a project candidate with 𪚥 is refused naming the field', async () => {
    const s = await a.must<{ id: number }>('sessions.create', { term: 2, number: 1, date: '2026-09-22', expectedMembers: 1 });
    const before = count('agenda_items');
    const cases: [unknown, RegExp][] = [
      [{ kind: 'appointment', title: '人事任免', details: { persons: [{ name: '李四', action: 'appoint', post: '局长' }, { name: `王${RARE}`, action: 'appoint', post: '局长' }] } }, /^输入有误：.*第2项.*“𪚥”（U\+2A6A5）/],
      [{ kind: 'assessment', title: '满意度测评', details: { subjects: [{ name: `区${RARE}局` }] } }, /^输入有误：测评对象·第1项·名称：“𪚥”（U\+2A6A5）/],
      [{ kind: 'project_ballot', title: '民生实事项目票决', details: { candidates: ['甲项目', `${RARE}项目`] } }, /^输入有误：候选项目·第2项：“𪚥”（U\+2A6A5）/],
    ];
    for (const [input, message] of cases) {
      const r = await a.call('agenda.add', { sessionId: s.id, ...(input as object) });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('BAD_INPUT');
        expect(r.error.message).toMatch(message);
      }
    }
    expect(count('agenda_items')).toBe(before);
    await a.must('agenda.add', { sessionId: s.id, kind: 'appointment', title: '人事任免', details: { persons: [{ name: '张𠇔', action: 'appoint', post: '局长' }] } });
  });
});

describe('roster import', () => {
  it('a row with 𪚥 is a row error under 姓名 like any other, in a roster of 3000 rows', async () => {
    const lines = ['序号,姓名,性别,职务,座位号,备注'];
    for (let i = 1; i <= 3000; i++) lines.push(`${i},${i === 1234 ? `王${RARE}` : `委员${i}`},男,委员,${i},`);
    const parsed = await parseRosterFile('members', 'big.csv', Buffer.from(lines.join('\r\n'), 'utf8'));
    expect(parsed.errors).toEqual([{ row: 1235, column: '姓名', reason: PROBLEM }]);
    const r = await a.call('import.commit', { kind: 'members', fileName: 'big.csv', data: Buffer.from(lines.join('\r\n'), 'utf8').toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'IMPORT_INVALID', details: [{ row: 1235, column: '姓名', reason: PROBLEM }] });
    expect(count('members')).toBe(1); // the one created above, nothing imported
  });
});
