// The session's appointment list (任免名单): every person of every appointment item with the result
// of the newest finished ballot that decided them. A person is found in the ballots by their stable
// id, and a decided person is listed as the ballot stored them (name, action, post as voted on), so
// an edit of the item can never move a result to somebody else.
import { APPOINTMENT_ACTION_LABELS, personsWithIds, type BallotPerson } from '../domain/agenda';
import { listItems } from '../store/agenda';
import type { Store } from '../store/store';
import { ballotsOfItem } from './ballot-store';

export interface AppointmentEntry {
  itemId: number;
  itemTitle: string;
  /** Place in the item's list now (0-based); -1 for a person no longer listed (decided before ids existed). */
  personIndex: number;
  personId: string;
  name: string;
  action: '任命' | '免去';
  post: string;
  mode: 'each' | 'all';
  /** null while no ballot on this person has a result. */
  result: { ballotId: number; round: number; yes: number; no: number; abstain: number; adopted: boolean } | null;
}

export function appointmentList(store: Store, sessionId: number): AppointmentEntry[] {
  const out: AppointmentEntry[] = [];
  for (const item of listItems(store, sessionId).filter((i) => i.kind === 'appointment')) {
    const finished = ballotsOfItem(store, item.id).filter((b) => b.result);
    const current = personsWithIds(item.details.persons);
    const voted = finished.flatMap((b) => b.persons).filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    const persons: BallotPerson[] = [...current, ...voted.filter((p) => !current.some((c) => c.id === p.id))];
    for (const p of persons) {
      const decided = finished.filter((b) => b.persons.some((q) => q.id === p.id)).at(-1);
      const asVoted = decided?.persons.find((q) => q.id === p.id) ?? p;
      out.push({
        itemId: item.id,
        itemTitle: item.title,
        personIndex: current.findIndex((c) => c.id === p.id),
        personId: p.id,
        name: asVoted.name,
        action: APPOINTMENT_ACTION_LABELS[asVoted.action],
        post: asVoted.post,
        mode: item.details.appointmentMode ?? 'each',
        result: decided?.result
          ? { ballotId: decided.id, round: decided.round, yes: decided.result.yes, no: decided.result.no, abstain: decided.result.abstain, adopted: decided.result.adopted }
          : null,
      });
    }
  }
  return out;
}
