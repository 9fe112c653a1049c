// The archive's speed for `npm run bench`: list pages (filters by year, kind and status, and paging)
// and searches (two-character words, phrases, a single character, 文号, names, session numbers, with
// and without filters) through the real `archive.search` command over the admin HTTP endpoint of the
// running server, on the seeded ten-year archive. Each request is timed from send to parsed answer.
import { percentile } from './bench-support';
import { DOC_PREFIX, TOPICS, type SeedSummary } from './bench-seed';

export interface ArchiveBench {
  archive_list_p99_ms: number;
  archive_list_p50_ms: number;
  archive_search_p99_ms: number;
  archive_search_p50_ms: number;
  archive_requests: number;
}

type Admin = (name: string, input?: unknown) => Promise<any>;

function listInputs(firstYear: number, years: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [{}];
  for (let y = firstYear; y < firstYear + years; y++) out.push({ year: y }, { year: y, kind: 'ballot' }, { year: y, kind: 'opinion', status: 'assessed' });
  out.push({ kind: 'session' }, { kind: 'remark' }, { kind: 'opinion', status: 'handling' }, { kind: 'ballot', status: 'rejected' }, { kind: 'assessment' });
  return out;
}

function searchInputs(seed: SeedSummary, firstYear: number, years: number): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  TOPICS.forEach((t, i) => out.push({ q: t.slice(0, 2) }, { q: t }, { q: `${t.slice(0, 2)} ${TOPICS[(i + 1) % TOPICS.length]!.slice(0, 2)}`, kind: 'remark' }));
  for (const n of seed.docNumbers) out.push({ q: n }, { q: n, kind: 'opinion', status: 'assessed' });
  for (let y = firstYear; y < firstYear + years; y++) out.push({ q: '医保', year: y }, { q: '决定草案', year: y, kind: 'ballot' }, { q: DOC_PREFIX, year: y });
  out.push({ q: '医' }, { q: '工作' }, { q: '的' }, { q: '委员12' }, { q: '第十六次会议' }, { q: '潘刚超', kind: 'assessment' }, { q: '任命', kind: 'ballot', status: 'adopted' }, { q: '航天' });
  return out;
}

async function timed(admin: Admin, inputs: Record<string, unknown>[], requests: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const input = inputs[i % inputs.length]!;
    const t0 = performance.now();
    const page = await admin('archive.search', input);
    times.push(performance.now() - t0);
    // Every other list request goes on to its next page, as a secretary scrolling would.
    if (i % 2 === 1 && page.next !== null && !('q' in input)) {
      const t1 = performance.now();
      await admin('archive.search', { ...input, before: page.next });
      times.push(performance.now() - t1);
    }
  }
  return times;
}

export async function benchArchive(admin: Admin, seed: SeedSummary, firstYear: number, years: number, requests: number): Promise<ArchiveBench> {
  await admin('archive.search', { q: '医保' }); // the first request warms the statement cache
  const list = await timed(admin, listInputs(firstYear, years), requests);
  const search = await timed(admin, searchInputs(seed, firstYear, years), requests);
  return {
    archive_list_p99_ms: percentile(list, 99),
    archive_list_p50_ms: percentile(list, 50),
    archive_search_p99_ms: percentile(search, 99),
    archive_search_p50_ms: percentile(search, 50),
    archive_requests: list.length + search.length,
  };
}
