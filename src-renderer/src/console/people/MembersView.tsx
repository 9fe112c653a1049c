// 组成人员: the roster of voting members, with add/edit, retire (离任), import and export.
import { useState } from 'react';
import { call, type CommandOutput } from '../../api';
import { ConfirmDialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { ErrorNote, OkNote } from '../../components/Notice';
import { today } from '../format';
import { go, routeId } from '../route';
import { useAction, useQuery } from '../useCommand';
import { ExportButton } from './ExportButton';
import { ImportDialog } from './ImportDialog';
import { MemberForm } from './MemberForm';

export type Member = CommandOutput<'members.list'>[number];

function termText(m: Member): string {
  if (!m.inOfficeFrom && !m.inOfficeTo) return '—';
  return `${m.inOfficeFrom ?? ''} 至 ${m.inOfficeTo ?? '今'}`;
}

export function MembersView({ route }: { route: string[] }) {
  const q = useQuery('members.list', { includeInactive: true });
  const [showRetired, setShowRetired] = useState(false);
  const [importing, setImporting] = useState(false);
  const [retiring, setRetiring] = useState<Member | null>(null);
  const [message, setMessage] = useState('');
  const all = q.data ?? [];
  const current = all.filter((m) => !m.inOfficeTo);
  const retired = all.filter((m) => m.inOfficeTo);
  const shown = showRetired ? [...current, ...retired] : current;

  const editId = routeId(route[0]);
  const editing = editId === null ? undefined : all.find((m) => m.id === editId);
  const nextSort = all.reduce((max, m) => Math.max(max, m.sort), 0) + 1;

  const saved = (text: string, closeForm = false) => {
    setMessage(text);
    q.reload();
    if (closeForm) go('members');
  };

  return (
    <section aria-labelledby="members-title">
      <div className="page-head">
        <h1 id="members-title">组成人员</h1>
        <p className="page-sub">
          在任 <strong>{current.length}</strong> 人{retired.length > 0 && `，已离任 ${retired.length} 人`}。会议的“应到人数”按会议日期在任的组成人员计算。
        </p>
      </div>
      <div className="toolbar">
        <button type="button" className="btn btn-primary" onClick={() => go('members', 'new')}>
          新增组成人员
        </button>
        <button type="button" className="btn" onClick={() => setImporting(true)}>
          导入…
        </button>
        <ExportButton kind="members" />
        <label className="toggle">
          <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} />
          显示已离任人员（{retired.length}）
        </label>
      </div>
      <OkNote>{message}</OkNote>
      <ErrorNote error={q.error} />
      <table className="data-table" aria-label="组成人员名单">
        <thead>
          <tr>
            <th className="num">序号</th>
            <th className="w-m">姓名</th>
            <th className="w-xs">性别</th>
            <th className="w-s">职务</th>
            <th className="num">座位号</th>
            <th className="w-l">任职起止</th>
            <th>备注</th>
            <th className="actions">操作</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.id} className={m.inOfficeTo ? 'row-inactive' : undefined}>
              <td className="num">{m.sort}</td>
              <td className="name">
                {m.name}
                {m.inOfficeTo && <span className="chip chip-muted">已离任</span>}
              </td>
              <td>{m.gender || '—'}</td>
              <td>{m.role}</td>
              <td className="num">{m.seat ?? '—'}</td>
              <td>{termText(m)}</td>
              <td>{m.note}</td>
              <td className="actions">
                <button type="button" className="btn btn-small" onClick={() => go('members', m.id)} aria-label={`编辑 ${m.name}`}>
                  编辑
                </button>
                {!m.inOfficeTo && (
                  <button type="button" className="btn btn-small btn-quiet" onClick={() => setRetiring(m)} aria-label={`${m.name} 离任`}>
                    离任
                  </button>
                )}
              </td>
            </tr>
          ))}
          {!q.loading && shown.length === 0 && (
            <tr>
              <td colSpan={8} className="empty">
                还没有组成人员。可以逐个新增，或从 Excel/CSV 名单导入。
              </td>
            </tr>
          )}
        </tbody>
      </table>

      {route[0] === 'new' && q.data && (
        <MemberForm nextSort={nextSort} onClose={() => go('members')} onSaved={(m) => saved(`已新增 ${m.name}`, true)} />
      )}
      {editing && <MemberForm member={editing} nextSort={nextSort} onClose={() => go('members')} onSaved={(m) => saved(`已保存 ${m.name}`, true)} />}
      {editId !== null && !q.loading && !editing && <ErrorNote error={{ message: `找不到编号为${editId}的组成人员` }} />}
      {importing && <ImportDialog kind="members" onClose={() => setImporting(false)} onImported={(t) => saved(t)} />}
      {retiring && <RetireDialog member={retiring} onClose={() => setRetiring(null)} onDone={(m) => saved(`${m.name} 已于 ${m.inOfficeTo} 离任`)} />}
    </section>
  );
}

function RetireDialog({ member, onClose, onDone }: { member: Member; onClose: () => void; onDone: (m: Member) => void }) {
  const [date, setDate] = useState(today());
  const action = useAction();
  const confirm = async () => {
    const m = await action.run(() => call('members.retire', { id: member.id, date }));
    if (m) {
      onDone(m);
      onClose();
    }
  };
  return (
    <ConfirmDialog title={`${member.name} 离任`} confirmLabel="确认离任" danger busy={action.busy} error={action.error} onConfirm={confirm} onClose={onClose}>
      <p>
        离任后，{member.name}（{member.role}）不再计入离任日期及以后会议的应到人数，座位号
        {member.seat ?? '—'} 将释放。已开过的会议和表决记录不受影响。
      </p>
      <div className="form-grid">
        <Field label="离任日期" required error={action.error?.message.includes('日期') ? action.error.message : null}>
          {(p) => <input {...p} type="date" value={date} onChange={(e) => setDate(e.target.value)} />}
        </Field>
      </div>
    </ConfirmDialog>
  );
}
