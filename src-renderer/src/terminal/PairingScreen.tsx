// An unpaired terminal: the member types the 6-digit 座位码 (on the big keypad or the keyboard),
// or reads out the 终端号 so the secretary binds this terminal from the console.
import { useState, type FormEvent } from 'react';
import type { Result } from '../live/protocol';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export interface PairingScreenProps {
  pairingNumber: string | null;
  notice: string | null;
  /** The session this terminal sat in has ended (闭会): its title. */
  ended?: string | null;
  onPair: (code: string) => Promise<Result<unknown>>;
}

export function PairingScreen({ pairingNumber, notice, ended = null, onPair }: PairingScreenProps) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function press(key: (typeof KEYS)[number]) {
    setError(null);
    if (key === 'clear') setCode('');
    else if (key === 'back') setCode(code.slice(0, -1));
    else if (code.length < 6) setCode(code + key);
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (code.length !== 6 || busy) return;
    setBusy(true);
    const r = await onPair(code);
    setBusy(false);
    if (!r.ok) {
      setError(pairErrorText(r.error.code, r.error.message));
      setCode('');
    }
  }

  return (
    <main className="pair">
      <section className="pair-card">
        <h1 className="pair-title">议事 · 委员终端</h1>
        {ended && (
          <div className="pair-ended" role="status" data-testid="session-ended">
            <strong>{/已闭会$/.test(ended) ? ended : `${ended}已闭会`}</strong>
            <span>本终端已退出该次会议。下次会议开始后，请输入新的座位码。</span>
          </div>
        )}
        <p className="pair-lead">请输入会务人员发给您的 6 位座位码</p>
        {notice && !ended && (
          <p className="term-error" role="alert" data-testid="pair-notice">
            {notice}
          </p>
        )}
        <form onSubmit={submit} className="pair-form">
          <input
            className="pair-input"
            value={code}
            onChange={(e) => {
              setError(null);
              setCode(e.target.value.replace(/\D/g, '').slice(0, 6));
            }}
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="one-time-code"
            maxLength={6}
            placeholder="······"
            aria-label="座位码"
            data-testid="seat-code-input"
          />
          {error && (
            <p className="term-error" role="alert" data-testid="pair-error">
              {error}
            </p>
          )}
          <button type="submit" className="term-btn term-btn-primary pair-submit" disabled={code.length !== 6 || busy} data-testid="pair-submit">
            {busy ? '正在验证…' : '确认'}
          </button>
        </form>
        <p className="pair-number" data-testid="pairing-number">
          终端号 <strong>{pairingNumber ?? '—'}</strong>：也可请会务人员在控制台为您绑定座位
        </p>
      </section>
      <section className="pair-keypad" aria-label="数字键盘">
        {KEYS.map((k) => (
          <button key={k} type="button" className={`key ${k.length > 1 ? 'key-fn' : ''}`} onClick={() => press(k)} data-testid={`key-${k}`}>
            {k === 'clear' ? '清空' : k === 'back' ? '⌫' : k}
          </button>
        ))}
      </section>
    </main>
  );
}

function pairErrorText(code: string, message: string): string {
  if (code === 'RATE_LIMITED') return message || '输入错误次数过多，请一分钟后再试';
  if (code === 'NOT_FOUND' || code === 'UNAUTHORIZED') return message || '座位码不正确，请核对后重新输入';
  return message || '绑定失败，请重试';
}
