// Reading one cell as text, integer or date, the way people type them into Excel or WPS.
import type { Cell } from './decode';

/** Text of a cell, trimmed (also full-width spaces). Dates come out as YYYY-MM-DD. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return isoFromDate(c) ?? '';
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  return c.replace(/[\u200b\ufeff]/g, '').trim();
}

/** Names: "谭　云" (padded to line up with three-character names) is "谭云". */
export function personName(c: Cell | undefined): string {
  return cellText(c).replace(/(?<=[\u3400-\u9fff])[\s\u3000]+(?=[\u3400-\u9fff])/g, '');
}

/** Header text compared without spaces, a trailing required-mark or a parenthesised hint. */
export function headerKey(c: Cell | undefined): string {
  return cellText(c)
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（(][^（()）]*[)）]$/, '')
    .replace(/[*＊]+$/, '')
    .replace(/^[*＊]+/, '');
}

export type Parsed<T> = { ok: true; value: T } | { ok: false };

/** A whole number in [min, max]: "12", "１２", " 12 ", or an integral number cell. */
export function parseInteger(c: Cell | undefined, min: number, max: number): Parsed<number> {
  let n: number;
  if (typeof c === 'number') n = c;
  else {
    const t = cellText(c).normalize('NFKC');
    if (!/^[+]?\d{1,9}$/.test(t)) return { ok: false };
    n = Number(t);
  }
  return Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: n } : { ok: false };
}

function isoFromParts(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** exceljs hands dates over as UTC midnight of the calendar day. */
function isoFromDate(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Excel's serial day number (1900 system; 25569 is 1970-01-01). */
function isoFromSerial(n: number): string | null {
  if (!Number.isFinite(n) || n < 1 || n > 2958465) return null;
  return isoFromDate(new Date(Math.round((Math.floor(n) - 25569) * 86400000)));
}

/**
 * A date as YYYY-MM-DD. Accepts 2026-09-22, 2026/9/22, 2026.9.22, 2026年9月22日, 20260922, an
 * Excel date cell, and an Excel serial number in an XLSX cell. Empty -> null.
 */
export function parseDate(c: Cell | undefined): Parsed<string | null> {
  if (c instanceof Date) {
    const iso = isoFromDate(c);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  if (typeof c === 'number') {
    const iso = isoFromSerial(c);
    return iso ? { ok: true, value: iso } : { ok: false };
  }
  const t = cellText(c).normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return { ok: true, value: null };
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  const iso = m ? isoFromParts(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  return iso ? { ok: true, value: iso } : { ok: false };
}

/** YYYY-MM-DD -> the Date exceljs writes as that calendar day. */
export function dateCell(iso: string | null): Date | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
