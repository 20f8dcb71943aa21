import type { DatePhrase } from '../dates/types';

/** A stretch of a paragraph: inside a date phrase or not, and inside an excerpt of the open event or not. */
export interface Piece {
  start: number;
  end: number;
  phrase: DatePhrase | null;
  quoted: boolean;
}

/**
 * Cuts a paragraph at every phrase and excerpt boundary, so each piece renders as plain text, a marked date
 * phrase, or a quoted stretch. Pieces cover the paragraph exactly, so the rendered text is the source text.
 */
export function paragraphPieces(length: number, phrases: readonly DatePhrase[], quoted: readonly { start: number; end: number }[]): Piece[] {
  const cuts = new Set([0, length]);
  for (const r of [...phrases, ...quoted]) {
    cuts.add(Math.max(0, Math.min(length, r.start)));
    cuts.add(Math.max(0, Math.min(length, r.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] as number;
    const end = points[i + 1] as number;
    pieces.push({
      start,
      end,
      phrase: phrases.find((p) => p.start <= start && end <= p.end) ?? null,
      quoted: quoted.some((q) => q.start <= start && end <= q.end),
    });
  }
  return pieces;
}

/** Consecutive pieces of the same phrase, so one phrase is one <mark> even when an excerpt starts inside it. */
export function groupByPhrase(pieces: readonly Piece[]): { phrase: DatePhrase | null; pieces: Piece[] }[] {
  const groups: { phrase: DatePhrase | null; pieces: Piece[] }[] = [];
  for (const piece of pieces) {
    const last = groups.at(-1);
    if (last && last.phrase === piece.phrase && piece.phrase !== null) last.pieces.push(piece);
    else groups.push({ phrase: piece.phrase, pieces: [piece] });
  }
  return groups;
}
