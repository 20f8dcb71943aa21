import type { Dataset } from '../data/model';
import { foldForSearch } from '../data/searchText';
import { searchTextOf, unfoldedSearchTextOf } from './filters';
import { finish, finishInSlices, STEP_MASK, type Steps } from '../timeline/core/steps';

/** Events per piece of folded text: a pause is offered after each piece. */
const PIECE = (STEP_MASK >> 2) + 1;
/** Between two events' texts in a piece. Where an event's text holds it, it stands there as IN_TEXT instead. */
const BETWEEN = '\u0000';
const IN_TEXT = '\uffff';

/** Which events of a dataset match a search: per event in dataset order, 1 where it matches. */
export type MatchBits = Uint8Array;

export interface SearchIndex {
  /** The matches of a query, computed now (or remembered); null for an empty query. */
  matchesNow(query: string): MatchBits | null;
  /** The matches already computed for a query, if any: undefined when it would take work. */
  remembered(query: string): MatchBits | null | undefined;
  /**
   * The matches of a query, computed a slice at a time with pauses for the page between slices, so
   * that a keystroke on a million events never blocks for long. Resolves to undefined when aborted.
   */
  matchesInSlices(query: string, signal: AbortSignal, budgetMs?: number): Promise<MatchBits | null | undefined>;
}

const REMEMBERED = 8;

/** The folded texts of PIECE events, one after another with BETWEEN between them, and where each starts. */
interface Piece {
  text: string;
  /** Where each event's text starts in `text`, and after the last one, its end. */
  starts: Int32Array;
}

/** Folds the texts of some events in one call (one string per many events, not one per event: a million small strings would weigh on every garbage collection). */
function pieceOf(texts: string[]): Piece {
  const clean = texts.map((t) => (t.includes(BETWEEN) ? t.replaceAll(BETWEEN, IN_TEXT) : t));
  const text = foldForSearch(clean.join(BETWEEN));
  const starts = new Int32Array(texts.length + 1);
  let at = 0;
  for (let i = 1; i < texts.length; i++) {
    at = text.indexOf(BETWEEN, at) + 1;
    if (at === 0) break;
    starts[i] = at;
  }
  starts[texts.length] = text.length + 1;
  // Folding keeps every BETWEEN (it has no accents nor case), so each event's text is found; were one lost, each is folded apart.
  if (at === 0 && texts.length > 1) {
    const apart = clean.map((t) => foldForSearch(t));
    let start = 0;
    apart.forEach((t, i) => {
      starts[i] = start;
      start += t.length + 1;
    });
    starts[texts.length] = start;
    return { text: apart.join(BETWEEN), starts };
  }
  return { text, starts };
}

/**
 * Search over a dataset's events. Their folded texts are made on the first search, a piece of many
 * events at a time, and kept; a search looks for the query in each piece (the engine's own string
 * search) and marks the events it is found in. The matches of the last few queries are kept.
 */
export function createSearchIndex(dataset: Pick<Dataset, 'events' | 'actorsById'>): SearchIndex {
  const { events, actorsById } = dataset;
  const pieces: Piece[] = [];
  const cache = new Map<string, MatchBits>();

  const remember = (needle: string, bits: MatchBits) => {
    cache.delete(needle);
    cache.set(needle, bits);
    if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value as string);
    return bits;
  };

  /** The piece of events from `first`, folded now if it was not yet. */
  const pieceAt = (p: number): Piece => {
    const known = pieces[p];
    if (known) return known;
    const first = p * PIECE;
    const texts: string[] = [];
    for (let i = first; i < Math.min(first + PIECE, events.length); i++) texts.push(unfoldedSearchTextOf(events[i] as Dataset['events'][number], actorsById));
    return (pieces[p] = pieceOf(texts));
  };

  /** Finds the needle in every piece, a piece at a time, and remembers the matches. */
  function* scan(needle: string): Steps<MatchBits> {
    const bits = new Uint8Array(events.length);
    if (needle.includes(BETWEEN) || needle.includes(IN_TEXT)) {
      // A query that a piece would match across two texts, or not as written: each event's own text is checked.
      for (let i = 0; i < events.length; i++) {
        if ((i & (PIECE - 1)) === 0) yield;
        if (searchTextOf(events[i] as Dataset['events'][number], actorsById).includes(needle)) bits[i] = 1;
      }
      return remember(needle, bits);
    }
    for (let p = 0; p * PIECE < events.length; p++) {
      yield;
      const { text, starts } = pieceAt(p);
      let event = 0;
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, starts[event + 1] ?? text.length)) {
        // The event whose text holds this place: the last that starts at or before it.
        while ((starts[event + 1] ?? Infinity) <= at) event++;
        bits[p * PIECE + event] = 1;
      }
    }
    return remember(needle, bits);
  }

  const remembered = (query: string) => {
    const needle = foldForSearch(query.trim());
    if (needle === '') return null;
    return cache.get(needle);
  };

  return {
    remembered,
    matchesNow(query) {
      const needle = foldForSearch(query.trim());
      if (needle === '') return null;
      const known = cache.get(needle);
      return known ? remember(needle, known) : finish(scan(needle));
    },
    async matchesInSlices(query, signal, budgetMs) {
      const needle = foldForSearch(query.trim());
      if (needle === '') return null;
      const known = cache.get(needle);
      return known ? remember(needle, known) : finishInSlices(scan(needle), signal, budgetMs);
    },
  };
}
