import type { TimeWindow } from './timeWindow';

/** Maps time to horizontal pixels for one window and width; a linear scale, kept tiny for hot paths. */
export interface TimeScale {
  readonly window: TimeWindow;
  readonly width: number;
  toX(time: number): number;
  toTime(x: number): number;
}

export function createTimeScale(window: TimeWindow, width: number): TimeScale {
  const k = width / (window.end - window.start);
  return {
    window,
    width,
    toX: (time) => (time - window.start) * k,
    toTime: (x) => window.start + x / k,
  };
}
