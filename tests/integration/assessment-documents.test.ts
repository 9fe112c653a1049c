// Paper fallback and the printed documents of the 第四十四次会议: the secretary enters the tallies of
// the paper sheets (same figures as the electronic run), project sheets entered one by one with an
// over-marked one counted invalid, and the PDFs read back with poppler: 测评结果统计表 (multi-page,
// header row repeated), 分类汇总表, 票决结果, blank 测评表 and 票决票. Every PDF is kept under
// test-results/documents/.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/app/core';
import { CANDIDATES, PROJECT_VOTES, prepareSession44, projectSheets, SESSION44_COUNTS, SESSION44_RANKING, SESSION44_TITLE, type Session44 } from '../helpers/assessment-fixture';
import { pdfInfo, pdfPages, pdfRows, pdfText, savePdf } from '../helpers/pdf';
import { tempDataDir } from '../helpers/server';
import { markAttendance } from '../helpers/live-setup';
import { commandsOf } from '../helpers/dispatch';

let core: Core;
let s44: Session44;
const dataDir = tempDataDir('yishi-asm-docs-');
const { call, must } = commandsOf(() => core);
const pdfOf = async (name: string, input: unknown, keepAs: string) => {
  const f = await must(name, input);
  expect(f.mime).toBe('application/pdf');
  const file = savePdf(keepAs, Buffer.from(f.base64, 'base64'));
  return { file, fileName: f.fileName as string };
};
const flat = (s: string) => s.replace(/\s+/g, '');
let assessmentId = 0;
let projectId = 0;

beforeAll(async () => {
  core = createCore(dataDir);
  s44 = await prepareSession44(must);
  await must('live.open', { sessionId: s44.sessionId });
  await markAttendance(must, s44.members);
});
afterAll(async () => {
  await core.store.whenIdle(); // the automatic backup after the results, before the store closes
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('paper fallback', () => {
  it('blank forms: a 测评表 of all 35 officials and the three levels fits one sheet per copy; a 票决票 of 15 fits one sheet', async () => {
    const { file, fileName } = await pdfOf('assessments.blankForm', { itemId: s44.assessmentItemId, copies: 2 }, '第四十四次会议-空白满意度测评表（2份）');
    expect(fileName).toBe(`满意度测评表（空白）-${SESSION44_TITLE}.pdf`);
    const text = flat(pdfText(file));
    expect(text).toContain('满意度测评表');
    expect(text).toContain('请对每位测评对象在“满意”“基本满意”“不满意”中选择一项');
    const rows = pdfRows(file);
    const headers = rows.filter((r) => r.text === '序号测评对象单位及职务满意基本满意不满意');
    const pages = pdfPages(file).length;
    expect(pages).toBe(2); // 2 copies, one sheet each
    expect(headers.map((h) => h.page)).toEqual([1, 2]);
    for (const [i, o] of s44.officials.entries()) {
      const found = rows.filter((r) => r.text.startsWith(`${i + 1}${o.name}`));
      expect(found.map((r) => r.page), o.name).toEqual([1, 2]);
      // inside the type area, above its bottom edge (262 mm)
      for (const r of found) expect(r.yMax / (72 / 25.4), o.name).toBeLessThan(262);
    }

    const ballot = await pdfOf('assessments.blankForm', { itemId: s44.projectItemId }, '第四十四次会议-空白票决票');
    const btext = flat(pdfText(ballot.file));
    expect(btext).toContain('每张选票最多选择10个，超过10个的本票无效');
    const brows = pdfRows(ballot.file);
    expect(pdfPages(ballot.file)).toHaveLength(1);
    CANDIDATES.forEach((c, i) => expect(brows.some((r) => r.text === `${i + 1}${c}` && r.page === 1), c).toBe(true));
  });

  it('the secretary enters the paper tallies per subject: the same hand-computed ranking; the method is recorded', async () => {
    const a = await must('assessments.create', { itemId: s44.assessmentItemId, method: 'paper' });
    assessmentId = a.id;
    const refused = await call('assessments.enterPaper', {
      assessmentId,
      satisfaction: { sheetsReturned: 33, levels: SESSION44_COUNTS.map(([x, y, z], k) => (k === 2 ? [x, y, z + 1] : [x, y, z])) },
    });
    expect(refused.ok ? '' : refused.error.message).toBe('第3位测评对象（韩燕晨）各档票数合计34，超过了计入统计的测评表33份');
    const tooMany = await call('assessments.enterPaper', { assessmentId, satisfaction: { sheetsReturned: 34, levels: SESSION44_COUNTS.map(([x, y, z]) => [x, y, z]) } });
    expect(tooMany.ok ? '' : tooMany.error.message).toBe('收回测评表34份，超过了可参加测评的人数33人');
    const done = await must('assessments.enterPaper', { assessmentId, satisfaction: { sheetsReturned: 33, levels: SESSION44_COUNTS.map(([x, y, z]) => [x, y, z]) } });
    expect(done).toMatchObject({ method: 'paper', state: 'closed' });
    expect(done.result.method).toBe('paper');
    expect(done.result.rows.map((x: any) => [x.rank, x.name, ...x.levels, x.unmarked, x.rate, x.grade])).toEqual(SESSION44_RANKING);
    const again = await call('assessments.enterPaper', { assessmentId, satisfaction: { sheetsReturned: 33, levels: SESSION44_COUNTS.map(([x, y, z]) => [x, y, z]) } });
    expect(again.ok ? '' : again.error.code).toBe('INVALID_STATE');
  });

  it('project sheets entered from paper one by one: a sheet marking 11 of 15 is counted invalid', async () => {
    const p = await must('assessments.create', { itemId: s44.projectItemId, method: 'paper' });
    projectId = p.id;
    const sheets = projectSheets(32); // 32 valid sheets …
    sheets.push([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // … and one marking 11: invalid
    const done = await must('assessments.enterPaper', { assessmentId: projectId, projectSheets: sheets });
    expect(done.result).toMatchObject({ validSheets: 32, invalidSheets: 1, method: 'paper' });
    const votes = CANDIDATES.map((_, j) => done.result.rows.find((x: any) => x.index === j).votes);
    // projectSheets(32) hands the same 308 votes to 32 sheets (10 each, minus 12): the per-candidate totals are PROJECT_VOTES.
    expect(votes).toEqual(PROJECT_VOTES);
    expect(done.result.tieAtCutoff.map((i: number) => CANDIDATES[i])).toEqual(['中小学校食堂改造', '口袋公园建设']);
  });
});

describe('documents of the 第四十四次会议', () => {
  it('测评结果统计表: every official ranked with counts, rate and grade; the header row repeats on every page', async () => {
    const { file, fileName } = await pdfOf('assessments.pdf', { assessmentId, document: 'result' }, '第四十四次会议-满意度测评结果统计表（纸质录入）');
    expect(fileName).toBe(`满意度测评结果统计表-${SESSION44_TITLE}.pdf`);
    expect(pdfInfo(file).Title).toBe(`满意度测评结果统计表-${SESSION44_TITLE}`);
    const text = flat(pdfText(file));
    expect(text).toContain('满意度测评结果统计表');
    expect(text).toContain(`（${SESSION44_TITLE}）`);
    expect(text).toContain('测评方式：无记名纸质测评表');
    expect(text).toContain('应出席常委会组成人员33人，参加测评33人，收回测评表33份，计入统计33份。');
    expect(text).toContain('满意率＝（满意＋基本满意）÷收回的有效测评表数（未评价的计入）');
    // rule A prints a grade beside each rate: how it follows from the counts (the median verdict, the bound counts)
    expect(text).toContain('满意票数达到收回的有效测评表数半数的为“满意”；否则满意＋基本满意票数达到收回的有效测评表数半数的为“基本满意”；否则为“不满意”');
    expect(text).toContain('限期整改并再次报告（一般在下次常委会会议上报告）：罗杰琳、姜婷德。');
    expect(text).toContain('测评结果为“基本满意”的，按照审议意见整改：万娟、陆晨军、沈立、许晓、毛海立。');
    const rows = pdfRows(file);
    const pages = pdfPages(file).length;
    expect(pages).toBeGreaterThanOrEqual(2);
    const header = '名次姓名单位及职务满意基本满意不满意未评满意率测评结果';
    const tablePages = [...new Set(rows.filter((r) => SESSION44_RANKING.some(([rank, name]) => r.text.startsWith(`${rank}${name}`))).map((r) => r.page))];
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const p of tablePages) expect(rows.some((r) => r.page === p && r.text === header), `header on page ${p}`).toBe(true);
    let lastPage = 0;
    let lastY = 0;
    for (const [rank, name, a, b, c, u, rate, grade] of SESSION44_RANKING) {
      const row = rows.find((r) => r.text.startsWith(`${rank}${name}`));
      expect(row, name).toBeDefined();
      expect(row!.text.endsWith(`${a}${b}${c}${u}${rate}${grade}`), `${row!.text}`).toBe(true);
      // in ranked order down the pages
      expect(row!.page > lastPage || (row!.page === lastPage && row!.centre > lastY)).toBe(true);
      lastPage = row!.page;
      lastY = row!.centre;
    }
  });

  it('分类汇总表: per category the votes, the overall rate and the grades; each category ranked within itself', async () => {
    const { file } = await pdfOf('assessments.pdf', { assessmentId, document: 'categories' }, '第四十四次会议-满意度测评结果分类汇总表（纸质录入）');
    const rows = pdfRows(file);
    // 类别, 人数, 满意票, 基本满意票, 不满意票, 未评, 综合满意率, 评为满意/基本满意/不满意（人）
    // 综合满意率 over every sheet returned (unmarked counted against): 747/858, 144/165, 103/132.
    expect(rows.some((r) => r.text.endsWith('265561911011087.06%2231') && r.text.startsWith('政府工作部门'))).toBe(true);
    expect(rows.some((r) => r.text === '法院51073715687.27%410')).toBe(true);
    expect(rows.some((r) => r.text === '检察院474291217' + '78.03%211')).toBe(true);
    const text = flat(pdfText(file));
    expect(text).toContain('（一）政府工作部门负责人（26人）');
    expect(text).toContain('（二）法院（5人）');
    expect(text).toContain('（三）检察院（4人）');
    // within 检察院: 武晓敏 and 郭峰燕 both 93.94%, 武晓敏 with more 满意 (28 to 22) 1st (overall 7th), 郭峰燕 2nd
    // (overall 14th), 陆晨军 3rd (overall 30th), 罗杰琳 4th (overall 34th); within 法院: 林鑫 4th (overall 24th), 许晓 5th (overall 32nd)
    for (const line of ['17武晓敏', '214郭峰燕', '330陆晨军', '434罗杰琳', '424林鑫', '532许晓']) expect(rows.some((r) => r.text.startsWith(line)), line).toBe(true);
  });

  it('票决结果: candidates by votes, invalid sheets, the tie at the cut-off for a new ballot', async () => {
    const { file } = await pdfOf('assessments.pdf', { assessmentId: projectId }, '第四十四次会议-民生实事项目票决结果（纸质逐张录入，含1张无效票）');
    const text = flat(pdfText(file));
    expect(text).toContain('候选项目15个，每张选票最多选择10个，多选的选票无效。');
    expect(text).toContain('收回选票33张，其中有效票32张，无效票1张。');
    expect(text).toContain('第10至11名得票相同（均为18票）：中小学校食堂改造、口袋公园建设，需就剩余1个名额另行票决。');
    expect(text).toContain('入选项目9个：社区嵌入式养老服务中心建设、老旧小区改造提升工程、农村饮水安全巩固提升、公办幼儿园扩容、公共停车泊位建设、残疾人康复服务提升、农贸市场提升改造、公共充电设施建设、全民健身场地建设。');
    const rows = pdfRows(file);
    expect(rows.some((r) => r.text === '1社区嵌入式养老服务中心建设3196.88%入选')).toBe(true);
    expect(rows.some((r) => r.text === '10中小学校食堂改造1856.25%得票相同，另行票决')).toBe(true);
    expect(rows.some((r) => r.text === '15背街小巷路面整治412.50%未入选')).toBe(true);
  });
});
