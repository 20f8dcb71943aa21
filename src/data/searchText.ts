/**
 * Case- and accent-insensitive text search: "zelenskyy" finds "Zelenskyy", "kyiv" finds "Kyïv".
 * Folding works character by character so that matches map back to the original text for highlighting.
 */

const MARKS = /\p{M}/gu;

// Word-final sigma lower-cases differently in context; fold it to σ so whole strings and single characters agree.
const fold = (text: string) => text.normalize('NFD').replace(MARKS, '').toLowerCase().replace(/ς/g, 'σ');

function foldChar(ch: string): string {
  return fold(ch);
}

export function foldForSearch(text: string): string {
  return fold(text);
}

export interface TextRange {
  start: number;
  end: number;
}

/** Every place the query occurs in the text, as ranges of the original text. */
export function findSearchMatches(text: string, query: string): TextRange[] {
  const needle = foldForSearch(query.trim());
  if (needle === '') return [];
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(code);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    folded += f;
    i += ch.length;
  }
  origin.push(text.length);
  const ranges: TextRange[] = [];
  let from = 0;
  for (;;) {
    const at = folded.indexOf(needle, from);
    if (at < 0) break;
    const start = origin[at] as number;
    const last = origin[at + needle.length - 1] as number;
    const lastChar = String.fromCodePoint(text.codePointAt(last) as number);
    let end = last + lastChar.length;
    // A letter keeps the accents written after it as combining marks.
    while (end < text.length && /\p{M}/u.test(text[end] as string)) end++;
    ranges.push({ start, end });
    from = at + needle.length;
  }
  return ranges;
}
