import type { Dataset } from '../data/model';
import { foldForSearch } from '../data/searchText';
import { searchTextOf } from './filters';

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
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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

  /** Checks events [from, to) against the needle, only those the narrower matches allow. */
  const scan = (needle: string, within: MatchBits | null, bits: MatchBits, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      if (within && within[i] === 0) continue;
      if (textAt(i).includes(needle)) bits[i] = 1;
    }
  };

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
      if (known) return remember(needle, known);
      const bits = new Uint8Array(events.length);
      scan(needle, narrowest(needle), bits, 0, events.length);
      return remember(needle, bits);
    },
    async matchesInSlices(query, signal, budgetMs = 25) {
      const needle = foldForSearch(query.trim());
      if (needle === '') return null;
      const known = cache.get(needle);
      if (known) return remember(needle, known);
      const within = narrowest(needle);
      const bits = new Uint8Array(events.length);
      // Slices sized from how long the last one took, so that each stays near the budget.
      let step = 2_000;
      for (let from = 0; from < events.length; ) {
        if (signal.aborted) return undefined;
        const started = performance.now();
        const to = Math.min(events.length, from + step);
        scan(needle, within, bits, from, to);
        from = to;
        const took = performance.now() - started;
        step = Math.max(500, Math.min(200_000, Math.round(step * (took > 0 ? budgetMs / took : 2))));
        if (from < events.length) await nextTask();
      }
      return signal.aborted ? undefined : remember(needle, bits);
    },
  };
}
