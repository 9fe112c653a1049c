// Walks a zod 4 schema (the edge schemas of the command map) to its leaves: each enum, literal and
// string with where it is ("agenda.add.details.persons[].name"). For the guards that every choice has
// its Chinese words (enum-refusals) and every stored text is asked the fonts (unprintable-texts).
import type { z } from 'zod';

export interface SchemaLeaf {
  at: string;
  type: 'enum' | 'literal' | 'string';
  /** The choices of an enum or literal. */
  values: unknown[];
}

export function schemaLeaves(schema: z.ZodType, at = '', out: SchemaLeaf[] = [], seen = new Set<unknown>()): SchemaLeaf[] {
  if (!schema || seen.has(schema)) return out;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  const walk = (s: unknown, where = at) => void (s && schemaLeaves(s as z.ZodType, where, out, seen));
  switch (def.type) {
    case 'enum':
      out.push({ at, type: 'enum', values: Object.values(def.entries) });
      break;
    case 'literal':
      out.push({ at, type: 'literal', values: def.values });
      break;
    case 'string':
      out.push({ at, type: 'string', values: [] });
      break;
    case 'object':
      for (const [k, v] of Object.entries(def.shape)) walk(v, `${at}.${k}`);
      break;
    case 'array':
      walk(def.element, `${at}[]`);
      break;
    case 'union':
      for (const o of def.options) walk(o);
      break;
    case 'pipe':
      walk(def.in);
      walk(def.out);
      break;
    case 'record':
      walk(def.keyType);
      walk(def.valueType, `${at}{}`);
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'lazy':
      walk(def.getter());
      break;
    default:
      walk(def.innerType);
  }
  return out;
}
