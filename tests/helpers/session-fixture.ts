// The 第十六次会议 of tests/fixtures/sample-sessions.md, prepared through the admin commands.
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURES = path.resolve(__dirname, '../fixtures');

export interface RosterRow {
  sort: number;
  name: string;
  gender: '' | '男' | '女';
  role: '主任' | '副主任' | '秘书长' | '委员';
  seat: number;
  note: string;
}

/** The 33 members of roster.csv (UTF-8 with BOM, CRLF), read plainly. */
export function fixtureRoster(): RosterRow[] {
  const text = fs.readFileSync(path.join(FIXTURES, 'roster.csv'), 'utf8').replace(/^\uFEFF/, '');
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const [sort, name, gender, role, seat, note] = l.split(',');
      return { sort: Number(sort), name: name!, gender: gender as RosterRow['gender'], role: role as RosterRow['role'], seat: Number(seat), note: note ?? '' };
    });
}

/** An admin command that returns its value or throws (AdminCore.must, ServeProcess.must). */
export type Must = <T = any>(name: string, input?: unknown) => Promise<T>;

export interface Session16 {
  sessionId: number;
  members: { id: number; name: string; seat: number }[];
  items: { id: number; kind: string; title: string }[];
}

/** Committee, roster and the session with its five agenda items, through the command API. */
export async function prepareSession16(must: Must): Promise<Session16> {
  await must('committee.update', { region: '示例区', term: 2 });
  const members: Session16['members'] = [];
  for (const r of fixtureRoster()) {
    const m = await must<{ id: number }>('members.create', { ...r, inOfficeFrom: null, inOfficeTo: null });
    members.push({ id: m.id, name: r.name, seat: r.seat });
  }
  const session = await must<{ id: number }>('sessions.create', {
    term: 2,
    number: 16,
    date: '2026-09-22',
    startTime: '09:00',
    place: '区人大常委会会议室',
    chair: '邱东竹',
    expectedMembers: 33,
  });
  const add = (item: unknown) => must<{ id: number; kind: string; title: string }>('agenda.add', { sessionId: session.id, ...(item as object) });
  const items = [
    await add({ kind: 'report', title: '听取和审议区人民政府关于医疗保障基金使用情况的报告', presenter: '区医疗保障局局长' }),
    await add({ kind: 'report', title: '听取和审议区人民法院关于公益诉讼工作情况的报告', presenter: '区人民法院院长' }),
    await add({
      kind: 'handling_report',
      title: '听取和审议区人民政府关于《区人大常委会关于开发区建设情况报告的审议意见》办理情况的报告',
      presenter: '区人民政府副区长',
    }),
    await add({ kind: 'vote', title: '审议关于开展第八个五年法治宣传教育的决议（草案）', presenter: '区人大常委会法制工作委员会' }),
    await add({
      kind: 'appointment',
      title: '人事任免',
      presenter: '区人大常委会人事代表工作委员会',
      details: {
        appointmentMode: 'each',
        persons: [
          { name: '周明', action: 'appoint', post: '区教育局局长' },
          { name: '吴芳', action: 'appoint', post: '区卫生健康局局长' },
          { name: '郑强', action: 'appoint', post: '区司法局局长' },
        ],
      },
    }),
  ];
  return { sessionId: session.id, members, items };
}
