// A modal dialog on the native <dialog>: focus stays inside, Esc closes, the page behind is inert.
// With onSubmit the body and footer form one <form>, so Enter in a field submits.
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { ErrorNote } from './Notice';

export interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  onSubmit?: () => void;
  size?: 'normal' | 'wide' | 'full';
}

export function Dialog({ title, onClose, children, footer, onSubmit, size = 'normal' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      // showModal focuses the first focusable element (the close button); prefer the form's first field.
      const first = d.querySelector<HTMLElement>('[data-autofocus]') ?? d.querySelector<HTMLElement>('.dialog-body :is(input, select, textarea):not([disabled])');
      first?.focus();
    }
    return () => d?.close();
  }, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit?.();
  };
  const inner = (
    <>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </>
  );
  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${size}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        closeRef.current();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="关闭" title="关闭（Esc）" onClick={onClose}>
          ×
        </button>
      </div>
      {onSubmit ? (
        <form className="dialog-form" onSubmit={submit} noValidate>
          {inner}
        </form>
      ) : (
        inner
      )}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  error?: { message: string } | null;
  onConfirm: () => void;
  onClose: () => void;
}

/** "Are you sure?" with the consequences spelled out, and the error if the action fails. */
export function ConfirmDialog({ title, children, confirmLabel, danger, busy, error, onConfirm, onClose }: ConfirmDialogProps) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={onConfirm}
      footer={
        <>
          <ErrorNote error={error ?? null} />
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-autofocus={danger ? true : undefined}>
            取消
          </button>
          <button type="submit" className={danger ? 'btn btn-danger' : 'btn btn-primary'} disabled={busy} data-autofocus={danger ? undefined : true}>
            {busy ? '请稍候…' : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}

/** The footer of an edit dialog: the error, a note that a draft is kept, 取消 and 保存. */
export function SaveFooter({
  error,
  busy,
  dirty,
  onCancel,
  saveLabel = '保存',
}: {
  error: { message: string } | null;
  busy: boolean;
  dirty: boolean;
  onCancel: () => void;
  saveLabel?: string;
}) {
  return (
    <>
      <ErrorNote error={error} />
      {dirty && <span className="draft-mark">未保存的修改已暂存</span>}
      <button type="button" className="btn" onClick={onCancel} disabled={busy}>
        取消
      </button>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? '正在保存…' : saveLabel}
      </button>
    </>
  );
}
