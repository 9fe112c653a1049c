// Messages near the thing they are about: errors (role=alert, read out at once) and confirmations.
import type { ReactNode } from 'react';

export function ErrorNote({ error, className }: { error: { message: string } | null; className?: string }) {
  if (!error) return null;
  return (
    <p className={`note note-error ${className ?? ''}`} role="alert">
      {error.message}
    </p>
  );
}

export function OkNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="note note-ok" role="status">
      {children}
    </p>
  );
}

export function InfoNote({ children }: { children: ReactNode }) {
  return <p className="note note-info">{children}</p>;
}
