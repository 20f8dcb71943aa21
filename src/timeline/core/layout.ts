import { itemAt, lowerBound, rowItemsInRange, rowRange, type Lane, type LaneItem, type MarkShape, type RowIndex } from './lanes';
import { placeLabels } from './labels';
import type { ClusterMark, EchoMark, FocusKeys, LaneBand, Mark, TimelineLayout } from './marks';
import { createTimeScale } from './timeScale';
import { GEOMETRY, type Geometry } from './geometry';
import type { TimeWindow } from './timeWindow';

export { GEOMETRY, type Geometry };
export type { ClusterMark, EchoMark, EventMark, FocusKeys, LaneBand, Mark, TimelineLayout } from './marks';

export interface LayoutInput {
  lanes: readonly Lane[];
  /** Where an event sits in its row's time order (a point's drawn time, a span's start); finds priority events inside dense clusters. */
  itemStartOf?: (event: number) => number;
  window: TimeWindow;
  width: number;
  /** Label width in pixels per event index, measured once at the edge. */
  labelWidth: (event: number) => number;
  /** Events whose labels win collisions: the selected, then the focused one. */
  priority?: readonly number[];
  /** Row heights, gaps and target sizes; GEOMETRY unless given. */
  geometry?: Geometry;
}

export function laneHeight(lane: Lane): number {
  return (
    GEOMETRY.laneHeader +
    lane.pointRows * GEOMETRY.pointRow +
    lane.spanRows * GEOMETRY.spanRow +
    (lane.hasEchoes ? GEOMETRY.echoRail : 0) +
    GEOMETRY.lanePadding
  );
}

export function bandsFor(lanes: readonly Lane[]): LaneBand[] {
  let top = 0;
  return lanes.map((lane) => {
    const band = { lane, top, height: laneHeight(lane) };
    top += band.height;
    return band;
  });
}

/** Vertical centre of a row; point rows come first, then span rows, then the echo rail (row -1). */
export function rowY(band: LaneBand, row: number): number {
  const { pointRows, spanRows } = band.lane;
  const base = band.top + GEOMETRY.laneHeader;
  if (row < 0) return base + pointRows * GEOMETRY.pointRow + spanRows * GEOMETRY.spanRow + GEOMETRY.echoRail / 2;
  if (row < pointRows) return base + row * GEOMETRY.pointRow + GEOMETRY.pointRow / 2;
  return base + pointRows * GEOMETRY.pointRow + (row - pointRows) * GEOMETRY.spanRow + GEOMETRY.spanRow / 2;
}

/** Greedy left-to-right grouping of items whose drawn extents come within `gap` pixels of each other. */
export function chain<T>(items: readonly T[], left: (t: T) => number, right: (t: T) => number, gap: number): T[][] {
  const groups: T[][] = [];
  let reach = -Infinity;
  for (const item of items) {
    const current = groups[groups.length - 1];
    if (current && left(item) - reach < gap) {
      current.push(item);
      reach = Math.max(reach, right(item));
    } else {
      groups.push([item]);
      reach = right(item);
    }
  }
  return groups;
}

/** Beyond this many items in view, a row is summarised by time bins: the frame's work follows the bins, not the events. */
export const DENSE_ITEMS = 256;
/** A span whose visible part covers more than this share of the plot's width is context (see EventMark.context). */
export const CONTEXT_SHARE = 0.6;
/** Clusters list their events up to this many. */
export const MAX_LISTED = 512;
const DENSE_POINT_BIN_PX = 40;
const DENSE_SPAN_BIN_PX = 40;

const MINUTE = 60_000;
const BIN_LADDER = [1, 5, 15, 60, 180, 360, 720, 1440, 2 * 1440, 7 * 1440, 14 * 1440, 30 * 1440, 91 * 1440, 182 * 1440, 365 * 1440].map((m) => m * MINUTE);

/** The smallest round bin at least `minMs` long; bins are aligned to the epoch so they stay put while panning. */
export function binSize(minMs: number): number {
  const found = BIN_LADDER.find((b) => b >= minMs);
  if (found) return found;
  const year = 365 * 1440 * MINUTE;
  const years = minMs / year;
  const step = [1, 2, 5].map((m) => m * 10 ** Math.floor(Math.log10(years))).find((y) => y >= years) ?? 10 ** Math.ceil(Math.log10(years));
  return step * year;
}

export interface TimeBin {
  binStart: number;
  j0: number;
  j1: number;
}

/** The non-empty time bins among a row's items [i0, i1), each found by bisection. */
export function timeBins(row: RowIndex, i0: number, i1: number, binMs: number): TimeBin[] {
  const bins: TimeBin[] = [];
  let j = i0;
  while (j < i1) {
    const binStart = Math.floor((row.starts[j] as number) / binMs) * binMs;
    let lo = j;
    let hi = i1;
    const binEnd = binStart + binMs;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((row.starts[mid] as number) < binEnd) lo = mid + 1;
      else hi = mid;
    }
    bins.push({ binStart, j0: j, j1: lo });
    j = lo;
  }
  return bins;
}

function findInDenseCluster(lanes: readonly Lane[], marks: readonly Mark[], event: number, start: number): string | null {
  for (const lane of lanes) {
    const rows: [RowIndex, (m: ClusterMark) => boolean][] = [
      [lane.pointIndex, (m) => m.shape === 'point'],
      ...lane.spanIndex.map((r, i): [RowIndex, (m: ClusterMark) => boolean] => [r, (m) => m.shape === 'span' && m.row === lane.pointRows + i]),
    ];
    for (const [row, isRow] of rows) {
      for (let j = lowerBound(row.starts, start); j < row.events.length && row.starts[j] === start; j++) {
        if (row.events[j] !== event) continue;
        const cluster = marks.find((m): m is ClusterMark => m.type === 'cluster' && m.laneId === lane.actor.id && isRow(m) && j >= m.range[0] && j < m.range[1]);
        return cluster ? cluster.key : null;
      }
    }
  }
  return null;
}

function extentOf(group: readonly LaneItem[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const item of group) {
    start = Math.min(start, item.start);
    end = Math.max(end, item.end);
  }
  return { start, end };
}

/**
 * Lays out what is in view: marks for single events, clusters where marks would crowd, echoes of
 * shared events, and labels where they fit. Work is proportional to the items in view, found by
 * bisection per lane; nothing here touches the DOM.
 */
export function layoutTimeline(input: LayoutInput): TimelineLayout {
  const { lanes, window, width } = input;
  const G = input.geometry ?? GEOMETRY;
  const scale = createTimeScale(window, width);
  const bands = bandsFor(lanes);
  const marks: Mark[] = [];
  const echoes: EchoMark[] = [];
  const margin = (window.end - window.start) * (G.pointGap / Math.max(width, 1));
  const toX = (item: LaneItem) => scale.toX(item.start);
  const msPerPx = (window.end - window.start) / Math.max(width, 1);
  const pointBinMs = binSize(DENSE_POINT_BIN_PX * msPerPx);
  const spanBinMs = binSize(DENSE_SPAN_BIN_PX * msPerPx);
  const spanRight = (item: LaneItem) => Math.max(scale.toX(item.end), scale.toX(item.start) + G.minSpanWidth);

  for (const band of bands) {
    const lane = band.lane;
    const laneId = lane.actor.id;
    const from = window.start - margin;
    const to = window.end + margin;

    // Points: a small group stacks into the lane's point rows; a larger one becomes a cluster.
    const points = lane.pointIndex;
    const [p0, p1] = rowRange(points, from, to);
    if (p1 - p0 > DENSE_ITEMS) {
      for (const bin of timeBins(points, p0, p1, pointBinMs)) {
        if (bin.j1 - bin.j0 <= lane.pointRows) {
          for (let j = bin.j0, k = 0; j < bin.j1; j++, k++) pushPoint(itemAt(points, j), k);
        } else marks.push(binnedCluster(laneId, 'point', points, bin, 0));
      }
    } else {
      for (const group of chain(rowItemsInRange(points, from, to), toX, toX, G.pointGap)) {
        if (group.length <= lane.pointRows) group.forEach((item, k) => pushPoint(item, k));
        else marks.push(listedCluster(laneId, 'point', group, toX(group[0] as LaneItem), toX(group[group.length - 1] as LaneItem), 0, points));
      }
    }

    // Spans never overlap within a row in time; they merge only when the minimum width makes them collide.
    lane.spanIndex.forEach((spans, i) => {
      const row = lane.pointRows + i;
      const [s0, s1] = rowRange(spans, from, to);
      if (s1 - s0 > DENSE_ITEMS) {
        for (const bin of timeBins(spans, s0, s1, spanBinMs)) {
          if (bin.j1 - bin.j0 === 1) pushSpan(itemAt(spans, bin.j0), row);
          else marks.push(binnedCluster(laneId, 'span', spans, bin, row));
        }
        return;
      }
      for (const group of chain(rowItemsInRange(spans, from, to), toX, spanRight, 0)) {
        if (group.length === 1) pushSpan(group[0] as LaneItem, row);
        else marks.push(listedCluster(laneId, 'span', group, toX(group[0] as LaneItem), Math.max(...group.map(spanRight)), row, spans));
      }
    });

    const echoRight = (item: LaneItem) => (item.shape === 'span' ? spanRight(item) : toX(item));
    const [e0, e1] = rowRange(lane.echoIndex, from, to);
    const echoGroups: { items: LaneItem[]; x: number; x2: number }[] = [];
    if (e1 - e0 > DENSE_ITEMS) {
      for (const bin of timeBins(lane.echoIndex, e0, e1, pointBinMs)) {
        const items = Array.from({ length: Math.min(bin.j1 - bin.j0, 2) }, (_, k) => itemAt(lane.echoIndex, bin.j0 + k));
        echoGroups.push({ items, x: scale.toX(bin.binStart), x2: scale.toX(bin.binStart + pointBinMs) });
      }
    } else {
      for (const group of chain(rowItemsInRange(lane.echoIndex, from, to), toX, echoRight, G.echoGap)) {
        echoGroups.push({ items: group, x: toX(group[0] as LaneItem), x2: Math.max(...group.map(echoRight)) });
      }
    }
    for (const group of echoGroups) {
      const first = group.items[0] as LaneItem;
      echoes.push({
        type: 'echo',
        key: `echo:${laneId}:${first.event}`,
        laneId,
        shape: group.items.length === 1 ? first.shape : 'span',
        events: group.items.map((g) => g.event),
        x: group.x,
        x2: group.x2,
        y: rowY(band, -1),
      });
    }

    function pushPoint(item: LaneItem, k: number) {
      const x = toX(item);
      marks.push({ type: 'event', key: `event:${item.event}`, event: item.event, laneId, shape: 'point', x, x2: x, y: rowY(band, k), row: k, label: null, context: false });
    }
    function pushSpan(item: LaneItem, row: number) {
      const x = toX(item);
      const x2 = spanRight(item);
      const context = Math.min(x2, width) - Math.max(x, 0) > width * CONTEXT_SHARE;
      marks.push({ type: 'event', key: `event:${item.event}`, event: item.event, laneId, shape: 'span', x, x2, y: rowY(band, row), row, label: null, context });
    }
    function listedCluster(laneId: string, shape: MarkShape, group: readonly LaneItem[], x: number, x2: number, row: number, index: RowIndex): ClusterMark {
      const first = group[0] as LaneItem;
      const j0 = lowerBound(index.starts, first.start);
      return {
        type: 'cluster',
        key: `cluster:${laneId}:${row}:${first.event}`,
        laneId,
        shape,
        events: Int32Array.from(group, (i) => i.event),
        count: group.length,
        first: first.event,
        binned: false,
        range: [j0, j0 + group.length],
        x,
        x2,
        y: rowY(band, row),
        row,
        ...extentOf(group),
      };
    }
    function binnedCluster(laneId: string, shape: MarkShape, index: RowIndex, bin: TimeBin, row: number): ClusterMark {
      const count = bin.j1 - bin.j0;
      const listed = index.events.subarray(bin.j0, count <= MAX_LISTED ? bin.j1 : bin.j0);
      return {
        type: 'cluster',
        // Keyed by the bin, which stays put while panning.
        key: `cluster:${laneId}:${row}:t${bin.binStart}`,
        laneId,
        shape,
        events: listed,
        count,
        first: index.events[bin.j0] as number,
        binned: true,
        range: [bin.j0, bin.j1],
        x: scale.toX(bin.binStart),
        x2: scale.toX(bin.binStart + (shape === 'point' ? pointBinMs : spanBinMs)),
        y: rowY(band, row),
        row,
        start: index.starts[bin.j0] as number,
        end: index.maxEnds[bin.j1 - 1] as number,
      };
    }
  }

  const compact = compactRows(bands, marks, echoes, G);
  placeLabels(marks, width, input.labelWidth, input.priority ?? []);

  const last = compact[compact.length - 1];
  const focusKeyOfEvent = lazyFocusKeys(() => focusKeysOf(lanes, marks, input.priority ?? [], input.itemStartOf));
  return { bands: compact, marks, echoes, height: last ? last.top + last.height : 0, geometry: G, focusKeyOfEvent };
}

function focusKeysOf(lanes: readonly Lane[], marks: readonly Mark[], priority: readonly number[], itemStartOf: ((event: number) => number) | undefined): Map<number, string> {
  const keys = new Map<number, string>();
  for (const mark of marks) {
    if (mark.type === 'event') keys.set(mark.event, mark.key);
    else for (const event of mark.events) keys.set(event, mark.key);
  }
  // Priority events inside clusters too dense to list are found by where they stand in their row.
  for (const event of priority) {
    if (keys.has(event) || !itemStartOf) continue;
    const key = findInDenseCluster(lanes, marks, event, itemStartOf(event));
    if (key) keys.set(event, key);
  }
  return keys;
}

function lazyFocusKeys(build: () => Map<number, string>): FocusKeys {
  let keys: Map<number, string> | null = null;
  return {
    get: (event) => (keys ??= build()).get(event),
    values: () => (keys ??= build()).values(),
  };
}

/**
 * Rows are packed once per dataset, but what a row holds depends on the view: a row with nothing in view
 * shrinks to a sliver and a row of context bars to a thin one, so the events of the story get the height.
 * Moves the marks and echoes (fresh objects of this layout) to their rows' new centres; returns the new bands.
 */
function compactRows(bands: readonly LaneBand[], marks: Mark[], echoes: EchoMark[], G: Geometry): LaneBand[] {
  // Per lane, per row: 0 nothing in view, 1 only context bars, 2 anything else. Runs on every frame of a gesture.
  const EMPTY = 0;
  const CONTEXT = 1;
  const FULL = 2;
  const kinds = new Map<string, Uint8Array>(bands.map((b) => [b.lane.actor.id, new Uint8Array(b.lane.pointRows + b.lane.spanRows)]));
  for (const mark of marks) {
    const rows = kinds.get(mark.laneId);
    if (!rows || mark.row < 0) continue;
    rows[mark.row] = Math.max(rows[mark.row] ?? EMPTY, mark.type === 'event' && mark.context ? CONTEXT : FULL);
  }
  const centres = new Map<string, number[]>();
  const echoCentres = new Map<string, number>();
  let top = 0;
  const compacted = bands.map((band) => {
    const { lane } = band;
    const id = lane.actor.id;
    const ys: number[] = [];
    let y = top + G.laneHeader;
    const rows = kinds.get(id);
    for (let row = 0; row < lane.pointRows + lane.spanRows; row++) {
      const kind = rows?.[row] ?? EMPTY;
      const full = row < lane.pointRows ? G.pointRow : G.spanRow;
      const h = kind === FULL ? full : kind === CONTEXT ? G.contextRow : G.emptyRow;
      ys.push(y + h / 2);
      y += h;
    }
    echoCentres.set(id, y + G.echoRail / 2);
    if (lane.hasEchoes) y += G.echoRail;
    y += G.lanePadding;
    centres.set(id, ys);
    const next = { lane, top, height: y - top };
    top = y;
    return next;
  });
  for (const mark of marks) mark.y = centres.get(mark.laneId)?.[mark.row] ?? mark.y;
  for (const echo of echoes) echo.y = echoCentres.get(echo.laneId) ?? echo.y;
  return compacted;
}
