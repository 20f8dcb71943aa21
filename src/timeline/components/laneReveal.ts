import { startTransition, useEffect, useState } from 'react';
import type { EchoMark, Mark, TimelineLayout } from '../core/layout';

/** Each lane's echoes and marks, the marks in time order (the order a screen reader reads them in). */
export type LaneMarks = ReadonlyMap<string, { echoes: EchoMark[]; marks: Mark[] }>;

export function marksByLane(layout: TimelineLayout): LaneMarks {
  const lanes = new Map<string, { echoes: EchoMark[]; marks: Mark[] }>();
  const of = (laneId: string) => {
    let lane = lanes.get(laneId);
    if (!lane) lanes.set(laneId, (lane = { echoes: [], marks: [] }));
    return lane;
  };
  for (const echo of layout.echoes) of(echo.laneId).echoes.push(echo);
  for (const mark of layout.marks) of(mark.laneId).marks.push(mark);
  for (const lane of lanes.values()) lane.marks.sort((a, b) => a.x - b.x || a.y - b.y);
  return lanes;
}

/** The top of the first lane that starts at or below `bound`, or null when none does. */
function nextLaneTop(laneTops: readonly number[], bound: number): number | null {
  let next: number | null = null;
  for (const top of laneTops) if (top >= bound && (next === null || top < next)) next = top;
  return next;
}

export interface DrawnBound {
  /** Lanes that start above this (`laneTops`' measure) are drawn as focusable marks; null: every lane. */
  drawnTo: number | null;
  /** The lanes are coming a lane at a time (after a gesture, or many for a new view): the canvas draws those not drawn yet. */
  canvasForRest: boolean;
}

/**
 * Marks in a layout above which its first render draws them on the canvas and brings the focusable marks a
 * lane a frame. A mark costs the first commit about a tenth of a millisecond (its render, style, layout and
 * paint); under this many, a timeline is drawn whole at once.
 */
export const CANVAS_FIRST_MARKS = 150;

const firstLaneBound = (laneTops: readonly number[]): number | null => {
  const first = nextLaneTop(laneTops, -Infinity);
  return first === null ? null : first + 1;
};

/**
 * How far down the plot lanes are drawn as focusable marks, a lane more after each paint.
 *
 * - When the marks are first drawn, if there are many (`manyMarks`): the first lane, while the canvas draws
 *   the rest as they look, then a lane a frame. Drawn with the first render, the 800 marks of a 10,000-event
 *   first screen put the first frame about 100 ms later.
 * - When first drawn with few marks: down to where the first screen ends (no mark can stand above the page's
 *   top, so a lane that starts below it is out of sight), then the lanes below, one at a time.
 * - When a gesture ends (`moving` turns false): the first lane, then the next after each paint, while the
 *   gesture's canvas goes on drawing the rest. All at once, the 400–500 marks of a 100,000-event view made a
 *   frame of 50–60 ms (their style, layout and paint).
 * - When the marks are laid out anew without a gesture (`scene`, the window, width and lanes, changes: a
 *   zoom button, a key, the overview, a filter), if there are many: as when a gesture ends. All at once, a
 *   zoom button's click at 100,000 events was a task of 200–300 ms and a frame of up to 350 ms.
 *
 * While a gesture is under way the bound stays where it is: the marks it hides are not drawn again.
 */
export function useDrawnBound(laneTops: readonly number[], moving: boolean, manyMarks: boolean, scene: readonly unknown[]): DrawnBound {
  const [end, setEnd] = useState<number | null>(() => (manyMarks ? firstLaneBound(laneTops) : window.scrollY + window.innerHeight));
  const [canvasForRest, setCanvasForRest] = useState(manyMarks);
  const [wasMoving, setWasMoving] = useState(moving);
  const [seenScene, setSeenScene] = useState(scene);
  // Set during render (React's pattern for state derived from props): the render that ends a gesture, or
  // lays the marks out anew, already draws only the first lane, so that no frame draws them all.
  // During a gesture the scene changes each frame and the canvas draws it: it is seen again once the gesture ends.
  const sceneChanged = !moving && (scene.length !== seenScene.length || scene.some((part, i) => part !== seenScene[i]));
  const gestureEnded = moving !== wasMoving && !moving;
  if (moving !== wasMoving) setWasMoving(moving);
  if (sceneChanged) setSeenScene(scene);
  if (gestureEnded || (sceneChanged && manyMarks)) {
    setEnd(firstLaneBound(laneTops));
    setCanvasForRest(true);
  }
  useEffect(() => {
    if (end === null || moving) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that paints what is drawn so far: the next lane, as a transition React builds in slices.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const next = nextLaneTop(laneTops, end);
        startTransition(() => setEnd(next === null ? null : next + 1));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [end, laneTops, moving]);
  return { drawnTo: end, canvasForRest: canvasForRest && end !== null };
}

/**
 * The lanes drawn as focusable marks while they come a lane at a time (null once all are): those that start
 * above the bound, and any that holds a mark a reader or a keyboard may be at (`wanted`: the Tab stop, the
 * selected event's, the focused event's), so that focus is never on a mark taken away.
 */
export function lanesDrawn(layout: TimelineLayout, lanes: LaneMarks, top: number, drawnTo: number | null, wanted: ReadonlySet<string | null | undefined>): ReadonlySet<string> | null {
  if (drawnTo === null) return null;
  const drawn = new Set<string>();
  for (const band of layout.bands) {
    const laneId = band.lane.actor.id;
    if (top + band.top < drawnTo || lanes.get(laneId)?.marks.some((mark) => wanted.has(mark.key))) drawn.add(laneId);
  }
  return drawn;
}
