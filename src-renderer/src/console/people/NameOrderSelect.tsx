// 名单排序: list order or 按姓氏笔画, for an export, a print, or a session's printed name lists.
import { call } from '../../api';
import { ErrorNote } from '../../components/Notice';
import { useAction, useQuery } from '../useCommand';
import { NAME_ORDERS, NAME_ORDER_LABELS, type NameOrder } from '../../../../src-main/domain/strokes';

export type { NameOrder };

export function NameOrderSelect({ value, onChange, label, disabled }: { value: NameOrder; onChange: (o: NameOrder) => void; label: string; disabled?: boolean }) {
  return (
    <label className="toggle">
      {label}：
      <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as NameOrder)}>
        {NAME_ORDERS.map((o) => (
          <option key={o} value={o}>
            {NAME_ORDER_LABELS[o]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The session's setting for its printed name lists (签到表, 记名表决名单, 任免名单); changes take effect on the next print. */
export function SessionNameOrder({ sessionId }: { sessionId: number }) {
  const q = useQuery('nameOrder.get', { sessionId });
  const action = useAction();
  const set = async (order: NameOrder) => {
    const r = await action.run(() => call('nameOrder.set', { sessionId, order }));
    if (r) q.set(r);
  };
  return (
    <div className="name-order-setting" data-testid="session-name-order">
      <NameOrderSelect value={q.data?.order ?? 'list'} onChange={(o) => void set(o)} label="签到表、任免名单等名单排序" disabled={!q.data || action.busy} />
      <span className="muted small">按姓氏笔画时，组成人员仍按主任、副主任、秘书长、委员分列，各列内按笔画。</span>
      <ErrorNote error={q.error ?? action.error} className="inline" />
    </div>
  );
}
