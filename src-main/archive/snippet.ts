// The piece of a long text around the first searched word, for a result line: found the way the
// index finds it (punctuation ignored, Latin letters in any case), shown as it was written.
import { ARCHIVE_STRIPPED } from '../store/migrations/007-archive';

export interface Snippet {
  before: string;
  match: string;
  after: string;
}

const STRIPPED = new Set(ARCHIVE_STRIPPED);
const LEAD = 24;
const WIDTH = 90;

export function snippetOf(text: string, words: readonly string[]): Snippet {
  // compact: the text without the characters the index ignores; at[i]: where its i-th code unit starts.
  let compact = '';
  const at: number[] = [];
  let offset = 0;
  for (const ch of text) {
    if (!STRIPPED.has(ch)) {
      for (let k = 0; k < ch.length; k++) at.push(offset + k);
      compact += ch;
    }
    offset += ch.length;
  }
  const lower = compact.toLowerCase();
  for (const w of words) {
    const needle = Array.from(w)
      .filter((c) => !STRIPPED.has(c))
      .join('')
      .toLowerCase();
    if (!needle) continue;
    const i = lower.indexOf(needle);
    if (i < 0) continue;
    const start = at[i]!;
    const end = at[i + needle.length - 1]! + 1;
    const from = Math.max(0, start - LEAD);
    const to = Math.min(text.length, Math.max(end, from + WIDTH));
    return { before: (from > 0 ? '…' : '') + text.slice(from, start), match: text.slice(start, end), after: text.slice(end, to) + (to < text.length ? '…' : '') };
  }
  return { before: text.length > WIDTH ? `${text.slice(0, WIDTH)}…` : text, match: '', after: '' };
}
