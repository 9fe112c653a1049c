// No session is open: pick a prepared (draft) session and 开会. Opening freezes 应到 and issues seat codes.
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '../../api';
import { formatDate } from '../../live/labels';
import type { Actions } from './admin-actions';

type SessionRow = CommandOutput<'sessions.list'>[number];

export function SessionPicker({ actions, sessionId }: { actions: Actions; sessionId?: number }) {
  const [sessions, setSessions] = useState<SessionRow[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    void call('sessions.list', {}).then((r) => {
      if (r.ok) setSessions(r.value);
      else setLoadError(r.error.message);
    });
  }, []);

  const candidates = (sessions ?? []).filter((s) => s.status !== 'closed' && (sessionId === undefined || s.id === sessionId));
  return (
    <section className="lc-card lc-picker" data-testid="live-picker">
      <h2>开会</h2>
      <p className="lc-muted">选择一次已准备好的会议开会。开会后应到人数固定，系统为每位组成人员和列席人员生成座位码。</p>
      {loadError && <p className="lc-error">{loadError}</p>}
      {sessions && candidates.length === 0 && <p className="lc-muted">没有待召开的会议，请先在“会议准备”中创建会议和议程。</p>}
      <ul className="lc-picker-list">
        {candidates.map((s) => (
          <li key={s.id} data-testid={`live-session-${s.id}`}>
            <div>
              <strong>{s.title}</strong>
              <span className="lc-muted">
                {formatDate(s.date)} {s.startTime} {s.place} · 应到{s.expectedMembers}人 · 议程{s.itemCount}项
              </span>
            </div>
            <button
              type="button"
              className="lc-btn lc-btn-primary"
              disabled={actions.busy !== null}
              onClick={() => void actions.run('开会', 'live.open', { sessionId: s.id })}
              data-testid="live-open"
              data-session-id={s.id}
            >
              开会
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
