import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  activateCluster,
  clearSelection,
  fitAll,
  focusEdge,
  focusEvent,
  focusStep,
  selectEdge,
  selectEvent,
  selectStep,
  setFilters,
  setView,
  setWidth,
  setWindow,
  zoomIn,
  zoomOut,
  zoomToRange,
  type ClusterTarget,
  type ViewState,
} from './viewState';
import { parseViewParams, restoreView, writeViewParams } from './urlState';
import { currentSearch, pushSearch, replaceSearch } from './addressBar';
import { SLICED_FROM, type FilteredView, type ViewModel } from './viewModel';
import type { Filters } from './filters';
import type { TimeWindow } from '../timeline/core/timeWindow';
import { DEFAULT_WIDTH } from './viewState';

/** The named actions every input (buttons, keys, gestures, source links, URL) goes through. */
export interface ViewActions {
  select(id: string | null, options?: { reveal?: boolean }): void;
  clearSelection(): void;
  selectStep(step: 1 | -1): void;
  selectEdge(edge: 'first' | 'last'): void;
  focus(id: string): void;
  focusStep(step: 1 | -1): void;
  focusEdge(edge: 'first' | 'last'): void;
  setWindow(window: TimeWindow): void;
  setWidth(width: number): void;
  zoomIn(anchor?: number): void;
  zoomOut(anchor?: number): void;
  fitAll(): void;
  zoomToRange(range: TimeWindow): void;
  /** A cluster was clicked or pressed: zoom into it, or open its first event when zooming cannot split it. */
  activateCluster(cluster: ClusterTarget): void;
  setFilters(filters: Filters): void;
  setView(view: ViewState['view']): void;
}

const REPLACE_DELAY_MS = 250;

/** The plot's width in the page's layout for a window this wide (see the workspace in styles.css). */
export function likelyPlotWidth(windowWidth: number): number {
  if (!(windowWidth > 0)) return DEFAULT_WIDTH;
  if (windowWidth >= 1100) return Math.round(Math.min(windowWidth, 1320) * 0.64 - 60);
  return Math.max(240, windowWidth - (windowWidth >= 768 ? 80 : 36));
}
const warn = (message: string) => console.warn(message);

/**
 * The one owner of view state. It starts from the URL and mirrors every change back: a new history
 * entry when the selection changes (so Back and Forward step through selections), a quiet
 * replacement, debounced, for everything else. Every action sees the events its filters leave.
 *
 * New filters on a large dataset are prepared a slice at a time (ViewModel.prepareView), then rendered as
 * a transition, while the previous view stays on screen and usable; the fourth value is the filters being
 * prepared or rendered, if any.
 */
export function useViewState(
  model: ViewModel,
  { selectOpening = true, plotWidth = null }: { selectOpening?: boolean; plotWidth?: number | null } = {},
): [ViewState, ViewActions, FilteredView, Filters | null] {
  // The plot itself is measured only after the first render: until then its width as measured while loading
  // (ui/PlotWidthProbe), or the likeliest for this window. A link's event is revealed for that width.
  const [state, setState] = useState<ViewState>(() =>
    restoreView(model, parseViewParams(window.location.search, warn), warn, plotWidth ?? likelyPlotWidth(window.innerWidth), selectOpening),
  );
  const written = useRef<string | null>(state.selected);
  const pendingReplace = useRef<number | undefined>(undefined);
  const ctx = model.viewFor(state.filters);
  const [pending, setPending] = useState<Filters | null>(null);
  const preparing = useRef<AbortController | null>(null);

  const apply = useCallback(
    (action: (s: ViewState, view: FilteredView) => ViewState) => setState((s) => action(s, model.viewFor(s.filters))),
    [model],
  );

  useEffect(() => {
    const search = writeViewParams(currentSearch(), state, ctx);
    window.clearTimeout(pendingReplace.current);
    if (search === currentSearch()) return;
    if (state.selected !== written.current) {
      written.current = state.selected;
      pushSearch(search);
    } else {
      // Written when the timer fires, over the URL as it is then: another part of the page (the language) may have changed it.
      pendingReplace.current = window.setTimeout(() => replaceSearch(writeViewParams(currentSearch(), state, ctx)), REPLACE_DELAY_MS);
    }
  }, [state, ctx]);

  useEffect(() => {
    const onPopState = () => {
      // Back and Forward restore filters from the URL: a change still being prepared is dropped.
      preparing.current?.abort();
      preparing.current = null;
      setPending(null);
      setState((current) => {
        const restored = restoreView(model, parseViewParams(window.location.search, warn), warn, current.width, selectOpening);
        written.current = restored.selected;
        return restored;
      });
    };
    window.addEventListener('popstate', onPopState);
    return () => {
      window.removeEventListener('popstate', onPopState);
      window.clearTimeout(pendingReplace.current);
    };
  }, [model, selectOpening]);

  // Preparation belongs to the dataset it was started for.
  useEffect(
    () => () => {
      preparing.current?.abort();
      preparing.current = null;
      setPending(null);
    },
    [model],
  );

  const actions = useMemo<ViewActions>(() => {
    const applyFilters = (filters: Filters) => apply((s) => setFilters(s, model.viewFor(filters), filters));
    return {
      select: (id, options) => apply((s, c) => selectEvent(s, c, id, options)),
      clearSelection: () => apply(clearSelection),
      selectStep: (step) => apply((s, c) => selectStep(s, c, step)),
      selectEdge: (edge) => apply((s, c) => selectEdge(s, c, edge)),
      focus: (id) => apply((s, c) => focusEvent(s, c, id)),
      focusStep: (step) => apply((s, c) => focusStep(s, c, step)),
      focusEdge: (edge) => apply((s, c) => focusEdge(s, c, edge)),
      setWindow: (w) => apply((s, c) => setWindow(s, c, w)),
      setWidth: (width) => apply((s) => setWidth(s, width)),
      zoomIn: (anchor) => apply((s, c) => zoomIn(s, c, anchor)),
      zoomOut: (anchor) => apply((s, c) => zoomOut(s, c, anchor)),
      fitAll: () => apply((s, c) => fitAll(s, c)),
      zoomToRange: (range) => apply((s, c) => zoomToRange(s, c, range)),
      activateCluster: (cluster) => apply((s, c) => activateCluster(s, c, cluster)),
      setFilters: (filters) => {
        preparing.current?.abort();
        preparing.current = null;
        if (model.dataset.events.length < SLICED_FROM) {
          setPending(null);
          applyFilters(filters);
          return;
        }
        // A large dataset's new view is rendered as a transition (React builds it in slices), the previous one shown meanwhile.
        const show = () =>
          startTransition(() => {
            setPending(null);
            applyFilters(filters);
          });
        if (model.isReady(filters)) {
          setPending(filters);
          show();
          return;
        }
        const controller = new AbortController();
        preparing.current = controller;
        setPending(filters);
        // The work starts a task later: the choice and "Filtering…" are painted first.
        void new Promise((resolve) => setTimeout(resolve, 0))
          .then(() => model.prepareView(filters, controller.signal))
          .then((ready) => {
            if (!ready || preparing.current !== controller) return;
            preparing.current = null;
            show();
          });
      },
      setView: (view) => apply((s) => setView(s, view)),
    };
  }, [apply, model]);
  return [state, actions, ctx, pending];
}
