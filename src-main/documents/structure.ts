// Structure, not numbering, decides a numbered block's style (shared by the PDF and the DOCX): a
// heading is a short line of its own; a numbered sentence of running text is body text.

/** More than one sentence, or a sentence with clauses: running text, whatever its numbering. */
export function isRunningText(text: string): boolean {
  const body = text.replace(/^[\s\u3000]+/, '');
  if (/[。；！？][^。；！？]/.test(body)) return true;
  return /，/.test(body) && /[。；]$/.test(body);
}
