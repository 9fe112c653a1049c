// The marks a member has made on the sheet in focus, kept in this tab (sessionStorage) until the
// sheet is submitted, so a reload or a reconnect does not lose 35 marks. Nothing leaves the device.

const key = (assessmentId: number) => `yishi.sheet.${assessmentId}`;

export function loadDraft(assessmentId: number, length: number): (number | null)[] {
  try {
    const raw = sessionStorage.getItem(key(assessmentId));
    const parsed = raw ? (JSON.parse(raw) as unknown) : null;
    if (Array.isArray(parsed) && parsed.length === length && parsed.every((m) => m === null || Number.isInteger(m))) return parsed as (number | null)[];
  } catch {
    /* a damaged draft starts over */
  }
  return new Array<number | null>(length).fill(null);
}

export function saveDraft(assessmentId: number, marks: (number | null)[]): void {
  try {
    sessionStorage.setItem(key(assessmentId), JSON.stringify(marks));
  } catch {
    /* storage full or disabled: the marks stay in memory */
  }
}

export function clearDraft(assessmentId: number): void {
  try {
    sessionStorage.removeItem(key(assessmentId));
  } catch {
    /* ignore */
  }
}
