// 档案检索: everything the committee has recorded, across all sessions and years, in one place —
// sessions, agenda items, ballots and results, assessments, review opinions with their handling
// status, remarks in full text, documents and resolutions. Filters by year, kind and status; each
// result opens its session (read-only once closed, with its documents) or its own page, and formal
// documents can be printed again from here.
import { useEffect, useState, type FormEvent } from 'react';
import { call, type CommandInput, type CommandOutput } from '../api';
import { ARCHIVE_KIND_LABELS, ARCHIVE_KINDS, ARCHIVE_STATUS_LABELS, type ArchiveKind } from '../../../src-main/shared/archive-kinds';
import { ErrorNote } from '../components/Notice';
import { useAction, useQuery } from '../console/useCommand';
import { ArchiveHitRow } from './ArchiveHitRow';
import './archive.css';

type Page = CommandOutput<'archive.search'>;
type Filter = Omit<CommandInput<'archive.search'>, 'before' | 'limit'>;

const KEPT = 'yishi.archive.filter';

/** The last search is kept for this tab, so coming back from a session shows the same results. */
function keptFilter(): Filter {
  try {
    return JSON.parse(sessionStorage.getItem(KEPT) ?? '{}') as Filter;
  } catch {
    return {};
  }
}

export function ArchivePage() {
  const years = useQuery('archive.years', {});
  const [draft, setDraft] = useState<Filter>(keptFilter);
  const [filter, setFilter] = useState<Filter>(keptFilter);
  // The results with the filter they answer: while a new search runs, the old ones are marked as such.
  const [page, setPage] = useState<(Page & { forKey: string }) | null>(null);
  const action = useAction();
  const more = useAction();

  const filterKey = JSON.stringify(filter);
  const run = action.run;
  useEffect(() => {
    sessionStorage.setItem(KEPT, filterKey);
    let live = true;
    // A search that failed shows its error alone, not the results of the one before.
    void run(() => call('archive.search', JSON.parse(filterKey) as Filter)).then((p) => live && setPage(p ? { ...p, forKey: filterKey } : null));
    return () => {
      live = false;
    };
  }, [filterKey, run]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft, q: draft.q?.trim() ?? '' });
  };
  const set = (patch: Partial<Filter>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (!('q' in patch)) setFilter({ ...next, q: filter.q ?? '' }); // filters apply at once; text on 搜索
  };
  const loadMore = async () => {
    if (!page?.next) return;
    const next = await more.run(() => call('archive.search', { ...filter, before: page.next! }));
    if (next) setPage({ ...next, hits: [...page.hits, ...next.hits], total: page.total, totalCapped: page.totalCapped, forKey: page.forKey });
  };

  const stale = page !== null && page.forKey !== filterKey;
  const statuses = draft.kind ? Object.entries(ARCHIVE_STATUS_LABELS[draft.kind]) : [];
  return (
    <section aria-labelledby="archive-title" className="archive">
      <div className="page-head">
        <h1 id="archive-title">档案检索</h1>
        <span className="muted small">历次会议的议程、表决、测评、审议意见、审议发言、材料和决议决定</span>
      </div>
      <form className="panel archive-form" role="search" onSubmit={submit}>
        <label className="archive-q">
          <span className="visually-hidden">搜索内容</span>
          <input
            type="search"
            value={draft.q ?? ''}
            maxLength={200}
            placeholder="输入词语、姓名或文号，如：医保、示人常审〔2026〕3号、第十六次会议"
            onChange={(e) => setDraft({ ...draft, q: e.target.value })}
            aria-label="搜索内容"
          />
        </label>
        <button type="submit" className="btn btn-primary">
          搜索
        </button>
        <label>
          <span>年份</span>
          <select value={draft.year ?? ''} onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })} aria-label="年份">
            <option value="">全部年份</option>
            {(years.data ?? []).map((y) => (
              <option key={y.year} value={y.year}>
                {y.year}年（{y.sessions}次会议）
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>类别</span>
          <select value={draft.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as ArchiveKind | undefined, status: undefined })} aria-label="类别">
            <option value="">全部类别</option>
            {ARCHIVE_KINDS.slice()
              .reverse()
              .map((k) => (
                <option key={k} value={k}>
                  {ARCHIVE_KIND_LABELS[k]}
                </option>
              ))}
          </select>
        </label>
        <label>
          <span>状态</span>
          <select value={draft.status ?? ''} onChange={(e) => set({ status: e.target.value || undefined })} disabled={statuses.length === 0} aria-label="状态">
            <option value="">{draft.kind ? '全部状态' : '先选择类别'}</option>
            {statuses.map(([v, label]) => (
              <option key={v} value={v}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorNote error={action.error ?? years.error} />
      {page && (
        <>
          <p className="muted small" role="status" data-testid="archive-total">
            {stale ? '正在检索…' : page.total === 0 || page.total === null ? '没有找到符合条件的记录' : page.totalCapped ? `超过${page.total}条，按时间从近到远列出` : `共${page.total}条，按时间从近到远列出`}
          </p>
          <ol className={stale ? 'archive-hits archive-stale' : 'archive-hits'} aria-label="检索结果" aria-busy={stale}>
            {page.hits.map((h) => (
              <ArchiveHitRow key={h.key} hit={h} />
            ))}
          </ol>
          <ErrorNote error={more.error} />
          {page.next !== null && (
            <button type="button" className="btn" onClick={() => void loadMore()} disabled={more.busy}>
              {more.busy ? '正在读取…' : '显示更多'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
