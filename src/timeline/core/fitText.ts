// A label cut to its box as the page's `text-overflow: ellipsis` cuts it: shared by every renderer that has
// no CSS to do it (the gesture canvas, the SVG export).

/** The width in pixels of `text` in a CSS `font` (in the browser, a canvas measures it). */
export type MeasureText = (text: string, font: string) => number;

/** Cut to fit `width`, with an ellipsis, as the page's text-overflow does; '' when not even that fits. */
export function fitText(content: string, width: number, font: string, measure: MeasureText): string {
  if (measure(content, font) <= width) return content;
  let lo = 0;
  let hi = content.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(`${content.slice(0, mid).trimEnd()}…`, font) <= width) lo = mid;
    else hi = mid - 1;
  }
  // A character outside the Basic Multilingual Plane is kept whole or left out, never halved.
  const last = content.charCodeAt(lo - 1);
  if (last >= 0xd800 && last <= 0xdbff) lo -= 1;
  return lo === 0 ? '' : `${content.slice(0, lo).trimEnd()}…`;
}
