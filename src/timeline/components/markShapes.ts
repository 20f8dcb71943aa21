/** Shapes shared by the HTML marks and the canvas that stands in for them during a gesture. */

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
