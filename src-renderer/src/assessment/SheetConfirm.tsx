// The confirmation before a sheet is submitted: what is on it (or left off it), then 确认提交 or
// 返回修改. A full-screen layer, so a tablet shows it whatever the scroll position of a 35-row sheet.
import type { ReactNode } from 'react';

export function SheetConfirm({ title, summary, busy, onBack, onConfirm }: { title: string; summary: ReactNode; busy: boolean; onBack: () => void; onConfirm: () => void }) {
  return (
    <div className="asm-layer" role="dialog" aria-modal="true" aria-label={title} data-testid="sheet-confirm">
      <div className="asm-dialog">
        <h3 className="asm-dialog-title">{title}</h3>
        <div className="asm-dialog-body">{summary}</div>
        <div className="asm-dialog-actions">
          <button type="button" className="term-btn" onClick={onBack} disabled={busy} data-testid="sheet-back">
            返回修改
          </button>
          <button type="button" className="term-btn term-btn-primary" onClick={onConfirm} disabled={busy} data-testid="sheet-confirm-submit">
            {busy ? '正在提交…' : '确认提交'}
          </button>
        </div>
      </div>
    </div>
  );
}
