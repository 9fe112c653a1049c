// A labelled form control: the label is tied to the control, hints and errors are described by it.
import { useId, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
}

export interface FieldProps {
  label: string;
  error?: string | null;
  hint?: ReactNode;
  span?: 1 | 2 | 3;
  required?: boolean;
  children: (control: ControlProps) => ReactNode;
}

export function Field({ label, error, hint, span = 1, required, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field span-${span}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
      {hint && (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      )}
    </div>
  );
}

/** A checkbox with its label to the right. */
export function CheckField(props: { label: string; checked: boolean; onChange: (v: boolean) => void; hint?: ReactNode; span?: 1 | 2 | 3 }) {
  const { label, checked, onChange, hint, span = 1 } = props;
  const id = useId();
  return (
    <div className={`field check-field span-${span}`}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span>{label}</span>
      </label>
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}
