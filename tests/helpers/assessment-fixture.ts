// The 第四十四次会议 of tests/fixtures/sample-sessions.md prepared through the admin commands: the 33
// members of roster.csv, the 35 officials of officials.csv (imported as a file, like the secretary
// does), the 述职 item, the assessment of the 35 officials on one sheet, and a 10-of-15 project ballot.
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, fixtureRoster } from './session-fixture';

type Must = <T = any>(name: string, input?: unknown) => Promise<T>;

export const SESSION44_TITLE = '示例区第二届人民代表大会常务委员会第四十四次会议';
export const REPORT_TITLE = '听取区人民政府工作部门负责人、区人民法院副院长、区人民检察院副检察长2026年度履职承诺落实情况的述职报告';
export const ASSESSMENT_TITLE = '对述职人员进行满意度测评';
export const PROJECT_TITLE = '票决2027年度区民生实事项目';

/** 15 candidate livelihood projects (fictional). */
export const CANDIDATES = [
  '老旧小区改造提升工程',
  '中小学校食堂改造',
  '社区嵌入式养老服务中心建设',
  '城区积水点改造',
  '农村饮水安全巩固提升',
  '公办幼儿园扩容',
  '社区卫生服务中心标准化建设',
  '公共停车泊位建设',
  '口袋公园建设',
  '残疾人康复服务提升',
  '背街小巷路面整治',
  '农贸市场提升改造',
  '公共充电设施建设',
  '全民健身场地建设',
  '便民服务中心适老化改造',
];

export interface OfficialRow {
  sort: number;
  name: string;
  unit: string;
  post: string;
  category: string;
}

export function fixtureOfficials(): OfficialRow[] {
  const text = fs.readFileSync(path.join(FIXTURES, 'officials.csv'), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [sort, name, unit, post, category] = l.split(',');
      return { sort: Number(sort), name: name!, unit: unit!, post: post!, category: category! };
    });
}

export interface Session44 {
  sessionId: number;
  members: { id: number; name: string; seat: number }[];
  officials: { id: number; name: string; unit: string; post: string; category: string }[];
  reportItemId: number;
  assessmentItemId: number;
  projectItemId: number;
}

export async function prepareSession44(must: Must, opts: { rules?: unknown } = {}): Promise<Session44> {
  await must('committee.update', { region: '示例区', term: 2 });
  const members: Session44['members'] = [];
  for (const r of fixtureRoster()) {
    const m = await must<{ id: number }>('members.create', { ...r, inOfficeFrom: null, inOfficeTo: null });
    members.push({ id: m.id, name: r.name, seat: r.seat });
  }
  const csv = fs.readFileSync(path.join(FIXTURES, 'officials.csv'));
  await must('import.commit', { kind: 'officials', fileName: 'officials.csv', data: csv.toString('base64') });
  const officials = await must<Session44['officials']>('officials.list', {});
  const session = await must<{ id: number }>('sessions.create', {
    term: 2,
    number: 44,
    date: '2027-01-20',
    startTime: '09:00',
    place: '区人大常委会会议室',
    chair: '邱东竹',
    expectedMembers: 33,
    ...(opts.rules ? { rules: opts.rules } : {}),
  });
  const add = (item: unknown) => must<{ id: number }>('agenda.add', { sessionId: session.id, ...(item as object) });
  const report = await add({ kind: 'report', title: REPORT_TITLE, presenter: '述职人员' });
  const assessment = await add({
    kind: 'assessment',
    title: ASSESSMENT_TITLE,
    details: { subjects: officials.map((o) => ({ name: o.name, unit: o.unit, post: o.post, category: o.category, officialId: o.id })) },
  });
  const project = await add({ kind: 'project_ballot', title: PROJECT_TITLE, details: { candidates: CANDIDATES, chooseMax: 10 } });
  return { sessionId: session.id, members, officials, reportItemId: report.id, assessmentItemId: assessment.id, projectItemId: project.id };
}

/**
 * The 第四十四次会议's marks, hand-designed: per subject (sheet order) 满意, 基本满意, 不满意, 未评 of
 * 33 sheets. Member m marks subject k by position p = (m + k) mod 33: p < 满意 → 满意, then 基本满意,
 * then 不满意, the rest unmarked — so every member's sheet is mixed.
 */
export const SESSION44_COUNTS: [number, number, number, number][] = [
  [28, 4, 1, 0], [25, 6, 2, 0], [30, 3, 0, 0], [22, 8, 3, 0], [20, 9, 4, 0],
  [26, 5, 1, 1], [18, 10, 5, 0], [24, 6, 3, 0], [25, 5, 2, 1], [21, 8, 4, 0],
  [19, 9, 4, 1], [27, 5, 1, 0], [10, 8, 13, 2], [23, 7, 3, 0], [20, 10, 3, 0],
  [29, 3, 1, 0], [16, 12, 5, 0], [22, 7, 3, 1], [24, 8, 1, 0], [5, 6, 18, 4],
  [21, 9, 3, 0], [17, 11, 5, 0], [26, 6, 1, 0], [20, 8, 5, 0], [15, 10, 8, 0],
  [23, 8, 2, 0], [27, 4, 2, 0], [12, 10, 5, 6], [24, 7, 2, 0], [19, 10, 4, 0],
  [25, 6, 2, 0], [10, 5, 1, 17], [22, 9, 2, 0], [14, 12, 7, 0], [28, 3, 2, 0],
];

/** Member m's sheet (0-based member index among the 33). */
export function session44Sheet(m: number): (number | null)[] {
  return SESSION44_COUNTS.map(([a, b, c], k) => {
    const p = (m + k) % 33;
    return p < a ? 0 : p < a + b ? 1 : p < a + b + c ? 2 : null;
  });
}

/**
 * Hand-computed ranking (rule A, the defaults: unmarked subjects count against, i.e. stay in the
 * denominator): [rank, name, 满意, 基本满意, 不满意, 未评, rate, grade].
 * Rate = (满意+基本满意)/33 sheets returned, 2 decimals half up; grade = 满意 if 2·满意 ≥ 33, else
 * 基本满意 if 2·(满意+基本满意) ≥ 33, else 不满意; equal rates rank by 满意 votes (more first), still
 * equal ones share a rank and keep sheet order (tie-break 'shared', the default).
 */
export const SESSION44_RANKING: [number, string, number, number, number, number, string, string][] = [
  [1, '韩燕晨', 30, 3, 0, 0, '100.00%', '满意'],
  [2, '廖玲海', 29, 3, 1, 0, '96.97%', '满意'],
  [3, '潘刚超', 28, 4, 1, 0, '96.97%', '满意'],
  [4, '曹春涛', 27, 5, 1, 0, '96.97%', '满意'],
  [5, '陈波鑫', 26, 6, 1, 0, '96.97%', '满意'],
  [6, '乔亮新', 24, 8, 1, 0, '96.97%', '满意'],
  [7, '武晓敏', 28, 3, 2, 0, '93.94%', '满意'],
  [8, '顾文', 27, 4, 2, 0, '93.94%', '满意'],
  [9, '龙红勇', 26, 5, 1, 1, '93.94%', '满意'],
  [10, '曾杰', 25, 6, 2, 0, '93.94%', '满意'],
  [10, '蒋伟志', 25, 6, 2, 0, '93.94%', '满意'],
  [12, '田婷波', 24, 7, 2, 0, '93.94%', '满意'],
  [13, '陆东峰', 23, 8, 2, 0, '93.94%', '满意'],
  [14, '郭峰燕', 22, 9, 2, 0, '93.94%', '满意'],
  [15, '夏超松', 25, 5, 2, 1, '90.91%', '满意'],
  [16, '于宁峰', 24, 6, 3, 0, '90.91%', '满意'],
  [17, '彭竹', 23, 7, 3, 0, '90.91%', '满意'],
  [18, '袁强竹', 22, 8, 3, 0, '90.91%', '满意'],
  [19, '汤建', 21, 9, 3, 0, '90.91%', '满意'],
  [20, '何柏云', 20, 10, 3, 0, '90.91%', '满意'],
  [21, '沈亮树', 22, 7, 3, 1, '87.88%', '满意'],
  [22, '廖亮玲', 21, 8, 4, 0, '87.88%', '满意'],
  [23, '乔宁刚', 20, 9, 4, 0, '87.88%', '满意'],
  [24, '林鑫', 19, 10, 4, 0, '87.88%', '满意'],
  [25, '贺凤娟', 20, 8, 5, 0, '84.85%', '满意'],
  [26, '胡亮波', 19, 9, 4, 1, '84.85%', '满意'],
  [27, '郭平东', 18, 10, 5, 0, '84.85%', '满意'],
  [28, '曾杰平', 17, 11, 5, 0, '84.85%', '满意'],
  [29, '万娟', 16, 12, 5, 0, '84.85%', '基本满意'],
  [30, '陆晨军', 14, 12, 7, 0, '78.79%', '基本满意'],
  [31, '沈立', 15, 10, 8, 0, '75.76%', '基本满意'],
  [32, '许晓', 12, 10, 5, 6, '66.67%', '基本满意'],
  [33, '毛海立', 10, 8, 13, 2, '54.55%', '基本满意'],
  [34, '罗杰琳', 10, 5, 1, 17, '45.45%', '不满意'],
  [35, '姜婷德', 5, 6, 18, 4, '33.33%', '不满意'],
];

/**
 * The project ballot's votes per candidate (sheet order), hand-designed with a tie at the cut-off:
 * sorted 31 30 29 28 27 26 25 24 20 | 18 18 | 12 10 6 4 — nine are in, 18-18 tie for the tenth place.
 */
export const PROJECT_VOTES = [30, 18, 31, 12, 29, 28, 6, 27, 18, 26, 4, 25, 24, 20, 10];

/** Member m's chosen candidates: candidate j goes to the next v_j members in turn (9 or 10 each). */
export function projectSheets(members = 33): number[][] {
  const sheets: number[][] = Array.from({ length: members }, () => []);
  let at = 0;
  PROJECT_VOTES.forEach((v, j) => {
    for (let k = 0; k < v; k++) {
      sheets[at % members]!.push(j);
      at++;
    }
  });
  return sheets;
}
