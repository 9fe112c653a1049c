// The stroke data behind 按姓氏笔画排序: cnchar with its order plugin (stroke names of each character
// in writing order, from the maintained cnchar data). The rule itself is domain/strokes.ts; this only
// looks characters up (cached) and sorts with it.
import cnchar from 'cnchar';
import order from 'cnchar-order';
import { compareByStrokes, sortByStrokes, type NameOrder, type StrokeNames } from '../domain/strokes';

cnchar.use(order);

const cache = new Map<string, readonly string[] | null>();

/** cnchar's stroke names for one character ("横", "竖钩", …), or null when it has none. */
export const strokeNames: StrokeNames = (ch) => {
  if (cache.has(ch)) return cache.get(ch)!;
  let names: readonly string[] | null = null;
  if (/^\p{Script=Han}$/u.test(ch)) {
    const found = (cnchar.stroke as (text: string, ...args: string[]) => unknown)(ch, 'order', 'name') as unknown;
    const first = Array.isArray(found) ? (found[0] as unknown) : null;
    if (Array.isArray(first) && first.length > 0 && first.every((n) => typeof n === 'string')) names = first as string[];
  }
  cache.set(ch, names);
  return names;
};

export const compareNamesByStrokes = (a: string, b: string): number => compareByStrokes(a, b, strokeNames);

/** The items in the order asked for: as given ('list'), or by the stroke order of their names. */
export function orderByName<T>(items: readonly T[], nameOf: (t: T) => string, nameOrder: NameOrder): T[] {
  return nameOrder === 'strokes' ? sortByStrokes(items, nameOf, strokeNames) : [...items];
}
