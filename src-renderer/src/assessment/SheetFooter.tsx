// The foot of a sheet on the terminal (测评表 or 票决票): what is filled, the refusal if any, and 提交.
import type { ReactNode } from 'react';

export function SheetFooter({
  children,
  error,
  submitting,
  connected,
  label,
  onSubmit,
}: {
  /** The count and notes on the left. */
  children: ReactNode;
  error: string | null;
  submitting: boolean;
  connected: boolean;
  label: string;
  onSubmit: () => void;
}) {
  return (
    <footer className="asm-foot">
      {children}
      {error && (
        <span className="asm-error" role="alert" data-testid="sheet-error">
          {error}
        </span>
      )}
      <button type="button" className="term-btn term-btn-primary asm-submit" disabled={submitting} onClick={onSubmit} data-testid="sheet-submit">
        {submitting ? (connected ? '正在提交…' : '等待连接恢复…') : label}
      </button>
    </footer>
  );
}
