// 列席人员 and 述职人员 share one shape in the console: name, unit, a post (职务) and, for officials,
// a category (类别). This maps that shape onto each list's own commands.
import { call, type CommandOutput } from '../../api';
import type { Result } from '../../../../src-main/shared/result';

export type DirectoryKind = 'attendees' | 'officials';

export interface DirectoryEntry {
  id: number;
  sort: number;
  name: string;
  unit: string;
  post: string;
  category: string;
  active: boolean;
}

export interface DirectoryFields {
  sort: number;
  name: string;
  unit: string;
  post: string;
  category: string;
}

export const DIRECTORY_LABELS: Record<DirectoryKind, { title: string; noun: string; intro: string }> = {
  attendees: {
    title: '列席人员',
    noun: '列席人员',
    intro: '列席会议、不参加表决的人员：“一府一委两院”负责人、有关部门负责人等。',
  },
  officials: {
    title: '述职人员',
    noun: '述职人员',
    intro: '向常委会述职并接受满意度测评（或称职测评）的人员：政府工作部门负责人、法院副院长、检察院副检察长等。',
  },
};

type Attendee = CommandOutput<'attendees.list'>[number];
type Official = CommandOutput<'officials.list'>[number];

const fromAttendee = (a: Attendee): DirectoryEntry => ({ ...a, post: a.title, category: '' });
const fromOfficial = (o: Official): DirectoryEntry => ({ ...o });

function mapResult<A, B>(r: Result<A>, f: (a: A) => B): Result<B> {
  return r.ok ? { ok: true, value: f(r.value) } : r;
}

export async function listDirectory(kind: DirectoryKind): Promise<Result<DirectoryEntry[]>> {
  if (kind === 'attendees') return mapResult(await call('attendees.list', { includeInactive: true }), (l) => l.map(fromAttendee));
  return mapResult(await call('officials.list', { includeInactive: true }), (l) => l.map(fromOfficial));
}

export async function saveDirectoryEntry(kind: DirectoryKind, id: number | null, f: DirectoryFields): Promise<Result<DirectoryEntry>> {
  if (kind === 'attendees') {
    const fields = { sort: f.sort, name: f.name, unit: f.unit, title: f.post };
    const r = id === null ? await call('attendees.create', fields) : await call('attendees.update', { id, ...fields });
    return mapResult(r, fromAttendee);
  }
  const r = id === null ? await call('officials.create', f) : await call('officials.update', { id, ...f });
  return mapResult(r, fromOfficial);
}

export async function setDirectoryActive(kind: DirectoryKind, id: number, active: boolean): Promise<Result<DirectoryEntry>> {
  if (kind === 'attendees') return mapResult(await call('attendees.setActive', { id, active }), fromAttendee);
  return mapResult(await call('officials.setActive', { id, active }), fromOfficial);
}
