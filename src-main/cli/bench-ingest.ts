// Ingest capacity for `npm run bench`: every terminal presses as fast as its acknowledgements allow
// (press, wait for the ack, press again) for a fixed time, in a named ballot where the last press
// counts and every press changes the choice, so each press writes its vote row and an audit entry.
// Then a bare better-sqlite3 loop in this process writes the same rows (named_votes upsert + one
// audit_log row per press) into a file of the real schema, with the same durability (WAL,
// synchronous=FULL) and the same batch size as the server's group commits, counted from its WAL.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type WebSocket from 'ws';
import { migrate } from '../store/migrations/index';
import { cmdFrame, parseFrame, resultOf, walCommits } from './bench-support';

export interface IngestResult {
  ingest_per_s: number;
  ingest_presses: number;
  ingest_seconds: number;
  ingest_batch_mean: number | null;
  ingest_committed_before_ack: boolean;
}

const CHOICES = ['yes', 'no'] as const;

/** All clients press in a closed loop for `seconds`; returns the acknowledged presses and each client's last acked seq. */
function pressLoop(clients: WebSocket[], ballotId: number, seconds: number): Promise<{ acked: number; last: number[]; ms: number }> {
  const last = clients.map(() => 0);
  let acked = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  return new Promise((resolve) => {
    let running = clients.length;
    clients.forEach((ws, i) => {
      let seq = 0;
      const id = () => 9_000_000 + i * 1000 + (seq % 1000);
      const press = () => {
        seq++;
        ws.send(cmdFrame(id(), 'terminal.vote', { ballotId, choice: CHOICES[seq % 2], pressSeq: seq }));
      };
      const onMessage = (data: WebSocket.RawData) => {
        const r = resultOf(parseFrame(data), id());
        if (!r) return;
        if (!r.ok) throw new Error(`press refused: ${r.error?.message}`);
        acked++;
        last[i] = seq;
        if (performance.now() < until) return press();
        ws.off('message', onMessage);
        if (--running === 0) resolve({ acked, last, ms: performance.now() - t0 });
      };
      ws.on('message', onMessage);
      press();
    });
  });
}

export async function measureIngest(
  admin: (name: string, input?: unknown) => Promise<any>,
  clients: WebSocket[],
  memberIds: number[],
  itemId: number,
  dataDir: string,
  seconds: number,
): Promise<IngestResult> {
  const ballot = await admin('ballots.create', { itemId, secret: false, pressRule: 'last', method: 'electronic', timerSeconds: null });
  await admin('ballots.open', { ballotId: ballot.id });
  const file = path.join(dataDir, 'yishi.sqlite');
  const commitsBefore = walCommits(`${file}-wal`);
  const run = await pressLoop(clients, ballot.id, seconds);
  const commits = walCommits(`${file}-wal`) - commitsBefore;
  // Every acknowledged press is in the file: each member's last acked press is recorded, and the
  // audit log holds one entry per press (each press changed the choice).
  const db = new Database(file, { readonly: true });
  const rows = new Map(
    (db.prepare('SELECT member_id AS m, press_seq AS s FROM named_votes WHERE ballot_id = ?').all(ballot.id) as { m: number; s: number }[]).map((r) => [r.m, r.s]),
  );
  const audited = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'ballots' AND entity_id = ? AND action IN ('vote.press', 'vote.change')").get(String(ballot.id)) as { n: number }).n;
  db.close();
  const lastOk = memberIds.every((m, i) => (rows.get(m) ?? 0) >= run.last[i]!);
  await admin('ballots.close', { ballotId: ballot.id });
  return {
    ingest_per_s: Math.round(run.acked / (run.ms / 1000)),
    ingest_presses: run.acked,
    ingest_seconds: Math.round(run.ms / 100) / 10,
    ingest_batch_mean: commits > 0 ? Math.round((run.acked / commits) * 10) / 10 : null,
    ingest_committed_before_ack: lastOk && audited >= run.acked,
  };
}

/**
 * The same rows written by a bare loop: per press one named_votes upsert and one audit_log row, in
 * transactions of `batch` presses, WAL and synchronous=FULL, for `seconds`. Returns presses per second.
 */
export function sqliteBaseline(members: number, batch: number, seconds: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-sqlite-'));
  try {
    const db = new Database(path.join(dir, 'yishi.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.pragma('wal_autocheckpoint = 0'); // as the server while a ballot is open
    const addMember = db.prepare("INSERT INTO members (id, sort, name, role) VALUES (?, ?, ?, '委员')");
    db.transaction(() => {
      for (let m = 1; m <= members; m++) addMember.run(m, m, `委员${m}`);
      db.prepare(
        "INSERT INTO sessions (id, term, number, date, expected_members, rules) VALUES (1, 1, 1, '2026-11-23', ?, '{}')",
      ).run(members);
      db.prepare("INSERT INTO agenda_items (id, session_id, position, kind, title) VALUES (1, 1, 1, 'vote', '基准表决事项')").run();
      db.prepare(
        "INSERT INTO ballots (id, session_id, item_id, round, subject, method, secret, press_rule, state, created_at, expected, rules) VALUES (1, 1, 1, 1, '基准表决事项', 'electronic', 0, 'last', 'open', 'now', ?, '{}')",
      ).run(members);
    })();
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
    let seq = 0;
    const writeBatch = db.transaction((n: number) => {
      for (let k = 0; k < n; k++) {
        seq++;
        const member = 1 + (seq % members);
        const choice = CHOICES[seq % 2]!;
        const at = new Date().toISOString();
        vote.run(member, choice, seq, terminal, at);
        audit.run(at, `委员${member}`, JSON.stringify({ memberId: member, choice }), hash, hash);
      }
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
