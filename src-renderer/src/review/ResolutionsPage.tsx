// 决议决定: the vote items of a session with their result; for each adopted one the console offers
// its 决议/决定 — title from the item, the line "（2026年9月22日……会议通过）" from the session, an
// editable body — numbered within the session, printed and exported.
import { useEffect, useState } from 'react';
import { verdictWord } from '../../../src-main/domain/vote';
import { call, type CommandOutput } from '../api';
import { ConfirmDialog } from '../components/Dialog';
import { CheckField, Field } from '../components/Field';
import { ErrorNote, OkNote } from '../components/Notice';
import { useAction, useQuery } from '../console/useCommand';
import { DocumentButtons } from './DocumentButtons';
import { SessionSelect, useRefreshTick, useSessionChoice } from './SessionChoice';
import './review.css';

type Resolution = CommandOutput<'resolutions.list'>['resolutions'][number];

export function ResolutionsPage({ route }: { route: string[] }) {
  const { sessions, sessionId } = useSessionChoice('resolutions', route[0]);
  const q = useQuery('resolutions.list', { sessionId: sessionId ?? 0 });
  const tick = useRefreshTick();
  const action = useAction();
  const { reload } = q;
  useEffect(() => {
    if (tick > 0) reload();
  }, [tick, reload]);
  const data = sessionId ? q.data : undefined;
  const create = async (itemId: number) => {
    if (await action.run(() => call('resolutions.create', { itemId }))) reload();
  };
  return (
    <section aria-labelledby="rv-res-title" className="rv">
      <div className="page-head">
        <h1 id="rv-res-title">决议决定</h1>
        <p className="page-sub">表决通过的事项形成决议或决定，标题下注明通过的会议和日期，按会议编号保存。</p>
      </div>
      <div className="toolbar">
        <SessionSelect section="resolutions" sessions={sessions} sessionId={sessionId} />
      </div>
      <ErrorNote error={q.error ?? action.error} />
      <table className="data-table" aria-label="表决事项">
        <thead>
          <tr>
            <th>表决事项</th>
            <th>表决结果</th>
            <th className="actions">决议/决定</th>
          </tr>
        </thead>
        <tbody>
          {data?.candidates.map((c) => (
            <tr key={c.itemId} data-testid="resolution-candidate">
              <td className="name">
                第{c.position}项 {c.title}
              </td>
              <td>{c.adopted === null ? <span className="muted">尚未表决</span> : <span className={`chip ${c.adopted ? 'chip-ok' : 'chip-error'}`}>{verdictWord({ adopted: c.adopted })}</span>}</td>
              <td className="actions">
                {c.resolutionId ? (
                  <a className="btn btn-small" href={`#rv-res-${c.resolutionId}`}>
                    查看
                  </a>
                ) : c.adopted ? (
                  <button type="button" className="btn btn-small btn-primary" onClick={() => void create(c.itemId)} disabled={action.busy} aria-label={`形成“${c.title}”的决议或决定`}>
                    形成决议/决定
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
          {data && data.candidates.length === 0 && (
            <tr>
              <td colSpan={3} className="empty">
                本次会议没有表决事项。
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {data?.resolutions.map((r) => <ResolutionEditor key={r.id} resolution={r} onChanged={reload} />)}
    </section>
  );
}

function ResolutionEditor({ resolution, onChanged }: { resolution: Resolution; onChanged: () => void }) {
  const action = useAction();
  const [f, setF] = useState({ kind: resolution.kind, title: resolution.title, body: resolution.body, redHeader: resolution.redHeader });
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const set = (patch: Partial<typeof f>) => {
    setF({ ...f, ...patch });
    setDirty(true);
    setSaved(null);
  };
  const persist = async () => {
    if (!dirty) return true;
    const r = await action.run(() => call('resolutions.update', { id: resolution.id, ...f }));
    if (r) setDirty(false);
    return !!r;
  };
  const produce = async (format: 'pdf' | 'docx') => ((await persist()) ? action.run(() => call('resolutions.document', { id: resolution.id, format })) : undefined);
  return (
    <article className="panel rv-resolution" id={`rv-res-${resolution.id}`} data-testid="resolution" aria-label={f.title}>
      <h2>
        第{resolution.seq}号 {resolution.kindLabel}
      </h2>
      <div className="form-grid">
        <Field label="文种">
          {(c) => (
            <select {...c} value={f.kind} onChange={(e) => set({ kind: e.target.value as typeof f.kind })}>
              <option value="resolution">决议</option>
              <option value="decision">决定</option>
            </select>
          )}
        </Field>
        <Field label="标题" span={2}>
          {(c) => <input {...c} value={f.title} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <p className="rv-adopted span-3" data-testid="adopted-line">
          {resolution.adoptedLine}
        </p>
        <Field label="正文" span={3} hint="每行一段；以“一、”“（一）”“1.”开头的行按相应级别的标题排版">
          {(c) => <textarea {...c} rows={10} value={f.body} onChange={(e) => set({ body: e.target.value })} />}
        </Field>
        <CheckField label="印红色版头" checked={f.redHeader} onChange={(v) => set({ redHeader: v })} hint="决议、决定一般不印版头" />
      </div>
      <div className="panel-actions">
        <button type="button" className="btn btn-primary" onClick={() => void persist().then((ok) => ok && (setSaved('已保存'), onChanged()))} disabled={action.busy || !dirty}>
          保存
        </button>
        <DocumentButtons label={f.title} produce={produce} disabled={action.busy} />
        <button type="button" className="btn btn-quiet danger" onClick={() => setDeleting(true)}>
          删除
        </button>
        <ErrorNote error={action.error} />
        <OkNote>{saved}</OkNote>
      </div>
      {deleting && (
        <ConfirmDialog
          title="删除决议/决定"
          confirmLabel="删除"
          danger
          busy={action.busy}
          error={action.error}
          onClose={() => setDeleting(false)}
          onConfirm={() => void action.run(() => call('resolutions.delete', { id: resolution.id })).then((r) => r && (setDeleting(false), onChanged()))}
        >
          <p>删除“{f.title}”？</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
