// `node out/main/bench-memory.js [--members 60] [--renders 10] [--snapshots DIR] [--cpuprof FILE] [--pdf FILE]`: where the server's
// memory goes when documents are printed (issue 13: rss_after_pdf_mb). Starts the real headless
// server (serve.js, with the inspector on loopback), drafts the bench's 20-page 审议意见书 and a
// session's catalogue, renders them as a secretary would (the 20-page PDF again and again, every
// catalogue document as PDF and DOCX), and after each step prints the server's VmRSS and VmHWM and
// its heap as the server itself sees it (process.memoryUsage, v8 heap spaces), read through the
// inspector; with --snapshots, heap snapshots of the steps are written there, with --cpuprof the
// server's CPU profile of the timed renders (open both in DevTools), with --pdf the 20-page PDF.
// A measuring tool, not a test: `npm run build` first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { parseArgs } from '../app/paths';
import { draftOpinionOfPages } from './bench-pdf';
import { spawnUntil } from './bench-support';
import { chineseText, TOPICS } from './bench-seed';

/** The editable fields of an opinion as opinions.update takes them. */
const opinionInput = (o: any) => ({
  id: o.id,
  title: o.title,
  reportTitle: o.reportTitle,
  addressee: o.addressee,
  opening: o.opening,
  body: o.body,
  handlingRequest: o.handlingRequest,
  deadlineMonths: o.deadlineMonths,
  docPrefix: o.docPrefix,
  docDate: o.docDate,
  issuer: o.issuer,
  cc: o.cc,
  printedBy: o.printedBy,
});

type Admin = (name: string, input?: unknown) => Promise<any>;

/** A minimal Chrome DevTools Protocol client on the server's inspector. */
async function inspector(url: string) {
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
  await new Promise((r, j) => (ws.once('open', r), ws.once('error', j)));
  let next = 1;
  const waiting = new Map<number, (v: any) => void>();
  const listeners = new Set<(m: any) => void>();
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString());
    if (m.id && waiting.has(m.id)) {
      waiting.get(m.id)!(m);
      waiting.delete(m.id);
    } else listeners.forEach((l) => l(m));
  });
  const send = (method: string, params: object = {}): Promise<any> =>
    new Promise((r) => {
      const id = next++;
      waiting.set(id, r);
      ws.send(JSON.stringify({ id, method, params }));
    });
  const evaluate = async (expression: string): Promise<any> => (await send('Runtime.evaluate', { expression, returnByValue: true })).result?.result?.value;
  const snapshot = async (file: string): Promise<void> => {
    const out = fs.createWriteStream(file);
    const l = (m: any) => m.method === 'HeapProfiler.addHeapSnapshotChunk' && out.write(m.params.chunk);
    listeners.add(l);
    await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    listeners.delete(l);
    await new Promise((r) => out.end(r));
  };
  return { send, evaluate, snapshot, close: () => ws.close() };
}

const STATS = `JSON.stringify((() => {
  const v8 = process.getBuiltinModule('v8');
  const mb = (b) => Math.round(b / 1048576 * 10) / 10;
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name.replace('_space', ''), mb(s.space_used_size)]));
  const h = v8.getHeapStatistics();
  return { physical: mb(h.total_physical_size), malloced: mb(h.malloced_memory), peakMalloced: mb(h.peak_malloced_memory), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces };
})())`;

/** Resets the process's peak (VmHWM) to its present resident size (Linux 4.0+), so each step's own peak shows. */
function resetPeak(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // an older kernel: the peaks are then the process's peaks so far
  }
}

/** Resident memory by mapping (--smaps): [heap] is malloc's main arena, anon the rest of the anonymous maps (V8's heap, thread arenas), file the mapped files. */
function smaps(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  let kind = '';
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) kind = head[1] === '' ? 'anon' : head[1]!.startsWith('[') ? head[1]! : 'file';
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) out[kind] = Math.round(((out[kind] ?? 0) + Number(rss[1]) / 1024) * 10) / 10;
  }
  return out;
}

function vm(pid: number): { rss: number; hwm: number } {
  const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Math.round(Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)![1]) / 102.4) / 10;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

interface SamplingNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: SamplingNode[];
}

/** --alloc: what the renders allocated (collected or not), per function, in MB per render. */
function printAllocations(profile: { head: SamplingNode }, renders: number): void {
  const bySite = new Map<string, number>();
  const walk = (n: SamplingNode, stack: string[]) => {
    const f = n.callFrame;
    const site = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^.*out\/main\//, '')}:${f.lineNumber + 1}`;
    const here = [...stack, site];
    if (n.selfSize) {
      const key = here.slice(-3).join(' < ');
      bySite.set(key, (bySite.get(key) ?? 0) + n.selfSize);
    }
    n.children.forEach((c) => walk(c, here));
  };
  walk(profile.head, []);
  const total = [...bySite.values()].reduce((x, y) => x + y, 0);
  process.stderr.write(`allocated per render: ${(total / renders / 1048576).toFixed(1)} MB\n`);
  for (const [k, v] of [...bySite].sort((x, y) => y[1] - x[1]).slice(0, 30)) process.stderr.write(`${(v / renders / 1048576).toFixed(2)} MB  ${k}\n`);
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  const members = Number(a.members ?? 60);
  const renders = Number(a.renders ?? 10);
  const distinct = Number(a.distinct ?? 0);
  const snapshots = typeof a.snapshots === 'string' ? path.resolve(a.snapshots) : null;
  if (snapshots) fs.mkdirSync(snapshots, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-memory-'));
  const serveJs = path.join(__dirname, 'serve.js');
  const { proc, match } = await spawnUntil(
    ['--inspect=127.0.0.1:0', serveJs, '--data-dir', dataDir, '--port', '0', '--host', '127.0.0.1'],
    /Debugger listening on (ws:\/\/\S+)[\s\S]*http:\/\/127\.0\.0\.1:(\d+)\/#\/console\?token=([0-9a-f]+)/,
  );
  const base = `http://127.0.0.1:${match[2]}`;
  const admin: Admin = async (name, input = {}) => {
    const res = await fetch(`${base}/api/cmd/${name}`, { method: 'POST', headers: { authorization: `Bearer ${match[3]}` }, body: JSON.stringify(input) });
    const r = (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!r.ok) throw new Error(`${name}: ${r.error!.message}`);
    return r.value;
  };
  const insp = await inspector(match[1]!);
  const rows: Record<string, unknown>[] = [];
  let peak = 0;
  const step = async (name: string, ms?: number) => {
    const heap = JSON.parse(await insp.evaluate(STATS));
    const { rss, hwm } = vm(proc.pid!);
    const row = { step: name, rss, 'step peak': hwm, 'process peak': (peak = Math.max(peak, hwm)), heapUsed: heap.heapUsed, heapTotal: heap.heapTotal, physical: heap.physical, malloced: heap.malloced, peakMalloced: heap.peakMalloced, old: heap.spaces.old, code: heap.spaces.code, large: heap.spaces.large_object, external: heap.external, arrayBuffers: heap.arrayBuffers, ms: ms === undefined ? '' : Math.round(ms) };
    rows.push(a.smaps ? { ...row, ...smaps(proc.pid!) } : row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
    if (snapshots) await insp.snapshot(path.join(snapshots, `${rows.length}-${name.replace(/\W+/g, '_')}.heapsnapshot`));
    resetPeak(proc.pid!);
  };
  const gc = async (name: string) => {
    await insp.send('HeapProfiler.collectGarbage');
    await step(name);
  };
  const timed = async (f: () => Promise<unknown>) => {
    const t0 = performance.now();
    await f();
    return performance.now() - t0;
  };
  try {
    await admin('committee.update', { region: '基准区', term: 3 });
    await step('started');
    for (let i = 1; i <= members; i++) await admin('members.create', { sort: i, name: `委员${i}`, role: '委员', seat: i, gender: '' });
    const session = await admin('sessions.create', { term: 3, number: 1, date: '2026-11-23', expectedMembers: members });
    await admin('agenda.add', { sessionId: session.id, kind: 'vote', title: '关于区人民政府财政预算调整方案的决议（草案）' });
    await admin('live.open', { sessionId: session.id });
    await step('session prepared');
    const opinion = await draftOpinionOfPages(admin, session.id, 20);
    await step('20-page opinion drafted (≤ 9 renders)');
    const pdf = () => admin('opinions.document', { id: opinion, format: 'pdf' });
    const times: number[] = [];
    if (a.alloc) await insp.send('HeapProfiler.startSampling', { samplingInterval: 16384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const cpu = async () => Number(await insp.evaluate('(() => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; })()'));
    if (a.cpuprof) await insp.send('Profiler.enable').then(() => insp.send('Profiler.setSamplingInterval', { interval: 500 })).then(() => insp.send('Profiler.start'));
    const cpu0 = await cpu();
    for (let i = 0; i < renders; i++) times.push(await timed(pdf));
    if (typeof a.pdf === 'string') fs.writeFileSync(a.pdf, Buffer.from((await pdf()).base64, 'base64'));
    if (typeof a.cpuprof === 'string') fs.writeFileSync(a.cpuprof, JSON.stringify((await insp.send('Profiler.stop')).result.profile));
    // wall times move with the machine's load; the server's CPU time per render much less
    process.stderr.write(`20-page PDF: ${((await cpu()) - cpu0) / renders} ms of server CPU per render (with its request), median wall ${Math.round(times.sort((x, y) => x - y)[Math.floor(renders / 2)]!)} ms\n`);
    if (a.alloc) printAllocations((await insp.send('HeapProfiler.stopSampling')).result.profile, renders);
    times.sort((x, y) => x - y);
    await step(`20-page PDF ×${renders} (median ms)`, times[Math.floor(renders / 2)]);
    await timed(() => admin('opinions.document', { id: opinion, format: 'docx' })).then((ms) => step('20-page DOCX', ms));
    const catalogue = (await admin('documents.catalogue', { sessionId: session.id })) as { id: string }[];
    for (const format of ['pdf', 'docx'] as const) {
      const ms = await timed(async () => {
        for (let r = 0; r < 3; r++) for (const d of catalogue) await admin('documents.render', { sessionId: session.id, id: d.id, format });
      });
      await step(`catalogue (${catalogue.length}) ${format} ×3`, ms);
    }
    for (let i = 0; i < renders; i++) await pdf();
    await step(`20-page PDF ×${renders} again`);
    // Many different documents, as a secretary prints through a session: the opinion rewritten each time.
    const draft = (await admin('opinions.get', { id: opinion })).opinion;
    for (let k = 1; k <= distinct; k++) {
      const t = chineseText(k);
      const body = Array.from({ length: 40 }, (_, i) => ({ kind: 'p' as const, text: t.paragraph(t.pick(TOPICS), 4 + (i % 3)) }));
      await admin('opinions.update', { ...opinionInput(draft), body });
      await pdf();
      if (k % Math.max(1, Math.floor(distinct / 4)) === 0) await gc(`${k} different documents (after a full collection)`);
    }
    await gc('after a full collection');
    console.table(rows);
  } finally {
    insp.close();
    proc.kill('SIGTERM');
    await new Promise((r) => proc.once('exit', r));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
