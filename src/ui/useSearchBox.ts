import { useEffect, useRef, useState } from 'react';
import { SLICED_FROM, type ViewModel } from '../state/viewModel';

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
 * keystroke; a large one once typing pauses, and then a slice at a time like any change of filters
 * (see useViewState), so the page never freezes while the reader types. A query changed elsewhere
 * (Clear filters, the URL, Back) replaces what the box shows.
 *
 * `wanted` is the query asked for (perhaps still being prepared), `applied` the one the view shows.
 */
export function useSearchBox(model: ViewModel, wanted: string, applied: string, apply: (query: string) => void): SearchBox {
  const [typed, setTyped] = useState(wanted);
  const requested = useRef(wanted);
  const applyRef = useRef(apply);
  const large = model.dataset.events.length >= SLICED_FROM;

  useEffect(() => {
    applyRef.current = apply;
  });

  useEffect(() => {
    if (wanted === requested.current) return;
    requested.current = wanted;
    // A query set from outside the box (Clear filters, the URL, Back) replaces what it shows.
    setTyped(wanted);
  }, [wanted]);

  useEffect(() => {
    if (!large || typed === requested.current) return;
    const timer = window.setTimeout(() => {
      requested.current = typed;
      applyRef.current(typed);
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, large]);

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
