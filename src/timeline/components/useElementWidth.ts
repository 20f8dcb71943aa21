import { useLayoutEffect, useState, type RefObject } from 'react';

/** The element's content width, kept current with a ResizeObserver (measured at the edge, once per resize). */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 960): number {
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setWidth(element.clientWidth || fallback);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, fallback]);
  return width;
}

/**
 * Measures the element's content width and reports it (to view state, the one owner of the plot's
 * width), before paint and again on every resize. With no fallback, a width of 0 (not laid out) is not reported.
 * `atOnce`: measured in the commit that mounts the element, which forces a layout of all that is new in that
 * task; otherwise when the browser next lays the page out, in the same frame, for a width not needed before
 * the first paint (a first layout of the whole page, 20–40 ms of the loading screen's first commit).
 */
export function useReportWidth(ref: RefObject<HTMLElement | null>, report: (width: number) => void, fallback: number | null = 960, atOnce = true): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth || fallback;
      if (width) report(width);
    };
    if (atOnce || typeof ResizeObserver === 'undefined') measure();
    if (typeof ResizeObserver === 'undefined') return;
    // Its first report comes after the next layout, before paint.
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, report, fallback, atOnce]);
}
