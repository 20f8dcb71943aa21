import { bisectLeft } from 'd3-array';
import type { Lane } from './lanes';
import { MAX_POINT_ROWS } from './lanes';
import type { Geometry } from './geometry';
import type { LaneBand } from './layout';
import { createTimeScale } from './timeScale';
import { DAY, HOUR, type TimeWindow } from './timeWindow';

/*
 * Where a lane holds more events than its marks can show, its first row becomes a density band: a
 * histogram of all its events per time bin, a few pixels wide, on one scale for all lanes, under its clusters, which are drawn
 * quietly (see isQuiet). Pure: the page, the gesture canvas and the exported picture draw the same bands
 * from the same output.
 */

/** A bin's length: a number of hours, days, weeks (from Monday) or calendar months (UTC). */
export interface BinStep {
  unit: 'hour' | 'day' | 'week' | 'month';
  count: number;
}

export interface DensityBin {
  /** The bin's time range, half-open [start, end). */
  start: number;
  end: number;
  count: number;
  x: number;
  x2: number;
  /** 0–1: its count relative to the fullest bin in view, on one linear scale for every lane (bar height reads as count). */
  level: number;
}

export interface LaneDensity {
  laneId: string;
  /** Where the band is drawn: the lane's first row, below its header (where its binned point clusters stand). */
  top: number;
  bottom: number;
  /** The bins that hold events, in time order. */
  bins: DensityBin[];
  /** Events of the lane whose middle is in the window. */
  inView: number;
  /** The fullest bin (the first of equals). */
  busiest: DensityBin | null;
}

export interface DensityLayout {
  step: BinStep;
  /** The lanes drawn as bands, in the layout's order; other lanes keep their marks alone. */
  lanes: LaneDensity[];
  /** The count of the fullest bin across the bands, the scale's top. */
  max: number;
  /** Ids of the lanes drawn as bands: their binned clusters are drawn quietly over the band. */
  dense: ReadonlySet<string>;
}

export interface DensityInput {
  bands: readonly LaneBand[];
  window: TimeWindow;
  width: number;
  geometry: Geometry;
}

/** Bins are at least this wide, so that a band has detail without single pixels flickering. */
export const MIN_BIN_PX = 4;
/** Fewer events than this in view never make a band: a small story keeps its marks. */
export const MIN_DENSE_EVENTS = 64;

/**
 * A lane is dense when it holds more events per 100 px than its point rows could show side by side
 * (MAX_POINT_ROWS rows of marks `pointGap` apart): beyond that, most of them are clusters.
 */
export function densePer100px(G: Geometry): number {
  return (MAX_POINT_ROWS * 100) / G.pointGap;
}

const MONTH = 30.44 * DAY;
const LADDER: readonly BinStep[] = [
  ...[1, 2, 3, 6, 12].map((count) => ({ unit: 'hour' as const, count })),
  ...[1, 2].map((count) => ({ unit: 'day' as const, count })),
  ...[1, 2].map((count) => ({ unit: 'week' as const, count })),
  ...[1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000, 12000].map((count) => ({ unit: 'month' as const, count })),
];

function approxMs(step: BinStep): number {
  const unit = { hour: HOUR, day: DAY, week: 7 * DAY, month: MONTH }[step.unit];
  return unit * step.count;
}

/** The shortest step of the ladder whose bins are at least `minPx` wide at this zoom. */
export function binStepFor(msPerPx: number, minPx = MIN_BIN_PX): BinStep {
  const wanted = msPerPx * minPx;
  return LADDER.find((step) => approxMs(step) >= wanted) ?? (LADDER[LADDER.length - 1] as BinStep);
}

/** Midnight UTC of the first day of month `m` counted from year 0 (Date.UTC would read years 0–99 as 1900s). */
function monthStart(m: number): number {
  const year = Math.floor(m / 12);
  const date = new Date(0);
  date.setUTCFullYear(year, m - year * 12, 1);
  return date.getTime();
}

// The epoch fell on a Thursday; weeks start on the Monday after it.
const MONDAY = 4 * DAY;

/**
 * The bin boundaries that cover [from, to]: the first at or before `from`, the last at or after `to`.
 * Bins are aligned to the calendar (or the epoch), so they stay put while panning.
 */
export function binEdges(from: number, to: number, step: BinStep): number[] {
  const edges: number[] = [];
  if (!(Number.isFinite(from) && Number.isFinite(to) && to > from)) return edges;
  if (step.unit === 'month') {
    const d = new Date(from);
    let m = Math.floor((d.getUTCFullYear() * 12 + d.getUTCMonth()) / step.count) * step.count;
    for (;;) {
      const t = monthStart(m);
      edges.push(t);
      if (t >= to) break;
      m += step.count;
    }
    return edges;
  }
  const size = approxMs(step);
  const offset = step.unit === 'week' ? MONDAY : 0;
  for (let t = Math.floor((from - offset) / size) * size + offset; ; t += size) {
    edges.push(t);
    if (t >= to) break;
  }
  return edges;
}

const indexes = new WeakMap<Lane, Float64Array>();

/**
 * The middle times of a lane's own events (not its echoes), sorted: the count in any range is two
 * bisections. Each event counts once, at its middle, as in the overview strip, so a span of years
 * is not counted in every bin it crosses. Built once per lane.
 */
export function densityIndex(lane: Lane): Float64Array {
  let index = indexes.get(lane);
  if (!index) {
    const rows = [lane.pointIndex, ...lane.spanIndex];
    index = new Float64Array(rows.reduce((n, row) => n + row.starts.length, 0));
    let at = 0;
    for (const row of rows) for (let j = 0; j < row.starts.length; j++) index[at++] = ((row.starts[j] as number) + (row.ends[j] as number)) / 2;
    index.sort();
    indexes.set(lane, index);
  }
  return index;
}

/** How many of the sorted times fall in [from, to). */
export function countIn(times: Float64Array, from: number, to: number): number {
  return bisectLeft(times, to) - bisectLeft(times, from);
}

/** Whether a lane with `inView` events in a plot `width` px wide is drawn as a band. */
export function isDense(inView: number, width: number, G: Geometry): boolean {
  return inView >= MIN_DENSE_EVENTS && inView > (densePer100px(G) * width) / 100;
}

/**
 * The density bands of the lanes too dense for their marks. Work per frame: a bisection per bin
 * boundary per dense lane, whatever the number of events.
 */
export function layoutDensity({ bands, window, width, geometry: G }: DensityInput): DensityLayout {
  const msPerPx = (window.end - window.start) / Math.max(width, 1);
  const step = binStepFor(msPerPx);
  const scale = createTimeScale(window, width);
  const lanes: LaneDensity[] = [];
  let max = 0;
  let edges: number[] | null = null;
  for (const band of bands) {
    const times = densityIndex(band.lane);
    const inView = countIn(times, window.start, window.end);
    if (!isDense(inView, width, G)) continue;
    edges ??= binEdges(window.start, window.end, step);
    const bins: DensityBin[] = [];
    let busiest: DensityBin | null = null;
    let below = bisectLeft(times, edges[0] ?? window.start);
    for (let i = 0; i + 1 < edges.length; i++) {
      const start = edges[i] as number;
      const end = edges[i + 1] as number;
      const upTo = bisectLeft(times, end, below);
      const count = upTo - below;
      below = upTo;
      if (count === 0) continue;
      const bin: DensityBin = { start, end, count, x: scale.toX(start), x2: scale.toX(end), level: 0 };
      bins.push(bin);
      if (!busiest || count > busiest.count) busiest = bin;
    }
    max = Math.max(max, busiest?.count ?? 0);
    const top = band.top + G.laneHeader;
    lanes.push({
      laneId: band.lane.actor.id,
      top,
      // The lane's first row: its binned point clusters stand there, quietly, over the band.
      bottom: top + (band.lane.pointRows > 0 ? G.pointRow : G.spanRow),
      bins,
      inView,
      busiest,
    });
  }
  for (const lane of lanes) for (const bin of lane.bins) bin.level = bin.count / max;
  return { step, lanes, max, dense: new Set(lanes.map((l) => l.laneId)) };
}

/**
 * Whether a mark is drawn quietly over a band: a cluster that summarises a time bin of a dense lane.
 * A point cluster is left to the band's bars (its outline shows on hover, its count on focus); a span
 * cluster is a plain tint without its count, so a stretch of many spans does not read as a row of numbers.
 */
export function isQuiet(mark: { type: string; laneId: string; binned?: boolean }, density: Pick<DensityLayout, 'dense'>): boolean {
  return mark.type === 'cluster' && mark.binned === true && density.dense.has(mark.laneId);
}

/** The bin under x in a lane's band, if any (bins are in x order). */
export function binAt(lane: LaneDensity, x: number): DensityBin | null {
  let lo = 0;
  let hi = lane.bins.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((lane.bins[mid] as DensityBin).x2 <= x) lo = mid + 1;
    else hi = mid;
  }
  const bin = lane.bins[lo];
  return bin && bin.x <= x ? bin : null;
}

/** The dense lane whose band holds y, if any. */
export function laneAt(density: DensityLayout, y: number): LaneDensity | null {
  return density.lanes.find((lane) => y >= lane.top && y < lane.bottom) ?? null;
}

const px = (v: number) => String(Math.round(v * 10) / 10);

/** A bar's top: an occupied bin is at least 2 px tall, so a single event is not lost. */
function barTop(bin: DensityBin, top: number, bottom: number): number {
  return bottom - Math.max(2, bin.level * (bottom - top));
}

/**
 * The band as one SVG path: bars rising from the lane's bottom, runs of adjacent bins as one stepped
 * outline, clipped to [0, width]. Canvas (Path2D) and SVG draw the same string.
 */
export function bandPath(lane: LaneDensity, width: number): string {
  const parts: string[] = [];
  let openAt: number | null = null;
  const close = () => {
    if (openAt !== null) parts.push(`V${px(lane.bottom)}Z`);
    openAt = null;
  };
  for (const bin of lane.bins) {
    const x = Math.max(bin.x, 0);
    const x2 = Math.min(bin.x2, width);
    if (x2 <= x) continue;
    if (openAt === null || Math.abs(openAt - x) > 0.01) {
      close();
      parts.push(`M${px(x)},${px(lane.bottom)}`);
    }
    parts.push(`V${px(barTop(bin, lane.top, lane.bottom))}H${px(x2)}`);
    openAt = x2;
  }
  close();
  return parts.join('');
}

/** The band's top edge alone (no sides down to the baseline), drawn in the lane's full colour. */
export function bandOutline(lane: LaneDensity, width: number): string {
  const parts: string[] = [];
  let openAt: number | null = null;
  for (const bin of lane.bins) {
    const x = Math.max(bin.x, 0);
    const x2 = Math.min(bin.x2, width);
    if (x2 <= x) continue;
    const y = px(barTop(bin, lane.top, lane.bottom));
    if (openAt === null || Math.abs(openAt - x) > 0.01) parts.push(`M${px(x)},${y}`);
    else parts.push(`V${y}`);
    parts.push(`H${px(x2)}`);
    openAt = x2;
  }
  return parts.join('');
}
