import { levelOf, levelSchema, levelWords, type Level, type LevelWords } from '../domain/level';
import { normalizeRules, type Rules } from '../domain/settings';
import type { Actor } from './audit';
import type { Store } from './store';

export interface Committee {
  region: string;
  term: number;
  /** 区/县/市/旗 as set by the secretary; null: read from the end of the region's name. */
  level: Level | null;
}

const LEVEL_KEY = 'committee_level';

function levelSetting(store: Store): Level | null {
  const row = store.db.prepare('SELECT value FROM settings WHERE key = ?').get(LEVEL_KEY) as { value: string } | undefined;
  const parsed = levelSchema.safeParse(row ? JSON.parse(row.value) : null);
  return parsed.success ? parsed.data : null;
}

export function getCommittee(store: Store): Committee {
  const row = store.db.prepare('SELECT region, term FROM committee WHERE id = 1').get() as { region: string; term: number };
  return { ...row, level: levelSetting(store) };
}

/** Updates region and term; the level too when given (null: from the name again). */
export function updateCommittee(store: Store, who: Actor, c: { region: string; term: number; level?: Level | null }): Committee {
  return store.change(who, () => {
    store.db.prepare('UPDATE committee SET region = ?, term = ? WHERE id = 1').run(c.region, c.term);
    store.audit.recordRow(who, 'committee.update', 'committee', 1);
    if (c.level !== undefined) {
      if (c.level === null) store.db.prepare('DELETE FROM settings WHERE key = ?').run(LEVEL_KEY);
      else {
        store.db
          .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
          .run(LEVEL_KEY, JSON.stringify(c.level));
      }
      store.audit.recordRow(who, 'settings.update', 'settings', LEVEL_KEY, 'key');
    }
    return getCommittee(store);
  });
}

/** The level words of a region under the committee's setting ("区委", "区人民政府", …). */
export function levelWordsOf(store: Store, region: string): LevelWords {
  return levelWords(levelOf(region, levelSetting(store)));
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
