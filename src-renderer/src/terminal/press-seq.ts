// pressSeq for terminal.vote: a counter that increases with every press on this terminal, kept in
// localStorage per ballot so a reload never reuses a number. It is a counter, not a clock: the server
// compares it only with this terminal's own earlier presses (another tablet of the same member has
// its own token and its own count), so nothing about when a member pressed is sent or kept.
const PREFIX = 'yishi.pressSeq.';

export function nextPressSeq(ballotId: number): number {
  const key = `${PREFIX}${ballotId}`;
  let last = 0;
  try {
    last = Number(localStorage.getItem(key)) || 0;
  } catch {
    /* no storage */
  }
  const seq = last + 1;
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
