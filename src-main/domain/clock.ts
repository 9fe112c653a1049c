// A time of day as every face and every document says it: "09:32", in Beijing time (UTC+8; China has
// kept no daylight saving since 1991), whatever clock the device or the server showing it is set to. The
// console's lists (decisions undone, the speaker queue, sign-ins, oaths, voided attempts) and the
// documents (会议记录, 表决结果, 签到表…) format an instant with this one function, so the same instant
// reads the same on screen and on paper.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

const pad = (n: number) => String(n).padStart(2, '0');

/** "09:32" (with `seconds`, "09:32:07"): the Beijing time of day of an ISO instant ('' for none or an unreadable one). */
export function clockTime(iso: string | null, seconds = false): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return '';
  const d = new Date(t + BEIJING_OFFSET_MS);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(d.getUTCSeconds())}` : ''}`;
}

/** The ISO instant of a Beijing time of day (HH:MM) on a day (YYYY-MM-DD), as typed in the console; null if unreadable. */
export function beijingInstant(day: string, time: string): string | null {
  const d = new Date(`${day}T${time}:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
