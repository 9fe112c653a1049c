// 审议分组: the review groups of a session. Propose N groups (members dealt out in roster order, so
// the leadership is spread), then move members between groups, rename, name the convener; save.
import { useState } from 'react';
import { call, type CommandOutput } from '../api';
import { Dialog, SaveFooter } from '../components/Dialog';
import { useAction } from '../console/useCommand';

type Group = CommandOutput<'remarks.list'>['groups'][number];
type Member = CommandOutput<'members.list'>[number];
interface Draft {
  id?: number;
  name: string;
  convener: string;
  memberIds: number[];
}

export function GroupsDialog(props: { sessionId: number; groups: Group[]; members: Member[]; onClose: () => void; onSaved: () => void }) {
  const { sessionId, members, onClose, onSaved } = props;
  const action = useAction();
  const [groups, setGroups] = useState<Draft[]>(props.groups.map((g) => ({ id: g.id, name: g.name, convener: g.convener, memberIds: g.memberIds })));
  const [count, setCount] = useState(Math.max(2, props.groups.length || 3));
  const [dirty, setDirty] = useState(false);
  const groupOf = (memberId: number) => groups.findIndex((g) => g.memberIds.includes(memberId));

  const propose = async () => {
    const proposal = await action.run(() => call('reviewGroups.propose', { sessionId, count }));
    if (!proposal) return;
    // Keep the ids of existing groups so their remarks stay attached to the same group.
    setGroups(proposal.map((g, i) => ({ ...g, id: groups[i]?.id })));
    setDirty(true);
  };
  const update = (i: number, patch: Partial<Draft>) => {
    setGroups((gs) => gs.map((g, j) => (j === i ? { ...g, ...patch } : g)));
    setDirty(true);
  };
  const move = (memberId: number, to: number) => {
    setGroups((gs) => gs.map((g, j) => ({ ...g, memberIds: j === to ? [...g.memberIds.filter((id) => id !== memberId), memberId] : g.memberIds.filter((id) => id !== memberId) })));
    setDirty(true);
  };
  const save = async () => {
    const ok = await action.run(() => call('reviewGroups.save', { sessionId, groups }));
    if (ok) onSaved();
  };

  return (
    <Dialog title="审议分组" onClose={onClose} onSubmit={() => void save()} size="full" footer={<SaveFooter error={action.error} busy={action.busy} dirty={dirty} onCancel={onClose} />}>
      <div className="toolbar">
        <label>
          分为{' '}
          <input type="number" min={1} max={20} value={count} onChange={(e) => setCount(Number(e.target.value) || 1)} className="rv-count" aria-label="组数" /> 组
        </label>
        <button type="button" className="btn" onClick={() => void propose()} disabled={action.busy}>
          按名册自动分组
        </button>
        {groups.length > 0 && (
          <button type="button" className="btn btn-quiet" onClick={() => (setGroups([]), setDirty(true))}>
            取消分组（全体会议审议）
          </button>
        )}
      </div>
      {groups.length > 0 && (
        <div className="rv-groups-edit">
          {groups.map((g, i) => (
            <fieldset key={i} className="rv-group-edit">
              <legend>
                <input value={g.name} onChange={(e) => update(i, { name: e.target.value })} aria-label={`第${i + 1}组名称`} maxLength={30} />
              </legend>
              <label className="small">
                召集人{' '}
                <select value={g.convener} onChange={(e) => update(i, { convener: e.target.value })}>
                  <option value="">（未指定）</option>
                  {g.memberIds.map((id) => {
                    const m = members.find((x) => x.id === id);
                    return m ? (
                      <option key={id} value={m.name}>
                        {m.name}
                      </option>
                    ) : null;
                  })}
                </select>
              </label>
              <p className="muted small">{g.memberIds.length}人</p>
            </fieldset>
          ))}
        </div>
      )}
      {groups.length > 0 && (
        <table className="data-table rv-assign" aria-label="组成人员所在的组">
          <thead>
            <tr>
              <th>姓名</th>
              <th>职务</th>
              <th>审议组</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.name}</td>
                <td>{m.role}</td>
                <td>
                  <select value={groupOf(m.id)} onChange={(e) => move(m.id, Number(e.target.value))} aria-label={`${m.name}所在的组`}>
                    <option value={-1}>（不分组）</option>
                    {groups.map((g, i) => (
                      <option key={i} value={i}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {groups.length === 0 && <p className="muted">不分组时，所有发言记为全体会议审议。</p>}
    </Dialog>
  );
}
