// What a text a user types may be written with — a title, a subject, a remark, an opinion, an agenda
// item, a material's name: everything that ends up on a screen or in a document. One rule for all of
// them (person names are the same rule, people.ts): no control characters, direction overrides and
// marks (they turn the text around them on screen and in print), halves of a character (an unpaired
// surrogate), noncharacters, and the replacement character a wrong encoding leaves behind. A text of
// several lines keeps its line breaks and tabs.
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_A_LINE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffd-\uffff]|\p{Cs}/u;
// The same, with tab, line feed and carriage return allowed.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffd-\uffff]|\p{Cs}/u;

export const TEXT_PROBLEM = '含有控制字符、方向控制符或无法识别的字符（常见于从其他软件复制或编码有误的文字），请删去这些字符后重新输入';

/** Whether a text of one line (a title, a name, a subject) holds a character no such text is written with. */
export function lineHasForeignCharacters(text: string): boolean {
  return NOT_IN_A_LINE.test(text);
}

/** Whether a text of several lines (a remark, an opinion's paragraph, notes) holds one; line breaks and tabs are fine. */
export function linesHaveForeignCharacters(text: string): boolean {
  return NOT_IN_LINES.test(text);
}

/** The first `max` characters of a text, never half of one (a character beyond the BMP is two UTF-16 units). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Why a typed text cannot be taken as written (a Chinese sentence), or null when it can. */
export function textProblem(text: string, lines: 'one line' | 'lines' = 'one line'): string | null {
  return (lines === 'lines' ? linesHaveForeignCharacters(text) : lineHasForeignCharacters(text)) ? TEXT_PROBLEM : null;
}

/** The text rule as a zod refinement, for a schema that is not trimmed or not a plain text of its own. */
export function textRule(lines: 'one line' | 'lines' = 'one line') {
  return (t: string, ctx: z.RefinementCtx<string>) => {
    const problem = textProblem(t, lines);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  };
}

/**
 * A string whose absence is asked for in the words of `required` (a reason left out is asked for as a
 * blank one is: "请填写理由", never zod's "期望 string，实际接收 undefined"); any other wrong type keeps
 * zod's own message.
 */
function askedString(required?: string) {
  return required === undefined ? z.string() : z.string({ error: (issue) => (issue.input === undefined ? required : undefined) });
}

/**
 * The edge schema of a typed text of one line: trimmed, at most `max` characters, under the text rule;
 * `required` is the message when it is empty or left out (else empty is allowed).
 */
export function lineText(max: number, required?: string) {
  const s = askedString(required).trim().max(max);
  return (required === undefined ? s : s.min(1, required)).superRefine(textRule('one line'));
}

/** The edge schema of a typed text of several lines: as `lineText`, line breaks and tabs kept. */
export function linesText(max: number, required?: string, maxMessage?: string) {
  const s = askedString(required).trim().max(max, maxMessage);
  return (required === undefined ? s : s.min(1, required)).superRefine(textRule('lines'));
}
