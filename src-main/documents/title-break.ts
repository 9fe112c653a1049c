// Breaking a title into lines as GB/T 9704-2012 7.3.1 asks: "回行时，要做到词意完整，排列对称，长短适宜，
// 间距恰当，标题排列应当使用梯形或菱形". Lines break only between words (Intl.Segmenter with Chinese word
// granularity, with the names of the bodies a congress document names kept whole and one-character
// words kept with their neighbours), in as few lines as fit, shaped as a trapezoid (each line longer or
// each shorter than the one before) or a diamond (longest in the middle), never an hourglass, rarely a
// rectangle; a committee's name before "关于" stands on its own line. Pure: widths come from `measure`.

const BODY = '人民代表大会常务委员会|人民代表大会|人大常委会|人民政府|人民法院|人民检察院|监察委员会';

/** Names and phrases kept whole on one line. */
const COMPOUNDS: RegExp[] = [
  // the level with the body: "区第二届人民代表大会常务委员会", "区人民政府" (the one-character 区 stays
  // with the name before it, see titleTokens)
  new RegExp(`[区县市旗](?:第[一二三四五六七八九十]+届)?(?:${BODY})`, 'g'),
  new RegExp(`(?:${BODY}|常务委员会|委员会|办公室|满意度测评|称职测评|审议意见|办理情况|执行情况)`, 'g'),
  /第[一二三四五六七八九十百零\d]+(?:次会议|[届次条章项])/g,
  /\d+年(?:\d+月)?(?:\d+日)?/g,
];

export interface TitleToken {
  text: string;
  /** A line may start with this token. */
  breakBefore: boolean;
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });

const NO_START = new Set(Array.from('，。、；：？！）》」』〕】〉”’…·%'));
const NO_END = new Set(Array.from('（《「『〔【〈“‘'));

/** The title's words, merged so that a break between two tokens never splits a word or a name. */
export function titleTokens(text: string): TitleToken[] {
  const segs = [...segmenter.segment(text)].map((s) => ({ text: s.segment, start: s.index }));
  // character offsets inside a compound: no break there
  const inside = new Set<number>();
  const starts = new Set<number>();
  for (const re of COMPOUNDS) {
    for (const m of text.matchAll(re)) {
      if (!/^[区县市旗]/.test(m[0])) starts.add(m.index!);
      for (let k = m.index! + 1; k < m.index! + m[0].length; k++) inside.add(k);
    }
  }
  const tokens: TitleToken[] = [];
  segs.forEach((s, i) => {
    const prev = segs[i - 1];
    let breakable = i > 0 && !inside.has(s.start);
    if (breakable && (NO_START.has(s.text[0]!) || NO_END.has(prev!.text.at(-1)!))) breakable = false;
    // a one-character word stays with the word before it ("委员|会", "区|级", "报告|的"): no line starts with 的
    if (breakable && Array.from(s.text).length === 1 && !starts.has(s.start)) breakable = false;
    if (breakable && /^\d/.test(s.text) && /\d$/.test(prev!.text)) breakable = false;
    if (breakable) tokens.push({ text: s.text, breakBefore: true });
    else if (tokens.length) tokens[tokens.length - 1]!.text += s.text;
    else tokens.push({ text: s.text, breakBefore: false });
  });
  return tokens;
}

/** Shape of line widths: trapezoid or diamond is fine; an hourglass (a line shorter than both neighbours) is not. */
function hourglass(widths: number[]): boolean {
  for (let i = 1; i < widths.length - 1; i++) if (widths[i]! < widths[i - 1]! - 0.01 && widths[i]! < widths[i + 1]! - 0.01) return true;
  // a diamond rises then falls: once shorter, never longer again
  let falling = false;
  for (let i = 1; i < widths.length; i++) {
    if (widths[i]! < widths[i - 1]! - 0.01) falling = true;
    else if (falling && widths[i]! > widths[i - 1]! + 0.01) return true;
  }
  return false;
}

const COMMITTEE_BEFORE_GUANYU = /^(.+?常务委员会)(?=关于)/;

/**
 * The lines of a title (no "\n" inside): as few as fit `width`, broken between words, in the best
 * trapezoid or diamond shape. A title longer than one line that starts with a committee's name
 * followed by "关于" puts the name on a line of its own. Returns null when a single word is wider
 * than the line (the caller then breaks by characters).
 */
export function titleLines(text: string, width: number, measure: (t: string) => number, cell: number): string[] | null {
  if (measure(text) <= width + 0.01) return [text];
  const committee = COMMITTEE_BEFORE_GUANYU.exec(text);
  if (committee && measure(committee[1]!) <= width + 0.01) {
    const rest = titleLines(text.slice(committee[1]!.length), width, measure, cell);
    return rest ? [committee[1]!, ...rest] : null;
  }
  const tokens = titleTokens(text);
  const widths = tokens.map((t) => measure(t.text));
  if (widths.some((w) => w > width + 0.01)) return null;
  const total = widths.reduce((a, w) => a + w, 0);
  for (let n = Math.max(2, Math.ceil(total / width)); n <= tokens.length; n++) {
    const best = bestPartition(tokens, widths, n, width, cell);
    if (best) return best;
  }
  return null;
}

function bestPartition(tokens: TitleToken[], widths: number[], n: number, width: number, cell: number): string[] | null {
  const k = tokens.length;
  let best: { cost: number; cuts: number[] } | null = null;
  const prefix = [0];
  for (const w of widths) prefix.push(prefix.at(-1)! + w);
  const lineWidth = (a: number, b: number) => prefix[b]! - prefix[a]!;
  const mean = prefix[k]! / n;
  const cuts: number[] = [];
  const walk = (from: number, left: number): void => {
    if (left === 1) {
      if (lineWidth(from, k) > width + 0.01) return;
      const bounds = [0, ...cuts, k];
      const lens = bounds.slice(1).map((b, i) => lineWidth(bounds[i]!, b));
      if (hourglass(lens)) return;
      let cost = lens.reduce((a, l) => a + ((l - mean) / cell) ** 2, 0);
      if (lens.every((l) => Math.abs(l - lens[0]!) < 0.01)) cost += 2; // a rectangle: allowed, not preferred
      for (const c of cuts) if (tokens[c]!.text.startsWith('关于')) cost -= 6; // "…的 / 关于…" reads best
      if (!best || cost < best.cost - 1e-9) best = { cost, cuts: [...cuts] };
      return;
    }
    for (let c = from + 1; c <= k - left + 1; c++) {
      if (lineWidth(from, c) > width + 0.01) break;
      if (!tokens[c]!.breakBefore) continue;
      cuts.push(c);
      walk(c, left - 1);
      cuts.pop();
    }
  };
  walk(0, n);
  if (!best) return null;
  const bounds = [0, ...(best as { cuts: number[] }).cuts, k];
  return bounds.slice(1).map((b, i) => tokens.slice(bounds[i]!, b).map((t) => t.text).join(''));
}
