// 按姓氏笔画排序: the order official lists use (GB13000.1 字符集汉字字序（笔画序）规范, as offices
// apply it to names).
//
// Rule:
// - Names are compared character by character (姓名笔画: a single-character given name is not padded
//   with a blank, as people's congresses order their lists); a name that is a prefix of another comes first.
// - Two characters: fewer strokes first; with the same count, the stroke shapes in writing order,
//   first stroke first, by the five main shapes 横(1) 竖(2) 撇(3) 点(4) 折(5); 提 counts as 横, 竖钩
//   as 竖, 捺 as 点, and every other stroke with a turn or hook (横折, 竖弯钩, 撇点…) as 折.
// - Same count and same shapes: the main shape before its subsidiary one (横 before 提, 竖 before
//   竖钩, 点 before 捺), stroke by stroke; then by code point, so the order is always total.
// - A character the stroke data does not know (Latin letters, rare characters) comes after every
//   known one at that position, by code point.
// The stroke data is a parameter (domain/ imports no data library): for a character, the names of
// its strokes in writing order ("横", "竖钩", "横折折折钩|横撇弯钩" — alternatives after "|"), or null.

export type StrokeNames = (ch: string) => readonly string[] | null;

export const STROKE_CLASS_LABELS = ['横', '竖', '撇', '点', '折'] as const;

/** The main shapes and the plain strokes that count as them (the subsidiary shapes). */
const PLAIN: ReadonlyMap<string, { cls: number; subsidiary: boolean }> = new Map([
  ['横', { cls: 1, subsidiary: false }],
  ['提', { cls: 1, subsidiary: true }],
  ['竖', { cls: 2, subsidiary: false }],
  ['竖钩', { cls: 2, subsidiary: true }],
  ['撇', { cls: 3, subsidiary: false }],
  ['点', { cls: 4, subsidiary: false }],
  ['捺', { cls: 4, subsidiary: true }],
]);

/** "横撇|横钩" → "横撇"; "点2" (a data variant of 点) → "点". */
const plainName = (name: string): string => name.split('|')[0]!.trim().replace(/\d+$/, '');

/** 1 横, 2 竖, 3 撇, 4 点, 5 折, for one stroke name (the first of "a|b" alternatives decides). */
export function strokeClass(name: string): number {
  return PLAIN.get(plainName(name))?.cls ?? 5;
}

function isSubsidiary(name: string): boolean {
  const p = PLAIN.get(plainName(name));
  return p ? p.subsidiary : plainName(name) !== '折';
}

/** The shape code of a character, e.g. 王 → "1121"; null when the data does not know it. */
export function strokeCode(ch: string, data: StrokeNames): string | null {
  const names = data(ch);
  return names && names.length > 0 ? names.map(strokeClass).join('') : null;
}

function compareChars(a: string, b: string, data: StrokeNames): number {
  if (a === b) return 0;
  const na = data(a);
  const nb = data(b);
  const ka = na && na.length > 0;
  const kb = nb && nb.length > 0;
  if (!ka || !kb) return ka ? -1 : kb ? 1 : a.codePointAt(0)! - b.codePointAt(0)!;
  if (na.length !== nb.length) return na.length - nb.length;
  for (let i = 0; i < na.length; i++) {
    const d = strokeClass(na[i]!) - strokeClass(nb[i]!);
    if (d !== 0) return d;
  }
  for (let i = 0; i < na.length; i++) {
    const d = Number(isSubsidiary(na[i]!)) - Number(isSubsidiary(nb[i]!));
    if (d !== 0) return d;
  }
  return a.codePointAt(0)! - b.codePointAt(0)!;
}

/** Negative when name a comes first in stroke order. Spaces (e.g. "谭　云") are ignored. */
export function compareByStrokes(a: string, b: string, data: StrokeNames): number {
  const ca = Array.from(a.replace(/[\s\u3000]+/g, ''));
  const cb = Array.from(b.replace(/[\s\u3000]+/g, ''));
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = compareChars(ca[i]!, cb[i]!, data);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

/** A stable sort by the name each item carries. */
export function sortByStrokes<T>(items: readonly T[], nameOf: (t: T) => string, data: StrokeNames): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((x, y) => compareByStrokes(nameOf(x.item), nameOf(y.item), data) || x.i - y.i)
    .map((x) => x.item);
}

/** How a name list is ordered: as the list keeps it (序号 / the sheet), or by surname strokes. */
export const NAME_ORDERS = ['list', 'strokes'] as const;
export type NameOrder = (typeof NAME_ORDERS)[number];
export const NAME_ORDER_LABELS: Record<NameOrder, string> = { list: '按名单顺序', strokes: '按姓氏笔画' };
