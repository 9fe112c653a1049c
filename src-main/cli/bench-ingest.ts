// Ingest capacity for `npm run bench`: every terminal presses as fast as its acknowledgements allow
// (press, wait for the ack, press again) for a fixed time, where the last press counts and every
// press changes the choice. Measured twice: in a secret ballot (the headline figure, ingest_per_s:
// each press is a sealed receipt in round_receipts beside the member's voter row, nothing else is written while it is open)
// and in a named ballot (ingest_named_per_s: each press its vote row and an audit entry).
// Then a bare better-sqlite3 loop in this process writes the same rows (secret: a receipt of the
// real length upserted into secret_voters; named: a named_votes upsert and one audit_log row) into a
// file of the real schema, with the same connection settings as the app's (WAL, synchronous=FULL,
// secure_delete) and the same batch size as the server's group commits, counted from its WAL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type WebSocket from 'ws';
import { openDatabase } from '../store/db';
import { closedLoop, cmdFrame, walCommits } from './bench-support';

export type IngestKind = 'secret' | 'named';

export interface IngestRun {
  perS: number;
  presses: number;
  seconds: number;
  batchMean: number | null;
  /** Every acknowledged press is in the file (see measureIngest). */
  committedBeforeAck: boolean;
}

const CHOICES = ['yes', 'no'] as const;
const choiceOf = (seq: number) => CHOICES[seq % 2]!;
/** A sealed receipt's length: 12-byte nonce, 16-byte tag, the 42-byte press body (meeting/press-recorder.ts). */
const RECEIPT_BYTES = 12 + 16 + 42;

/**
 * One ingest run. Afterwards every acknowledged press is checked in the file: named, each member's
 * vote row holds their last acknowledged press and the audit log one entry per press; secret (the
 * receipts are sealed), the ballot is closed and its tally must be exactly the members' last
 * acknowledged choices.
 */
export async function measureIngest(
  admin: (name: string, input?: unknown) => Promise<any>,
  clients: WebSocket[],
  memberIds: number[],
  itemId: number,
  dataDir: string,
  seconds: number,
  kind: IngestKind,
): Promise<IngestRun> {
  const ballot = await admin('ballots.create', { itemId, secret: kind === 'secret', pressRule: 'last', method: 'electronic', timerSeconds: null });
  await admin('ballots.open', { ballotId: ballot.id });
  const file = path.join(dataDir, 'yishi.sqlite');
  const commitsBefore = walCommits(`${file}-wal`);
  const run = await closedLoop(clients, seconds, (id, seq) => cmdFrame(id, 'terminal.vote', { ballotId: ballot.id, choice: choiceOf(seq), pressSeq: seq }), true);
  const commits = walCommits(`${file}-wal`) - commitsBefore;
  let committed: boolean;
  if (kind === 'named') {
    const db = new Database(file, { readonly: true });
    const rows = new Map(
      (db.prepare('SELECT member_id AS m, press_seq AS s FROM named_votes WHERE ballot_id = ?').all(ballot.id) as { m: number; s: number }[]).map((r) => [r.m, r.s]),
    );
    const audited = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'ballots' AND entity_id = ? AND action IN ('vote.press', 'vote.change')").get(String(ballot.id)) as { n: number }).n;
    db.close();
    committed = memberIds.every((m, i) => (rows.get(m) ?? 0) >= run.last[i]!) && audited >= run.acked;
    await admin('ballots.close', { ballotId: ballot.id });
  } else {
    const closed = await admin('ballots.close', { ballotId: ballot.id });
    const expected = { yes: 0, no: 0 };
    for (const s of run.last) if (s > 0) expected[choiceOf(s)]++;
    committed = closed.result.yes === expected.yes && closed.result.no === expected.no && closed.result.abstain === 0;
  }
  return {
    perS: Math.round(run.acked / (run.ms / 1000)),
    presses: run.acked,
    seconds: Math.round(run.ms / 100) / 10,
    batchMean: commits > 0 ? Math.round((run.acked / commits) * 10) / 10 : null,
    committedBeforeAck: committed,
  };
}

/**
 * The same rows written by a bare loop, in transactions of `batch` presses, for `seconds`: per press
 * a receipt upserted into round_receipts beside the member's secret_voters row (secret; receipts of random bytes drawn
 * before the clock starts), or a named_votes upsert and an audit_log row (named). The file is opened
 * with the app's own settings (store/db.ts: WAL, synchronous=FULL, secure_delete) and the WAL is not
 * checkpointed, as in the server while a round is open. Returns presses per second.
 */
export function sqliteBaseline(kind: IngestKind, members: number, batch: number, seconds: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-sqlite-'));
  try {
    const db = openDatabase(path.join(dir, 'yishi.sqlite'));
    db.pragma('wal_autocheckpoint = 0');
    const addMember = db.prepare("INSERT INTO members (id, sort, name, role) VALUES (?, ?, ?, '委员')");
    db.transaction(() => {
      for (let m = 1; m <= members; m++) addMember.run(m, m, `委员${m}`);
      db.prepare("INSERT INTO sessions (id, term, number, date, expected_members, rules) VALUES (1, 1, 1, '2026-11-23', ?, '{}')").run(members);
      db.prepare("INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '基准表决事项')").run();
      db.prepare(
        "INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules) VALUES (1, 1, 1, 1, '基准表决事项', 'electronic', ?, 'last', 'open', 'now', ?, '{}')",
      ).run(kind === 'secret' ? 1 : 0, members);
    })();
    const writePress = kind === 'secret' ? secretWriter(db, members) : namedWriter(db, members);
    let seq = 0;
    const writeBatch = db.transaction((n: number) => {
      for (let k = 0; k < n; k++) writePress(++seq);
    });
    const size = Math.max(1, Math.round(batch));
    const t0 = performance.now();
    const until = t0 + seconds * 1000;
    let written = 0;
    while (performance.now() < until) {
      writeBatch.immediate(size);
      written += size;
    }
    const rate = Math.round(written / ((performance.now() - t0) / 1000));
    db.close();
    return rate;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function secretWriter(db: Database.Database, members: number): (seq: number) => void {
  const voter = db.prepare('INSERT INTO secret_voters (ballot_id, member_id) VALUES (1, ?) ON CONFLICT DO NOTHING');
  const put = db.prepare("INSERT INTO round_receipts (round, member_id, receipt) VALUES ('ballot-1', ?, ?) ON CONFLICT DO UPDATE SET receipt = excluded.receipt");
  const receipts = Array.from({ length: 1024 }, () => crypto.randomBytes(RECEIPT_BYTES));
  return (seq) => {
    voter.run(1 + (seq % members));
    put.run(1 + (seq % members), receipts[seq % receipts.length]);
  };
}

function namedWriter(db: Database.Database, members: number): (seq: number) => void {
  const vote = db.prepare(
    `INSERT INTO named_votes (ballot_id, member_id, choice, press_seq, press_terminal, pressed_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (ballot_id, member_id) DO UPDATE SET choice = excluded.choice, press_seq = excluded.press_seq,
       press_terminal = excluded.press_terminal, pressed_at = excluded.pressed_at`,
  );
  const audit = db.prepare(
    "INSERT INTO audit_log (at, actor, source, action, entity, entity_id, data, prev_hash, hash) VALUES (?, ?, 'ws:127.0.0.1', 'vote.change', 'ballots', '1', ?, ?, ?)",
  );
  const hash = crypto.randomBytes(32).toString('hex');
  const terminal = crypto.randomUUID();
  return (seq) => {
    const member = 1 + (seq % members);
    const choice = choiceOf(seq);
    const at = new Date().toISOString();
    vote.run(member, choice, seq, terminal, at);
    audit.run(at, `委员${member}`, JSON.stringify({ memberId: member, choice }), hash, hash);
  };
}
