// `npm run bench` in a small run: 20 terminals, one round, a short ingest, a small seeded archive.
// Checks the one JSON line has every field of issue 13, each measured (a number, or true for the
// durability checks), and that the report shows the goals beside their figures. Speeds are the
// bench's business (docs/benchmarks.md), never asserted here. A bench stopped midway takes the
// server it started with it.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/server';

const FIELDS = [
  'ack_p50_ms', 'ack_p99_ms', 'echo_p99_ms', 'durable_echo_p99_ms', 'trial_ack_p99_ms', 'result_broadcast_p99_ms', 'fanout_floor_p99_ms', 'announced_frame_bytes', 'ingest_per_s', 'sqlite_baseline_per_s', 'echo_ingest_per_s', 'tcp_echo_ingest_per_s', 'rss_mb', 'startup_ms',
  'archive_list_p99_ms', 'archive_search_p99_ms', 'pdf_20_pages_ms', 'pdf_20_pages_bytes', 'pdf_20_pages_edited_ms',
];

const hasLibreOffice = spawnSync('sh', ['-c', 'command -v libreoffice'], { stdio: 'ignore' }).status === 0;

describe('npm run bench', () => {
  it('prints one JSON line with every field, measured, and writes the report with the goals', () => {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-bench-test-')), 'benchmarks.md');
    const out = execFileSync(
      process.execPath,
      [path.join(ROOT, 'out/main/bench.js'), '--terminals', '20', '--rounds', '1', '--pause-ms', '0', '--ingest-seconds', '1', '--archive-sessions', '12', '--archive-ballots', '6000', '--archive-requests', '10', '--report', report],
      { encoding: 'utf8', timeout: 170_000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!);
    for (const f of FIELDS) {
      expect(typeof r[f], f).toBe('number');
      expect(Number.isFinite(r[f]) && r[f] > 0, `${f} = ${r[f]}`).toBe(true);
    }
    expect(r).toMatchObject({ terminals: 20, rounds: 1, trial_round: true, acked: 20, counted: 20, committed_before_ack: true, ingest_committed_before_ack: true, pdf_pages: 20 });
    expect(r.ingest_seconds).toBeGreaterThanOrEqual(1);
    for (const f of ['hall_pair_ms', 'hall_sign_in_ms']) expect(Number.isInteger(r[f]) && r[f] >= 0, `${f} = ${r[f]}`).toBe(true);
    // The seeded archive is what was asked for: 12 sessions, 6000 ballots cast, over ten years.
    expect(r).toMatchObject({ archive_sessions: 12, archive_ballots: 6000, archive_years: 10 });
    if (hasLibreOffice) expect(r.libreoffice_docx_ms).toBeGreaterThan(0);
    else expect(r).toHaveProperty('libreoffice_docx_ms', null);
    const text = fs.readFileSync(report, 'utf8');
    for (const goal of ['ack p99 / echo p99', 'result on every terminal and screen, p99', 'ingest / bare SQLite baseline', 'server RSS (peak)', 'startup', 'archive list p99', 'archive search p99', '20-page PDF / LibreOffice DOCX→PDF']) {
      expect(text).toContain(`| ${goal}`);
    }
    for (const f of FIELDS) expect(text).toContain(`| ${f} | ${r[f]} |`);
    fs.rmSync(path.dirname(report), { recursive: true, force: true });
  });

  it('stopped midway (a timeout, Ctrl-C), it leaves no server running', async () => {
    const bench = spawn(process.execPath, [path.join(ROOT, 'out/main/bench.js'), '--terminals', '20', '--archive-sessions', '2', '--archive-ballots', '200', '--report', 'none'], { stdio: ['ignore', 'ignore', 'pipe'] });
    // Once the rounds begin, its headless server is a child of the bench.
    await new Promise<void>((resolve) => bench.stderr.on('data', (d: Buffer) => d.toString().includes('个终端各按一次') && resolve()));
    const servers = execFileSync('pgrep', ['-P', String(bench.pid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
    expect(servers.length).toBeGreaterThan(0);
    const exited = new Promise((r) => bench.once('exit', r));
    bench.kill('SIGTERM');
    await exited;
    await new Promise((r) => setTimeout(r, 200));
    // Gone, or a zombie waiting to be reaped by whoever adopted it (its state in /proc: Z).
    const alive = servers.filter((pid) => {
      try {
        return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });
});
