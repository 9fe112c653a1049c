// Chinese line breaking on a character grid. Text is cut into units: a wide (full-width) character
// takes one grid cell ("——" and "……" take two and never split), a run of narrow characters (digits,
// Latin) stays together and takes its real width, a space is a break opportunity. Lines are filled
// greedily; then the rules of GB/T 15834 apply: closing punctuation never starts a line and opening
// brackets never end one (the characters before are pulled down to the next line, the line is
// justified); only when that is impossible does a closing mark hang past the right edge.

import { titleLines } from './title-break';

export type UnitKind = 'wide' | 'narrow' | 'space';

export interface Unit {
  text: string;
  kind: UnitKind;
  /** Grid cells of a wide unit (1, or 2 for —— and ……); 0 otherwise. */
  cells: number;
  /** Width in points. */
  width: number;
  /** May not begin a line (closing punctuation). */
  noStart: boolean;
  /** May not end a line (opening brackets and quotes). */
  noEnd: boolean;
}

export interface TokenizeOptions {
  /** Width of one grid cell in points (the character pitch; for natural spacing, the font size). */
  cell: number;
  /** Font size in points (decides whether a punctuation mark is full-width). */
  size: number;
  /** Width in points of a string at `size`. */
  measure: (text: string) => number;
  /** Longest line: a narrow run wider than this is cut into pieces. */
  maxWidth?: number;
}

export interface BrokenLine {
  units: Unit[];
  /** Natural width in points (without justification). */
  width: number;
  /** Last line of a paragraph (or before a forced break): not justified. */
  last: boolean;
}

export interface PlacedUnit {
  unit: Unit;
  /** Offset from the line's start, in points. */
  x: number;
}

export type LineAlign = 'justify' | 'left' | 'center' | 'right';

const CLOSING = '，。、；：？！）》」』〕】〉〗｝］〙〛”’…·・～％‰℃．｡､々ゝゞ〃,.;:?!)]}%';
const OPENING = '（《「『〔【〈〖｛［〘〚“‘([{';
export const NO_LINE_START = new Set(Array.from(CLOSING));
export const NO_LINE_END = new Set(Array.from(OPENING));
const PAIRED = new Set(['—', '…']);

function isWideRange(cp: number): boolean {
  if (cp >= 0xff61 && cp <= 0xffdc) return false; // half-width katakana and hangul
  if (cp >= 0xffe8 && cp <= 0xffee) return false; // half-width symbols
  return cp >= 0x2e80;
}

/** Cuts text (no line breaks) into layout units. */
export function tokenize(text: string, opts: TokenizeOptions): Unit[] {
  const chars = Array.from(text);
  const units: Unit[] = [];
  const wideCache = new Map<string, boolean>();
  const isWide = (ch: string): boolean => {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x2000) return false;
    if (isWideRange(cp)) return true;
    let w = wideCache.get(ch);
    if (w === undefined) wideCache.set(ch, (w = opts.measure(ch) >= 0.75 * opts.size));
    return w;
  };
  let run = '';
  const flushRun = (): void => {
    if (!run) return;
    const pieces = splitRun(run, opts);
    for (const p of pieces) {
      const first = Array.from(p)[0]!;
      const last = Array.from(p).at(-1)!;
      units.push({ text: p, kind: 'narrow', cells: 0, width: opts.measure(p), noStart: NO_LINE_START.has(first), noEnd: NO_LINE_END.has(last) });
    }
    run = '';
  };
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ' || ch === '\t') {
      flushRun();
      const prev = units.at(-1);
      if (prev?.kind !== 'space') units.push({ text: ' ', kind: 'space', cells: 0, width: opts.measure(' '), noStart: false, noEnd: false });
      continue;
    }
    if (!isWide(ch)) {
      run += ch;
      continue;
    }
    flushRun();
    if (PAIRED.has(ch) && chars[i + 1] === ch) {
      units.push({ text: ch + ch, kind: 'wide', cells: 2, width: 2 * opts.cell, noStart: ch === '…', noEnd: false });
      i++;
      continue;
    }
    units.push({ text: ch, kind: 'wide', cells: 1, width: opts.cell, noStart: NO_LINE_START.has(ch), noEnd: NO_LINE_END.has(ch) });
  }
  flushRun();
  return units;
}

/** A narrow run wider than a line is cut into pieces that fit. */
function splitRun(run: string, opts: TokenizeOptions): string[] {
  if (!opts.maxWidth || opts.measure(run) <= opts.maxWidth) return [run];
  const pieces: string[] = [];
  let cur = '';
  for (const ch of Array.from(run)) {
    if (cur && opts.measure(cur + ch) > opts.maxWidth) {
      pieces.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) pieces.push(cur);
  return pieces;
}

const EPS = 0.01;
/** How many units may be pulled down to the next line to satisfy the punctuation rules. */
const MAX_PULL = 4;

/** Whether a line may break between units b − 1 and b (GB/T 15834: no closing mark first, no opening one last). */
export function canBreakBefore(units: Unit[], b: number): boolean {
  const next = units[b]!;
  const prev = units[b - 1]!;
  if (next.kind === 'space' || prev.kind === 'space') return true;
  return !next.noStart && !prev.noEnd;
}

function trimSpaces(units: Unit[]): Unit[] {
  let s = 0;
  let e = units.length;
  while (s < e && units[s]!.kind === 'space') s++;
  while (e > s && units[e - 1]!.kind === 'space') e--;
  return units.slice(s, e);
}

function sumWidth(units: Unit[]): number {
  return units.reduce((a, u) => a + u.width, 0);
}

/** Breaks units into lines; lineWidth(i) is the width available to line i (0-based). */
export function breakLines(units: Unit[], lineWidth: (index: number) => number): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let i = 0;
  while (i < units.length) {
    while (i < units.length && units[i]!.kind === 'space') i++;
    if (i >= units.length) break;
    const start = i;
    const max = lineWidth(lines.length);
    let w = 0;
    while (i < units.length && w + units[i]!.width <= max + EPS) w += units[i++]!.width;
    if (i === start) i = start + 1; // a unit wider than the line: it gets a line of its own
    let b = i;
    if (b < units.length && !canBreakBefore(units, b)) {
      let pulled = b - 1;
      while (pulled > start && b - pulled <= MAX_PULL && !canBreakBefore(units, pulled)) pulled--;
      if (pulled > start && canBreakBefore(units, pulled)) b = pulled;
      else while (b < units.length && units[b]!.noStart) b++; // cannot pull: closing marks hang past the edge
    }
    const lineUnits = trimSpaces(units.slice(start, b));
    lines.push({ units: lineUnits, width: sumWidth(lineUnits), last: b >= units.length });
    i = b;
  }
  return lines;
}

/**
 * Wraps text with "\n" as forced breaks; the first line gets `first` points, the others `rest`. A
 * narrow run wider than a line (a long web address, a row of digits) is cut to the narrower of the
 * two, so a piece that lands on an indented first line stays inside the type area too.
 */
export function wrapText(text: string, opts: TokenizeOptions, first: number, rest: number): BrokenLine[] {
  const out: BrokenLine[] = [];
  for (const part of text.split('\n')) {
    const units = tokenize(part, { ...opts, maxWidth: opts.maxWidth ?? Math.min(first, rest) });
    const lines = breakLines(units, (i) => (out.length === 0 && i === 0 ? first : rest));
    if (lines.length === 0) out.push({ units: [], width: 0, last: true });
    else out.push(...lines);
  }
  return out;
}

/**
 * Wraps centred text (titles, subtitles) per GB/T 9704 7.3.1 (see title-break.ts): lines broken only
 * between words, as few as fit, in a trapezoid or diamond shape, a committee's name before "关于" on a
 * line of its own. "\n" forces a break. Where one word is wider than the line, lines are balanced by
 * characters instead.
 */
export function wrapBalanced(text: string, opts: TokenizeOptions, width: number): BrokenLine[] {
  const out: BrokenLine[] = [];
  const measure = (t: string) => sumWidth(tokenize(t, { ...opts, maxWidth: undefined }));
  for (const part of text.split('\n')) {
    const byWords = titleLines(part, width, measure, opts.cell);
    if (byWords) {
      for (const line of byWords) {
        const units = trimSpaces(tokenize(line, { ...opts, maxWidth: width }));
        out.push({ units, width: sumWidth(units), last: true });
      }
      continue;
    }
    const units = tokenize(part, { ...opts, maxWidth: opts.maxWidth ?? width });
    const greedy = breakLines(units, () => width);
    if (greedy.length <= 1) {
      out.push(...(greedy.length ? greedy : [{ units: [], width: 0, last: true }]));
      continue;
    }
    const total = sumWidth(units);
    let best = greedy;
    for (let w = Math.ceil(total / greedy.length / opts.cell) * opts.cell; best === greedy && w < width; w += opts.cell) {
      const trial = breakLines(units, () => w);
      if (trial.length === greedy.length) best = trial;
    }
    out.push(...best.map((l) => ({ ...l, last: true })));
  }
  return out;
}

/** Positions the units of a line within `width`: justified lines spread the slack over the gaps. */
export function placeLine(line: BrokenLine, width: number, align: LineAlign): PlacedUnit[] {
  const n = line.units.length;
  const slack = width - line.width;
  let start = 0;
  let gap = 0;
  if (align === 'justify' && !line.last && n > 1 && slack > 0) gap = slack / (n - 1);
  else if (align === 'center') start = slack / 2;
  else if (align === 'right') start = slack;
  const placed: PlacedUnit[] = [];
  let x = start;
  for (const unit of line.units) {
    placed.push({ unit, x });
    x += unit.width + gap;
  }
  return placed;
}
