// A seat taken over (a new terminal pairing with the seat's new code) in the same group commit as a
// press or a sheet from the seat's old terminal, over real WebSockets and a real SQLite file: the order
// of arrival decides. A press (or sheet) that arrived before the pairing counts, under the old terminal
// and the member; one that arrived after it is refused (UNAUTHORIZED, 该座位已在另一台终端上登录…) and
// leaves nothing in the file, though it passed the terminal check when it arrived, before the takeover
// was written (meeting/engine.ts assertTerminalInCommit).
//
// The commit is held so that both requests queue for the same batch, in the order they were sent: the
// WAL sync of a first batch is kept waiting and a second batch is written behind it (the group commit
// writes one batch while the fsync before it runs, store/group-commit.ts); what comes next waits for
// the third.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/app/server';
import type { TerminalClient } from '../../src-main/cli/terminal-client';
import { DB_FILE_NAME } from '../../src-main/store/db';
import { commandsOf } from '../helpers/dispatch';
import { openAndStartBusiness, pairAndSignIn, pairWithCode } from '../helpers/live-setup';
import { tempDataDir } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';

let running: RunningServer;
let s16: Session16;
let file: Database.Database;
const { must } = commandsOf(() => running.core);
const wsUrl = () => `ws://127.0.0.1:${running.port}/ws`;
/** Terminals of members 0–5, paired and signed in; member 0's is the one pressing in every batch held. */
let seats: TerminalClient[] = [];
const spare: TerminalClient[] = [];
let queued = 0;

beforeAll(async () => {
  const dataDir = tempDataDir('yishi-takeover-commit-');
  running = await startServer({ dataDir, port: 0, host: '127.0.0.1', staticDir: null });
  s16 = await prepareSession16(must);
  await openAndStartBusiness(must, s16, s16.members.length);
  seats = await pairAndSignIn(must, wsUrl(), s16.members.slice(0, 6));
  file = new Database(path.join(dataDir, DB_FILE_NAME), { readonly: true });
  // Counts what reaches the group commit (presses, sheets, pairings), to send the next only once the last is queued.
  const recorder = running.core.engine.rounds.recorder as unknown as Record<'submit' | 'submitHall', (job: unknown) => Promise<unknown>>;
  for (const k of ['submit', 'submitHall'] as const) {
    const real = recorder[k].bind(recorder);
    recorder[k] = (job: unknown) => (queued++, real(job));
  }
});
afterAll(async () => {
  for (const c of [...seats, ...spare]) await c.close();
  file?.close();
  await running.close();
});

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((r) => setImmediate(r));
};

/** Sends one request and resolves once the server has queued it for the group commit. */
async function queue<T>(send: () => Promise<T>): Promise<{ answer: Promise<T> }> {
  const before = queued;
  const answer = send();
  await until(() => queued > before);
  return { answer };
}

/**
 * Member 0 presses first; while that batch's WAL sync is held, member 0 presses again (the batch
 * written behind it, waiting for its own sync); then `sends` are queued one by one, all into the batch
 * after those two; then the sync is let go. Returns their answers.
 */
async function heldBatch(opener: () => Promise<unknown>, sends: (() => Promise<unknown>)[]): Promise<unknown[]> {
  const store = running.core.store;
  const realSync = store.syncWal.bind(store);
  const realWrite = store.transactionSyncedLater.bind(store);
  let written = 0;
  store.transactionSyncedLater = <T>(fn: () => T): T => {
    const r = realWrite(fn);
    written++;
    return r;
  };
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let holding = false;
  store.syncWal = () => {
    store.syncWal = realSync;
    holding = true;
    return held.then(realSync);
  };
  const first = await queue(opener);
  await until(() => holding);
  const behind = await queue(opener);
  await until(() => written === 2);
  store.transactionSyncedLater = realWrite;
  const answers: Promise<unknown>[] = [];
  for (const send of sends) answers.push((await queue(send)).answer);
  release();
  await first.answer;
  await behind.answer;
  return Promise.all(answers);
}

const liveTerminalOf = (memberId: number) =>
  file.prepare('SELECT id FROM terminals WHERE session_id = ? AND member_id = ? AND revoked_at IS NULL').pluck().get(s16.sessionId, memberId) as string;
const newCode = (memberId: number) => must('seatCodes.regenerate', { memberId }).then((r: { code: string }) => r.code);
const refused = { ok: false, error: { code: 'UNAUTHORIZED', message: '该座位已在另一台终端上登录，本终端已退出' } };

describe('a seat taken over in the same commit as a press from its old terminal', () => {
  let ballotId = 0;
  let seq = 0;
  const press = (c: TerminalClient, choice: 'yes' | 'no' = 'yes') => () => c.cmd('terminal.vote', { ballotId, choice, pressSeq: ++seq });
  const pairNew = (code: string) => async () => {
    const r = await pairWithCode(wsUrl(), code);
    spare.push(r.client);
    return r;
  };

  for (const secret of [false, true]) {
    it(`${secret ? 'secret' : 'named'} ballot: a press sent after the pairing is refused and writes nothing; one sent before counts under the old terminal`, async () => {
      const voteItem = s16.items.find((i) => i.kind === 'vote')!.id;
      const b = await must('ballots.create', { itemId: voteItem, secret, pressRule: 'last' });
      ballotId = b.id;
      await must('ballots.open', { ballotId });
      const [after, before] = secret ? [s16.members[3]!, s16.members[4]!] : [s16.members[1]!, s16.members[2]!];
      const [afterOld, beforeOld] = [liveTerminalOf(after.id), liveTerminalOf(before.id)];
      const [afterSeat, beforeSeat] = secret ? [seats[3]!, seats[4]!] : [seats[1]!, seats[2]!];
      const took = (memberId: number) => (secret ? file.prepare('SELECT count(*) FROM secret_voters WHERE ballot_id = ? AND member_id = ?') : file.prepare('SELECT count(*) FROM named_votes WHERE ballot_id = ? AND member_id = ?')).pluck().get(ballotId, memberId);

      // The pairing first, then the old terminal's press: refused, nothing recorded for the member.
      const codeA = await newCode(after.id);
      const [pairedA, pressA] = await heldBatch(press(seats[0]!), [pairNew(codeA), press(afterSeat)]);
      expect(pressA).toEqual(refused);
      expect(pairedA).toMatchObject({ token: expect.any(String) });
      expect(took(after.id)).toBe(0);
      expect(file.prepare('SELECT revoked_reason FROM terminals WHERE id = ?').pluck().get(afterOld)).toBe('新终端接管');
      // The old terminal heard its refusal, then that its seat was taken, and was closed.
      await afterSeat.closed;
      expect(afterSeat.frames.filter((f) => f.type === 'revoked')).toEqual([{ type: 'revoked', reason: '该座位已在另一台终端上登录，本终端已退出' }]);

      // The press first, then the pairing: it counts, under the old terminal.
      const codeB = await newCode(before.id);
      const [pressB, pairedB] = await heldBatch(press(seats[0]!), [press(beforeSeat, 'no'), pairNew(codeB)]);
      expect(pressB).toMatchObject({ ok: true, value: { ballotId, choice: 'no', accepted: true } }); // acknowledged before its socket closed
      await beforeSeat.closed;
      expect(pairedB).toMatchObject({ token: expect.any(String) });
      expect(took(before.id)).toBe(1);
      if (!secret) expect(file.prepare('SELECT choice, press_terminal FROM named_votes WHERE ballot_id = ? AND member_id = ?').get(ballotId, before.id)).toEqual({ choice: 'no', press_terminal: beforeOld });

      const closed = await must('ballots.close', { ballotId });
      expect(closed.result).toMatchObject({ yes: 1, no: 1 });
      await must('ballots.announce', { ballotId });
    });
  }
});
