import { normalizeRules, type Rules } from '../domain/settings';
import type { Actor } from './audit';
import type { Store } from './store';

export interface Committee {
  region: string;
  term: number;
}

export function getCommittee(store: Store): Committee {
  return store.db.prepare('SELECT region, term FROM committee WHERE id = 1').get() as Committee;
}

export function updateCommittee(store: Store, who: Actor, c: Committee): Committee {
  return store.change(who, () => {
    store.db.prepare('UPDATE committee SET region = ?, term = ? WHERE id = 1').run(c.region, c.term);
    store.audit.recordRow(who, 'committee.update', 'committee', 1);
    return getCommittee(store);
  });
}

export function getRules(store: Store): Rules {
  const row = store.db.prepare("SELECT value FROM settings WHERE key = 'rules'").get() as { value: string } | undefined;
  return normalizeRules(row ? JSON.parse(row.value) : undefined);
}

export function setRules(store: Store, who: Actor, rules: Rules): Rules {
  return store.change(who, () => {
    store.db
      .prepare("INSERT INTO settings (key, value) VALUES ('rules', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(JSON.stringify(rules));
    store.audit.recordRow(who, 'settings.update', 'settings', 'rules', 'key');
    return getRules(store);
  });
}
