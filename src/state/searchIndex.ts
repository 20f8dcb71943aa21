import type { Dataset } from '../data/model';
import { foldForSearch } from '../data/searchText';
import { searchTextOf } from './filters';
import { finish, finishInSlices, STEP_MASK, type Steps } from '../timeline/core/steps';

const SEARCH_STEP_MASK = STEP_MASK >> 2;

/** Which events of a dataset match a search: per event in dataset order, 1 where it matches. */
export type MatchBits = Uint8Array;

export interface SearchIndex {
  /** The folded text of every event (made on first use). */
  readonly texts: readonly string[];
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

/**
 * Search over a dataset's events. Folded texts are made once, as they are first needed; the matches of
 * the last few queries are kept, and a query that extends one of them ("kurs" → "kursk") only looks at
 * the events that matched the shorter one.
 */
export function createSearchIndex(dataset: Pick<Dataset, 'events' | 'actorsById'>): SearchIndex {
  const { events, actorsById } = dataset;
  const texts: (string | undefined)[] = new Array<string | undefined>(events.length);
  const textAt = (i: number) => (texts[i] ??= searchTextOf(events[i] as Dataset['events'][number], actorsById));
  const cache = new Map<string, MatchBits>();

  const remember = (needle: string, bits: MatchBits) => {
    cache.delete(needle);
    cache.set(needle, bits);
    if (cache.size > REMEMBERED) cache.delete(cache.keys().next().value as string);
    return bits;
  };
  /** The matches of the longest remembered query contained in this one: only those can match it. */
  const narrowest = (needle: string): MatchBits | null => {
    let best: string | null = null;
    for (const known of cache.keys()) if (needle.includes(known) && (best === null || known.length > best.length)) best = known;
    return best === null ? null : (cache.get(best) ?? null);
  };

  /** Checks the events against the needle, only those the narrower matches allow, and remembers the matches. */
  function* scan(needle: string): Steps<MatchBits> {
    const within = narrowest(needle);
    const bits = new Uint8Array(events.length);
    for (let i = 0; i < events.length; i++) {
      // A pause offered four times as often as elsewhere: the first search also folds every event's text.
      if ((i & SEARCH_STEP_MASK) === 0) yield;
      if (within && within[i] === 0) continue;
      if (textAt(i).includes(needle)) bits[i] = 1;
    }
    return remember(needle, bits);
  }

  const remembered = (query: string) => {
    const needle = foldForSearch(query.trim());
    if (needle === '') return null;
    return cache.get(needle);
  };

  return {
    get texts() {
      for (let i = 0; i < events.length; i++) textAt(i);
      return texts as string[];
    },
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
