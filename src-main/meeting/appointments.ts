// The session's appointment list (任免名单): every person of every appointment item with the result
// of the newest finished ballot that decided them (domain/appointments.ts personOutcomes), whether
// they were voted alone or together with others. A person is found in the ballots by their stable
// id, and a decided person is listed as the ballot stored them (name, action, post as voted on), so
// an edit of the item can never move a result to somebody else.
import { APPOINTMENT_ACTION_LABELS, personsWithIds, type AppointmentAction, type AppointmentMode } from '../domain/agenda';
import { personOutcomes } from '../domain/appointments';
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
  /** 决定任命 / 任命 / 决定免去 / 免去 / 接受辞职 */
  action: string;
  actionKey: AppointmentAction;
  post: string;
  /** How the item plans its ballots (the secretary may group persons differently when voting). */
  mode: AppointmentMode;
  /** null while no ballot on this person has a result. `together`: persons on that ballot (1: voted alone). */
  result: { ballotId: number; round: number; together: number; yes: number; no: number; abstain: number; adopted: boolean } | null;
}

export function appointmentList(store: Store, sessionId: number): AppointmentEntry[] {
  const out: AppointmentEntry[] = [];
  for (const item of listItems(store, sessionId).filter((i) => i.kind === 'appointment')) {
    const current = personsWithIds(item.details.persons);
    for (const { person, decided } of personOutcomes(current, ballotsOfItem(store, item.id))) {
      out.push({
        itemId: item.id,
        itemTitle: item.title,
        personIndex: current.findIndex((c) => c.id === person.id),
        personId: person.id,
        name: person.name,
        action: APPOINTMENT_ACTION_LABELS[person.action],
        actionKey: person.action,
        post: person.post,
        mode: item.details.appointmentMode ?? 'each',
        result: decided,
      });
    }
  }
  return out;
}
