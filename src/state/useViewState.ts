import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  clearSelection,
  fitAll,
  focusEdge,
  focusEvent,
  focusStep,
  selectEvent,
  selectStep,
  setWidth,
  setWindow,
  zoomIn,
  zoomOut,
  zoomToRange,
  type ViewContext,
  type ViewState,
} from './viewState';
import { parseViewParams, viewFromUrl, writeViewParams } from './urlState';
import type { TimeWindow } from '../timeline/core/timeWindow';

/** The named actions every input (buttons, keys, gestures, source links, URL) goes through. */
export interface ViewActions {
  select(id: string | null, options?: { reveal?: boolean }): void;
  clearSelection(): void;
  selectStep(step: 1 | -1): void;
  focus(id: string): void;
  focusStep(step: 1 | -1): void;
  focusEdge(edge: 'first' | 'last'): void;
  setWindow(window: TimeWindow): void;
  setWidth(width: number): void;
  zoomIn(anchor?: number): void;
  zoomOut(anchor?: number): void;
  fitAll(): void;
  zoomToRange(range: TimeWindow): void;
}

const REPLACE_DELAY_MS = 250;
const warn = (message: string) => console.warn(message);

/**
 * The one owner of view state. It starts from the URL and mirrors every change back: a new history
 * entry when the selection changes (so Back and Forward step through selections), a quiet
 * replacement, debounced, while the window moves.
 */
export function useViewState(ctx: ViewContext): [ViewState, ViewActions] {
  const [state, setState] = useState<ViewState>(() => viewFromUrl(ctx, parseViewParams(window.location.search, warn), warn));
  const written = useRef<string | null>(state.selected);
  const pendingReplace = useRef<number | undefined>(undefined);

  const apply = useCallback((action: (s: ViewState) => ViewState) => setState(action), []);

  useEffect(() => {
    const search = writeViewParams(window.location.search, state, ctx);
    window.clearTimeout(pendingReplace.current);
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    if (state.selected !== written.current) {
      written.current = state.selected;
      window.history.pushState(null, '', url);
    } else {
      pendingReplace.current = window.setTimeout(() => window.history.replaceState(null, '', url), REPLACE_DELAY_MS);
    }
  }, [state, ctx]);

  useEffect(() => {
    const onPopState = () => {
      setState((current) => {
        const restored = viewFromUrl(ctx, parseViewParams(window.location.search, warn), warn, current.width);
        written.current = restored.selected;
        return restored;
      });
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      window.clearTimeout(pendingReplace.current);
    };
  }, [ctx]);

  const actions = useMemo<ViewActions>(
    () => ({
      select: (id, options) => apply((s) => selectEvent(s, ctx, id, options)),
      clearSelection: () => apply(clearSelection),
      selectStep: (step) => apply((s) => selectStep(s, ctx, step)),
      focus: (id) => apply((s) => focusEvent(s, ctx, id)),
      focusStep: (step) => apply((s) => focusStep(s, ctx, step)),
      focusEdge: (edge) => apply((s) => focusEdge(s, ctx, edge)),
      setWindow: (w) => apply((s) => setWindow(s, ctx, w)),
      setWidth: (width) => apply((s) => setWidth(s, width)),
      zoomIn: (anchor) => apply((s) => zoomIn(s, ctx, anchor)),
      zoomOut: (anchor) => apply((s) => zoomOut(s, ctx, anchor)),
      fitAll: () => apply((s) => fitAll(s, ctx)),
      zoomToRange: (range) => apply((s) => zoomToRange(s, ctx, range)),
    }),
    [apply, ctx],
  );
  return [state, actions];
}
