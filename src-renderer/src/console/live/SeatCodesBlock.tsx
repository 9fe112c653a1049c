// The one-time seat codes (座位码) of this session: list, print as PDF, issue a new code for a seat.
import { useState } from 'react';
import type { Actions } from './admin-actions';
import type { SeatCodeRow } from './seat-codes';

export function SeatCodesBlock({ rows, reload, actions }: { rows: SeatCodeRow[]; reload: () => void; actions: Actions }) {
  const [open, setOpen] = useState(false);
  const used = rows.filter((r) => r.used).length;
  return (
    <section className="lc-card lc-codes">
      <h3>
        座位码
        <span className="lc-h-actions">
          <button type="button" className="lc-btn lc-btn-small" onClick={() => setOpen(!open)} data-testid="seat-codes-toggle">
            {open ? '收起' : `查看（${used}/${rows.length} 已使用）`}
          </button>
          <button type="button" className="lc-btn lc-btn-small" disabled={actions.busy !== null} onClick={() => void actions.pdf('seatCodes')} data-testid="pdf-seat-codes">
            打印座位码
          </button>
        </span>
      </h3>
      {open && (
        <table className="lc-table lc-codes-table" data-testid="seat-codes">
          <thead>
            <tr>
              <th>座位</th>
              <th>姓名</th>
              <th>座位码</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.kind}:${r.id}`} data-testid={`seat-code-${r.kind}-${r.id}`}>
                <td className="lc-num">{r.seat ?? '—'}</td>
                <td>
                  {r.name}
                  {r.kind === 'attendee' && <span className="lc-muted">（列席）</span>}
                </td>
                <td>
                  <code className="lc-code" data-testid="seat-code">
                    {r.code}
                  </code>
                </td>
                <td className="lc-muted">{r.used ? '已使用' : '未使用'}</td>
                <td>
                  <button
                    type="button"
                    className="lc-btn lc-btn-small"
                    disabled={actions.busy !== null}
                    onClick={async () => {
                      const ok = await actions.run('重新生成座位码', 'seatCodes.regenerate', r.kind === 'member' ? { memberId: r.id } : { attendeeId: r.id });
                      if (ok) reload();
                    }}
                    data-testid="seat-code-regenerate"
                  >
                    重新生成
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
