// pressSeq for terminal.vote: a counter, not a clock. It increases by one with every press on this
// terminal and is kept in localStorage per ballot, so a reload never reuses a number. The server
// compares it only with the last press of the same terminal (a member who moves to another tablet
// presses there with that tablet's own counter), and a secret ballot keeps it inside the sealed
// receipt: nothing on the tablet or the server learns when anyone pressed.
const PREFIX = 'yishi.pressSeq.';

/** The next pressSeq for this ballot on this terminal (the second argument is no longer used). */
export function nextPressSeq(ballotId: number, _clockOffsetMs?: number): number {
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
