// 审议发言 on a member's terminal: during an item that is reviewed, the member writes remarks (signed
// with their name and review group), sees what they have submitted and may withdraw it while the
// session is on. Mounted by TerminalApp under the current item.
import type { CommandOutput } from '../api';
import type { LiveCmd } from '../live/client';
import { clockTime } from '../live/labels';
import { useCallback, useEffect, useState } from 'react';
import type { TerminalState } from '../live/protocol';
import './review-terminal.css';

/** What terminal.remarks answers (the command map's type). */
type MyRemarks = CommandOutput<'terminal.remarks'>;

type Cmd = LiveCmd;

const REVIEWED_KINDS = new Set(['report', 'handling_report', 'vote', 'other']);
const MAX_CHARS = 5000;

export function RemarksPanel({ state, cmd }: { state: TerminalState; cmd: Cmd }) {
  const item = state.currentItem;
  const member = state.me.kind === 'member';
  const reviewed = !!item && REVIEWED_KINDS.has(item.kind) && state.session?.status === 'open';
  const [mine, setMine] = useState<MyRemarks | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const load = useCallback(
    async (itemId: number) => {
      const r = await cmd('terminal.remarks', { itemId });
      if (r.ok) setMine(r.value);
      else setError(r.error.message);
    },
    [cmd],
  );

  useEffect(() => {
    setMine(null);
    setText('');
    setError(null);
    setSent(false);
    if (member && reviewed && item) void load(item.id);
  }, [member, reviewed, item?.id, load]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!member || !reviewed || !item) return null;

  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    setError(null);
    const r = await cmd('terminal.addRemark', { itemId: item.id, text });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setText('');
    setSent(true);
    await load(item.id);
  };
  const withdraw = async (id: number) => {
    setBusy(true);
    const r = await cmd('terminal.withdrawRemark', { id });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    await load(item.id);
  };

  return (
    <section className="term-card rv-term" data-testid="remarks-panel" aria-labelledby="rv-term-title">
      <div className="rv-term-head">
        <h3 className="term-subhead" id="rv-term-title">
          审议发言
        </h3>
        <span className="rv-term-group" data-testid="review-group">
          {mine?.group ? `${mine.group}` : '全体会议审议'}
        </span>
      </div>
      <label className="rv-term-label" htmlFor="rv-term-text">
        请写下您对“{item.title}”的审议意见，提交后由会务人员汇总。
      </label>
      <textarea
        id="rv-term-text"
        className="rv-term-text"
        value={text}
        maxLength={MAX_CHARS}
        rows={5}
        placeholder="如：建议进一步加强……"
        onChange={(e) => {
          setText(e.target.value);
          setSent(false);
        }}
      />
      <div className="rv-term-actions">
        <span className="term-muted">
          {text.length}/{MAX_CHARS}
        </span>
        {sent && <span className="rv-term-ok" role="status">已提交</span>}
        <button type="button" className="term-btn term-btn-primary" onClick={() => void submit()} disabled={busy || !text.trim()}>
          {busy ? '正在提交…' : '提交发言'}
        </button>
      </div>
      {error && (
        <p className="term-error" role="alert">
          {error}
        </p>
      )}
      {mine && mine.remarks.length > 0 && (
        <>
          <h4 className="rv-term-subhead">我的发言（{mine.remarks.length}）</h4>
          <ul className="rv-term-list">
            {mine.remarks.map((r) => (
              <li key={r.id}>
                <span className="rv-term-time">{clockTime(r.createdAt)}</span>
                <span className="rv-term-body">{r.text}</span>
                <button type="button" className="term-btn rv-term-withdraw" onClick={() => void withdraw(r.id)} disabled={busy} aria-label={`撤回 ${clockTime(r.createdAt)} 的发言`}>
                  撤回
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
