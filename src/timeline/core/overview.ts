import { centerOf, clampWindow, panWindow, spanOf, zoomWindow, type TimeWindow, type ZoomLimits } from './timeWindow';

/** What a brush gesture or key moves: the whole window, or one of its edges. */
export type BrushTarget = 'move' | 'start' | 'end';

/** Narrowest the brush is drawn, so a window of a few hours stays grabbable. */
export const MIN_BRUSH_WIDTH = 8;

const KEY_STEP = 0.05;
const KEY_STEP_LARGE = 0.25;
const KEY_ZOOM = 1.5;

const clamp = (value: number, lo: number, hi: number) => Math.min(Math.max(value, lo), hi);

/**
 * How many events fall in each of `binCount` equal bins across `extent`.
 * Each event counts once, at its midpoint, so a bar counts events and a multi-year span cannot flood the strip.
 */
/** Ranges as columns (a view's event order): a million events need no object each. */
export interface RangeColumns {
  readonly length: number;
  readonly starts: ArrayLike<number>;
  readonly ends: ArrayLike<number>;
}

export function densityBins(ranges: readonly { start: number; end: number }[] | RangeColumns, extent: TimeWindow, binCount: number): Uint32Array {
  const count = Math.max(0, Math.floor(binCount));
  const bins = new Uint32Array(count);
  const span = spanOf(extent);
  if (count === 0 || !(span > 0)) return bins;
  const columns = 'starts' in ranges ? ranges : null;
  const objects = columns ? null : (ranges as readonly { start: number; end: number }[]);
  for (let k = 0; k < ranges.length; k++) {
    const mid = columns ? ((columns.starts[k] ?? 0) + (columns.ends[k] ?? 0)) / 2 : ((objects?.[k]?.start ?? 0) + (objects?.[k]?.end ?? 0)) / 2;
    if (!(mid >= extent.start && mid <= extent.end)) continue;
    const i = Math.min(count - 1, Math.floor(((mid - extent.start) / span) * count));
    bins[i] = (bins[i] ?? 0) + 1;
  }
  return bins;
}

const px = (v: number) => String(Math.round(v * 10) / 10);

/**
 * One SVG path of bars rising from the bottom edge, a square-root scale to the fullest bin (area reads
 * as count). Runs of non-empty bins become one stepped outline; an occupied bin is at least 1 px tall.
 */
export function densityPath(bins: ArrayLike<number>, width: number, height: number): string {
  let max = 0;
  for (let i = 0; i < bins.length; i++) max = Math.max(max, bins[i] ?? 0);
  if (max === 0 || !(width > 0) || !(height > 0)) return '';
  const binWidth = width / bins.length;
  const parts: string[] = [];
  let open = false;
  for (let i = 0; i < bins.length; i++) {
    const value = bins[i] ?? 0;
    if (value > 0) {
      const y = height - Math.max(1, Math.sqrt(value / max) * height);
      if (!open) parts.push(`M${px(i * binWidth)},${px(height)}`);
      parts.push(`V${px(y)}H${px((i + 1) * binWidth)}`);
      open = true;
    } else if (open) {
      parts.push(`V${px(height)}Z`);
      open = false;
    }
  }
  if (open) parts.push(`V${px(height)}Z`);
  return parts.join('');
}

/** The brush's place on a strip `width` px wide showing `extent`; unclipped, and at least MIN_BRUSH_WIDTH wide. */
export function brushRect(window: TimeWindow, extent: TimeWindow, width: number): { x: number; width: number } {
  const span = spanOf(extent);
  if (!(span > 0) || !(width > 0)) return { x: 0, width: Math.max(width, 0) };
  const k = width / span;
  const x = (window.start - extent.start) * k;
  const w = spanOf(window) * k;
  if (w >= MIN_BRUSH_WIDTH) return { x, width: w };
  return { x: x + w / 2 - MIN_BRUSH_WIDTH / 2, width: MIN_BRUSH_WIDTH };
}

/** The part of the brush drawn on the strip, kept at least MIN_BRUSH_WIDTH wide and inside it; a clipped side has no edge to show. */
export function visibleBrush(rect: { x: number; width: number }, stripWidth: number): { x: number; width: number; clippedStart: boolean; clippedEnd: boolean } {
  const clippedStart = rect.x < 0;
  const clippedEnd = rect.x + rect.width > stripWidth;
  let left = clamp(rect.x, 0, stripWidth);
  let right = clamp(rect.x + rect.width, 0, stripWidth);
  if (right - left < MIN_BRUSH_WIDTH) {
    // Pinned to the nearer strip edge when the window is (nearly) out of the extent.
    left = Math.max(0, Math.min(left, stripWidth - MIN_BRUSH_WIDTH));
    right = Math.min(stripWidth, left + MIN_BRUSH_WIDTH);
  }
  return { x: left, width: right - left, clippedStart, clippedEnd };
}

/**
 * Moves a window by `delta` ms. A window narrower than the extent stays inside it and a wider one keeps
 * covering it, but a window already past an edge is never snapped back (no jump on the first move).
 */
function shiftWindow(w: TimeWindow, delta: number, extent: TimeWindow, limits: ZoomLimits): TimeWindow {
  const fits = spanOf(w) <= spanOf(extent);
  const lo = Math.min(0, fits ? extent.start - w.start : extent.end - w.end);
  const hi = Math.max(0, fits ? extent.end - w.end : extent.start - w.start);
  return panWindow(w, clamp(delta, lo, hi), limits);
}

/** Moves one edge to `value`, holding the other: span within the limits, centre within its bounds, edge not pushed past the extent. */
function moveEdge(w: TimeWindow, edge: 'start' | 'end', value: number, extent: TimeWindow, limits: ZoomLimits): TimeWindow {
  if (edge === 'start') {
    const lo = Math.max(w.end - limits.maxSpan, 2 * limits.minCenter - w.end, Math.min(extent.start, w.start));
    const hi = Math.min(w.end - limits.minSpan, 2 * limits.maxCenter - w.end);
    return clampWindow({ start: clamp(value, lo, hi), end: w.end }, limits);
  }
  const lo = Math.max(w.start + limits.minSpan, 2 * limits.minCenter - w.start);
  const hi = Math.min(w.start + limits.maxSpan, 2 * limits.maxCenter - w.start, Math.max(extent.end, w.end));
  return clampWindow({ start: w.start, end: clamp(value, lo, hi) }, limits);
}

/** The window after dragging the brush (or one of its edges) `dxPixels` from where the drag began. */
export function windowFromBrushDrag(
  startWindow: TimeWindow,
  dxPixels: number,
  extent: TimeWindow,
  width: number,
  mode: BrushTarget,
  limits: ZoomLimits,
): TimeWindow {
  if (!(width > 0) || !Number.isFinite(dxPixels)) return clampWindow(startWindow, limits);
  const dt = (dxPixels / width) * spanOf(extent);
  if (mode === 'move') return shiftWindow(startWindow, dt, extent, limits);
  if (mode === 'start') return moveEdge(startWindow, 'start', startWindow.start + dt, extent, limits);
  return moveEdge(startWindow, 'end', startWindow.end + dt, extent, limits);
}

/** The same-span window centred on `time`, as a click on the strip asks for. */
export function windowCenteredAt(window: TimeWindow, time: number, limits: ZoomLimits): TimeWindow {
  const half = spanOf(window) / 2;
  return clampWindow({ start: time - half, end: time + half }, limits);
}

/** The range a brush slider reports to assistive technology, in ms: the window's start for the brush, an edge for a handle. */
export function brushSliderRange(window: TimeWindow, extent: TimeWindow, target: BrushTarget, limits: ZoomLimits): { min: number; max: number; now: number } {
  const span = spanOf(window);
  const range =
    target === 'move'
      ? { min: extent.start, max: Math.max(extent.start, extent.end - span), now: window.start }
      : target === 'start'
        ? { min: extent.start, max: Math.max(extent.start, window.end - limits.minSpan), now: window.start }
        : { min: Math.min(extent.end, window.start + limits.minSpan), max: extent.end, now: window.end };
  return { ...range, now: clamp(range.now, range.min, range.max) };
}

/**
 * The window after a key on the brush (`move`) or a handle, or null when the key is not the slider's.
 * Arrows step 5% of the span (Shift: 25%); Home/End go to the slider's ends; PageUp/PageDown zoom the
 * brush and take large steps on a handle.
 */
export function keyStep(window: TimeWindow, key: string, shift: boolean, target: BrushTarget, extent: TimeWindow, limits: ZoomLimits): TimeWindow | null {
  const span = spanOf(window);
  const step = span * (shift ? KEY_STEP_LARGE : KEY_STEP);
  const direction = key === 'ArrowRight' || key === 'ArrowUp' ? 1 : key === 'ArrowLeft' || key === 'ArrowDown' ? -1 : 0;
  if (target === 'move') {
    if (direction !== 0) return shiftWindow(window, direction * step, extent, limits);
    if (key === 'Home') return clampWindow({ start: extent.start, end: extent.start + span }, limits);
    if (key === 'End') return clampWindow({ start: extent.end - span, end: extent.end }, limits);
    if (key === 'PageUp') return zoomWindow(window, KEY_ZOOM, limits, centerOf(window));
    if (key === 'PageDown') return zoomWindow(window, 1 / KEY_ZOOM, limits, centerOf(window));
    return null;
  }
  const edge = target === 'start' ? window.start : window.end;
  const { min, max } = brushSliderRange(window, extent, target, limits);
  let value: number;
  if (direction !== 0) value = edge + direction * step;
  else if (key === 'PageUp') value = edge + span * KEY_STEP_LARGE;
  else if (key === 'PageDown') value = edge - span * KEY_STEP_LARGE;
  else if (key === 'Home') value = min;
  else if (key === 'End') value = max;
  else return null;
  return moveEdge(window, target, value, extent, limits);
}
