// Ballots and their presses. Named (记名) presses are stored with the member. Secret (无记名) ones
// are a voter row with, while the ballot is open, only a sealed receipt beside it (rounds/sealed.ts); at
// close the receipts are tallied into the totals of the ballot row and erased. Appointment ballots
// store the persons they decide as they were (ids, names, actions, posts), so later edits of the
// item never move a result to someone else.
import { AppError } from '../shared/result';
import { personsWithIds, type BallotPerson } from '../domain/agenda';
import type { PaperSheets } from '../domain/paper-ballot';
import type { Rules } from '../domain/settings';
import type { Choice } from '../domain/vote';
import type { Store } from '../store/store';
import { listItems } from '../store/agenda';
import { provisionsFirst } from '../domain/provision-vote';
import type { BallotMethod, BallotStateName } from './types';

export interface BallotRow {
  id: number;
  sessionId: number;
  itemId: number;
  round: number;
  subject: string;
  /** 单独表决: the provision this ballot decides before the whole text; null for the whole item. */
  provision: string | null;
  /** Appointment ballots: the persons decided, as they were when it was created ([] otherwise). */
  persons: BallotPerson[];
  method: BallotMethod;
  secret: boolean;
  pressRule: 'first' | 'last';
  state: BallotStateName;
  timerSeconds: number | null;
  createdAt: string;
  openedAt: string | null;
  closesAt: string | null;
  closedAt: string | null;
  announcedAt: string | null;
  expected: number;
  eligible: number[];
  result: {
    yes: number;
    no: number;
    abstain: number;
    notPressed: number;
    adopted: boolean;
    rule: string;
    required: number;
    base: number;
    announcement: string;
    /** A paper ballot's sheets (发出 / 收回 / 无效), when the secretary entered them; null otherwise. */
    sheets: PaperSheets | null;
  } | null;
  rules: Rules;
}

interface Raw {
  id: number;
  session_id: number;
  item_id: number;
  round: number;
  subject: string;
  provision: string | null;
  persons: string;
  method: BallotMethod;
  secret: number;
  press_rule: 'first' | 'last';
  state: BallotStateName;
  timer_seconds: number | null;
  created_at: string;
  opened_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  announced_at: string | null;
  expected: number;
  eligible: string;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  not_pressed: number | null;
  adopted: number | null;
  rule: string | null;
  required: number | null;
  base: number | null;
  announcement: string | null;
  rules: string;
  sheets_issued: number | null;
  sheets_returned: number | null;
  sheets_invalid: number | null;
}

/**
 * The stored persons: objects since version 0.2; before, indexes into the item's list as it is now
 * (such a ballot predates stable ids: its persons are read from the item, by place).
 */
function personsOf(store: Store, r: Raw): BallotPerson[] {
  const stored = JSON.parse(r.persons) as (BallotPerson | number)[];
  if (stored.every((p) => typeof p === 'object')) return stored as BallotPerson[];
  const current = itemPersons(store, r.item_id);
  return stored.map((p) => (typeof p === 'object' ? p : (current[p] ?? { id: `p${p + 1}`, name: `第${p + 1}人`, action: 'appoint', post: '' })));
}

/** The persons of an appointment item now, with their ids. */
function itemPersons(store: Store, itemId: number): BallotPerson[] {
  const row = store.db.prepare('SELECT details FROM agenda_items WHERE id = ?').get(itemId) as { details: string } | undefined;
  return personsWithIds(row ? (JSON.parse(row.details) as { persons?: BallotPerson[] }).persons : []);
}

function toBallot(store: Store, r: Raw): BallotRow {
  return {
    id: r.id,
    sessionId: r.session_id,
    itemId: r.item_id,
    round: r.round,
    subject: r.subject,
    provision: r.provision,
    persons: personsOf(store, r),
    method: r.method,
    secret: r.secret === 1,
    pressRule: r.press_rule,
    state: r.state,
    timerSeconds: r.timer_seconds,
    createdAt: r.created_at,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    announcedAt: r.announced_at,
    expected: r.expected,
    eligible: JSON.parse(r.eligible) as number[],
    result:
      r.yes === null
        ? null
        : {
            yes: r.yes,
            no: r.no!,
            abstain: r.abstain!,
            notPressed: r.not_pressed!,
            adopted: r.adopted === 1,
            rule: r.rule!,
            required: r.required!,
            base: r.base!,
            announcement: r.announcement!,
            sheets: r.sheets_issued === null ? null : { issued: r.sheets_issued, returned: r.sheets_returned!, invalid: r.sheets_invalid! },
          },
    rules: JSON.parse(r.rules) as Rules,
  };
}

export function getBallot(store: Store, id: number): BallotRow {
  const r = store.db.prepare('SELECT * FROM ballots WHERE id = ?').get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为${id}的表决`);
  return toBallot(store, r);
}

/** What a press needs to know of its ballot, without the JSON columns. */
export interface BallotHead {
  id: number;
  sessionId: number;
  state: BallotStateName;
  method: BallotMethod;
  secret: boolean;
  pressRule: 'first' | 'last';
}

export function ballotHead(store: Store, id: number): BallotHead {
  const r = store.db.prepare('SELECT id, session_id, state, method, secret, press_rule FROM ballots WHERE id = ?').get(id) as
    | { id: number; session_id: number; state: BallotStateName; method: BallotMethod; secret: number; press_rule: 'first' | 'last' }
    | undefined;
  if (!r) throw new AppError('NOT_FOUND', `找不到编号为${id}的表决`);
  return { id: r.id, sessionId: r.session_id, state: r.state, method: r.method, secret: r.secret === 1, pressRule: r.press_rule };
}

export function listBallots(store: Store, sessionId: number): BallotRow[] {
  return (store.db.prepare('SELECT * FROM ballots WHERE session_id = ? ORDER BY id').all(sessionId) as Raw[]).map((r) => toBallot(store, r));
}

/** The session's ballots in the order of the agenda (item by item, by position), each item's as voted (provisionsFirst). */
export function ballotsInAgendaOrder(store: Store, sessionId: number): BallotRow[] {
  return listItems(store, sessionId).flatMap((item) => provisionsFirst(ballotsOfItem(store, item.id)));
}

export function ballotsOfItem(store: Store, itemId: number): BallotRow[] {
  return (store.db.prepare('SELECT * FROM ballots WHERE item_id = ? ORDER BY id').all(itemId) as Raw[]).map((r) => toBallot(store, r));
}

export function openBallots(store: Store): BallotRow[] {
  return (store.db.prepare("SELECT * FROM ballots WHERE state = 'open' ORDER BY id").all() as Raw[]).map((r) => toBallot(store, r));
}

export interface NewBallot {
  sessionId: number;
  itemId: number;
  subject: string;
  provision: string | null;
  persons: BallotPerson[];
  method: BallotMethod;
  secret: boolean;
  pressRule: 'first' | 'last';
  timerSeconds: number | null;
  expected: number;
  rules: Rules;
}

const idsOf = (persons: BallotPerson[]) => persons.map((p) => p.id).sort().join(',');

/** The rounds of one item and set of persons, or of one provision (what a re-vote repeats), oldest first. */
export function ballotsOfGroup(store: Store, itemId: number, persons: BallotPerson[], provision: string | null = null): BallotRow[] {
  return ballotsOfItem(store, itemId).filter((x) => idsOf(x.persons) === idsOf(persons) && x.provision === provision);
}

/** A new ballot (draft). Rounds count per item and set of persons: a re-vote is the next round. */
export function insertBallot(store: Store, b: NewBallot): number {
  const same = ballotsOfGroup(store, b.itemId, b.persons, b.provision);
  const prev = { r: same.length ? Math.max(...same.map((x) => x.round)) : null };
  return Number(
    store.db
      .prepare(
        `INSERT INTO ballots (session_id, item_id, round, subject, provision, persons, method, secret, press_rule, timer_seconds, created_at, expected, rules)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        b.sessionId,
        b.itemId,
        (prev.r ?? 0) + 1,
        b.subject,
        b.provision,
        JSON.stringify(b.persons),
        b.method,
        b.secret ? 1 : 0,
        b.pressRule,
        b.timerSeconds,
        new Date().toISOString(),
        b.expected,
        JSON.stringify(b.rules),
      ).lastInsertRowid,
  );
}

export function markOpened(store: Store, id: number, eligible: number[], closesAt: string | null): void {
  store.db
    .prepare("UPDATE ballots SET state = 'open', opened_at = ?, closes_at = ?, eligible = ? WHERE id = ?")
    .run(new Date().toISOString(), closesAt, JSON.stringify(eligible), id);
}

/** 作废本轮 (RoundEngine.voidRound): back to draft, as if never opened. */
export function markVoided(store: Store, id: number): void {
  store.db.prepare("UPDATE ballots SET state = 'draft', opened_at = NULL, closes_at = NULL, eligible = '[]' WHERE id = ?").run(id);
}

export function storeResult(store: Store, id: number, r: NonNullable<BallotRow['result']>, method?: BallotMethod): void {
  store.db
    .prepare(
      `UPDATE ballots SET state = 'closed', closed_at = ?, yes = ?, no = ?, abstain = ?, not_pressed = ?, adopted = ?, rule = ?,
         required = ?, base = ?, announcement = ?, method = coalesce(?, method), sheets_issued = ?, sheets_returned = ?, sheets_invalid = ? WHERE id = ?`,
    )
    .run(new Date().toISOString(), r.yes, r.no, r.abstain, r.notPressed, r.adopted ? 1 : 0, r.rule, r.required, r.base, r.announcement, method ?? null, ...sheetColumns(r), id);
}

export function markAnnounced(store: Store, id: number): void {
  store.db.prepare("UPDATE ballots SET state = 'announced', announced_at = ? WHERE id = ?").run(new Date().toISOString(), id);
}

/** Counts of a named ballot's presses (secret ballots are counted only at close, from their receipts). */
export function namedCounts(store: Store, ballotId: number): { yes: number; no: number; abstain: number } {
  const counts = { yes: 0, no: 0, abstain: 0 };
  const rows = store.db.prepare('SELECT choice, count(*) AS n FROM named_votes WHERE ballot_id = ? GROUP BY choice').all(ballotId) as { choice: Choice; n: number }[];
  for (const r of rows) counts[r.choice] = r.n;
  return counts;
}

export function namedChoices(store: Store, ballotId: number): Map<number, Choice> {
  const rows = store.db.prepare('SELECT member_id, choice FROM named_votes WHERE ballot_id = ?').all(ballotId) as { member_id: number; choice: Choice }[];
  return new Map(rows.map((r) => [r.member_id, r.choice]));
}

/** The ballot's persons as places in the item's list now (what the console's ballot rows carry). */
export function personIndexes(store: Store, b: Pick<BallotRow, 'itemId' | 'persons'>): number[] {
  if (b.persons.length === 0) return [];
  const ids = itemPersons(store, b.itemId).map((p) => p.id);
  return b.persons.map((p) => ids.indexOf(p.id)).filter((i) => i >= 0);
}

/** A corrected manual result (before it is announced): the counts and what follows from them; state and times stay. */
export function correctResult(store: Store, id: number, r: NonNullable<BallotRow['result']>): void {
  store.db
    .prepare(
      `UPDATE ballots SET yes = ?, no = ?, abstain = ?, not_pressed = ?, adopted = ?, rule = ?, required = ?, base = ?, announcement = ?,
         sheets_issued = ?, sheets_returned = ?, sheets_invalid = ? WHERE id = ?`,
    )
    .run(r.yes, r.no, r.abstain, r.notPressed, r.adopted ? 1 : 0, r.rule, r.required, r.base, r.announcement, ...sheetColumns(r), id);
}

const sheetColumns = (r: NonNullable<BallotRow['result']>): (number | null)[] => (r.sheets ? [r.sheets.issued, r.sheets.returned, r.sheets.invalid] : [null, null, null]);
