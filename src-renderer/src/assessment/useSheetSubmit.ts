// The submit step shared by the terminal's sheets: a confirmation, then the answer of the server.
import { useState } from 'react';

export function useSheetSubmit(onSubmit: (marks: (number | null)[]) => Promise<string | null>) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm(marks: (number | null)[]) {
    setError(null);
    const message = await onSubmit(marks);
    if (message) setError(message);
    setConfirming(false);
  }
  return { confirming, setConfirming, error, confirm };
}
