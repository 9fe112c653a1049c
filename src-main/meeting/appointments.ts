// The session's appointment list (任免名单): every person of every appointment item with the
// result of the newest finished ballot that decided them.
import { APPOINTMENT_ACTION_LABELS } from '../domain/agenda';
import { listItems } from '../store/agenda';
import type { Store } from '../store/store';
import { ballotsOfItem } from './ballot-store';

export interface AppointmentEntry {
  itemId: number;
  itemTitle: string;
  personIndex: number;
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
    (item.details.persons ?? []).forEach((p, personIndex) => {
      const decided = finished.filter((b) => b.persons.includes(personIndex)).at(-1);
      out.push({
        itemId: item.id,
        itemTitle: item.title,
        personIndex,
        name: p.name,
        action: APPOINTMENT_ACTION_LABELS[p.action],
        post: p.post,
        mode: item.details.appointmentMode ?? 'each',
        result: decided?.result
          ? { ballotId: decided.id, round: decided.round, yes: decided.result.yes, no: decided.result.no, abstain: decided.result.abstain, adopted: decided.result.adopted }
          : null,
      });
    });
  }
  return out;
}
