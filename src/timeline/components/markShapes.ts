import type { TimelineEvent } from '../../data/model';
import type { ClusterMark } from '../core/layout';
import { GEOMETRY } from '../core/geometry';

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

/** Where a cluster is drawn: its box and height, centred on its row. */
export function clusterBox(mark: ClusterMark, width: number): { box: { left: number; width: number }; height: number } {
  if (mark.binned) {
    // A summary of one time bin: drawn over exactly that bin, side by side with its neighbours.
    return { box: { left: mark.x + 1, width: Math.max(mark.x2 - mark.x - 2, 6) }, height: mark.shape === 'span' ? GEOMETRY.spanRow - 4 : 22 };
  }
  if (mark.shape === 'span') return { box: spanBox(mark.x + 1, mark.x2 - 1, width, 28), height: GEOMETRY.spanRow - 4 };
  const w = Math.max(mark.x2 - mark.x + 22, 32);
  return { box: { left: (mark.x + mark.x2) / 2 - w / 2, width: w }, height: 22 };
}
