/**
 * The paragraphs of a pasted or opened text: blank lines separate paragraphs, and line breaks inside one
 * become spaces; a text with no blank line at all has one paragraph per line.
 */
export function splitParagraphs(text: string): string[] {
  const unix = text.replace(/\r\n?/g, '\n');
  return unix
    .split(/\n\s*\n/.test(unix) ? /\n\s*\n/ : /\n/)
    .map((p) => p.replace(/[ \t]*\n[ \t]*/g, ' ').trim())
    .filter((p) => p !== '');
}

export const joinParagraphs = (paragraphs: readonly string[]) => paragraphs.join('\n\n');
