// `npm run bench -- --terminals N` (default 3000): one run, one JSON line, and docs/benchmarks.md
// (bench-report.ts says how each figure is measured). The data folder is first seeded with ten years
// of sessions (bench-seed.ts); then the real headless server starts on it in a child process on
// loopback (startup_ms), N simulated terminals vote in rounds after one unmeasured 试表决 (ack and result broadcast, with the
// plain WebSocket echo baseline), press as fast as their acks allow in a secret and in a named
// ballot (ingest, with the bare SQLite baselines and the echo server's closed loop, bench-ingest.ts), the archive is listed and searched (bench-archive.ts) and a 20-page
// 审议意见书 rendered (bench-pdf.ts, with LibreOffice's conversion of its DOCX for reference).
// Smaller runs for tests: --rounds, --ingest-seconds, --archive-sessions, --archive-ballots,
// --archive-requests, --pause-ms, --trial-round false, and --report FILE (or none).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import WebSocket from 'ws';
import { parseArgs } from '../app/paths';
import { benchArchive } from './bench-archive';
import { tcpEchoIngest } from './bench-ceiling';
import { measureIngest, sqliteBaseline } from './bench-ingest';
import { benchPdf } from './bench-pdf';
import { writeReport } from './bench-report';
import { seedArchive } from './bench-seed';
import { ballotOf, benchCollectsGarbage, cmdFrame, connectMany, echoBaseline, echoIngest, fanoutFloor, helloFrame, parseFrame, percentile, resultOf, roundTrips, rssMb, settle, sleep, spawnUntil, stealMs, waitForFrame, wsCall } from './bench-support';

const SPREAD_MS = 1000;
const SCREENS = 3;
const FIRST_YEAR = 2016;
const YEARS = 10;

type Admin = (name: string, input?: unknown) => Promise<any>;

function options() {
  const a = parseArgs(process.argv.slice(2));
  const num = (k: string, d: number) => (a[k] === undefined ? d : Number(a[k]));
  return {
    terminals: num('terminals', 3000),
    rounds: num('rounds', 3),
    trialRound: a.trialRound === undefined ? true : a.trialRound !== 'false',
    pauseMs: num('pauseMs', 3000),
    ingestSeconds: num('ingestSeconds', 6),
    archiveSessions: num('archiveSessions', 500),
    archiveBallots: num('archiveBallots', 1_000_000),
    archiveRequests: num('archiveRequests', 300),
    report: a.report === undefined ? path.resolve(__dirname, '../../docs/benchmarks.md') : String(a.report),
  };
}

/** Starts the headless server on a folder; startupMs: from the spawn to its first answer to a command (committee.get). */
async function startServer(dataDir: string) {
  const serveJs = path.join(__dirname, 'serve.js');
  const prof = process.env.YISHI_BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.YISHI_BENCH_PROF}`] : [];
  const started = performance.now();
  const { proc, match } = await spawnUntil([...prof, serveJs, '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'], /http:\/\/127\.0\.0\.1:(\d+)\/#\/console\?token=([0-9a-f]+)/);
  const base = `http://127.0.0.1:${match[1]}`;
  const admin: Admin = async (name, input = {}) => {
    // One connection per request: a kept-alive one that sat idle as long as the server's keep-alive
    // timeout (the baselines run in between) could be closed by the server just as it is reused.
    const res = await fetch(`${base}/api/cmd/${name}`, { method: 'POST', headers: { authorization: `Bearer ${match[2]}`, connection: 'close' }, body: JSON.stringify(input) });
    const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${name}: ${r.error!.message}`);
    return r.value;
  };
  await admin('committee.get'); // the console's first question
  const startupMs = Math.round(performance.now() - started);
  const stop = async () => {
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
  };
  return { proc, base, admin, console: () => openConsole(base, match[2]!), startupMs, startedAt: started, stop };
}

type ConsoleLink = { call: Admin; close: () => void };

/**
 * The console's connection as a console page holds it: one kept-alive HTTP connection, opened by a
 * first request just before the timed one. The timed request is then what the secretary's click
 * sends, not a TCP handshake (nor a reuse of a connection the server may be closing after its
 * keep-alive timeout).
 */
async function openConsole(base: string, token: string): Promise<ConsoleLink> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const call: Admin = (name, input = {}) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(input);
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      const req = http.request(`${base}/api/cmd/${name}`, { method: 'POST', agent, headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (d: Buffer) => parts.push(d));
        res.on('end', () => {
          const r = JSON.parse(Buffer.concat(parts).toString('utf8')) as { ok: boolean; value?: unknown; error?: { message: string } };
          if (r.ok) resolve(r.value);
          else reject(new Error(`${name}: ${r.error!.message}`));
        });
      });
      req.on('error', reject);
      req.end(body); // the headers and the body leave in one write
    });
  await call('committee.get');
  return { call, close: () => agent.destroy() };
}

async function main(): Promise<void> {
  const o = options();
  const n = o.terminals;
  const loadBefore = os.loadavg()[0]!;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-'));
  const log = (s: string) => process.stderr.write(`${s}\n`);
  log(`档案：${o.archiveSessions} 次会议、${YEARS} 年、${o.archiveBallots} 张表决票…`);
  const seed = seedArchive(path.join(dataDir, 'yishi.sqlite'), { sessions: o.archiveSessions, ballots: o.archiveBallots, years: YEARS, firstYear: FIRST_YEAR, region: '基准区' });
  // An empty folder first, twice (the first start also fills Node's compile cache, as any earlier
  // start of the app on this machine would have), then the seeded one the rest of the run uses.
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-empty-'));
  await startServer(emptyDir).then((s) => s.stop());
  const empty = await startServer(emptyDir);
  await empty.stop();
  fs.rmSync(emptyDir, { recursive: true, force: true });
  const server = await startServer(dataDir);
  const { proc, admin, startupMs } = server;
  try {
    log(`准备 ${n} 名组成人员与会议…`);
    await admin('committee.update', { region: '基准区', term: 3 });
    for (let i = 1; i <= n; i++) await admin('members.create', { sort: i, name: `委员${i}`, role: '委员', seat: i, gender: '' });
    const session = await admin('sessions.create', { term: 3, number: 1, date: '2026-11-23', expectedMembers: n });
    const item = await admin('agenda.add', { sessionId: session.id, kind: 'vote', title: '基准表决事项' });
    await admin('live.open', { sessionId: session.id });
    const memberCodes = ((await admin('seatCodes.list')) as { kind: string; code: string; id: number }[]).filter((c) => c.kind === 'member');

    log(`连接并绑定 ${n} 个终端和 ${SCREENS} 块大屏…`);
    const wsUrl = `${server.base.replace('http', 'ws')}/ws`;
    const clients = await connectMany(wsUrl, n);
    // The whole hall arriving at once, 200 terminals at a time: how long until every seat is paired, then signed in.
    const pairStart = performance.now();
    for (let i = 0; i < n; i += 200) await Promise.all(clients.slice(i, i + 200).map((ws, j) => wsCall(ws, 'terminal.pair', { code: memberCodes[i + j]!.code })));
    const hallPairMs = Math.round(performance.now() - pairStart);
    const signInStart = performance.now();
    for (let i = 0; i < n; i += 200) await Promise.all(clients.slice(i, i + 200).map((ws) => wsCall(ws, 'terminal.signIn', {})));
    const hallSignInMs = Math.round(performance.now() - signInStart);
    const screens = await connectMany(wsUrl, SCREENS);
    await Promise.all(screens.map((ws) => { const ok = waitForFrame(ws, (f) => f.type === 'hello-ok'); ws.send(helloFrame('display')); return ok; }));
    await admin('live.startBusiness');
    // The full integrity check of the file runs in a worker after the start (store/file-check.ts); a
    // hall's machine is started well before its first ballot, so the rounds begin once it is done.
    while ((await admin('system.info')).integrity === 'checking') await sleep(200);
    const integrityCheckedMs = Math.round(performance.now() - server.startedAt);

    // 试表决: a session tests the keypads with one ballot before its first real one. It is the first
    // time the server and the simulated terminals run the press and its answer (the echo baseline is
    // warmed the same way: one echo per client); it is not measured.
    let trial = null;
    if (o.trialRound) {
      log(`试表决：${n} 个终端各按一次（不计入）…`);
      trial = await voteRound(admin, server.console, clients, screens, item.id, dataDir);
      await sleep(o.pauseMs);
    }
    const rounds = [];
    for (let round = 1; round <= o.rounds; round++) {
      log(`第${round}轮：${n} 个终端在 1 秒内表决…`);
      rounds.push(await voteRound(admin, server.console, clients, screens, item.id, dataDir));
      // Between ballots the chair reads out the result and moves on (the automatic backup waits
      // for a quiet room: store/backup-schedule.ts).
      if (round < o.rounds) await sleep(o.pauseMs);
    }

    const memberIds = memberCodes.map((c) => c.id);
    log(`吞吐：${n} 个终端在无记名表决中连续按键 ${o.ingestSeconds} 秒…`);
    const ingest = await measureIngest(admin, clients, memberIds, item.id, dataDir, o.ingestSeconds, 'secret');
    log(`吞吐：${n} 个终端在记名表决中连续按键 ${o.ingestSeconds} 秒…`);
    const named = await measureIngest(admin, clients, memberIds, item.id, dataDir, o.ingestSeconds, 'named');
    log(`基线：同样的行、同样的批量直接写入 SQLite…`);
    const sqliteBaselinePerS = sqliteBaseline('secret', n, ingest.batchMean ?? 1, o.ingestSeconds);
    const sqliteBaselineNamedPerS = sqliteBaseline('named', n, named.batchMean ?? 1, o.ingestSeconds);

    log(`档案检索：${o.archiveRequests} 次列表、${o.archiveRequests} 次搜索…`);
    const archive = await benchArchive(admin, seed, FIRST_YEAR, YEARS, o.archiveRequests);
    // The live session's memory: terminals, ballots, ingest and the archive; documents come after.
    const serverRss = rssMb(proc.pid!);
    log('20页审议意见书…');
    const pdf = await benchPdf(admin, session.id);
    const pdfRss = rssMb(proc.pid!);
    for (const c of [...clients, ...screens]) c.terminate();

    log(`基线：${n} 个客户端的 WebSocket 回显（${o.rounds}轮）…`);
    const echoes: number[][] = [];
    for (let round = 1; round <= o.rounds; round++) echoes.push(await echoBaseline(n, SPREAD_MS));
    log(`参照：${n} 个客户端对“写盘后才回显”的服务器（${o.rounds}轮）…`);
    const durableEchoes: number[][] = [];
    for (let round = 1; round <= o.rounds; round++) durableEchoes.push(await echoBaseline(n, SPREAD_MS, path.join(dataDir, 'durable-echo.log')));
    log(`参照：一台普通服务器把同一帧写给 ${n + SCREENS} 个连接（${o.rounds}轮）…`);
    const fanouts = await fanoutFloor(n + SCREENS, announcedFrame, dataDir, o.rounds);
    log(`基线：${n} 个客户端对回显服务器连续发送 ${o.ingestSeconds} 秒…`);
    const echoIngestPerS = await echoIngest(n, o.ingestSeconds);
    log(`参照：${n} 个原始 TCP 连接对只回写字节的服务器连续发送 ${o.ingestSeconds} 秒…`);
    const tcpEchoIngestPerS = await tcpEchoIngest(n, o.ingestSeconds);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const acked = rounds.reduce((s, r) => s + r.acked, 0);
    const result = {
      terminals: n,
      // What else the machine was doing: the 1-minute load average before and after the run (2 cores).
      load_avg_start: Math.round(loadBefore * 10) / 10,
      load_avg_end: Math.round(os.loadavg()[0]! * 10) / 10,
      // The simulated terminals' own garbage is collected before each timed window (bench-support.ts).
      bench_gc_before_windows: benchCollectsGarbage,
      screens: SCREENS,
      rounds: o.rounds,
      trial_round: trial !== null,
      trial_ack_p99_ms: trial ? percentile(trial.acks, 99) : null,
      trial_result_broadcast_p99_ms: trial ? percentile(trial.broadcast, 99) : null,
      acked,
      committed_before_ack: rounds.every((r) => r.committed >= r.acked),
      counted: rounds.reduce((s, r) => s + r.counted, 0),
      ack_p50_ms: median(rounds.map((r) => percentile(r.acks, 50))),
      ack_p99_ms: median(rounds.map((r) => percentile(r.acks, 99))),
      ack_p99_ms_each: rounds.map((r) => percentile(r.acks, 99)),
      // CPU time taken by the hypervisor (steal) during each round's presses and its announcement.
      steal_ms_voting_each: rounds.map((r) => r.steal.voting),
      steal_ms_announce_each: rounds.map((r) => r.steal.announce),
      echo_p50_ms: median(echoes.map((e) => percentile(e, 50))),
      echo_p99_ms: median(echoes.map((e) => percentile(e, 99))),
      echo_p99_ms_each: echoes.map((e) => percentile(e, 99)),
      // The floor of a durable answer here: the echo that fsyncs each turn's frames before answering.
      durable_echo_p99_ms: median(durableEchoes.map((e) => percentile(e, 99))),
      durable_echo_p99_ms_each: durableEchoes.map((e) => percentile(e, 99)),
      result_broadcast_p99_ms: median(rounds.map((r) => percentile(r.broadcast, 99))),
      result_broadcast_p99_ms_each: rounds.map((r) => percentile(r.broadcast, 99)),
      // The floor of a broadcast here: a plain server writing the same frame to as many sockets.
      fanout_floor_p99_ms: median(fanouts.map((f) => percentile(f, 99))),
      fanout_floor_p99_ms_each: fanouts.map((f) => percentile(f, 99)),
      announced_frame_bytes: Buffer.byteLength(announcedFrame),
      ingest_per_s: ingest.perS,
      ingest_presses: ingest.presses,
      ingest_seconds: ingest.seconds,
      ingest_batch_mean: ingest.batchMean,
      ingest_committed_before_ack: ingest.committedBeforeAck,
      sqlite_baseline_per_s: sqliteBaselinePerS,
      ingest_named_per_s: named.perS,
      ingest_named_presses: named.presses,
      ingest_named_batch_mean: named.batchMean,
      ingest_named_committed_before_ack: named.committedBeforeAck,
      sqlite_baseline_named_per_s: sqliteBaselineNamedPerS,
      echo_ingest_per_s: echoIngestPerS,
      // The ceiling of any server of presses here: raw TCP, no WebSocket library, no parsing (bench-ceiling.ts).
      tcp_echo_ingest_per_s: tcpEchoIngestPerS,
      rss_mb: serverRss,
      rss_after_pdf_mb: pdfRss,
      startup_ms: startupMs,
      hall_pair_ms: hallPairMs,
      hall_sign_in_ms: hallSignInMs,
      startup_empty_ms: empty.startupMs,
      integrity_checked_ms: integrityCheckedMs,
      archive_sessions: seed.sessions,
      archive_years: YEARS,
      archive_ballots: seed.votes,
      archive_ballot_rounds: seed.ballotRounds,
      archive_remarks: seed.remarks,
      archive_opinions: seed.opinions,
      archive_seed_ms: seed.seedMs,
      archive_file_mb: Math.round(fs.statSync(path.join(dataDir, 'yishi.sqlite')).size / 1e5) / 10,
      ...archive,
      ...pdf,
    };
    console.log(JSON.stringify(result));
    if (o.report !== 'none') {
      writeReport(o.report, result, process.env.YISHI_BENCH_NOTES ? fs.readFileSync(process.env.YISHI_BENCH_NOTES, 'utf8') : '');
      log(`已写入 ${o.report}`);
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The announced state as a big screen last received it (the fan-out floor sends the same bytes). */
let announcedFrame = '';

/** One secret ballot: open, every terminal presses once within a second, close, announce. */
async function voteRound(admin: Admin, newConsole: () => Promise<ConsoleLink>, clients: WebSocket[], screens: WebSocket[], itemId: number, dataDir: string) {
  const ballot = await admin('ballots.create', { itemId, secret: true, pressRule: 'last', method: 'electronic', timerSeconds: null });
  // Terminals light up when the open ballot reaches them; members press after that.
  const lit = Promise.all(clients.map((ws) => waitForFrame(ws, (f) => ballotOf(f)?.id === ballot.id && ballotOf(f)!.state === 'open')));
  await admin('ballots.open', { ballotId: ballot.id });
  await lit;
  await settle();
  const choices = ['yes', 'no', 'abstain'] as const;
  const idBase = ballot.id * 100_000;
  let acked = 0;
  const t0 = performance.now();
  const stealBefore = stealMs();
  const acks = await roundTrips(
    clients,
    SPREAD_MS,
    (ws, i) => ws.send(cmdFrame(idBase + i, 'terminal.vote', { ballotId: ballot.id, choice: choices[i % 3], pressSeq: 1 })),
    (data, i) => {
      const r = resultOf(parseFrame(data), idBase + i);
      if (r?.ok) acked++;
      return r !== null;
    },
  );
  const votingMs = performance.now() - t0;
  const votingSteal = stealMs() - stealBefore;
  // Every acknowledged press is in the file: read it from a second connection now.
  const db = new Database(path.join(dataDir, 'yishi.sqlite'), { readonly: true });
  const committed = (db.prepare('SELECT count(*) AS n FROM secret_voters WHERE ballot_id = ?').get(ballot.id) as { n: number }).n;
  db.close();
  const everyone = [...clients, ...screens];
  const closedSeen = Promise.all(everyone.map((ws) => waitForFrame(ws, (f) => ballotOf(f)?.id === ballot.id && ballotOf(f)!.state === 'closed')));
  const closed = await admin('ballots.close', { ballotId: ballot.id });
  await closedSeen;
  await settle();
  const consoleLink = await newConsole();
  // Each receipt is timed before anything else is done with it; the clock starts as the request
  // leaves, after the bench's own bookkeeping (these listeners, the steal counter).
  let announcedAt = 0;
  const shown = everyone.map((ws) =>
    waitForFrame(ws, (f) => ballotOf(f)?.id === ballot.id && ballotOf(f)!.state === 'announced' && ballotOf(f)!.result != null).then((f) => ({ ms: performance.now() - announcedAt, f })),
  );
  const announceSteal = stealMs();
  announcedAt = performance.now();
  await consoleLink.call('ballots.announce', { ballotId: ballot.id });
  consoleLink.close();
  const seen = await Promise.all(shown);
  announcedFrame = JSON.stringify(seen[seen.length - 1]!.f); // a big screen's frame (the screens come last): for the fan-out floor
  const broadcast = seen.map((s) => s.ms);
  const steal = { voting: votingSteal, announce: stealMs() - announceSteal };
  return { acks, acked, committed, counted: closed.result.yes + closed.result.no + closed.result.abstain, votingMs, broadcast, steal };
}

// Stopped (a test's timeout, Ctrl-C): exit, so that the servers it started go with it (bench-support.ts).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(1));

main().catch((e) => {
  console.error('bench 失败：', e);
  process.exit(1);
});
