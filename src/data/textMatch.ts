/**
 * Verbatim matching of quotes against source text. Both sides are compared after folding white space
 * and typographic quotes, since copying from a web page changes those and nothing else.
 */

const QUOTE_FOLDS: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"',
};

export interface NormalizedText {
  text: string;
  /** For each character of `text`, the index of the character it came from in the original. */
  origin: number[];
}

const QUOTE_CHARS = new RegExp(`[${Object.keys(QUOTE_FOLDS).join('')}]`, 'g');
const NOTHING_TO_FOLD = new RegExp(`^(?! )(?:[^\\s${Object.keys(QUOTE_FOLDS).join('')}]| (?! |$))*$`);

/** The normalized text alone, by a few native passes: no per-character garbage for large sources. */
function normalizeTextOnly(original: string, foldCase: boolean): string {
  // Most text has nothing to fold: no typographic quotes, only single plain spaces, no space at the ends.
  const text = NOTHING_TO_FOLD.test(original) ? original : original.replace(QUOTE_CHARS, (c) => QUOTE_FOLDS[c] ?? c).replace(/\s+/g, ' ').trim();
  if (!foldCase) return text;
  const lower = text.toLowerCase();
  // A length change means a character like 'İ' lower-cases to two; keep the slow, exact rule for those.
  return lower.length === text.length ? lower : normalizeForMatch(original, true).text;
}

export function normalizeForMatch(original: string, foldCase = false, withOrigin = true): NormalizedText {
  if (!withOrigin) return { text: normalizeTextOnly(original, foldCase), origin: [] };
  let text = '';
  const origin: number[] = [];
  const track = (i: number) => origin.push(i);
  let pendingSpace = -1;
  for (let i = 0; i < original.length; i++) {
    const ch = original[i] as string;
    if (/\s/.test(ch)) {
      if (text.length > 0 && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0) {
      text += ' ';
      track(pendingSpace);
      pendingSpace = -1;
    }
    const folded = QUOTE_FOLDS[ch] ?? ch;
    // Lower-casing that changes a character's length (e.g. 'İ') would break the offset map.
    const lower = foldCase ? folded.toLowerCase() : folded;
    text += lower.length === folded.length ? lower : folded;
    track(i);
  }
  return { text, origin };
}

/** Where a quote stands in a piece of text, as offsets into the original text [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

export function findInNormalized(hay: NormalizedText, quote: string, foldCase = false): TextRange | null {
  return findNeedle(hay, normalizeForMatch(quote, foldCase).text);
}

/** Like findInNormalized, for a needle already normalized the same way as the text (normalize once, search many). */
export function findNeedle(hay: NormalizedText, needle: string): TextRange | null {
  if (needle === '') return null;
  const at = hay.text.indexOf(needle);
  if (at < 0) return null;
  return { start: hay.origin[at] as number, end: (hay.origin[at + needle.length - 1] as number) + 1 };
}

export function findVerbatim(haystack: string, quote: string, foldCase = false): TextRange | null {
  // Most quotes are copied exactly: find those directly, without building an offset map.
  if (!foldCase) {
    const at = haystack.indexOf(quote);
    if (at >= 0 && quote.trim() === quote && quote !== '') return { start: at, end: at + quote.length };
  }
  return findInNormalized(normalizeForMatch(haystack, foldCase), quote, foldCase);
}
