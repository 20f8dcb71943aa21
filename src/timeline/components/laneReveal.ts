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

/** A lane in the order lanes come (top to bottom): where it starts, and how many echoes and marks it draws. */
export interface RevealLane {
  laneId: string;
  top: number;
  size: number;
}

/** The lanes that draw anything, top to bottom, each with its top (`top` plus its band's) and its size. */
export function revealOrder(layout: TimelineLayout, lanes: LaneMarks, top: number): RevealLane[] {
  const order: RevealLane[] = [];
  for (const band of layout.bands) {
    const laneId = band.lane.actor.id;
    const lane = lanes.get(laneId);
    const size = lane ? lane.echoes.length + lane.marks.length : 0;
    if (size > 0) order.push({ laneId, top: top + band.top, size });
  }
  return order.sort((a, b) => a.top - b.top);
}

export interface DrawnBound {
  /** How many of the lanes' echoes and marks, in `revealOrder` and each lane's own order, are drawn as focusable marks; null: all. */
  drawnTo: number | null;
  /** The marks are coming a part at a time (after a gesture, or many for a new view): the canvas draws those not drawn yet. */
  canvasForRest: boolean;
}

/**
 * Marks in a layout above which its first render draws them on the canvas and brings the focusable marks a
 * part a frame. A mark costs the first commit about a tenth of a millisecond (its render, style, layout and
 * paint); under this many, a timeline is drawn whole at once.
 */
export const CANVAS_FIRST_MARKS = 150;

/**
 * The focusable marks (and echoes) that come in one frame while the rest wait on the canvas. A lane at a time,
 * a 10,000-event view's lanes of 150–200 marks were frames of 45–90 ms (their style, layout and paint); a lane
 * of clusters at a million events, a render of 358 ms. A lane is split between frames where it is larger.
 */
export const MARKS_PER_FRAME = 100;

const sizeOf = (order: readonly RevealLane[]) => order.reduce((sum, lane) => sum + lane.size, 0);

/** `count` marks drawn, or null once that is all of them. */
const bounded = (order: readonly RevealLane[], count: number): number | null => (count >= sizeOf(order) ? null : count);

/** The marks of the lanes that start above `y`. */
function marksAbove(order: readonly RevealLane[], y: number): number {
  let count = 0;
  for (const lane of order) if (lane.top < y) count += lane.size;
  return count;
}

/**
 * How many marks are drawn as focusable marks (see `revealOrder`), more after each paint.
 *
 * - When the marks are first drawn, if there are many (`manyMarks`): the first `MARKS_PER_FRAME`, while the
 *   canvas draws the rest as they look, then as many again a frame. Drawn with the first render, the 800
 *   marks of a 10,000-event first screen put the first frame about 100 ms later.
 * - When first drawn with few marks: those of the lanes that start above where the first screen ends (no mark
 *   can stand above the page's top, so a lane that starts below it is out of sight), then the rest.
 * - When a gesture ends (`moving` turns false): from the first again, while the gesture's canvas goes on
 *   drawing the rest. All at once, the 400–500 marks of a 100,000-event view made a frame of 50–60 ms.
 * - When the marks are laid out anew without a gesture (`scene`, the window, width and lanes, changes: a
 *   zoom button, a key, the overview, a filter), if there are many: as when a gesture ends. All at once, a
 *   zoom button's click at 100,000 events was a task of 200–300 ms and a frame of up to 350 ms.
 *
 * While a gesture is under way the bound stays where it is: the marks it hides are not drawn again.
 */
export function useDrawnBound(order: readonly RevealLane[], moving: boolean, manyMarks: boolean, scene: readonly unknown[]): DrawnBound {
  const [end, setEnd] = useState<number | null>(() => bounded(order, manyMarks ? MARKS_PER_FRAME : marksAbove(order, window.scrollY + window.innerHeight)));
  const [canvasForRest, setCanvasForRest] = useState(manyMarks);
  const [wasMoving, setWasMoving] = useState(moving);
  const [seenScene, setSeenScene] = useState(scene);
  // Set during render (React's pattern for state derived from props): the render that ends a gesture, or
  // lays the marks out anew, already draws only the first part, so that no frame draws them all.
  // During a gesture the scene changes each frame and the canvas draws it: it is seen again once the gesture ends.
  const sceneChanged = !moving && (scene.length !== seenScene.length || scene.some((part, i) => part !== seenScene[i]));
  const gestureEnded = moving !== wasMoving && !moving;
  if (moving !== wasMoving) setWasMoving(moving);
  if (sceneChanged) setSeenScene(scene);
  if (gestureEnded || (sceneChanged && manyMarks)) {
    setEnd(bounded(order, MARKS_PER_FRAME));
    setCanvasForRest(true);
  }
  useEffect(() => {
    if (end === null || moving) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that paints what is drawn so far: the next part, as a transition React builds in slices.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        startTransition(() => setEnd(bounded(order, end + MARKS_PER_FRAME)));
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [end, order, moving]);
  return { drawnTo: end, canvasForRest: canvasForRest && end !== null };
}

/**
 * The keys of the echoes and marks drawn as focusable marks while they come a part at a time (null once all
 * are): the first `drawnTo` in `revealOrder` (a lane's echoes, then its marks in time order), and any mark a
 * reader or a keyboard may be at (`wanted`: the Tab stop, the selected event's, the focused event's), so that
 * focus is never on a mark taken away. The canvas draws the others.
 */
export function marksDrawn(order: readonly RevealLane[], lanes: LaneMarks, drawnTo: number | null, wanted: ReadonlySet<string | null | undefined>): ReadonlySet<string> | null {
  if (drawnTo === null) return null;
  const drawn = new Set<string>();
  let left = drawnTo;
  for (const { laneId, size } of order) {
    const lane = lanes.get(laneId);
    if (!lane) continue;
    const count = Math.min(left, size);
    left -= count;
    for (const echo of lane.echoes.slice(0, count)) drawn.add(echo.key);
    for (const mark of lane.marks.slice(0, Math.max(0, count - lane.echoes.length))) drawn.add(mark.key);
    for (const mark of lane.marks) if (wanted.has(mark.key)) drawn.add(mark.key);
  }
  return drawn;
}
