import type { TimelineEvent } from '../../data/model';
import type { ClusterMark, EchoMark, EventMark } from './layout';
import { GEOMETRY, type Geometry } from './geometry';

/** Shapes shared by the HTML marks, the canvas that stands in for them during a gesture, and the SVG export. */

/** "12", "1.2k", "34k": a count that fits a narrow mark. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.round(n / 1000)}k`;
}

/** A span's drawn box, clipped a little beyond the plot so its ends stay honest at the edges. */
export function spanBox(x: number, x2: number, width: number, minWidth: number): { left: number; width: number } {
  const left = Math.max(x, -8);
  return { left, width: Math.max(Math.min(x2, width + 8) - left, minWidth) };
}

/** How a span shows that its ends are uncertain: month or year bounds fade out rather than stop. */
export function softEnds(event: TimelineEvent): { start: boolean; end: boolean } {
  const soft = (p: string) => p === 'year' || p === 'month';
  return { start: soft(event.when.startPrecision), end: soft(event.when.endPrecision) };
}

/**
 * The turn of a hatching pattern's upright 4 px stripe (an 8 px tile) that makes it the HTML spans' hatching,
 * repeating-linear-gradient(-45deg): the canvas and the SVG export draw it so.
 */
export const HATCH_TURN_DEGREES = 45;

/** How far a soft end fades, in px (the page's mask-image on a span). */
export const SOFT_END_FADE = 14;

/**
 * A span's opacity across its width where a bound is soft, as gradient stops (offset 0–1 across the box,
 * opacity 0–1): fully transparent at a soft end, opaque `SOFT_END_FADE` px in. Null when neither end is soft.
 */
export function softEndStops(boxWidth: number, soft: { start: boolean; end: boolean }): [offset: number, opacity: number][] | null {
  if (!soft.start && !soft.end) return null;
  const fade = Math.min(SOFT_END_FADE / Math.max(boxWidth, 1), 0.5);
  return [
    [0, soft.start ? 0 : 1],
    [fade, 1],
    [1 - fade, 1],
    [1, soft.end ? 0 : 1],
  ];
}

/** Where a cluster is drawn: its box and height, centred on its row. */
export function clusterBox(mark: ClusterMark, width: number, G: Geometry = GEOMETRY): { box: { left: number; width: number }; height: number } {
  const spanHeight = Math.max(G.spanRow - 4, G.spanHeight);
  if (mark.binned) {
    // A summary of one time bin: drawn over exactly that bin, side by side with its neighbours.
    return { box: { left: mark.x + 1, width: Math.max(mark.x2 - mark.x - 2, 6) }, height: mark.shape === 'span' ? spanHeight : G.clusterHeight };
  }
  if (mark.shape === 'span') return { box: spanBox(mark.x + 1, mark.x2 - 1, width, 28), height: spanHeight };
  const w = Math.max(mark.x2 - mark.x + 22, 32);
  return { box: { left: (mark.x + mark.x2) / 2 - w / 2, width: w }, height: G.clusterHeight };
}

/** Height of the thin bar that stands for a context span (see EventMark.context). */
export const CONTEXT_BAR = 6;

/**
 * An event span's drawn rectangle. A context span (one that runs across most of the view) is a thin
 * bar centred in its row, so that long, loosely dated stretches frame the story instead of filling it.
 */
export function eventSpanRect(mark: EventMark, width: number, G: Geometry = GEOMETRY): { left: number; width: number; top: number; height: number } {
  const box = spanBox(mark.x + 1, mark.x2 - 1, width, G.minSpanWidth - 2);
  const height = mark.context ? CONTEXT_BAR : G.spanHeight;
  return { ...box, top: mark.y - height / 2, height };
}

/** A span's target: its drawn box, as high as a context row for a thin bar (the bar is drawn inside it). */
export function eventSpanTarget(mark: EventMark, G: Geometry = GEOMETRY): number {
  return mark.context ? G.contextRow : G.spanHeight;
}

/** An echo as the canvas and the picture draw it: a ring on the echo rail, or a dashed bar for a span. */
export type EchoShape = { kind: 'ring'; cx: number; cy: number; r: number } | { kind: 'bar'; left: number; top: number; width: number; height: number };

export function echoShape(mark: EchoMark, width: number): EchoShape {
  if (mark.shape === 'point') return { kind: 'ring', cx: mark.x, cy: mark.y, r: 4 };
  const box = spanBox(mark.x, mark.x2, width, 6);
  return { kind: 'bar', left: box.left + 0.5, top: mark.y - 4.5, width: box.width - 1, height: 9 };
}

/** Where a label inside a span starts and how much room it has before the span's end (6 px padding each side). */
export function insideLabelBox(mark: EventMark, labelX: number, width: number, G: Geometry = GEOMETRY): { x: number; room: number } {
  const box = spanBox(mark.x + 1, mark.x2 - 1, width, G.minSpanWidth - 2);
  const x = Math.max(labelX, box.left) + 6;
  return { x, room: box.left + box.width - x - 6 };
}

/** The top of a span's row box, where its labels are placed (also beside a context span's thin bar). */
export function spanLabelTop(mark: EventMark, G: Geometry = GEOMETRY): number {
  return mark.y - G.spanHeight / 2;
}
/** The tint of a quiet span cluster over a dense lane (see density.isQuiet): a stretch of many spans, without its count. */
export const QUIET_SPAN_TINT = 0.14;
