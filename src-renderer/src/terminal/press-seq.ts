// pressSeq for terminal.vote: increases with every press on this terminal, kept in localStorage per
// ballot so a reload never reuses a number. It never falls below the server's clock in seconds, so a
// member who moves to another tablet mid-ballot still presses "later" than before.
const PREFIX = 'yishi.pressSeq.';
const EPOCH_MS = Date.UTC(2025, 0, 1);

export function nextPressSeq(ballotId: number, clockOffsetMs: number): number {
  const key = `${PREFIX}${ballotId}`;
  let last = 0;
  try {
    last = Number(localStorage.getItem(key)) || 0;
  } catch {
    /* no storage */
  }
  const floor = Math.max(1, Math.floor((Date.now() + clockOffsetMs - EPOCH_MS) / 1000));
  const seq = Math.max(last + 1, floor);
  try {
    localStorage.setItem(key, String(seq));
    pruneOld(ballotId);
  } catch {
    /* no storage */
  }
  return seq;
}

/** Keeps the last few ballots only. */
function pruneOld(currentId: number): void {
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const k = localStorage.key(i);
    if (k?.startsWith(PREFIX) && Number(k.slice(PREFIX.length)) < currentId - 50) localStorage.removeItem(k);
  }
}
