import { itemsInRange, type Lane, type LaneItem, type MarkShape } from './lanes';
import { placeLabels, type LabelBox } from './labels';
import { createTimeScale } from './timeScale';
import { GEOMETRY } from './geometry';
import type { TimeWindow } from './timeWindow';

export { GEOMETRY };

export interface LaneBand {
  lane: Lane;
  top: number;
  height: number;
}

/** A single event's own, focusable mark. */
export interface EventMark {
  type: 'event';
  key: string;
  event: number;
  laneId: string;
  shape: MarkShape;
  /** Point: centre. Span: left end, unclipped. */
  x: number;
  /** Span: right end, unclipped; equals x for a point. */
  x2: number;
  y: number;
  row: number;
  label: LabelBox | null;
}

/** Events too close to tell apart at this zoom, drawn as one mark with a count. */
export interface ClusterMark {
  type: 'cluster';
  key: string;
  laneId: string;
  shape: MarkShape;
  events: number[];
  x: number;
  x2: number;
  y: number;
  row: number;
  start: number;
  end: number;
}

/** Where an event of another lane also involves this lane's actor; several close ones merge into one stroke. */
export interface EchoMark {
  type: 'echo';
  key: string;
  laneId: string;
  shape: MarkShape;
  events: number[];
  x: number;
  x2: number;
  y: number;
}

export type Mark = EventMark | ClusterMark;

export interface TimelineLayout {
  bands: LaneBand[];
  marks: Mark[];
  echoes: EchoMark[];
  height: number;
  /** For each event in view, the key of the mark a keyboard user lands on for it. */
  focusKeyOfEvent: Map<number, string>;
}

export interface LayoutInput {
  lanes: readonly Lane[];
  window: TimeWindow;
  width: number;
  /** Label width in pixels per event index, measured once at the edge. */
  labelWidth: (event: number) => number;
  /** Events whose labels win collisions: the selected, then the focused one. */
  priority?: readonly number[];
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
  const scale = createTimeScale(window, width);
  const bands = bandsFor(lanes);
  const marks: Mark[] = [];
  const echoes: EchoMark[] = [];
  const margin = (window.end - window.start) * (GEOMETRY.pointGap / Math.max(width, 1));
  const toX = (item: LaneItem) => scale.toX(item.start);
  const spanRight = (item: LaneItem) => Math.max(scale.toX(item.end), scale.toX(item.start) + GEOMETRY.minSpanWidth);

  for (const band of bands) {
    const lane = band.lane;
    const laneId = lane.actor.id;
    const inView = itemsInRange(lane, window.start - margin, window.end + margin);
    const pointItems: LaneItem[] = [];
    const spanItems: LaneItem[][] = Array.from({ length: lane.spanRows }, () => []);
    const echoItems: LaneItem[] = [];
    for (const item of inView) {
      if (!item.primary) echoItems.push(item);
      else if (item.shape === 'point') pointItems.push(item);
      else spanItems[item.row - lane.pointRows]?.push(item);
    }

    // Points: a small group stacks into the lane's point rows; a larger one becomes a cluster.
    for (const group of chain(pointItems, toX, toX, GEOMETRY.pointGap)) {
      if (group.length <= lane.pointRows) {
        group.forEach((item, k) => {
          const x = toX(item);
          marks.push({ type: 'event', key: `event:${item.event}`, event: item.event, laneId, shape: 'point', x, x2: x, y: rowY(band, k), row: k, label: null });
        });
      } else {
        const first = group[0] as LaneItem;
        marks.push({
          type: 'cluster',
          key: `cluster:${laneId}:0:${first.event}`,
          laneId,
          shape: 'point',
          events: group.map((i) => i.event),
          x: toX(first),
          x2: toX(group[group.length - 1] as LaneItem),
          y: rowY(band, 0),
          row: 0,
          ...extentOf(group),
        });
      }
    }

    // Spans never overlap within a row in time; they merge only when the minimum width makes them collide.
    spanItems.forEach((items, i) => {
      const row = lane.pointRows + i;
      for (const group of chain(items, toX, spanRight, 0)) {
        const first = group[0] as LaneItem;
        const x = toX(first);
        const x2 = Math.max(...group.map(spanRight));
        if (group.length === 1) {
          marks.push({ type: 'event', key: `event:${first.event}`, event: first.event, laneId, shape: 'span', x, x2, y: rowY(band, row), row, label: null });
        } else {
          marks.push({ type: 'cluster', key: `cluster:${laneId}:${row}:${first.event}`, laneId, shape: 'span', events: group.map((g) => g.event), x, x2, y: rowY(band, row), row, ...extentOf(group) });
        }
      }
    });

    const echoRight = (item: LaneItem) => (item.shape === 'span' ? spanRight(item) : toX(item));
    for (const group of chain(echoItems, toX, echoRight, GEOMETRY.echoGap)) {
      const first = group[0] as LaneItem;
      echoes.push({
        type: 'echo',
        key: `echo:${laneId}:${first.event}`,
        laneId,
        shape: group.length === 1 ? first.shape : 'span',
        events: group.map((g) => g.event),
        x: toX(first),
        x2: Math.max(...group.map(echoRight)),
        y: rowY(band, -1),
      });
    }
  }

  placeLabels(marks, width, input.labelWidth, input.priority ?? []);

  const focusKeyOfEvent = new Map<number, string>();
  for (const mark of marks) {
    if (mark.type === 'event') focusKeyOfEvent.set(mark.event, mark.key);
    else for (const event of mark.events) focusKeyOfEvent.set(event, mark.key);
  }
  const last = bands[bands.length - 1];
  return { bands, marks, echoes, height: last ? last.top + last.height : 0, focusKeyOfEvent };
}
