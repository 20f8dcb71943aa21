import { layoutTimeline } from '../timeline/core/layout';
import { TOUCH_GEOMETRY } from '../timeline/core/geometry';
import { itemStart, shapeOf, type Lane } from '../timeline/core/lanes';
import { finish, STEP_MASK, type Steps } from '../timeline/core/steps';
import type { EventDate } from '../data/edtfDate';
import { compareEventOrder } from '../data/model';
import { NO_FILTERS, type Filters } from './filters';
import {
  clampWindow,
  fitWindow,
  frameRange,
  revealRange,
  sameWindow,
  spanOf,
  zoomWindow,
  type TimeWindow,
  type ZoomLimits,
} from '../timeline/core/timeWindow';

/** Something the reader is told after an action: a selected event the new filters hid. */
export interface ViewNotice {
  hiddenEvent: string;
}

/** Everything the reader has chosen about the view; the URL mirrors it. */
export interface ViewState {
  selected: string | null;
  /** The event keyboard focus rests on in the timeline (not in the URL). */
  focused: string | null;
  window: TimeWindow;
  /** The plot's width in pixels, measured by the timeline; decides what a window shows (not in the URL). */
  width: number;
  filters: Filters;
  /** Which presentation of the same events is showing. */
  view: 'timeline' | 'list';
  /** Something the reader should be told about a change they did not ask for directly. */
  notice: ViewNotice | null;
}

/**
 * Events in time order, as columns: a million events need no object each. `itemStarts` is where each
 * stands in its lane row (see lanes.itemStart).
 */
export interface EventOrder {
  readonly length: number;
  /** The events themselves (the list the order was made of, not a copy of their ids: 4 MB at a million). */
  readonly events: readonly { readonly id: string; readonly when: EventDate }[];
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly itemStarts: Float64Array;
}

/** The id of the event at a place in the order. */
export const idAt = (order: EventOrder, i: number): string => (order.events[i] as { readonly id: string }).id;

/** Where an event stands in the order, by its id. */
export interface EventIndex {
  get(id: string): number | undefined;
  has(id: string): boolean;
}

/** What the actions need to know of the data: events in time order and how far the view may go. */
export interface ViewContext {
  order: EventOrder;
  indexOf: EventIndex;
  fit: TimeWindow;
  /** The window the story opens on, where the dataset names one (else the fitted view). */
  home?: TimeWindow;
  /** The event selected when the story opens, where the dataset names one. */
  openingEvent?: string;
  limits: ZoomLimits;
  /** The timeline's lanes, so that revealing an event can zoom until it stands on its own. */
  lanes?: readonly Lane[];
  /** Per event in `order`: 1 where it matches the search; null when there is no search. */
  hits?: Uint8Array | null;
}

export const DEFAULT_WIDTH = 960;

export const ZOOM_STEP = 2;

export function initialViewState(ctx: ViewContext): ViewState {
  return { selected: null, focused: null, window: homeWindow(ctx), width: DEFAULT_WIDTH, filters: NO_FILTERS, view: 'timeline', notice: null };
}

/** Where the view starts: the dataset's opening window, else everything. */
export function homeWindow(ctx: ViewContext): TimeWindow {
  return ctx.home ?? ctx.fit;
}

export function setWindow(state: ViewState, ctx: ViewContext, window: TimeWindow): ViewState {
  const next = clampWindow(window, ctx.limits);
  return sameWindow(next, state.window) ? state : { ...state, window: next };
}

export function zoomIn(state: ViewState, ctx: ViewContext, anchor?: number): ViewState {
  return setWindow(state, ctx, zoomWindow(state.window, ZOOM_STEP, ctx.limits, anchor));
}

export function zoomOut(state: ViewState, ctx: ViewContext, anchor?: number): ViewState {
  return setWindow(state, ctx, zoomWindow(state.window, 1 / ZOOM_STEP, ctx.limits, anchor));
}

export function fitAll(state: ViewState, ctx: ViewContext): ViewState {
  return setWindow(state, ctx, ctx.fit);
}

export function zoomToRange(state: ViewState, ctx: ViewContext, range: TimeWindow): ViewState {
  return setWindow(state, ctx, frameRange(range, ctx.limits));
}

/** A cluster the reader activated: the time it covers and its first event (an index into `order`). */
export interface ClusterTarget {
  start: number;
  end: number;
  first: number;
}

/**
 * A cluster zooms to the time it covers; one that zooming cannot split (its events overlap in time, so
 * the framed range would be about the view it is already in) selects its first event instead.
 */
export function activateCluster(state: ViewState, ctx: ViewContext, cluster: ClusterTarget): ViewState {
  const range = { start: cluster.start, end: cluster.end };
  const first = ctx.order.events[cluster.first]?.id;
  if (first !== undefined && spanOf(frameRange(range, ctx.limits)) > spanOf(state.window) * 0.7) return selectEvent(state, ctx, first);
  return zoomToRange(state, ctx, range);
}

/**
 * The window moved just enough to show an event. An event wider than the view only needs to
 * overlap it, so a three-year span does not yank the reader out to a three-year zoom.
 */
export function windowShowing(window: TimeWindow, ctx: ViewContext, event: { start: number; end: number }): TimeWindow {
  const span = spanOf(window);
  if (event.end - event.start <= span * 0.8) return revealRange(window, event, ctx.limits);
  const inner = { start: window.start + span * 0.1, end: window.end - span * 0.1 };
  if (event.start < inner.end && event.end > inner.start) return window;
  const anchor = event.end <= inner.start ? event.end : event.start;
  return revealRange(window, { start: anchor, end: anchor }, ctx.limits);
}

const MAX_REVEAL_STEPS = 16;

/**
 * Where the mark of the event at `index` of the order stands, for the window arithmetic: a point at its drawn
 * time (a day-precise one at midday), a span over its whole length. A window that met only the end of a
 * point's day showed no mark of it.
 */
function markAt(ctx: ViewContext, index: number): { start: number; end: number } {
  const when = ctx.order.events[index]?.when;
  if (when && shapeOf(when) === 'point') {
    const t = ctx.order.itemStarts[index] ?? 0;
    return { start: t, end: t };
  }
  return { start: ctx.order.starts[index] ?? 0, end: ctx.order.ends[index] ?? 0 };
}

/**
 * The window that shows an event on its own mark: panned to it, then zoomed in around it while it
 * would still be drawn inside a cluster, up to the zoom limit, and panned to show it whole where it fits.
 * Events that no zoom draws apart (long spans over the same days) stay a cluster: the view then stops at
 * the widest zoom where that cluster is smallest, not at the closest zoom, which showed a few hours of a
 * fortnight's span.
 */
export function revealWindow(state: ViewState, ctx: ViewContext, index: number): TimeWindow {
  const event = markAt(ctx, index);
  let window = clampWindow(windowShowing(state.window, ctx, event), ctx.limits);
  if (!ctx.lanes) return window;
  const anchor = Math.min(Math.max((event.start + event.end) / 2, window.start), window.end);
  // Zooming keeps the middle of the event where it stood on screen, which can leave a span's ends outside.
  const settled = (at: TimeWindow) => clampWindow(windowShowing(at, ctx, event), ctx.limits);
  let fewest = { window, count: Infinity };
  for (let step = 0; step < MAX_REVEAL_STEPS; step++) {
    const layout = layoutTimeline({
      lanes: ctx.lanes,
      window,
      width: state.width,
      labelWidth: () => 0,
      priority: [index],
      // Spaced as for fingers, the widest spacing any screen uses: on its own on a phone is on its own everywhere.
      geometry: TOUCH_GEOMETRY,
      itemStartOf: (i) => ctx.order.itemStarts[i] ?? 0,
    });
    const key = layout.focusKeyOfEvent.get(index);
    if (!key || !key.startsWith('cluster:')) return settled(window);
    const cluster = layout.marks.find((mark) => mark.key === key);
    const count = cluster?.type === 'cluster' ? cluster.count : Infinity;
    if (count < fewest.count) fewest = { window, count };
    const next = zoomWindow(window, ZOOM_STEP, ctx.limits, anchor);
    if (sameWindow(next, window)) break;
    window = next;
  }
  return settled(fewest.window);
}

export function selectEvent(state: ViewState, ctx: ViewContext, id: string | null, options: { reveal?: boolean } = {}): ViewState {
  if (id === null) return state.selected === null ? state : { ...state, selected: null };
  const index = ctx.indexOf.get(id);
  if (index === undefined) return state;
  const window = options.reveal ? revealWindow(state, ctx, index) : state.window;
  return { ...state, selected: id, focused: id, window };
}

export function setWidth(state: ViewState, width: number): ViewState {
  return width > 0 && width !== state.width ? { ...state, width } : state;
}

export function clearSelection(state: ViewState): ViewState {
  return state.selected === null ? state : { ...state, selected: null };
}

export function focusEvent(state: ViewState, ctx: ViewContext, id: string): ViewState {
  const index = ctx.indexOf.get(id);
  if (index === undefined) return state;
  return { ...state, focused: id, window: clampWindow(windowShowing(state.window, ctx, markAt(ctx, index)), ctx.limits) };
}

/** Index of the event focus moves from: the focused, else the selected, else none. */
function currentIndex(state: ViewState, ctx: ViewContext): number | undefined {
  const id = state.focused ?? state.selected;
  return id === null ? undefined : ctx.indexOf.get(id);
}

/** The first event that starts at or after the view's left edge, for a reader with nothing focused yet. */
function firstInView(state: ViewState, ctx: ViewContext): number {
  const i = ctx.order.ends.findIndex((end) => end >= state.window.start);
  return i < 0 ? ctx.order.length - 1 : i;
}

/** While a search is active, stepping goes from match to match. */
function steppable(ctx: ViewContext, index: number): boolean {
  return !ctx.hits || ctx.hits[index] === 1;
}

export function focusStep(state: ViewState, ctx: ViewContext, step: 1 | -1): ViewState {
  if (ctx.order.length === 0) return state;
  const current = currentIndex(state, ctx);
  const at = (i: number) => focusEvent(state, ctx, idAt(ctx.order, i));
  if (current === undefined) {
    // Nothing focused yet: either direction starts at the first match in view (else the nearest before it).
    const first = firstInView(state, ctx);
    for (let i = first; i < ctx.order.length; i++) if (steppable(ctx, i)) return at(i);
    for (let i = first - 1; i >= 0; i--) if (steppable(ctx, i)) return at(i);
    return state;
  }
  for (let i = current + step; i >= 0 && i < ctx.order.length; i += step) if (steppable(ctx, i)) return at(i);
  return at(current);
}

export function focusEdge(state: ViewState, ctx: ViewContext, edge: 'first' | 'last'): ViewState {
  const n = ctx.order.length;
  let index: number | undefined;
  for (let k = 0; k < n && index === undefined; k++) {
    const i = edge === 'first' ? k : n - 1 - k;
    if (steppable(ctx, i)) index = i;
  }
  return index === undefined ? state : focusEvent(state, ctx, idAt(ctx.order, index));
}

/**
 * New filters, with the selection cleared (and the reader told) when its event is filtered out.
 * `ctx` is the context for the new filters.
 */
export function setFilters(state: ViewState, ctx: ViewContext, filters: Filters): ViewState {
  let { selected, focused } = state;
  let notice: ViewNotice | null = null;
  if (selected !== null && !ctx.indexOf.has(selected)) {
    notice = { hiddenEvent: selected };
    selected = null;
  }
  if (focused !== null && !ctx.indexOf.has(focused)) focused = null;
  return { ...state, filters, selected, focused, notice };
}

export function setView(state: ViewState, view: ViewState['view']): ViewState {
  return state.view === view ? state : { ...state, view };
}

/** Selection goes to the first or last event (of the search's matches), shown on its own. */
export function selectEdge(state: ViewState, ctx: ViewContext, edge: 'first' | 'last'): ViewState {
  const moved = focusEdge(state, ctx, edge);
  return moved.focused ? selectEvent(moved, ctx, moved.focused, { reveal: true }) : moved;
}

/** Selection moves to the neighbour in time, for "Previous event", "Next event" and the arrow keys. */
export function selectStep(state: ViewState, ctx: ViewContext, step: 1 | -1): ViewState {
  const moved = focusStep({ ...state, focused: state.selected ?? state.focused }, ctx, step);
  return moved.focused ? selectEvent(moved, ctx, moved.focused, { reveal: true }) : moved;
}

/**
 * Finds an event's place in the order by bisection on (start, end, id), the order events are sorted in,
 * so a million events need no map from id to place; `when` looks an event's times up by id.
 */
function bisectingIndex(order: EventOrder, when: (id: string) => { start: number; end: number } | undefined): EventIndex {
  const get = (id: string): number | undefined => {
    const found = when(id);
    if (!found) return undefined;
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = order.starts[mid] as number;
      const end = order.ends[mid] as number;
      const midId = idAt(order, mid);
      const before = compareEventOrder(start, end, midId, found.start, found.end, id) < 0;
      if (before) low = mid + 1;
      else high = mid;
    }
    return order.events[low]?.id === id ? low : undefined;
  };
  return { get, has: (id) => get(id) !== undefined };
}

/**
 * The context of a list of events in time order (sorted by start, end, then id, as the validator sorts
 * them); `byId` finds any event's times by its id (the dataset's own map, so none is built here).
 */
export function makeViewContext(
  events: readonly { id: string; when: EventDate }[],
  extent: TimeWindow,
  limits: ZoomLimits,
  lanes?: readonly Lane[],
  opening: { window?: TimeWindow; event?: string } = {},
  byId?: ReadonlyMap<string, { when: EventDate }>,
): ViewContext {
  return finish(viewContextSteps(events, extent, limits, lanes, opening, byId));
}

/** makeViewContext as steps (see steps.ts), so that a million events are indexed a slice at a time. */
export function* viewContextSteps(
  events: readonly { id: string; when: EventDate }[],
  extent: TimeWindow,
  limits: ZoomLimits,
  lanes?: readonly Lane[],
  opening: { window?: TimeWindow; event?: string } = {},
  byId?: ReadonlyMap<string, { when: EventDate }>,
): Steps<ViewContext> {
  const n = events.length;
  const order: EventOrder = { length: n, events, starts: new Float64Array(n), ends: new Float64Array(n), itemStarts: new Float64Array(n) };
  let sorted = true;
  for (let i = 0; i < n; i++) {
    if ((i & STEP_MASK) === 0) yield;
    const event = events[i] as (typeof events)[number];
    order.starts[i] = event.when.start;
    order.ends[i] = event.when.end;
    order.itemStarts[i] = itemStart(event.when);
    if (i > 0) {
      const a = events[i - 1] as (typeof events)[number];
      if (compareEventOrder(a.when.start, a.when.end, a.id, event.when.start, event.when.end, event.id) >= 0) sorted = false;
    }
  }
  let indexOf: EventIndex;
  if (sorted) {
    const lookup = byId ?? new Map(events.map((event) => [event.id, event]));
    indexOf = bisectingIndex(order, (id) => lookup.get(id)?.when);
  } else {
    // Not in the validator's order (a list made by hand): a map it is.
    indexOf = new Map(events.map((event, i) => [event.id, i]));
  }
  return {
    order,
    indexOf,
    fit: fitWindow(extent),
    limits, ...(lanes ? { lanes } : {}),
    ...(opening.window ? { home: clampWindow(opening.window, limits) } : {}),
    ...(opening.event !== undefined ? { openingEvent: opening.event } : {}),
  };
}
