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
  for (let index = 0; index < events.length; index++) {
    if ((index & STEP_MASK) === 0) yield;
    for (const actorId of (events[index] as LaneEventInput).actors) {
      const laneId = laneIdOf.get(actorId);
      if (laneId === undefined) continue;
      let list = laneEvents.get(laneId);
      if (!list) laneEvents.set(laneId, (list = []));
      // Two of the event's actors share this lane: it is shown there once.
      if (list[list.length - 1] === index) continue;
      primaryLane[index] ??= laneId;
      list.push(index);
    }
  }

  const lanes: Lane[] = [];
  for (const [laneId, indices] of laneEvents) {
    const actor = actorsById.get(laneId) as Actor;
    const members = [actor, ...actors.filter((a) => a.id !== laneId && laneActorId(a) === laneId)];
    lanes.push(yield* layoutLaneRows(actor, members, indices, events, primaryLane));
    onLane?.(lanes.length, laneEvents.size);
  }
  return lanes.sort((a, b) => b.count - a.count || a.actor.name.localeCompare(b.actor.name));
}

function* layoutLaneRows(
  actor: Actor,
  members: Actor[],
  indices: number[],
  events: readonly LaneEventInput[],
  primaryLane: readonly string[],
): Steps<Lane> {
  // Same-day points stack in up to MAX_POINT_ROWS rows, so they stay apart at any zoom.
  const perPosition = new Map<number, number>();
  const maxSpanRows = indices.length > DENSE_LANE ? MAX_SPAN_ROWS_DENSE : MAX_SPAN_ROWS;
  const spanRowEnds: number[] = [];
  const items: LaneItem[] = [];
  for (let i = 0; i < indices.length; i++) {
    if ((i & STEP_MASK) === 0) yield;
    const index = indices[i] as number;
    const when = (events[index] as LaneEventInput).when;
    const shape = shapeOf(when);
    const primary = primaryLane[index] === actor.id;
    const item: LaneItem = { event: index, shape, row: primary ? 0 : -1, primary, start: when.start, end: when.end };
    if (!primary) {
      // Echoes take no rows: they ride on a thin rail, so a shared event does not double the height.
      if (shape === 'point') item.start = item.end = pointTime(when);
    } else if (shape === 'point') {
      const t = pointTime(when);
      perPosition.set(t, (perPosition.get(t) ?? 0) + 1);
      item.start = t;
      item.end = t;
    } else {
      let row = spanRowEnds.findIndex((end) => end <= when.start);
      if (row < 0) {
        row = Math.min(spanRowEnds.length, maxSpanRows - 1);
        if (row === spanRowEnds.length) spanRowEnds.push(when.end);
      }
      spanRowEnds[row] = Math.max(spanRowEnds[row] ?? when.end, when.end);
      item.row = row;
    }
    items.push(item);
  }
  // A loop, not Math.max(...values): a spread of 100,000 arguments overflows the stack.
  let busiest = 0;
  for (const n of perPosition.values()) busiest = Math.max(busiest, n);
  const pointRows = Math.min(MAX_POINT_ROWS, busiest);
  for (const item of items) if (item.primary && item.shape === 'span') item.row += pointRows;
  // One step of its own: the items come in event order, which is nearly time order (a point stands at most
  // a day after its event's start), so the engine's sort takes tens of ms even for half a million marks.
  yield;
  items.sort(byTime);
  yield;
  return yield* indexLaneSteps(actor, members, pointRows, spanRowEnds.length, items);
}

/** A lane from its items in time order, with rows assigned: the bisection index of each row and of the echoes. */
function* indexLaneSteps(actor: Actor, members: Actor[], pointRows: number, spanRows: number, items: readonly LaneItem[]): Steps<Lane> {
  const spanItems: LaneItem[][] = Array.from({ length: spanRows }, () => []);
  const pointItems: LaneItem[] = [];
  const echoItems: LaneItem[] = [];
  for (const item of items) {
    if (!item.primary) echoItems.push(item);
    else if (item.shape === 'point') pointItems.push(item);
    else spanItems[item.row - pointRows]?.push(item);
  }
  const spanIndex: RowIndex[] = [];
  for (const [i, row] of spanItems.entries()) spanIndex.push(yield* rowIndexSteps(row, pointRows + i, true));
  return {
    actor,
    members,
    pointRows,
    spanRows,
    hasEchoes: echoItems.length > 0,
    count: items.length,
    pointIndex: yield* rowIndexSteps(pointItems, 0, true),
    spanIndex,
    echoIndex: yield* rowIndexSteps(echoItems, -1, false),
  };
}

function* rowIndexSteps(items: readonly LaneItem[], row: number, primary: boolean): Steps<RowIndex> {
  const index: RowIndex = {
    row,
    primary,
    events: new Int32Array(items.length),
    spans: new Uint8Array(items.length),
    starts: new Float64Array(items.length),
    ends: new Float64Array(items.length),
    maxEnds: new Float64Array(items.length),
  };
  let running = -Infinity;
  for (let i = 0; i < items.length; i++) {
    if ((i & STEP_MASK) === 0) yield;
    const item = items[i] as LaneItem;
    index.events[i] = item.event;
    index.spans[i] = item.shape === 'span' ? 1 : 0;
    index.starts[i] = item.start;
    index.ends[i] = item.end;
    running = Math.max(running, item.end);
    index.maxEnds[i] = running;
  }
  return index;
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
