import { createTimeScale } from './timeScale';
import type { TimeWindow } from './timeWindow';

/** A background period as the layout needs it: a label and the instants it spans. */
export interface PeriodInput {
  id: string;
  label: string;
  start: number;
  end: number;
}

/** Where a period is drawn in the current window: a band across the lanes, its label in a strip below them. */
export interface PeriodBand {
  id: string;
  label: string;
  /** Left and right edges, clipped to the plot. */
  x: number;
  x2: number;
  /** Overlapping periods take separate label rows, fixed by time so they do not jump while zooming. */
  row: number;
  /** Where the label starts: at the band's left edge, or the plot's when the band begins off-screen. */
  labelX: number;
}

export const PERIOD_ROW_HEIGHT = 18;

/** Label rows for periods, first-fit by time: a period that overlaps an earlier one goes a row lower. */
export function periodRows(periods: readonly PeriodInput[]): Map<string, number> {
  const rowEnds: number[] = [];
  const rows = new Map<string, number>();
  for (const period of [...periods].sort((a, b) => a.start - b.start || a.end - b.end)) {
    let row = rowEnds.findIndex((end) => end <= period.start);
    if (row < 0) row = rowEnds.length;
    rowEnds[row] = period.end;
    rows.set(period.id, row);
  }
  return rows;
}

/** How many label rows the periods need (0 when there are none). */
export function periodRowCount(rows: ReadonlyMap<string, number>): number {
  let count = 0;
  for (const row of rows.values()) count = Math.max(count, row + 1);
  return count;
}

/** The bands of the periods that reach into the window, clipped to the plot's width. */
export function periodBands(periods: readonly PeriodInput[], rows: ReadonlyMap<string, number>, window: TimeWindow, width: number): PeriodBand[] {
  const scale = createTimeScale(window, width);
  const bands: PeriodBand[] = [];
  for (const period of periods) {
    if (period.end <= window.start || period.start >= window.end) continue;
    const x = Math.max(0, scale.toX(period.start));
    const x2 = Math.min(width, scale.toX(period.end));
    bands.push({ id: period.id, label: period.label, x, x2, row: rows.get(period.id) ?? 0, labelX: x + 4 });
  }
  return bands;
}
