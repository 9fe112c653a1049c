// What the secretary types into the archive's search box, as an FTS5 query over the bigram index
// of migration 007: words are split at spaces, punctuation is dropped the way the index drops it, a
// word of two or more characters is the phrase of its character pairs, a single character a prefix.
// Every word must match (AND). "第十六次会议" is also looked for as "第16次会议", the form the index
// keeps session numbers in.
import { ARCHIVE_STRIPPED } from '../store/migrations/007-archive';

export const MAX_QUERY_WORDS = 8;

const STRIPPED = new Set(ARCHIVE_STRIPPED);

/** A word as the index sees it: punctuation removed, characters (code points) kept in order. */
function indexChars(word: string): string[] {
  return Array.from(word).filter((c) => !STRIPPED.has(c));
}

/** Whether FTS5's unicode61 tokenizer keeps anything of this text (letters or digits). */
const hasTokenChars = (chars: string[]) => chars.some((c) => /[\p{L}\p{N}]/u.test(c));

const DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "十六" → 16, "一百零五" → 105, "二〇二六" → 2026; null when it is not a numeral. */
export function parseChineseNumeral(text: string): number | null {
  if (!text || ![...text].every((c) => c in DIGITS || c in UNITS)) return null;
  if (![...text].some((c) => c in UNITS)) return Number([...text].map((c) => DIGITS[c]).join(''));
  let total = 0;
  let digit: number | null = null;
  for (const c of text) {
    if (c in DIGITS) digit = DIGITS[c]!;
    else {
      total += (digit ?? 1) * UNITS[c]!;
      digit = null;
    }
  }
  return total + (digit ?? 0);
}

/** "第十六次会议" → "第16次会议" (届, 次, 号, 项, 条); null when nothing changes. */
export function arabicOrdinals(word: string): string | null {
  const out = word.replace(/第([〇零一二两三四五六七八九十百千]+)(届|次|号|项|条)/g, (all, n: string, unit: string) => {
    const v = parseChineseNumeral(n);
    return v === null ? all : `第${v}${unit}`;
  });
  return out === word ? null : out;
}

function wordQuery(word: string): string | null {
  const chars = indexChars(word);
  if (!hasTokenChars(chars)) return null;
  if (chars.length === 1) return `"${chars[0]}"*`;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return `"${pairs.join(' ')}"`;
}

/** The FTS5 MATCH expression for a search text, or null when it holds no word to look for. */
export function archiveMatch(text: string): string | null {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
  const parts: string[] = [];
  for (const w of words) {
    const plain = wordQuery(w);
    if (plain === null) continue;
    const alt = arabicOrdinals(w);
    const other = alt === null ? null : wordQuery(alt);
    parts.push(other === null || other === plain ? plain : `(${plain} OR ${other})`);
  }
  return parts.length > 0 ? parts.join(' AND ') : null;
}

/** The words of a search, as a person reads them (for highlighting in results). */
export function searchWords(text: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS);
  return words.flatMap((w) => [w, arabicOrdinals(w)].filter((x): x is string => x !== null));
}
