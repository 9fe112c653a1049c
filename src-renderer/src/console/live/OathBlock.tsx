// 宪法宣誓 after an appointment item: the persons its ballots appointed, who takes the oath (alone or
// together, led by one of them), when, and who administers it (监誓人, by default the session's chair).
// Recorded with the session; the 会议记录 and the 主持词 print it.
import { useEffect, useState } from 'react';
import { call, type CommandOutput } from '../../api';
import { clockTime } from '../../live/labels';
import { beijingInstant } from '../../../../src-main/domain/clock';
import { today } from '../format';
import type { ConsoleBallotRow } from '../../live/protocol';

type OathList = CommandOutput<'oaths.list'>;

export function OathBlock({ sessionId, itemId, ballots }: { sessionId: number; itemId: number; ballots: ConsoleBallotRow[] }) {
  const [data, setData] = useState<OathList | null>(null);
  const [chair, setChair] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [form, setForm] = useState<'single' | 'collective'>('collective');
  const [ledBy, setLedBy] = useState('');
  const [by, setBy] = useState<string | null>(null);
  const [time, setTime] = useState(() => clockTime(new Date().toISOString()));
  // The day it was taken: today while the session is being held, its own date otherwise.
  const [day, setDay] = useState<string | null>(null);
  const [sessionDay, setSessionDay] = useState(today);
  const [reloads, setReloads] = useState(0);
  // A ballot's result changes who was appointed.
  const results = ballots.map((b) => `${b.id}:${b.result ? String(b.result.adopted) : ''}`).join(',');
  useEffect(() => {
    let live = true;
    void call('oaths.list', { sessionId }).then((r) => live && (r.ok ? setData(r.value) : setError(r.error.message)));
    void call('sessions.get', { id: sessionId }).then((r) => {
      if (!live || !r.ok) return;
      setChair(r.value.session.chair);
      setSessionDay(r.value.session.status === 'open' ? today() : r.value.session.date);
    });
    return () => {
      live = false;
    };
  }, [sessionId, results, reloads]);
  if (!data) return null;
  const appointed = data.appointed.filter((a) => a.itemId === itemId);
  const recorded = data.oaths.filter((o) => o.itemId === itemId);
  if (appointed.length === 0 && recorded.length === 0) return null;
  const sworn = new Set(recorded.flatMap((o) => o.persons.map((p) => p.personId)));
  const chosen = picked ?? appointed.filter((a) => !sworn.has(a.personId)).map((a) => a.personId);
  const names = appointed.filter((a) => chosen.includes(a.personId)).map((a) => a.name);
  const leader = names.includes(ledBy) ? ledBy : (names[0] ?? '');
  const administeredBy = by ?? chair;

  const record = async () => {
    setError(null);
    const takenAt = beijingInstant(day ?? sessionDay, time);
    if (!takenAt) return setError('请填写宣誓的日期和时间');
    const r = await call('oaths.record', { sessionId, itemId, personIds: chosen, takenAt, administeredBy, form, ledBy: form === 'collective' ? leader : '' });
    if (!r.ok) return setError(r.error.message);
    setPicked(null);
    setReloads((n) => n + 1);
  };
  const remove = async (id: number) => {
    const r = await call('oaths.delete', { id });
    if (!r.ok) return setError(r.error.message);
    setReloads((n) => n + 1);
  };

  return (
    <div className="lc-oath" data-testid="oath-block">
      <h4>宪法宣誓</h4>
      {recorded.map((o) => (
        <p key={o.id} className="lc-oath-row" data-testid={`oath-${o.id}`}>
          {clockTime(o.takenAt)} {o.persons.map((p) => p.name).join('、')}（{o.form === 'collective' ? `集体宣誓，${o.ledBy}领誓` : '单独宣誓'}），{o.administeredBy}监誓
          <button type="button" className="lc-btn lc-btn-small" onClick={() => void remove(o.id)} aria-label="删除这条宣誓记录">
            删除
          </button>
        </p>
      ))}
      {appointed.length > 0 && (
        <div className="lc-oath-form">
          <div className="lc-pick-list">
            {appointed.map((a) => (
              <label key={a.personId}>
                <input
                  type="checkbox"
                  checked={chosen.includes(a.personId)}
                  onChange={(e) => setPicked(e.target.checked ? [...chosen, a.personId] : chosen.filter((x) => x !== a.personId))}
                  data-testid={`oath-person-${a.personId}`}
                />
                {a.name}（{a.post}）{sworn.has(a.personId) && <span className="lc-muted">已宣誓</span>}
              </label>
            ))}
          </div>
          <label className="lc-field lc-inline">
            <span>形式</span>
            <select value={form} onChange={(e) => setForm(e.target.value as 'single' | 'collective')} data-testid="oath-form">
              <option value="collective">集体宣誓</option>
              <option value="single">单独宣誓</option>
            </select>
          </label>
          {form === 'collective' && (
            <label className="lc-field lc-inline">
              <span>领誓人</span>
              <select value={leader} onChange={(e) => setLedBy(e.target.value)} data-testid="oath-led-by">
                {names.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label className="lc-field lc-inline">
            <span>监誓人</span>
            <input value={administeredBy} onChange={(e) => setBy(e.target.value)} maxLength={50} data-testid="oath-administered-by" />
          </label>
          <label className="lc-field lc-inline">
            <span>日期</span>
            <input type="date" value={day ?? sessionDay} onChange={(e) => setDay(e.target.value)} data-testid="oath-date" />
          </label>
          <label className="lc-field lc-inline">
            <span>时间</span>
            <input type="time" value={time} onChange={(e) => setTime(e.target.value)} data-testid="oath-time" />
          </label>
          <button type="button" className="lc-btn lc-btn-small lc-btn-primary" disabled={chosen.length === 0 || !administeredBy.trim()} onClick={() => void record()} data-testid="oath-record">
            记录宪法宣誓
          </button>
        </div>
      )}
      {error && (
        <p className="lc-error" role="alert" data-testid="oath-error">
          {error}
        </p>
      )}
    </div>
  );
}
