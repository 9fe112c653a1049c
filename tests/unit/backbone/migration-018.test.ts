// Migration 018: the archive names a provision's ballot 对……进行单独表决, as every face does, and finds it
// by those words and by its item's title; before, its entry held only the provision's bare name. A whole
// item's ballot keeps its entry; ballots written after the upgrade are indexed the new way too.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeMigrationDb, expectUpgradeTo, migrationDbAt } from '../../helpers/migration-db';

let db: Database.Database;

beforeEach(() => {
  db = migrationDbAt(
    17,
    `
    INSERT INTO sessions (id, term, number, date, expected_members, rules, status) VALUES (1, 2, 16, '2026-09-22', 33, '{}', 'open');
    INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '某区物业管理规定（草案）');
    INSERT INTO ballots (id, session_id, item_id, round, subject, provision, method, secret, press_rule, state, created_at, expected, rules)
      VALUES (1, 1, 1, 1, '第十二条（物业服务收费）', '第十二条（物业服务收费）', 'electronic', 1, 'last', 'draft', 'now', 33, '{}'),
             (2, 1, 1, 1, '某区物业管理规定（草案）', NULL, 'electronic', 1, 'last', 'draft', 'now', 33, '{}');
    `,
  );
});
afterEach(() => closeMigrationDb(db));

/** The ballots whose archive text holds the phrase, as the archive's query asks it: character pairs. */
const ballotsMatching = (phrase: string) => {
  const pairs = [...phrase].slice(0, -1).map((c, i) => c + [...phrase][i + 1]).join(' ');
  return db
    .prepare("SELECT e.ref_id FROM archive_fts f JOIN archive_entries e ON e.id = f.rowid WHERE archive_fts MATCH ? AND e.kind = 'ballot' ORDER BY e.ref_id")
    .pluck()
    .all(`"${pairs}"`);
};
const titles = () => db.prepare("SELECT ref_id, title FROM archive_entries WHERE kind = 'ballot' ORDER BY ref_id").all();

describe('migration 018: the archive names and finds a provision’s 单独表决', () => {
  it('finds the provision’s ballot by 单独表决 and by its item’s title only after the upgrade', () => {
    expect(ballotsMatching('单独表决')).toEqual([]);
    expect(ballotsMatching('物业管理规定')).toEqual([2]);
    expectUpgradeTo(db, 18);
    expect(titles()).toEqual([
      { ref_id: 1, title: '对第十二条（物业服务收费）进行单独表决' },
      { ref_id: 2, title: '某区物业管理规定（草案）' },
    ]);
    expect(ballotsMatching('单独表决')).toEqual([1]);
    expect(ballotsMatching('物业管理规定')).toEqual([1, 2]);
    expect(ballotsMatching('物业服务收费')).toEqual([1]);
  });

  it('indexes a provision’s ballot written after the upgrade, and its new state, the same way', () => {
    expectUpgradeTo(db, 18);
    db.exec(`INSERT INTO ballots (id, session_id, item_id, round, subject, provision, method, secret, press_rule, state, created_at, expected, rules)
      VALUES (3, 1, 1, 1, '第二十条（维修资金）', '第二十条（维修资金）', 'electronic', 1, 'last', 'draft', 'now', 33, '{}')`);
    expect(ballotsMatching('维修资金')).toEqual([3]);
    expect(ballotsMatching('单独表决')).toEqual([1, 3]);
    db.exec("UPDATE ballots SET state = 'closed', adopted = 1 WHERE id = 3");
    expect(db.prepare("SELECT title, status FROM archive_entries WHERE kind = 'ballot' AND ref_id = 3").get()).toEqual({ title: '对第二十条（维修资金）进行单独表决', status: 'adopted' });
  });
});
