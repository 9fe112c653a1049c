// One session: its facts, its agenda (items, order, documents) and the rules it runs under.
import { chineseNumeral } from '../../../../src-main/domain/numerals';
import { useState } from 'react';
import type { CommandOutput } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { go, linkTo, routeId } from '../route';
import { useQuery } from '../useCommand';
import { AgendaItemForm } from './AgendaItemForm';
import { AgendaList } from './AgendaList';
import { DeleteSessionDialog } from './DeleteSessionDialog';
import { RulesSummary } from './RulesSummary';
import { SessionNameOrder } from '../people/NameOrderSelect';
import { SessionDocumentsPanel } from './SessionDocumentsPanel';
import { SessionForm } from './SessionForm';
import { StatusChip } from './SessionsView';

export type AgendaItem = CommandOutput<'sessions.get'>['items'][number];

export function SessionEditor({ route }: { route: string[] }) {
  const id = routeId(route[0]);
  const q = useQuery('sessions.get', { id: id ?? 0 });
  const [deleting, setDeleting] = useState(false);
  if (id === null) return <ErrorNote error={{ message: '会议地址不正确' }} />;
  if (!q.data) {
    return (
      <section>
        <p className="breadcrumb">
          <a href={linkTo('sessions')}>会议</a>
        </p>
        {q.error ? <ErrorNote error={q.error} /> : <p className="muted">正在读取会议…</p>}
      </section>
    );
  }
  const { session, items } = q.data;
  const draft = session.status === 'draft';
  const editable = session.status !== 'closed';
  const itemRoute = route[1] === 'items' ? route[2] : undefined;
  const editingItem = itemRoute && itemRoute !== 'new' ? items.find((it) => it.id === routeId(itemRoute)) : undefined;
  const saved = () => {
    q.reload();
    go('sessions', session.id);
  };
  const setItems = (next: AgendaItem[]) => q.set({ session: { ...session, itemCount: next.length }, items: next });

  return (
    <section aria-labelledby="session-title">
      <p className="breadcrumb">
        <a href={linkTo('sessions')}>会议</a> <span aria-hidden="true">/</span> 第{chineseNumeral(session.number)}次会议
      </p>
      <div className="page-head session-head">
        <h1 id="session-title">{session.title}</h1>
        <StatusChip status={session.status} />
      </div>
      <div className="panel">
        <dl className="facts">
          <div>
            <dt>日期</dt>
            <dd>{session.date}</dd>
          </div>
          <div>
            <dt>开始时间</dt>
            <dd>{session.startTime || '—'}</dd>
          </div>
          <div>
            <dt>地点</dt>
            <dd>{session.place || '—'}</dd>
          </div>
          <div>
            <dt>主持人</dt>
            <dd>{session.chair || '—'}</dd>
          </div>
          <div>
            <dt>应到人数</dt>
            <dd data-testid="expected-members">
              {session.expectedMembers} 人<span className="muted small">{draft ? '（开会时冻结）' : '（已冻结）'}</span>
              {session.expectedReason && <span className="muted small" data-testid="expected-reason-shown">　原因：{session.expectedReason}</span>}
            </dd>
          </div>
        </dl>
        <div className="panel-actions">
          <button type="button" className="btn" onClick={() => go('sessions', session.id, 'edit')} disabled={!draft}>
            编辑基本信息
          </button>
          {draft && (
            <button type="button" className="btn btn-quiet" onClick={() => setDeleting(true)}>
              删除会议
            </button>
          )}
          {!draft && <span className="muted small">会议已开始，基本信息和应到人数不能再修改。</span>}
          {editable && (
            <a className="btn btn-primary push-right" href={linkTo('live', session.id)}>
              {draft ? '开会…' : '会议进行'}
            </a>
          )}
        </div>
      </div>

      <div className="section-head">
        <h2>议程</h2>
        <span className="muted small">共 {items.length} 项 · 选中一项后可按 Alt+↑ / Alt+↓ 调整顺序</span>
        {editable && (
          <button type="button" className="btn btn-primary" onClick={() => go('sessions', session.id, 'items', 'new')}>
            添加议程项
          </button>
        )}
      </div>
      <AgendaList sessionId={session.id} items={items} editable={editable} onItems={setItems} onChanged={q.reload} />

      <SessionNameOrder sessionId={session.id} />
      <RulesSummary sessionId={session.id} rules={session.rules} draft={draft} onChanged={q.reload} />

      <SessionDocumentsPanel sessionId={session.id} />

      {route[1] === 'edit' && draft && (
        <SessionForm session={session} sessions={[]} onClose={() => go('sessions', session.id)} onSaved={saved} />
      )}
      {itemRoute === 'new' && (
        <AgendaItemForm sessionId={session.id} scale={session.rules.satisfaction.scale} onClose={() => go('sessions', session.id)} onSaved={saved} />
      )}
      {editingItem && (
        <AgendaItemForm sessionId={session.id} scale={session.rules.satisfaction.scale} item={editingItem} onClose={() => go('sessions', session.id)} onSaved={saved} />
      )}
      {deleting && <DeleteSessionDialog session={session} onClose={() => setDeleting(false)} onDeleted={() => go('sessions')} />}
    </section>
  );
}
