// Seconds left until an ISO time on the server's clock (null when there is no deadline).
import { useEffect, useState } from 'react';

export function useCountdown(closesAt: string | null | undefined, clockOffsetMs: number): number | null {
  const deadline = closesAt ? Date.parse(closesAt) : NaN;
  const left = () => (Number.isFinite(deadline) ? Math.max(0, (deadline - (Date.now() + clockOffsetMs)) / 1000) : null);
  const [seconds, setSeconds] = useState<number | null>(left);
  useEffect(() => {
    setSeconds(left());
    if (!Number.isFinite(deadline)) return;
    const t = setInterval(() => setSeconds(left()), 250);
    return () => clearInterval(t);
  }, [deadline, clockOffsetMs]);
  return seconds;
}
