// Secret at every moment (issue 8), checked the way someone holding a copy of the data folder would:
// a secret ballot, a satisfaction assessment and a project ballot run on the real server
// (`out/main/serve.js`). Members press in a known order, one press per commit. The data folder is
// copied while the round is open, after `kill -9` of the server, and after close; the WAL of each
// copy is replayed commit by commit, and no changed row or cell may differ between presses of
// different choices (for sheets: of different marks, subject by subject). Without the key store the
// copies open nothing; with it (the test's own key folder) the receipts are there, sealed. After the
// crash the round resumes with every acknowledged press, and after close only totals remain. In the
// assessment and the project ballot, four members without a terminal hand in paper sheets that the
// secretary enters (issue 10): each is one more commit checked the same way, so nothing in the file
// links them to what their sheet marks either.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalClient } from '../../src-main/cli/terminal-client';
import { readPressBody } from '../../src-main/meeting/press-recorder';
import { readSheetBody } from '../../src-main/assessment/sheet-recorder';
import { headlessKeyStore, type KeyStore } from '../../src-main/rounds/key-store';
import { SealedRounds } from '../../src-main/rounds/sealed';
import { refKey, type RoundRef } from '../../src-main/rounds/types';
import { linkingChanges, type ObservedPress } from '../helpers/secrecy';
import { startServe, tempDataDir, type ServeProcess } from '../helpers/server';
import { prepareSession16, type Session16 } from '../helpers/session-fixture';
import { backfilledFrames, diff, readWal, replay, snapshot, withImage, type Snapshot } from '../helpers/wal';
import { markAttendance, memberSeatCodes, pairWithCode, signIn } from '../helpers/live-setup';

const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-secrecy-keys-'));
const DB = 'yishi.sqlite';
const CHOICES = ['yes', 'no', 'abstain'] as const;
let server: ServeProcess;
let s16: Session16;
let assessmentItem = 0;
let projectItem = 0;
const tokens = new Map<number, string>(); // member index → terminal token
const clients = new Map<number, TerminalClient>();
const ws = () => `ws://127.0.0.1:${server.port}/ws`;

afterAll(async () => {
  for (const c of clients.values()) await c.close();
  await server?.stop();
});

/** The live WAL right now: its salts (which restart of the WAL) and how many commits it holds. */
const walNow = () => {
  const wal = readWal(readIf(path.join(server.dataDir, `${DB}-wal`)) ?? Buffer.alloc(0));
  return { salt: wal.salt, commits: wal.commits.length };
};
/** The backup copies (each may have its head file and SQLite's -wal/-shm beside it). */
const backupNames = () => (fs.existsSync(path.join(server.dataDir, 'backups')) ? fs.readdirSync(path.join(server.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite')) : []);

/**
 * Waits (on a condition, not a clock) until the backup written after a close is complete: its head
 * file, written last (store/backup.ts), is there, so no file of it (the copy's journal) is still
 * coming and going while the folder is copied.
 */
async function backupAfterClose(before: string[]): Promise<void> {
  await expect
    .poll(() => {
      const fresh = backupNames().filter((f) => !before.includes(f));
      if (fresh.length === 0 || !fs.existsSync(path.join(server.dataDir, 'backups', fresh[0]!.replace(/\.sqlite$/, '.head')))) return false;
      try {
        const db = new Database(path.join(server.dataDir, 'backups', fresh[0]!), { readonly: true, fileMustExist: true });
        try {
          return db.pragma('quick_check', { simple: true }) === 'ok' && (db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ballots'").get() as { n: number }).n === 1;
        } finally {
          db.close();
        }
      } catch {
        return false;
      }
    }, { timeout: 30_000 })
    .toBe(true);
}

/** A copy of the whole data folder (database, WAL, SHM, backups, key files, logs) as it is now. */
function copyFolder(label: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), `yishi-copy-${label}-`));
  fs.cpSync(server.dataDir, to, { recursive: true });
  return to;
}

const readIf = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file) : null);

/** Every committed state in a copied folder's WAL, from the first state the database file allows exactly. */
function statesOf(folder: string): { salt: string; commit: number; state: Snapshot }[] {
  const wal = readWal(readIf(path.join(folder, `${DB}-wal`)) ?? Buffer.alloc(0));
  const backfilled = backfilledFrames(readIf(path.join(folder, `${DB}-shm`)));
  const out: { salt: string; commit: number; state: Snapshot }[] = [];
  for (const { commit, image } of replay(fs.readFileSync(path.join(folder, DB)), wal)) {
    if (commit.lastFrame + 1 >= backfilled) out.push({ salt: wal.salt, commit: commit.index, state: withImage(image, snapshot) });
  }
  return out;
}

async function connectTerminal(m: number): Promise<TerminalClient> {
  const t = await TerminalClient.connect(ws());
  const hello = await t.hello('terminal', tokens.get(m));
  expect(hello.type).toBe('hello-ok');
  clients.set(m, t);
  return t;
}

/** Restarts the server on the same folder and port after a crash; every terminal comes back with its token. */
async function restartAfterCrash(): Promise<void> {
  const { dataDir, port } = server;
  for (const c of clients.values()) await c.closed;
  clients.clear();
  server = await startServe({ dataDir, port, env: { YISHI_KEY_DIR: keyDir } });
  for (const m of tokens.keys()) await connectTerminal(m);
}

interface Press {
  member: number;
  name: string;
  input: Record<string, unknown>;
  /** A paper sheet the secretary enters (an admin command), not a terminal's call. */
  paper?: boolean;
  labels: string[];
  /** Its commit: the WAL's salts and the index in that WAL (set once acknowledged). */
  wal?: string;
  commit?: number;
}

/** Presses one at a time, each acknowledged before the next: one press, one commit. */
async function pressInOrder(presses: Press[]): Promise<void> {
  for (const p of presses) {
    const before = walNow();
    const r = p.paper ? await server.cmd(p.name, p.input) : await clients.get(p.member)!.call(p.name, p.input);
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const after = walNow();
    expect(after.commits).toBe(after.salt === before.salt ? before.commits + 1 : 1);
    p.wal = after.salt;
    p.commit = after.commits - 1;
  }
}

/** What each press changed in a copied folder, replayed from its WAL. */
function observed(folder: string, presses: Press[]): ObservedPress[] {
  const states = statesOf(folder);
  const salt = states[0]?.salt;
  const at = (commit: number) => states.find((s) => s.commit === commit)?.state;
  const inThisWal = presses.filter((p) => p.wal === salt);
  expect(inThisWal.length, 'the copy holds the commits of the presses').toBeGreaterThan(0);
  return inThisWal.map((p) => {
      const before = at(p.commit! - 1);
      expect(before, `the state before commit ${p.commit} is in the copy`).toBeDefined();
      const changes = diff(before!, at(p.commit!)!);
      expect(changes.length, `commit ${p.commit} changed something`).toBeGreaterThan(0);
      return { member: p.member, labels: p.labels, changes };
  });
}

/** Every blob written by the presses (what must not survive the close anywhere). */
const blobsOf = (obs: ObservedPress[]) => obs.flatMap((o) => o.changes.map((c) => c.after).filter((v): v is Buffer => Buffer.isBuffer(v) && v.length >= 28));

/** The receipts of a round in a copied folder's last state, opened with a key store: member → body. */
function openReceipts(folder: string, ref: RoundRef, keyStore: KeyStore): Map<number, Buffer> {
  const states = statesOf(folder);
  const last = states.at(-1)?.state ?? withImage(fs.readFileSync(path.join(folder, DB)), snapshot);
  const sealed = new SealedRounds(folder, keyStore);
  const out = new Map<number, Buffer>();
  for (const row of last.get('round_receipts')!.values()) {
    if (row.round === refKey(ref) && Buffer.isBuffer(row.receipt)) out.set(Number(row.member_id), sealed.open(ref, Number(row.member_id), row.receipt));
  }
  return out;
}

/** The checks on a copy taken while the round is open (or right after the crash). */
function checkOpenCopy(folder: string, ref: RoundRef, presses: Press[], expected: Map<number, string>, decode: (b: Buffer) => string) {
  const obs = observed(folder, presses);
  expect(linkingChanges(obs)).toEqual([]);
  // A press's commit holds who took part (a first press), their sealed receipt and the round's one audit entry, and
  // nothing else: no tally, no counter beside the members it names (the WAL shows whose rows each
  // commit wrote, so a count in it would link them to what was counted).
  const allowed = [ref.kind === 'ballot' ? 'secret_voters' : 'assessment_voters', 'round_receipts', 'audit_log'];
  for (const o of obs) expect(o.changes.map((c) => c.table).filter((t) => !allowed.includes(t))).toEqual([]);
  // Without the key store nothing opens: not with a key store of this user that never sealed it…
  const stranger = headlessKeyStore(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-stranger-')));
  expect(() => openReceipts(folder, ref, stranger)).toThrow(/无法用.*打开/);
  // …and the folder holds no plaintext key: the only key file is the sealed one.
  expect(fs.readdirSync(path.join(folder, 'round-keys'))).toEqual([`${ref.kind}-${ref.id}.sealed`]);
  expect(fs.existsSync(path.join(folder, 'ballot-keys'))).toBe(false);
  // With the key store (the positive control) the receipts are there, and say exactly what was pressed.
  const opened = openReceipts(folder, ref, headlessKeyStore(keyDir));
  expect(new Map([...opened].map(([m, b]) => [m, decode(b)]))).toEqual(expected);
  return obs;
}

/** The checks on a copy taken after close: only totals; no receipt, no key, nothing of a press anywhere. */
function checkClosedCopy(folder: string, ref: RoundRef, written: Buffer[], backupsBeforeClose: string[]) {
  expect(fs.readdirSync(path.join(folder, 'round-keys'))).toEqual([]);
  const db = new Database(path.join(folder, DB), { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare('SELECT count(*) AS n FROM round_receipts').get()).toEqual({ n: 0 });
  } finally {
    db.close();
  }
  // No receipt written while the round was open survives in the database, its WAL or a backup made after close.
  const backups = fs.readdirSync(path.join(folder, 'backups')).filter((f) => !backupsBeforeClose.some((b) => f.startsWith(b)));
  expect(backups.length).toBeGreaterThan(0);
  const files = [path.join(folder, DB), path.join(folder, `${DB}-wal`), ...backups.map((f) => path.join(folder, 'backups', f))].filter(fs.existsSync);
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    for (const b of written) expect(bytes.includes(b.subarray(0, 28)), `${path.basename(f)} holds a receipt`).toBe(false);
  }
  // A copy taken after close replays to states that hold no receipt either.
  for (const { state } of statesOf(folder)) expect(state.get('round_receipts')!.size).toBe(0);
}

beforeAll(async () => {
  server = await startServe({ dataDir: tempDataDir('yishi-secrecy-'), env: { YISHI_KEY_DIR: keyDir } });
  s16 = await prepareSession16(server.must);
  assessmentItem = (
    await server.must<{ id: number }>('agenda.add', {
      sessionId: s16.sessionId,
      kind: 'assessment',
      title: '对三位报告人进行满意度测评',
      details: { subjects: [{ name: '张一' }, { name: '王二' }, { name: '李三' }] },
    })
  ).id;
  projectItem = (
    await server.must<{ id: number }>('agenda.add', {
      sessionId: s16.sessionId,
      kind: 'project_ballot',
      title: '票决2027年民生实事项目',
      details: { candidates: ['老旧小区改造', '社区食堂', '口袋公园', '学校扩容'], chooseMax: 2 },
    })
  ).id;
  await server.must('live.open', { sessionId: s16.sessionId });
  const codeOf = await memberSeatCodes(server.must);
  for (let m = 0; m < 12; m++) {
    const { client, token } = await pairWithCode(ws(), codeOf(s16.members[m]!.id));
    tokens.set(m, token);
    clients.set(m, client);
    await signIn(client);
  }
  // Eight more are signed in by the secretary (no terminal): present, eligible, and pressing nothing.
  await markAttendance(server.must, s16.members.slice(12, 20));
  await server.must('live.startBusiness');
});

describe('a copy of the data folder taken at any moment links nobody to a choice', () => {
  it('a secret ballot: open, with a mid-round backup; after kill -9; resumed; after close', async () => {
    const ballot = await server.must<{ id: number }>('ballots.create', { itemId: s16.items[3]!.id, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
    await server.must('ballots.open', { ballotId: ballot.id });
    const ref: RoundRef = { kind: 'ballot', id: ballot.id };
    const recorded = new Map<number, string>(); // memberId → choice now
    const press = (m: number, choice: string, seq: number): Press => ({ member: m, name: 'terminal.vote', input: { ballotId: ballot.id, choice, pressSeq: seq }, labels: [choice] });
    const first = Array.from({ length: 9 }, (_, m) => press(m, CHOICES[m % 3]!, 1));
    await pressInOrder(first);
    first.forEach((p) => recorded.set(s16.members[p.member]!.id, p.labels[0]!));
    // Presses again: two change their choice, one presses the same key again (last press counts).
    const again = [press(0, 'no', 2), press(1, 'no', 2), press(2, 'yes', 2)];
    await pressInOrder(again);
    again.forEach((p) => recorded.set(s16.members[p.member]!.id, p.labels[0]!));
    const backup = await server.must<{ path: string }>('system.backup');

    const open = copyFolder('ballot-open');
    const decode = (b: Buffer) => readPressBody(b).choice;
    const obs = checkOpenCopy(open, ref, [...first, ...again], recorded, decode);
    // Whether a member changed their press is not in the file either.
    const changed = again.map((p, i) => ({ ...obs[first.length + i]!, labels: [i === 1 ? 'same' : 'changed'] }));
    expect(linkingChanges(changed)).toEqual([]);
    // The backup taken mid-round is one of the states checked above, and carries no key.
    const copied = withImage(fs.readFileSync(backup.path), snapshot);
    expect(statesOf(open).some(({ state }) => diff(state, copied).length === 0)).toBe(true);

    await server.kill();
    const crashed = copyFolder('ballot-crash');
    checkOpenCopy(crashed, ref, [...first, ...again], recorded, decode);

    await restartAfterCrash();
    const state = await server.must<any>('live.state');
    expect(state.ballot).toMatchObject({ id: ballot.id, state: 'open', voted: 9, eligible: 20 });
    expect((await clients.get(0)!.waitForState((s) => s.ballot?.id === ballot.id)).me.myVote).toEqual({ ballotId: ballot.id, choice: 'no' });
    const later = [press(9, 'yes', 1), press(10, 'yes', 1), press(11, 'abstain', 1)];
    await pressInOrder(later);
    later.forEach((p) => recorded.set(s16.members[p.member]!.id, p.labels[0]!));
    const resumed = copyFolder('ballot-resumed');
    checkOpenCopy(resumed, ref, [...first, ...again, ...later], recorded, decode);

    const backupsBefore = backupNames();
    const closed = await server.must<any>('ballots.close', { ballotId: ballot.id });
    const count = (c: string) => [...recorded.values()].filter((x) => x === c).length;
    expect(closed.result).toMatchObject({ yes: count('yes'), no: count('no'), abstain: count('abstain'), notPressed: 8 });
    expect([count('yes'), count('no'), count('abstain')]).toEqual([5, 4, 3]);
    await backupAfterClose(backupsBefore);
    const after = copyFolder('ballot-closed');
    checkClosedCopy(after, ref, blobsOf(obs), backupsBefore);
    // The mid-round backup's receipts can no longer be opened by anyone: their key is gone.
    expect(() => new SealedRounds(after, headlessKeyStore(keyDir)).open(ref, s16.members[0]!.id, Buffer.alloc(60))).toThrow(/密钥文件不存在/);
  });

  /**
   * A round of sheets: `crashAfter` sheets from terminals and the paper sheets of members 12–15
   * (entered by the secretary), a copy while open, kill -9, a copy after the crash, the rest after
   * the restart, a copy again, close, a copy after close. Returns the closed result.
   */
  async function sheetRound(label: string, itemId: number, marksOf: (k: number) => (number | null)[], crashAfter: number): Promise<any> {
    const a = await server.must<{ id: number }>('assessments.create', { itemId, method: 'electronic' });
    await server.must('assessments.open', { assessmentId: a.id });
    const ref: RoundRef = { kind: 'assessment', id: a.id };
    const sheets: Press[] = Array.from({ length: 12 }, (_, m) => ({ member: m, name: 'terminal.submitSheet', input: { assessmentId: a.id, marks: marksOf(m) }, labels: marksOf(m).map(String) }));
    const paper: Press[] = [12, 13, 14, 15].map((m) => ({
      member: m,
      name: 'assessments.paperSheet',
      input: { assessmentId: a.id, memberId: s16.members[m]!.id, marks: marksOf(m) },
      labels: marksOf(m).map(String),
      paper: true,
    }));
    const subjects = marksOf(0).length;
    const decode = (b: Buffer) => JSON.stringify(readSheetBody(b, subjects));
    const expected = (ps: Press[]) => new Map(ps.map((p) => [s16.members[p.member]!.id, JSON.stringify(marksOf(p.member))]));
    const first = [...sheets.slice(0, crashAfter), ...paper];
    await pressInOrder(first);
    const obs = checkOpenCopy(copyFolder(`${label}-open`), ref, first, expected(first), decode);
    await server.kill();
    checkOpenCopy(copyFolder(`${label}-crash`), ref, first, expected(first), decode);
    await restartAfterCrash();
    const all = [...first, ...sheets.slice(crashAfter)];
    await pressInOrder(sheets.slice(crashAfter));
    checkOpenCopy(copyFolder(`${label}-resumed`), ref, all, expected(all), decode);
    const backupsBefore = backupNames();
    const closed = await server.must<any>('assessments.close', { assessmentId: a.id });
    await backupAfterClose(backupsBefore);
    checkClosedCopy(copyFolder(`${label}-closed`), ref, blobsOf(obs), backupsBefore);
    expect(closed.result.paperSheets).toBe(4);
    return { ...closed.result, rows: [...closed.result.rows].sort((x: any, y: any) => x.index - y.index), marks: all.map((p) => marksOf(p.member)) };
  }

  it('a satisfaction assessment: subject by subject, while open, after kill -9, and after close', async () => {
    // Member k marks subject s with level (k + s) mod 4; level 3 means left unmarked.
    const r = await sheetRound('sheet', assessmentItem, (k) => [0, 1, 2].map((s) => ((k + s) % 4 === 3 ? null : (k + s) % 4)), 8);
    for (let s = 0; s < 3; s++) {
      const marks = r.marks.map((m: (number | null)[]) => m[s]);
      expect(r.rows[s].levels).toEqual([0, 1, 2].map((l) => marks.filter((x: number | null) => x === l).length));
      expect(r.rows[s].unmarked).toBe(marks.filter((x: number | null) => x === null).length);
    }
    expect(r.sheetsReturned).toBe(16); // 12 from terminals, 4 on paper
  });

  it('a project ballot: candidate by candidate, while open, after kill -9, and after close', async () => {
    // Member k chooses candidates k mod 3 and k mod 3 + 1.
    const r = await sheetRound('project', projectItem, (k) => [0, 1, 2, 3].map((c) => (c === k % 3 || c === (k % 3) + 1 ? 0 : null)), 7);
    expect(r.rows.map((row: any) => row.votes)).toEqual([6, 11, 10, 5]);
    expect(r.validSheets).toBe(16); // 12 from terminals, 4 on paper
  });
});
