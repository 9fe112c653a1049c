// Every text a command stores for the documents — a name, a title, an agenda item, a remark, an
// opinion's paragraph, a resolution, a group's name, a place, a subject, a candidate, a reason — is
// asked the documents' fonts where it is entered (CommandDef.printed, checked by dispatch.ts after the
// schema), not when a document is printed mid-session. One rule: documents/coverage.ts, the chains the
// PDF renderer prints with, each character looked up once per process.
import { unprintableCharacter } from '../documents/coverage';

/** Keys whose strings are not printed: a file's contents (base64) and a file's own name. */
const NOT_PRINTED = new Set(['data', 'fileName', 'mime']);

export interface Unprintable {
  path: (string | number)[];
  character: string;
  codePoint: string;
}

/** The first string in a command's input (objects, arrays) holding a character no document can print, with its place. */
export function unprintableText(value: unknown, path: (string | number)[] = []): Unprintable | null {
  if (typeof value === 'string') {
    const u = unprintableCharacter(value);
    return u ? { path, character: u.character, codePoint: u.codePoint } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const u = unprintableText(value[i], [...path, i]);
      if (u) return u;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (NOT_PRINTED.has(k)) continue;
      const u = unprintableText(v, [...path, k]);
      if (u) return u;
    }
  }
  return null;
}
