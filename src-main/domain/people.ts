// The people a committee deals with: voting members, non-voting attendees (列席), reporting officials.
import { lineHasForeignCharacters } from './text';

export const MEMBER_ROLES = ['主任', '副主任', '秘书长', '委员'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const GENDERS = ['', '男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

export interface MemberFields {
  sort: number;
  name: string;
  gender: Gender;
  role: MemberRole;
  seat: number | null;
  inOfficeFrom: string | null;
  inOfficeTo: string | null;
  note: string;
}
export interface Member extends MemberFields {
  id: number;
}

export interface AttendeeFields {
  sort: number;
  name: string;
  unit: string;
  title: string;
}
export interface Attendee extends AttendeeFields {
  id: number;
  active: boolean;
}

export interface OfficialFields {
  sort: number;
  name: string;
  unit: string;
  post: string;
  category: string;
}
export interface Official extends OfficialFields {
  id: number;
  active: boolean;
}

/** A member is in office on a date when it falls within [from, to). Dates are ISO "YYYY-MM-DD". */
export function inOfficeOn(m: Pick<MemberFields, 'inOfficeFrom' | 'inOfficeTo'>, date: string): boolean {
  if (m.inOfficeFrom && m.inOfficeFrom > date) return false;
  if (m.inOfficeTo && m.inOfficeTo <= date) return false;
  return true;
}

const ROLE_ORDER: Record<MemberRole, number> = { 主任: 0, 副主任: 1, 秘书长: 2, 委员: 3 };

/** Roster order: by role (主任, 副主任, 秘书长, 委员), then by the roster's own 序号. */
export function compareMembers(a: MemberFields, b: MemberFields): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.sort - b.sort;
}

/** Why a person's name cannot be taken as written (a Chinese sentence), or null when it can. */
export function nameProblem(name: string): string | null {
  return lineHasForeignCharacters(name) ? '姓名中含有控制字符、方向控制符或无法识别的字符（常见于从其他软件复制或编码有误的文字），请重新输入姓名' : null;
}
