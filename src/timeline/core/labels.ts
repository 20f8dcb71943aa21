import type { LabelBox, Mark } from './marks';
export type { LabelBox } from './marks';
import { GEOMETRY } from './geometry';

const { labelOffset: OFFSET, minInsideLabel: MIN_INSIDE } = GEOMETRY;
const PAD = 6;
const DOT = GEOMETRY.pointRadius + 1;
const CLUSTER_HALF = 16;

interface Interval {
  from: number;
  to: number;
}

/** The horizontal room a mark itself takes in its row. */
export function markExtent(mark: Mark): Interval {
  if (mark.shape === 'span') return { from: mark.x, to: mark.x2 };
  if (mark.type === 'cluster') return { from: Math.min(mark.x, (mark.x + mark.x2) / 2 - CLUSTER_HALF), to: Math.max(mark.x2, (mark.x + mark.x2) / 2 + CLUSTER_HALF) };
  return { from: mark.x - DOT, to: mark.x + DOT };
}

const overlaps = (a: Interval, b: Interval) => a.from < b.to + PAD && b.from < a.to + PAD;

/**
 * Places labels without overlap, row by row: a span's label goes inside it where it fits, else beside
 * it, else inside and cut short; a point's label to its right, else its left, else it stays hidden (the mark's
 * accessible name and tooltip still carry it). Priority events are placed first so they always win.
 * Mutates the marks' `label` field; marks are fresh objects of the current frame.
 */
export function placeLabels(marks: Mark[], width: number, labelWidth: (event: number) => number, priority: readonly number[]): void {
  const rows = new Map<string, Mark[]>();
  for (const mark of marks) {
    const key = `${mark.laneId}:${mark.row}`;
    const list = rows.get(key);
    if (list) list.push(mark);
    else rows.set(key, [mark]);
  }
  const rank = (event: number) => {
    const i = priority.indexOf(event);
    return i < 0 ? priority.length : i;
  };

  // The selected event is always labelled, over its neighbours' marks if need be.
  const selected = (event: number) => priority[0] === event;

  for (const rowMarks of rows.values()) {
    const obstacles = rowMarks.map(markExtent);
    const placed: Interval[] = [];
    const candidates = rowMarks
      .map((mark, index) => ({ mark, index }))
      // A context span's label is on demand (hover, focus, selection): it would otherwise run across the view.
      .filter(({ mark }) => mark.type === 'event' && (!mark.context || rank(mark.event) < priority.length))
      .sort((a, b) => (a.mark.type === 'event' && b.mark.type === 'event' ? rank(a.mark.event) - rank(b.mark.event) : 0) || a.mark.x - b.mark.x);

    for (const { mark, index } of candidates) {
      if (mark.type !== 'event') continue;
      const w = labelWidth(mark.event);
      const fits = (box: LabelBox) => {
        const span = { from: box.x, to: box.x + box.width };
        if (span.from < 0 || span.to > width) return false;
        if (obstacles.some((o, i) => i !== index && overlaps(o, span))) return false;
        return !placed.some((p) => overlaps(p, span));
      };
      let box: LabelBox | null;
      if (mark.shape === 'span') {
        // Inside when the title fits; else beside the span; else inside, cut short, if there is room to read a few words.
        const from = Math.max(mark.x, 0);
        const to = Math.min(mark.x2, width);
        const inside: LabelBox = { x: from, width: to - from, side: 'inside' };
        // Spans of a row never overlap, except in a crowded lane's last row: there an inside label must not
        // run into another label (a neighbour's translucent fill over it leaves it readable).
        const insideFree = (room: number) => {
          const text = { from, to: from + Math.min(w, room) };
          return !placed.some((p) => p.from < text.to && text.from < p.to);
        };
        if (inside.width >= w && insideFree(inside.width)) box = inside;
        else {
          const beside: LabelBox[] = [
            { x: mark.x2 + PAD, width: w, side: 'right' },
            { x: mark.x - PAD - w, width: w, side: 'left' },
          ];
          // The selected event's title is never cut short: forcedLabel lets it run past its span.
          box = beside.find(fits) ?? (!selected(mark.event) && inside.width >= MIN_INSIDE && insideFree(inside.width) ? inside : null);
        }
        box ??= selected(mark.event) ? forcedLabel(mark, w, width) : null;
        mark.label = box;
        if (box) placed.push(box.side === 'inside' ? { from: box.x, to: box.x + Math.min(w, box.width) } : { from: box.x, to: box.x + box.width });
        continue;
      }
      const options: LabelBox[] = [
        { x: mark.x + OFFSET, width: w, side: 'right' },
        { x: mark.x - OFFSET - w, width: w, side: 'left' },
      ];
      box = options.find(fits) ?? (selected(mark.event) ? forcedLabel(mark, w, width) : null);
      mark.label = box;
      if (box) placed.push({ from: box.x, to: box.x + box.width });
    }
  }
}

/** The selected event's label when no free place is left: beside or inside its mark, kept within the plot. */
function forcedLabel(mark: Mark, labelWidth: number, width: number): LabelBox {
  const w = Math.min(labelWidth, width);
  if (mark.shape === 'span') {
    const from = Math.max(mark.x, 0);
    const to = Math.min(mark.x2, width);
    // Inside, from the span's visible start, running past its end as far as the title needs.
    if (to - from >= Math.min(w, MIN_INSIDE) || from + w <= width) return { x: from, width: Math.max(to - from, Math.min(w + 2 * PAD, width - from)), side: 'inside' };
    const right = mark.x2 + PAD;
    return right + w <= width ? { x: right, width: w, side: 'right' } : { x: Math.max(0, mark.x - PAD - w), width: w, side: 'left' };
  }
  // Beside the dot, on the side with more room, cut to that room: never over the dot itself.
  const right = mark.x + OFFSET;
  if (right + w <= width) return { x: right, width: w, side: 'right' };
  const roomLeft = mark.x - OFFSET;
  const roomRight = width - right;
  return roomLeft >= roomRight ? { x: Math.max(0, roomLeft - w), width: Math.min(w, roomLeft), side: 'left' } : { x: right, width: roomRight, side: 'right' };
}
