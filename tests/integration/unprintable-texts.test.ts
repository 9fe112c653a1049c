// Not only names: every text a command stores for the documents — a region, a place, an agenda title,
// a 受质询机关, a group's name, a remark, an opinion's paragraph, a resolution, a 宣誓人 — holding a
// character the documents' fonts lack (𪚥) is refused where it is entered, BAD_INPUT naming the field
// and the character, and nothing is stored; a member's remark from a terminal (printed in the 会议记录)
// too, over the real WebSocket, with words for the member. One rule (api/printable.ts over
// documents/coverage.ts), on the commands marked `printed`; the press and the sheet are not among them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyCommandTable } from '../../src-main/api/commands';
import type { RunningServer } from '../../src-main/app/server';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { parsedFaceCount } from '../../src-main/documents/font-files';
import { schemaLeaves } from '../helpers/schema-walk';
import { openLiveWithTerminal, type LiveWithTerminal } from '../helpers/live-terminal';
import type { Session16 } from '../helpers/session-fixture';

const RARE = '\u{2A6A5}'; // 𪚥: beyond every bundled face
const SECRETARY = `“${RARE}”（U+2A6A5）在打印文件所用的字体中没有字形，含有它的文件都无法打印。请先安装含有该字的字体，或按办公室打印时的写法录入`;
const MEMBER = `“${RARE}”（U+2A6A5）在打印文件所用的字体中没有字形，会议记录无法打印，请改用其他写法后重新提交`;

let live: LiveWithTerminal;
let running: RunningServer;
let s16: Session16;
let terminal: TerminalClient;
const call = (name: string, input: unknown = {}) => live.call(name, input);
const must = (name: string, input: unknown = {}) => live.must(name, input);
const audit = () => live.audit();

beforeAll(async () => {
  live = await openLiveWithTerminal('yishi-unprintable-texts-', { present: 30 });
  ({ running, s16, terminal } = live);
});
afterAll(() => live?.close());

describe('texts the documents print, entered by the secretary', () => {
  it('each is refused naming the field and 𪚥, and nothing is stored; the same text without it is taken', async () => {
    const report = s16.items[0]!;
    const opinion = await must('opinions.createDraft', { itemId: report.id });
    const { opinion: o } = await must('opinions.get', { id: opinion.id });
    const fields = { title: o.title, reportTitle: o.reportTitle, addressee: o.addressee, opening: o.opening, body: o.body, handlingRequest: o.handlingRequest, deadlineMonths: o.deadlineMonths, docPrefix: o.docPrefix, docDate: o.docDate, issuer: o.issuer || '示例区人大常委会', cc: o.cc, printedBy: o.printedBy };
    const resolutionItem = s16.items.find((i) => i.kind === 'vote')!;
    const ballot = await must('ballots.create', { itemId: resolutionItem.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
    await must('ballots.enterResult', { ballotId: ballot.id, yes: 25, no: 3, abstain: 2 });
    await must('ballots.announce', { ballotId: ballot.id });
    const resolution = await must('resolutions.create', { itemId: resolutionItem.id });
    const unannounced = await must('ballots.create', { itemId: resolutionItem.id, secret: false, pressRule: 'last', method: 'show_of_hands', timerSeconds: null });
    await must('ballots.enterResult', { ballotId: unannounced.id, yes: 25, no: 3, abstain: 2 });
    const cases: [string, (t: string) => unknown, string][] = [
      ['committee.update', (t) => ({ region: `示例${t}区`, term: 2 }), '行政区名称'],
      ['sessions.create', (t) => ({ term: 2, number: 17, date: '2026-10-20', place: `${t}会议室`, expectedMembers: 33 }), '地点'],
      ['agenda.add', (t) => ({ sessionId: s16.sessionId, kind: 'report', title: `听取关于${t}工作情况的报告` }), '标题'],
      ['agenda.add', (t) => ({ sessionId: s16.sessionId, kind: 'interpellation', title: '质询案', details: { filers: s16.members.slice(5, 8).map((m) => m.id), addressee: `区${t}局`, questionsText: '一、工程为何滞后？' } }), '受质询机关'],
      ['reviewGroups.save', (t) => ({ sessionId: s16.sessionId, groups: [{ name: `第${t}组`, memberIds: [] }] }), '审议小组·第1项·组名'],
      ['remarks.add', (t) => ({ itemId: report.id, speaker: s16.members[1]!.name, text: `建议加强${t}的监管。` }), '内容'],
      ['opinions.update', (t) => ({ id: opinion.id, ...fields, body: [{ kind: 'p', text: `一是加强${t}监管。` }] }), '正文·第1项·内容'],
      ['resolutions.update', (t) => ({ id: resolution.id, kind: 'resolution', title: '关于某事项的决议', body: `会议决定：${t}。` }), '正文'],
      ['ballots.correctResult', (t) => ({ ballotId: unannounced.id, yes: 24, no: 4, abstain: 2, reason: `${t}录入有误` }), '原因'],
      ['oaths.record', (t) => ({ sessionId: s16.sessionId, others: [{ name: `王${t}` }], administeredBy: '邱东竹' }), '其他宣誓人·第1项·姓名'],
    ];
    const before = audit();
    for (const [name, input, field] of cases) {
      expect(await call(name, input(RARE)), name).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: `输入有误：${field}：${SECRETARY}` } });
    }
    expect(audit()).toBe(before);
    // A rare character within the fonts (𬌗) is taken: the check refuses only what cannot be printed.
    for (const [name, input] of cases) {
      const r = await call(name, input('𬌗'));
      expect(r.ok || r.error.message, name).toBe(true);
    }
  });

  it('asks no font file again: once a character has been asked, checks parse nothing', async () => {
    expect((await call('agenda.add', { sessionId: s16.sessionId, kind: 'report', title: `听取关于${RARE}的报告` })).ok).toBe(false);
    const parsed = parsedFaceCount();
    for (let i = 0; i < 20; i++) expect((await call('agenda.add', { sessionId: s16.sessionId, kind: 'report', title: `听取关于${RARE}${i}的报告` })).ok).toBe(false);
    expect(parsedFaceCount()).toBe(parsed);
  });
});

describe('a member’s remark from a terminal', () => {
  it('is refused over the WebSocket with words for the member, and nothing is stored', async () => {
    const count = () => (running.core.store.db.prepare('SELECT count(*) AS n FROM review_remarks').get() as { n: number }).n;
    const before = count();
    const r = await terminal.cmd('terminal.addRemark', { itemId: s16.items[0]!.id, text: `建议加强${RARE}的监管。` });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: `输入有误：内容：${MEMBER}` } });
    expect(count()).toBe(before);
    expect((await terminal.cmd('terminal.addRemark', { itemId: s16.items[0]!.id, text: '建议加强𬌗的监管。' })).ok).toBe(true);
    expect(count()).toBe(before + 1);
  });
});

/** Commands whose strings are not texts the documents print: files, codes, dates, ids, search words. */
const NOT_PRINTED = new Set([
  'names.strokeOrder', // a question (the stroke order of names), nothing stored
  'import.preview', // a roster file: its rows are asked the fonts row by row (roster-io/specs.ts)
  'import.commit',
  'documents.attach', // a material: a file and its own name
  'officialYears.attachPledge',
  'members.retire', // a date
  'sessions.expectedMembers',
  'opinions.send',
  'opinions.markHandling',
  'opinions.setDeadline',
  'opinions.numbers', // a question: the numbers of a prefix
  'terminals.bind', // a pairing number, a seat code, ids, a document's id
  'terminal.pair',
  'ballots.create',
  'documents.render',
  'archive.search', // search words
]);

describe('every command that stores a text is asked the fonts', () => {
  it('a command with a string in its input is `printed`, or listed here as storing no printed text', () => {
    const unmarked = Object.entries(anyCommandTable)
      .filter(([name, def]) => !def.printed && !NOT_PRINTED.has(name) && schemaLeaves(def.input, name).some((l) => l.type === 'string'))
      .map(([name]) => name);
    expect(unmarked).toEqual([]);
  });

  it('the press, the sheet and the sign-in are not: the check stays off the press path', () => {
    for (const name of ['terminal.vote', 'terminal.submitSheet', 'terminal.signIn']) expect(anyCommandTable[name]?.printed, name).toBeUndefined();
  });
});
