// Options for the next ballot of the current item (shared by all its persons): method (电子表决, or
// 举手 / 纸质票 whose results the secretary enters), 记名/无记名, which press counts, an optional timer,
// and the threshold (the item's or the session's unless chosen here).
import { useState } from 'react';
import { THRESHOLD_NAMES, type ThresholdName } from '../../../../src-main/domain/agenda';
import { THRESHOLD_LABELS } from '../../../../src-main/domain/vote';
import { METHOD_TEXT, PRESS_RULE_TEXT } from '../../live/labels';
import type { BallotMethod } from '../../../../src-main/meeting/types';

export interface BallotOptions {
  secret: boolean;
  pressRule: 'first' | 'last';
  method: BallotMethod;
  /** null: no timer. */
  timerSeconds: number | null;
  /** '': the item's threshold, else the session's rules. */
  threshold: ThresholdName | '';
}

export const MIN_TIMER = 5;
export const MAX_TIMER = 3600;

/** The options as ballots.create takes them (no threshold: the item's or the session's). */
export const ballotInput = ({ threshold, ...o }: BallotOptions) => ({ ...o, ...(threshold ? { threshold } : {}) });

export function optionsValid(o: BallotOptions): boolean {
  return o.timerSeconds === null || (Number.isInteger(o.timerSeconds) && o.timerSeconds >= MIN_TIMER && o.timerSeconds <= MAX_TIMER);
}

export function BallotOptionsFields({ value: o, onChange, defaultThreshold }: { value: BallotOptions; onChange: (o: BallotOptions) => void; defaultThreshold: string }) {
  const [seconds, setSeconds] = useState(String(o.timerSeconds ?? 60));
  const electronic = o.method === 'electronic';
  return (
    <div className="lc-ballot-form" data-testid="ballot-options">
      <label className="lc-field">
        <span>方式</span>
        <select
          value={o.method}
          onChange={(e) => {
            const method = e.target.value as BallotMethod;
            onChange({ ...o, method, timerSeconds: method === 'electronic' ? o.timerSeconds : null });
          }}
          data-testid="opt-method"
        >
          {(Object.keys(METHOD_TEXT) as BallotMethod[]).map((m) => (
            <option key={m} value={m}>
              {METHOD_TEXT[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="lc-field">
        <span>通过条件</span>
        <select value={o.threshold} onChange={(e) => onChange({ ...o, threshold: e.target.value as ThresholdName | '' })} data-testid="opt-threshold">
          <option value="">按本项设置（{defaultThreshold}）</option>
          {THRESHOLD_NAMES.map((t) => (
            <option key={t} value={t}>
              {THRESHOLD_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="lc-seg">
        <legend>记名</legend>
        <button type="button" className={o.secret ? 'is-on' : ''} onClick={() => onChange({ ...o, secret: true })} data-testid="opt-secret" aria-pressed={o.secret}>
          无记名
        </button>
        <button type="button" className={!o.secret ? 'is-on' : ''} onClick={() => onChange({ ...o, secret: false })} data-testid="opt-named" aria-pressed={!o.secret}>
          记名
        </button>
      </fieldset>
      {electronic && (
        <fieldset className="lc-seg">
          <legend>重复按键</legend>
          {(['last', 'first'] as const).map((r) => (
            <button key={r} type="button" className={o.pressRule === r ? 'is-on' : ''} onClick={() => onChange({ ...o, pressRule: r })} data-testid={`opt-press-${r}`} aria-pressed={o.pressRule === r}>
              {PRESS_RULE_TEXT[r]}
            </button>
          ))}
        </fieldset>
      )}
      {electronic && (
        <div className="lc-field">
          <span>限时</span>
          <span className="lc-timer">
            <input
              type="checkbox"
              checked={o.timerSeconds !== null}
              onChange={(e) => onChange({ ...o, timerSeconds: e.target.checked ? Number(seconds) || 60 : null })}
              data-testid="opt-timer-on"
              aria-label="限时"
            />
            <input
              type="number"
              min={MIN_TIMER}
              max={MAX_TIMER}
              value={seconds}
              disabled={o.timerSeconds === null}
              onChange={(e) => {
                setSeconds(e.target.value);
                onChange({ ...o, timerSeconds: Number(e.target.value) });
              }}
              data-testid="opt-timer-seconds"
            />
            秒
          </span>
        </div>
      )}
    </div>
  );
}
