// 人事任免: how an item's persons are grouped onto ballots, what each ballot is called, which ballot
// decides each person, and how the 任免名单 lists those adopted. One item may mix persons voted alone
// with persons voted together (逐人 and 合并 in any mix); every person has their own result, the
// result of the newest finished ballot that held them.
import { APPOINTMENT_ACTIONS, APPOINTMENT_ACTION_LABELS, type AppointmentAction, type AppointmentMode, type BallotPerson, type ItemPerson } from './agenda';

/** 决定任命 / 任命: the person takes a post; the others leave one. */
export const isAppointing = (a: AppointmentAction): boolean => a === 'decide_appoint' || a === 'appoint';

/** "区审计局局长职务" for a post typed with or without its 职务. */
const postOf = (post: string): string => `${post.replace(/职务$/, '')}职务`;

/** What one person's ballot decides: "决定任命周明为区教育局局长", "免去李四的区司法局局长职务", "接受王五辞去区审计局局长职务". */
export function personSubject(p: BallotPerson): string {
  const label = APPOINTMENT_ACTION_LABELS[p.action];
  if (p.action === 'accept_resignation') return `接受${p.name}辞去${p.post ? postOf(p.post) : '职务'}`;
  if (!p.post) return `${label}${p.name}`;
  return isAppointing(p.action) ? `${label}${p.name}为${p.post}` : `${label}${p.name}的${postOf(p.post)}`;
}

/** A ballot of several persons: "人事任免（决定免去李四、免去王五，合并表决）". */
export function groupSubject(itemTitle: string, persons: readonly BallotPerson[]): string {
  if (persons.length === 1) return personSubject(persons[0]!);
  return `${itemTitle}（${persons.map((p) => `${APPOINTMENT_ACTION_LABELS[p.action]}${p.name}`).join('、')}，合并表决）`;
}

/**
 * The ballots an item plans, as lists of person ids in the item's order: 'each' every person alone,
 * 'all' everyone on one ballot, 'mixed' persons with the same group number together and persons
 * without one alone. A group comes where its first person stands.
 */
export function plannedGroups(persons: readonly ItemPerson[], mode: AppointmentMode | undefined): string[][] {
  if (persons.length === 0) return [];
  if (mode === 'all') return [persons.map((p) => p.id)];
  if (mode !== 'mixed') return persons.map((p) => [p.id]);
  const out: string[][] = [];
  const byGroup = new Map<number, string[]>();
  for (const p of persons) {
    if (p.group === undefined) {
      out.push([p.id]);
      continue;
    }
    let g = byGroup.get(p.group);
    if (!g) {
      byGroup.set(p.group, (g = []));
      out.push(g);
    }
    g.push(p.id);
  }
  return out;
}

/** The same set of persons, whatever the order. */
export const sameGroup = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id) => b.includes(id));

/** A ballot as the rule needs it: who it held (as voted on) and, once finished, its result. */
export interface DecidingBallot {
  id: number;
  round: number;
  persons: readonly BallotPerson[];
  result: { yes: number; no: number; abstain: number; adopted: boolean } | null;
}

export interface PersonOutcome {
  /** The person as the deciding ballot held them (as listed, when nothing decided them yet). */
  person: BallotPerson;
  /** null while no finished ballot held this person. */
  decided: { ballotId: number; round: number; together: number; yes: number; no: number; abstain: number; adopted: boolean } | null;
}

/**
 * Each person's result: the newest finished ballot (highest id) that held them, alone or with
 * others. Persons a ballot decided who are no longer listed come after the listed ones.
 */
export function personOutcomes(listed: readonly BallotPerson[], ballots: readonly DecidingBallot[]): PersonOutcome[] {
  const finished = [...ballots].filter((b) => b.result).sort((a, b) => a.id - b.id);
  const voted = finished.flatMap((b) => b.persons);
  const persons = [...listed, ...voted.filter((p, i) => !listed.some((l) => l.id === p.id) && voted.findIndex((q) => q.id === p.id) === i)];
  return persons.map((p) => {
    const b = finished.filter((x) => x.persons.some((q) => q.id === p.id)).at(-1);
    if (!b) return { person: p, decided: null };
    const r = b.result!;
    return { person: b.persons.find((q) => q.id === p.id)!, decided: { ballotId: b.id, round: b.round, together: b.persons.length, yes: r.yes, no: r.no, abstain: r.abstain, adopted: r.adopted } };
  });
}

/** A line of the 任免名单 under its action's heading: "周明为区教育局局长", "李四的区司法局局长职务", "王五辞去区审计局局长职务". */
export function appointmentLine(p: Pick<BallotPerson, 'action' | 'name' | 'post'>): string {
  if (p.action === 'accept_resignation') return `${p.name}辞去${p.post ? postOf(p.post) : '职务'}`;
  if (!p.post) return p.name;
  return isAppointing(p.action) ? `${p.name}为${p.post}` : `${p.name}的${postOf(p.post)}`;
}

export interface ListSection {
  /** "决定任命" … "接受辞职" */
  heading: string;
  lines: string[];
}

/**
 * The 任免名单's body: only adopted persons, under their action's heading in the fixed order
 * 决定任命, 任命, 决定免去, 免去, 接受辞职; within a heading in the order given.
 */
export function appointmentSections(persons: readonly (Pick<BallotPerson, 'action' | 'name' | 'post'> & { adopted: boolean })[]): ListSection[] {
  const adopted = persons.filter((p) => p.adopted);
  return APPOINTMENT_ACTIONS.map((a) => ({ heading: APPOINTMENT_ACTION_LABELS[a], lines: adopted.filter((p) => p.action === a).map(appointmentLine) })).filter((s) => s.lines.length > 0);
}
