import type { DatePhrase } from './types';

/** A date phrase proposed for a passage, and whether it stands inside the passage or only near it. */
export interface DateSuggestion {
  phrase: DatePhrase;
  inside: boolean;
}

/**
 * The date phrase to propose for the passage [start, end) of a text: the first one inside it that can be
 * dated, else the first inside it at all (so the author sees what needs them), else the nearest one around it.
 */
export function suggestDate(phrases: readonly DatePhrase[], start: number, end: number): DateSuggestion | null {
  const inside = phrases.filter((p) => p.start >= start && p.end <= end);
  const pick = inside.find((p) => p.reading.edtf !== null) ?? inside[0];
  if (pick) return { phrase: pick, inside: true };
  let nearest: DatePhrase | null = null;
  let distance = Infinity;
  for (const p of phrases) {
    const d = p.end <= start ? start - p.end : p.start >= end ? p.start - end : 0;
    if (d < distance) {
      nearest = p;
      distance = d;
    }
  }
  return nearest ? { phrase: nearest, inside: false } : null;
}
