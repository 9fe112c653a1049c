// docs/benchmarks.md from one bench run: the goals of issue 13 as ratios or limits beside their
// figures, then every field of the JSON line.
import fs from 'node:fs';
import os from 'node:os';

export type BenchResult = Record<string, unknown>;

interface Goal {
  name: string;
  figure: (r: BenchResult) => string;
  value: (r: BenchResult) => number | null;
  limit: string;
  met: (v: number) => boolean;
}

const n = (r: BenchResult, k: string): number | null => (typeof r[k] === 'number' && Number.isFinite(r[k]) ? (r[k] as number) : null);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? null : Math.round((a / b) * 100) / 100);

export const GOALS: Goal[] = [
  { name: 'ack p99 / echo p99', figure: (r) => `${r.ack_p99_ms} / ${r.echo_p99_ms} ms`, value: (r) => ratio(n(r, 'ack_p99_ms'), n(r, 'echo_p99_ms')), limit: '≤ 2', met: (v) => v <= 2 },
  { name: 'result on every terminal and screen, p99', figure: (r) => `${r.result_broadcast_p99_ms} ms`, value: (r) => n(r, 'result_broadcast_p99_ms'), limit: '≤ 100 ms', met: (v) => v <= 100 },
  { name: 'ingest / bare SQLite baseline', figure: (r) => `${r.ingest_per_s} / ${r.sqlite_baseline_per_s} presses/s`, value: (r) => ratio(n(r, 'ingest_per_s'), n(r, 'sqlite_baseline_per_s')), limit: '≥ 0.5', met: (v) => v >= 0.5 },
  {
    name: 'ingest, named ballot / bare SQLite baseline',
    figure: (r) => `${r.ingest_named_per_s} / ${r.sqlite_baseline_named_per_s} presses/s`,
    value: (r) => ratio(n(r, 'ingest_named_per_s'), n(r, 'sqlite_baseline_named_per_s')),
    limit: '≥ 0.5',
    met: (v) => v >= 0.5,
  },
  { name: 'server RSS (peak)', figure: (r) => `${r.rss_mb} MB`, value: (r) => n(r, 'rss_mb'), limit: '≤ 300 MB', met: (v) => v <= 300 },
  { name: 'startup (process start → answers a command)', figure: (r) => `${r.startup_ms} ms`, value: (r) => n(r, 'startup_ms'), limit: '≤ 1000 ms', met: (v) => v <= 1000 },
  { name: 'archive list p99', figure: (r) => `${r.archive_list_p99_ms} ms`, value: (r) => n(r, 'archive_list_p99_ms'), limit: '≤ 50 ms', met: (v) => v <= 50 },
  { name: 'archive search p99', figure: (r) => `${r.archive_search_p99_ms} ms`, value: (r) => n(r, 'archive_search_p99_ms'), limit: '≤ 50 ms', met: (v) => v <= 50 },
  { name: '20-page PDF / LibreOffice DOCX→PDF', figure: (r) => `${r.pdf_20_pages_ms} / ${r.libreoffice_docx_ms} ms`, value: (r) => ratio(n(r, 'pdf_20_pages_ms'), n(r, 'libreoffice_docx_ms')), limit: '≤ 0.1', met: (v) => v <= 0.1 },
];

export function goalRows(r: BenchResult): string {
  return GOALS.map((g) => {
    const v = g.value(r);
    return `| ${g.name} | ${g.figure(r)} | ${v ?? '—'} | ${g.limit} | ${v === null ? 'not measured' : g.met(v) ? 'met' : '**not met**'} |`;
  }).join('\n');
}

const TRIAL = `Before them one 试表决 (a session tests its keypads with a trial ballot
  before the first real one) is run the same way and not counted (trial_ack_p99_ms,
  trial_result_broadcast_p99_ms): the first time the server and the simulated terminals run a press
  and its answer.`;

export function writeReport(file: string, r: BenchResult, notes: string): void {
  const fields = Object.entries(r)
    .map(([k, v]) => `| ${k} | ${Array.isArray(v) ? v.join(', ') : String(v)} |`)
    .join('\n');
  const text = `# 性能基准 · Benchmarks

Measured by \`npm run bench -- --terminals ${r.terminals}\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}), one run.

## Goals (issue 13)

| goal | figures | value | limit | |
|---|---|---|---|---|
${goalRows(r)}

## How each figure is measured

- The server is the real headless server (\`out/main/serve.js\`) in its own process on loopback, on a data
  folder seeded first with ten years of sessions (${r.archive_sessions} closed sessions, ${r.archive_ballots} ballots cast, see below).
- **startup_ms**: from spawning \`serve.js\` on that folder until its first answer to an admin command
  (\`committee.get\` over HTTP, the console's first request): the database opened (a quick check of the file, migrations), the engine and the
  server up; the full integrity check of the file then runs in a worker thread (store/integrity.ts).
  startup_empty_ms: the same on an empty folder (after one start that fills Node's compile cache).
  integrity_checked_ms: from the spawn until that full check has finished (\`system.info\`); the live
  rounds start after it, as a hall's machine is started well before its first ballot.
- **hall_pair_ms / hall_sign_in_ms** (references, not goals): the whole hall arriving at once: the
  ${r.terminals} terminals pair with their seat codes, 200 at a time, each batch as soon as the last is
  answered; then all sign in the same way. Each answer comes after its durable commit.
- **The simulated terminals** are ${r.terminals} WebSocket clients in the bench's one process, on the same
  2 cores as the server. Before each timed window the bench collects its own garbage and waits 300 ms
  for the collector's background threads (bench_gc_before_windows: \`npm run bench\` starts it with
  --expose-gc and a 64 MB young generation, so no collection of the bench falls inside a window); a
  frame whose bytes equal the one parsed last is not parsed again (a broadcast writes the same bytes to
  most sockets); each window's sends are timed from a start after all its timers are set.
- **ack / echo**: ${r.terminals} simulated terminals pair with seat codes, sign in, and all press within one
  second in a secret ballot (last press counts); ${r.rounds} rounds (a re-vote is a new round); the median
  of the rounds' percentiles. ${r.trial_round ? TRIAL : 'No 试表决 before them (--trial-round false).'}
  The baseline is a plain WebSocket echo server in its own process, the same
  number of clients sending the same frames at the same rate, also ${r.rounds} times, each warmed by one
  echo per client first. **durable_echo_p99_ms** (a reference, not a goal): the same clients and rate
  against an echo server that, like the app's group commit, appends each turn's frames to a file on the
  same disk and answers them only after that file's fsync (off its event loop; the next turn's after it):
  the floor of a durable answer on this machine, without SQLite, validation or sealing.
- **steal_ms_voting_each / steal_ms_announce_each**: the CPU time the hypervisor gave to other guests
  while this machine's CPUs wanted to run (\`/proc/stat\` steal, both CPUs together), during each
  round's presses and during its announcement: stalls that neither the server nor the bench caused.
- **result_broadcast_p99_ms**: from the moment the admin's \`ballots.announce\` request leaves until
  each of the ${r.terminals} terminals and ${r.screens} big screens has received a state showing the announced result.
  The request goes over a kept-alive connection opened just before, as a console page holds one;
  each receipt is timed before the bench does anything else with it.
  **fanout_floor_p99_ms** (a reference, not a goal): a plain \`ws\` server in its own process writing
  the same frame (the announced state as the screens received it, announced_frame_bytes) as one
  prebuilt WebSocket frame to as many sockets on one trigger, received and checked by the same clients
  the same way (timed from the moment the trigger leaves): what the transport alone takes on this machine.
- **ingest_per_s**: every terminal presses, waits for its acknowledgement and presses again, for
  ${r.ingest_seconds} s, in a secret ballot where the last press counts and each press changes the choice:
  each press is a sealed receipt in the member's voter row. Afterwards the ballot is closed and its
  tally must be exactly every member's last acknowledged choice (ingest_committed_before_ack).
  **ingest_named_per_s**: the same in a named ballot, where each press writes its vote row and an audit
  entry; each acknowledged press is checked in the file (its row and its audit entry:
  ingest_named_committed_before_ack). The server's group commits held ${r.ingest_batch_mean} and
  ${r.ingest_named_batch_mean} presses on average (counted from the commit frames in its WAL).
- **sqlite_baseline_per_s** / **sqlite_baseline_named_per_s**: a bare better-sqlite3 loop in the bench
  process, on a file of the real schema opened with the app's settings (WAL, synchronous=FULL,
  secure_delete), writing the same rows per press (secret: the member's secret_voters row and a 70-byte
  receipt upserted into round_receipts beside it; named: a named_votes upsert and an audit_log row) in transactions of the same batch
  size as the server's, for the same time. **echo_ingest_per_s**: the same closed loop of the same clients
  against the plain WebSocket echo server: what the transport alone carries on this machine.
  **tcp_echo_ingest_per_s**: the same closed loop over as many raw TCP connections from the bench process (prebuilt
  frames of a press's size, no WebSocket library) against a process that only writes back the bytes it reads: what one
  Node process can turn around over ${r.terminals} loopback connections here, the ceiling of any server of presses
  however little it does per press (bench-ceiling.ts).
- **rss_mb**: the server's peak resident memory (VmHWM) through the live session (terminals, rounds,
  ingest) and the archive searches; rss_after_pdf_mb: the same peak after the PDF renders too.
- **archive_*_ms**: \`archive.search\` over the admin HTTP endpoint, one request at a time, on the seeded
  archive: list pages (by year, kind, status, and the next page) and searches (two-character words,
  phrases, one character, 文号, names, session numbers in Chinese numerals, with and without filters).
- **pdf_20_pages_ms**: a 20-page 审议意见书 drafted through the commands and rendered by the server
  (\`opinions.document\`, median of three prints of the same text: each after the first finds its fonts' programs
  kept, documents/font-programs.ts); **pdf_20_pages_edited_ms** (a reference): one print after an edit that adds
  characters the text did not have, so every face is subset and compressed afresh; **libreoffice_docx_ms**: LibreOffice converting the same
  document's DOCX (\`libreoffice --headless --convert-to pdf\`, process start included, best of two after
  a first run that creates its profile).

This file is written by the bench (\`src-main/cli/bench-report.ts\`); remarks on a run, like the section
below, are added with \`YISHI_BENCH_NOTES=file npm run bench -- --terminals 3000\`.

${notes}

## Every field of the run

| field | value |
|---|---|
${fields}
`;
  fs.writeFileSync(file, text);
}
