/** The visible stretch of time, in UTC milliseconds. Immutable: every operation returns a new window. */
export interface TimeWindow {
  start: number;
  end: number;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** How far a reader may zoom and pan for a given data extent. */
export interface ZoomLimits {
  /** Narrowest window: a few hours. */
  minSpan: number;
  /** Widest window: a few times the data's extent. */
  maxSpan: number;
  /** The window's centre stays within these times, so the data can never be panned out of reach. */
  minCenter: number;
  maxCenter: number;
}

export const MIN_SPAN = 3 * HOUR;

export function spanOf(w: TimeWindow): number {
  return w.end - w.start;
}

export function centerOf(w: TimeWindow): number {
  return (w.start + w.end) / 2;
}

/** The extent of all events, or null when there are none. */
export function dataExtent(items: readonly { start: number; end: number }[]): TimeWindow | null {
  if (items.length === 0) return null;
  let start = Infinity;
  let end = -Infinity;
  for (const item of items) {
    if (item.start < start) start = item.start;
    if (item.end > end) end = item.end;
  }
  return { start, end };
}

/** The window that shows every event with a little air either side; a day at least. */
export function fitWindow(extent: TimeWindow): TimeWindow {
  const span = Math.max(spanOf(extent), DAY);
  const pad = span * 0.04;
  const center = centerOf(extent);
  return { start: center - span / 2 - pad, end: center + span / 2 + pad };
}

export function zoomLimitsFor(extent: TimeWindow): ZoomLimits {
  const fitted = spanOf(fitWindow(extent));
  const maxSpan = Math.max(fitted * 4, 7 * DAY);
  return { minSpan: MIN_SPAN, maxSpan, minCenter: extent.start - fitted / 2, maxCenter: extent.end + fitted / 2 };
}

/** Brings a window within the limits, keeping its centre where possible. */
export function clampWindow(w: TimeWindow, limits: ZoomLimits): TimeWindow {
  let span = spanOf(w);
  if (!Number.isFinite(span) || span <= 0) span = limits.minSpan;
  span = Math.min(Math.max(span, limits.minSpan), limits.maxSpan);
  const rawCenter = centerOf(w);
  const center = Math.min(Math.max(Number.isFinite(rawCenter) ? rawCenter : limits.minCenter, limits.minCenter), limits.maxCenter);
  return { start: center - span / 2, end: center + span / 2 };
}

/**
 * Zooms by `factor` (> 1 zooms in) keeping `anchor` at the same place on screen, as a wheel under
 * the pointer does. Limits are applied to the span first so the anchor does not drift at the bounds.
 */
export function zoomWindow(w: TimeWindow, factor: number, limits: ZoomLimits, anchor = centerOf(w)): TimeWindow {
  const span = spanOf(w);
  const next = Math.min(Math.max(span / factor, limits.minSpan), limits.maxSpan);
  const ratio = (anchor - w.start) / span;
  const start = anchor - ratio * next;
  return clampWindow({ start, end: start + next }, limits);
}

export function panWindow(w: TimeWindow, delta: number, limits: ZoomLimits): TimeWindow {
  return clampWindow({ start: w.start + delta, end: w.end + delta }, limits);
}

/** Pans the least needed so that [start, end] is inside the window with a margin; zooms out if it cannot fit. */
export function revealRange(w: TimeWindow, range: TimeWindow, limits: ZoomLimits, marginRatio = 0.1): TimeWindow {
  const span = spanOf(w);
  const margin = span * marginRatio;
  const needed = spanOf(range) + 2 * margin;
  if (needed > span) {
    const wider = Math.min(needed * 1.1, limits.maxSpan);
    const c = centerOf(range);
    return clampWindow({ start: c - wider / 2, end: c + wider / 2 }, limits);
  }
  if (range.start >= w.start + margin && range.end <= w.end - margin) return w;
  const delta = range.start < w.start + margin ? range.start - margin - w.start : range.end + margin - w.end;
  return panWindow(w, delta, limits);
}

/** The window that frames a range closely, for zooming into a cluster. */
export function frameRange(range: TimeWindow, limits: ZoomLimits): TimeWindow {
  const span = Math.max(spanOf(range), limits.minSpan);
  const pad = span * 0.25;
  const c = centerOf(range);
  return clampWindow({ start: c - span / 2 - pad, end: c + span / 2 + pad }, limits);
}

export function sameWindow(a: TimeWindow, b: TimeWindow, tolerance = 1): boolean {
  return Math.abs(a.start - b.start) <= tolerance && Math.abs(a.end - b.end) <= tolerance;
}
