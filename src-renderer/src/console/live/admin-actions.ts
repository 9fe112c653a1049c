// How the live console runs admin commands: through call() (HTTP or the Electron bridge), one busy
// flag and one error line for the whole panel, and PDFs handed to the browser as downloads.
import { useCallback, useState } from 'react';
import { call, downloadBase64, type CommandInput, type CommandName, type CommandOutput } from '../../api';

export type PdfKind = 'ballotResult' | 'resultSheet' | 'signInSheet' | 'appointmentList' | 'seatCodes';

export const PDF_LABELS: Record<PdfKind, string> = {
  ballotResult: '表决结果',
  resultSheet: '结果汇总',
  signInSheet: '签到表',
  appointmentList: '任免名单',
  seatCodes: '座位码',
};

export interface Actions {
  busy: string | null;
  error: string | null;
  /** Where the failed action was pressed (run's `at`): the error is shown there instead of at the top. */
  errorAt: string | null;
  notice: string | null;
  clearError: () => void;
  /** Shows a notice (what a command answered, in words). */
  notify: (text: string) => void;
  /** Runs a command; shows its Chinese error (beside the button named by `at`, when given); resolves to the value or null. */
  run: <K extends CommandName>(label: string, name: K, input: CommandInput<K>, at?: string) => Promise<CommandOutput<K> | null>;
  pdf: (kind: PdfKind, ballotId?: number) => Promise<void>;
}

export function useActions(): Actions {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errorAt, setErrorAt] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const run = useCallback(async <K extends CommandName>(label: string, name: K, input: CommandInput<K>, at?: string): Promise<CommandOutput<K> | null> => {
    setBusy(label);
    setError(null);
    setErrorAt(null);
    setNotice(null);
    try {
      const r = await call(name, input);
      if (!r.ok) {
        setError(`${label}失败：${r.error.message}`);
        setErrorAt(at ?? null);
        return null;
      }
      return r.value;
    } finally {
      setBusy(null);
    }
  }, []);

  const pdf = useCallback(
    async (kind: PdfKind, ballotId?: number) => {
      const file = await run(`生成${PDF_LABELS[kind]}`, 'documents.pdf', ballotId === undefined ? { kind } : { kind, ballotId });
      if (file) {
        downloadBase64(file.fileName, file.mime, file.base64);
        setNotice(`已生成：${file.fileName}`);
      }
    },
    [run],
  );

  return { busy, error, errorAt, notice, clearError: () => setError(null), notify: setNotice, run, pdf };
}
