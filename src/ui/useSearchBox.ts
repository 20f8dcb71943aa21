import { useEffect, useRef, useState } from 'react';
import type { ViewModel } from '../state/viewModel';

/** From this many events on, the search runs a slice at a time after a pause in typing. */
export const SLICED_SEARCH_FROM = 20_000;
/** How long typing must pause before a large dataset is searched. */
const TYPING_PAUSE_MS = 180;

export interface SearchBox {
  /** What the box shows: what the reader typed, which may be ahead of the search applied. */
  value: string;
  onChange: (value: string) => void;
  /** True while what was typed is still being searched for. */
  pending: boolean;
}

/**
 * The search box's text and when it becomes the view's query. A small dataset is searched on every
 * keystroke, as before; a large one once typing pauses, a slice at a time between frames (see
 * SearchIndex.matchesInSlices), so the page never freezes while the reader types. A query changed
 * elsewhere (Clear filters, the URL, Back) replaces what the box shows.
 */
export function useSearchBox(model: ViewModel, applied: string, apply: (query: string) => void): SearchBox {
  const [typed, setTyped] = useState(applied);
  const requested = useRef(applied);
  const applyRef = useRef(apply);
  const large = model.dataset.events.length >= SLICED_SEARCH_FROM;

  useEffect(() => {
    applyRef.current = apply;
  });

  useEffect(() => {
    if (applied === requested.current) return;
    requested.current = applied;
    // A query set from outside the box (Clear filters, the URL, Back) replaces what it shows.
    setTyped(applied);
  }, [applied]);

  useEffect(() => {
    if (!large || typed === requested.current) return;
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      void model.search.matchesInSlices(typed, controller.signal).then((bits) => {
        if (bits === undefined) return;
        requested.current = typed;
        applyRef.current(typed);
      });
    }, TYPING_PAUSE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [typed, large, model]);

  return {
    value: typed,
    onChange: (value) => {
      setTyped(value);
      if (!large) {
        requested.current = value;
        apply(value);
      }
    },
    pending: large && typed !== applied,
  };
}
