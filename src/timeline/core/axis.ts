import type { AxisTicks } from './ticks';
import type { TimeScale } from './timeScale';

/** The axis as every renderer draws it: where each label goes and which context labels have room. */
export interface PlacedTick {
  time: number;
  x: number;
  label: string;
}

export interface AxisLayout {
  /** Context labels ("November 2024") that have room before the next one; the first sticks to the left edge. */
  context: PlacedTick[];
  /** Evenly spaced ticks ("Nov 17"). */
  ticks: PlacedTick[];
}

/** A context label is shown only when it fits before the next one (about 7 px a character, and a margin). */
const contextFits = (label: string, room: number) => room > label.length * 7 + 10;

export function placeAxis(ticks: AxisTicks, scale: TimeScale): AxisLayout {
  const context: PlacedTick[] = [];
  ticks.context.forEach((tick, i) => {
    const x = Math.max(scale.toX(tick.time), 0);
    const next = ticks.context[i + 1];
    const room = (next ? scale.toX(next.time) : scale.width) - x;
    if (contextFits(tick.label, room)) context.push({ time: tick.time, x, label: tick.label });
  });
  return { context, ticks: ticks.ticks.map((tick) => ({ time: tick.time, x: scale.toX(tick.time), label: tick.label })) };
}
