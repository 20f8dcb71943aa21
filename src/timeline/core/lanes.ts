import { bisectLeft, bisectRight } from 'd3-array';
import type { Actor } from '../../data/schema';
import type { EventDate } from '../../data/edtfDate';
import { DAY } from './timeWindow';
import { finish, STEP_MASK, type Steps } from './steps';

/** What the lane builder needs of an event: its actors and when it happened. */
export interface LaneEventInput {
  actors: readonly string[];
  when: EventDate;
}

export type MarkShape = 'point' | 'span';

/** One event's appearance in one lane. */
export interface LaneItem {
  /** Index into the time-sorted event list. */
  event: number;
  shape: MarkShape;
  /** Row within the lane: point rows first, then span rows; -1 for an echo, drawn on the lane's echo rail. */
  row: number;
  /** The event's first lane holds its focusable mark; other lanes show an echo linked to it. */
  primary: boolean;
  start: number;
  end: number;
}

/**
 * One row's items in time order, as columns: bisection works on the typed arrays, and a million items
 * are a few typed arrays rather than a million objects on the page's heap (see itemAt).
 */
export interface RowIndex {
  /** The row every item sits in: a span row's number within the lane, 0 for points (stacked at layout), -1 for echoes. */
  row: number;
  /** Whether these are the events' own marks; echoes are not. */
  primary: boolean;
  /** Each item's index into the time-sorted event list. */
  events: Int32Array;
  /** 1 for a span, 0 for a point: an echo rail carries both. */
  spans: Uint8Array;
  starts: Float64Array;
  ends: Float64Array;
  /** Running maximum of ends: the first item that can reach a time is found by bisection. */
  maxEnds: Float64Array;
}

export interface Lane {
  /** The state, alliance or unaffiliated organization the lane stands for. */
  actor: Actor;
  /** Every actor whose events are drawn here: the lane's actor and its people and organizations. */
  members: Actor[];
  pointRows: number;
  spanRows: number;
  /** Whether the lane shows echoes of events whose own mark is in another lane. */
  hasEchoes: boolean;
  /** How many items the lane holds: its own marks and its echoes. */
  count: number;
  /** The lane's points, its span rows (in row order) and its echoes, each indexed for bisection. */
  pointIndex: RowIndex;
  spanIndex: RowIndex[];
  echoIndex: RowIndex;
}

/** The j-th item of a row, as an object: made only for what is in view. */
export function itemAt(index: RowIndex, j: number): LaneItem {
  return {
    event: index.events[j] as number,
    shape: index.spans[j] === 1 ? 'span' : 'point',
    row: index.row,
    primary: index.primary,
    start: index.starts[j] as number,
    end: index.ends[j] as number,
  };
}

/** A lane's rows (or its columns'): points, each span row, echoes. */
export const laneRows = (lane: Pick<Lane, 'pointIndex' | 'spanIndex' | 'echoIndex'>): RowIndex[] => [lane.pointIndex, ...lane.spanIndex, lane.echoIndex];

const byTime = (a: LaneItem, b: LaneItem) => a.start - b.start || a.event - b.event;

/** Every item of a lane, in time order: for tests and tools, not for drawing (which bisects rows). */
export function laneItems(lane: Lane): LaneItem[] {
  return laneRows(lane)
    .flatMap((row) => Array.from(row.events, (_, j) => itemAt(row, j)))
    .sort(byTime);
}

export const MAX_POINT_ROWS = 3;
export const MAX_SPAN_ROWS = 24;
/** A lane with thousands of events gets fewer span rows: the rest share the last, summarised by time bins. */
export const MAX_SPAN_ROWS_DENSE = 4;
const DENSE_LANE = 2000;

/** A day- or time-precise event is drawn as a point; anything less certain is drawn as a span. */
export function shapeOf(when: EventDate): MarkShape {
  const precise = (p: EventDate['startPrecision']) => p === 'day' || p === 'time';
  return precise(when.startPrecision) && precise(when.endPrecision) && when.end - when.start <= DAY ? 'point' : 'span';
}

/** Where a point sits: a day-precise event in the middle of its day, a timed one at its instant. */
export function pointTime(when: EventDate): number {
  return when.startPrecision === 'time' ? when.start : (when.start + when.end) / 2;
}

/** Where an event stands in its row's time order: a point at its drawn time, a span at its start. */
export function itemStart(when: EventDate): number {
  return shapeOf(when) === 'point' ? pointTime(when) : when.start;
}

/** Each event's itemStart by index, as layoutTimeline asks for it. */
export function itemStartOf(events: readonly { when: EventDate }[]): (index: number) => number {
  return (i) => {
    const when = events[i]?.when;
    return when ? itemStart(when) : 0;
  };
}

/** The lane an actor's events belong to: its state or alliance, or itself. */
export function laneActorId(actor: Actor): string {
  return actor.memberOf ?? actor.id;
}

/**
 * Groups events into one lane per state, alliance or unaffiliated organization, ordered by how many
 * events they hold; `onlyLanes` keeps just the lanes of chosen actors. Rows are assigned once, independent of zoom, so marks never jump between rows.
 */
export function buildLanes(
  events: readonly LaneEventInput[],
  actors: readonly Actor[],
  onlyLanes: ReadonlySet<string> | null = null,
  onLane?: (done: number, total: number) => void,
): Lane[] {
  return finish(laneSteps(events, actors, onlyLanes, onLane));
}

/**
 * buildLanes as steps (see steps.ts), so that a million events can be laid out a slice at a time; `onLane`
 * is told each time a lane's rows are laid out, of how many lanes.
 */
export function* laneSteps(
  events: readonly LaneEventInput[],
  actors: readonly Actor[],
  onlyLanes: ReadonlySet<string> | null = null,
  onLane?: (done: number, total: number) => void,
): Steps<Lane[]> {
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  // Each actor's lane, worked out once. Filtered to some actors: their lanes only; the other actors of an
  // event stay in its details.
  const laneIdOf = new Map<string, string>();
  for (const actor of actors) {
    const laneId = actorsById.has(laneActorId(actor)) ? laneActorId(actor) : actor.id;
    if (onlyLanes === null || onlyLanes.has(laneId)) laneIdOf.set(actor.id, laneId);
  }
  const laneEvents = new Map<string, number[]>();
  const primaryLane: string[] = [];
  // Each event's place in time, read here, in one pass over the events in their order, while its object is
  // at hand for its actors: read again for each lane, scattered across the heap, it was half of laying out.
  const times = new EventTimes(events.length);
  for (let index = 0; index < events.length; index++) {
    if ((index & STEP_MASK) === 0) yield;
    const event = events[index] as LaneEventInput;
    for (const actorId of event.actors) {
      const laneId = laneIdOf.get(actorId);
      if (laneId === undefined) continue;
      let list = laneEvents.get(laneId);
      if (!list) laneEvents.set(laneId, (list = []));
      // Two of the event's actors share this lane: it is shown there once.
      if (list[list.length - 1] === index) continue;
      if (primaryLane[index] === undefined) {
        primaryLane[index] = laneId;
        times.set(index, event.when);
      }
      list.push(index);
    }
  }

  const lanes: Lane[] = [];
  for (const [laneId, indices] of laneEvents) {
    const actor = actorsById.get(laneId) as Actor;
    const members = [actor, ...actors.filter((a) => a.id !== laneId && laneActorId(a) === laneId)];
    lanes.push(yield* layoutLaneRows(actor, members, indices, times, primaryLane));
    onLane?.(lanes.length, laneEvents.size);
  }
  return lanes.sort((a, b) => b.count - a.count || a.actor.name.localeCompare(b.actor.name));
}

/**
 * Where each event stands in time, as its marks are drawn: a span from its start to its end, a point at its
 * drawn time (both ends). Columns by event index.
 */
class EventTimes {
  readonly from: Float64Array;
  readonly to: Float64Array;
  /** 1 for a span, 0 for a point. */
  readonly span: Uint8Array;

  constructor(count: number) {
    this.from = new Float64Array(count);
    this.to = new Float64Array(count);
    this.span = new Uint8Array(count);
  }

  set(index: number, when: EventDate): void {
    if (shapeOf(when) === 'span') {
      this.span[index] = 1;
      this.from[index] = when.start;
      this.to[index] = when.end;
    } else {
      this.from[index] = this.to[index] = pointTime(when);
    }
  }
}

/**
 * One lane's items laid out in rows, as columns: each item's event, start, end, row and shape in typed
 * arrays, not an object each (a million events made a million and a half objects to sort and throw away,
 * most of the time of laying out). The order of the items is a sorted list of their places.
 */
function* layoutLaneRows(
  actor: Actor,
  members: Actor[],
  indices: number[],
  times: EventTimes,
  primaryLane: readonly string[],
): Steps<Lane> {
  const n = indices.length;
  const eventOf = new Int32Array(n);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  /** Each item's row: a span row's number (shifted below the point rows at the end), 0 for a point, -1 for an echo. */
  const rows = new Int32Array(n);
  const spans = new Uint8Array(n);
  // Same-day points stack in up to MAX_POINT_ROWS rows, so they stay apart at any zoom: their times are
  // gathered, then sorted, for the most at one time (a map of counts keyed by times was a third of the loop).
  const pointTimes = new Float64Array(n);
  let points = 0;
  const maxSpanRows = n > DENSE_LANE ? MAX_SPAN_ROWS_DENSE : MAX_SPAN_ROWS;
  const spanRowEnds: number[] = [];
  for (let i = 0; i < n; i++) {
    if ((i & STEP_MASK) === 0) yield;
    const index = indices[i] as number;
    const span = times.span[index] === 1;
    const start = times.from[index] as number;
    const end = times.to[index] as number;
    eventOf[i] = index;
    spans[i] = span ? 1 : 0;
    starts[i] = start;
    ends[i] = end;
    if (primaryLane[index] !== actor.id) {
      // Echoes take no rows: they ride on a thin rail, so a shared event does not double the height.
      rows[i] = -1;
    } else if (!span) {
      pointTimes[points++] = start;
    } else {
      let row = 0;
      while (row < spanRowEnds.length && (spanRowEnds[row] as number) > start) row++;
      if (row === spanRowEnds.length) {
        row = Math.min(spanRowEnds.length, maxSpanRows - 1);
        if (row === spanRowEnds.length) spanRowEnds.push(end);
      }
      spanRowEnds[row] = Math.max(spanRowEnds[row] ?? end, end);
      rows[i] = row;
    }
  }
  const sortedTimes = pointTimes.subarray(0, points).sort();
  let busiest = 0;
  for (let i = 0, run = 0; i < points; i++) {
    run = i > 0 && sortedTimes[i] === sortedTimes[i - 1] ? run + 1 : 1;
    busiest = Math.max(busiest, run);
  }
  const pointRows = Math.min(MAX_POINT_ROWS, busiest);
  // One step of its own: the items come in event order, which is nearly time order (a point stands at most
  // a day after its event's start), so the engine's sort takes tens of ms even for half a million marks.
  yield;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (starts[a] as number) - (starts[b] as number) || (eventOf[a] as number) - (eventOf[b] as number));
  yield;
  // Each row's items, in time order: points (row 0 of the primaries), each span row, then echoes.
  const rowOf = (i: number) => (rows[i] === -1 ? spanRowEnds.length + 1 : spans[i] === 1 ? (rows[i] as number) + 1 : 0);
  const counts = new Int32Array(spanRowEnds.length + 2);
  for (let i = 0; i < n; i++) (counts[rowOf(i)] as number)++;
  const columns = Array.from(counts, (count, r) => newRowIndex(count, r === 0 ? 0 : r <= spanRowEnds.length ? pointRows + r - 1 : -1, r <= spanRowEnds.length));
  const filled = new Int32Array(counts.length);
  const running = new Float64Array(counts.length).fill(-Infinity);
  for (let k = 0; k < n; k++) {
    if ((k & STEP_MASK) === 0) yield;
    const i = order[k] as number;
    const r = rowOf(i);
    const row = columns[r] as RowIndex;
    const at = filled[r] as number;
    filled[r] = at + 1;
    row.events[at] = eventOf[i] as number;
    row.spans[at] = spans[i] as number;
    row.starts[at] = starts[i] as number;
    row.ends[at] = ends[i] as number;
    running[r] = Math.max(running[r] as number, ends[i] as number);
    row.maxEnds[at] = running[r] as number;
  }
  const echoIndex = columns.pop() as RowIndex;
  const pointIndex = columns.shift() as RowIndex;
  return { actor, members, pointRows, spanRows: spanRowEnds.length, hasEchoes: echoIndex.events.length > 0, count: n, pointIndex, spanIndex: columns, echoIndex };
}

function newRowIndex(length: number, row: number, primary: boolean): RowIndex {
  return {
    row,
    primary,
    events: new Int32Array(length),
    spans: new Uint8Array(length),
    starts: new Float64Array(length),
    ends: new Float64Array(length),
    maxEnds: new Float64Array(length),
  };
}

/** First index whose value is > x in an ascending array. */
export const upperBound = (values: Float64Array, x: number): number => bisectRight(values, x);

/** First index whose value is >= x in an ascending array. */
export const lowerBound = (values: Float64Array, x: number): number => bisectLeft(values, x);

/** Items of a lane that overlap [from, to] in time order, found by bisection in each row. */
export function itemsInRange(lane: Lane, from: number, to: number): LaneItem[] {
  return laneRows(lane)
    .flatMap((row) => rowItemsInRange(row, from, to))
    .sort(byTime);
}

/** The index range [first, last) of a row's items that can overlap [from, to]; some before `last` may end earlier. */
export function rowRange(row: Pick<RowIndex, 'starts' | 'maxEnds'>, from: number, to: number): [number, number] {
  return [lowerBound(row.maxEnds, from), upperBound(row.starts, to)];
}

export function rowItemsInRange(row: RowIndex, from: number, to: number): LaneItem[] {
  const [first, last] = rowRange(row, from, to);
  const out: LaneItem[] = [];
  for (let i = first; i < last; i++) if ((row.ends[i] as number) >= from) out.push(itemAt(row, i));
  return out;
}

/**
 * A lane as the worker hands it to the page: its actors by id, its rows' columns as they are (their
 * buffers transferred, not copied).
 */
export type LaneColumns = Omit<Lane, 'actor' | 'members'> & { actorId: string; memberIds: string[] };

export function encodeLanes(lanes: readonly Lane[]): LaneColumns[] {
  return lanes.map(({ actor, members, ...rows }) => ({ ...rows, actorId: actor.id, memberIds: members.map((member) => member.id) }));
}

/** The buffers of encoded lanes, to transfer rather than copy. */
export function laneBuffers(columns: readonly LaneColumns[]): ArrayBuffer[] {
  return columns.flatMap((lane) => laneRows(lane).flatMap((row) => [row.events, row.spans, row.starts, row.ends, row.maxEnds].map((array) => array.buffer as ArrayBuffer)));
}

/** Lanes again from their columns; null if an actor is missing (the columns are not of this dataset). */
export function decodeLanes(columns: readonly LaneColumns[], actorsById: ReadonlyMap<string, Actor>): Lane[] | null {
  const lanes: Lane[] = [];
  for (const { actorId, memberIds, ...rows } of columns) {
    const actor = actorsById.get(actorId);
    const members = memberIds.map((id) => actorsById.get(id));
    if (!actor || members.some((member) => member === undefined)) return null;
    lanes.push({ ...rows, actor, members: members as Actor[] });
  }
  return lanes;
}
