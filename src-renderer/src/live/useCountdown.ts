// Seconds left until an ISO time on the server's clock (null when there is no deadline).
import { useEffect, useState } from 'react';

const secondsLeft = (deadline: number, clockOffsetMs: number) =>
  Number.isFinite(deadline) ? Math.max(0, (deadline - (Date.now() + clockOffsetMs)) / 1000) : null;

export function useCountdown(closesAt: string | null | undefined, clockOffsetMs: number): number | null {
  const deadline = closesAt ? Date.parse(closesAt) : NaN;
  const [seconds, setSeconds] = useState<number | null>(() => secondsLeft(deadline, clockOffsetMs));
  useEffect(() => {
    setSeconds(secondsLeft(deadline, clockOffsetMs));
    if (!Number.isFinite(deadline)) return;
    const t = setInterval(() => setSeconds(secondsLeft(deadline, clockOffsetMs)), 250);
    return () => clearInterval(t);
  }, [deadline, clockOffsetMs]);
  return seconds;
}
