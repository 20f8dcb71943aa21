import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  brushRect,
  brushSliderRange,
  densityBins,
  densityPath,
  keyStep,
  MIN_BRUSH_WIDTH,
  visibleBrush,
  windowCenteredAt,
  windowFromBrushDrag,
  type BrushTarget,
} from '../../../src/timeline/core/overview';
import { centerOf, DAY, fitWindow, HOUR, spanOf, zoomLimitsFor, type TimeWindow, type ZoomLimits } from '../../../src/timeline/core/timeWindow';
import { at, endOf, windowOf } from '../../fixtures/builders';

const data = windowOf('2024-08-06', '2024-11-25');
const extent = fitWindow(data);
const limits = zoomLimitsFor(data);
const WIDTH = 800;
const span = spanOf(extent);
const autumn = windowOf('2024-10-01', '2024-10-31');

const expectWindow = (actual: TimeWindow | null, expected: TimeWindow) => {
  expect(actual).not.toBeNull();
  expect(actual?.start).toBeCloseTo(expected.start, -1);
  expect(actual?.end).toBeCloseTo(expected.end, -1);
};

const withinLimits = (w: TimeWindow, l: ZoomLimits) => {
  const tolerance = 1e-6 * Math.max(spanOf(w), 1);
  expect(w.start).toBeLessThan(w.end);
  expect(spanOf(w)).toBeGreaterThanOrEqual(l.minSpan - tolerance);
  expect(spanOf(w)).toBeLessThanOrEqual(l.maxSpan + tolerance);
  expect(centerOf(w)).toBeGreaterThanOrEqual(l.minCenter - tolerance);
  expect(centerOf(w)).toBeLessThanOrEqual(l.maxCenter + tolerance);
};

describe('densityBins', () => {
  it('returns binCount empty bins when there are no events', () => {
    const bins = densityBins([], extent, 200);
    expect(bins).toHaveLength(200);
    expect(bins.every((n) => n === 0)).toBe(true);
  });

  it('counts one event in the bin holding its midpoint', () => {
    const day = windowOf('2024-10-15', '2024-10-15');
    const bins = densityBins([day], extent, 100);
    const expected = Math.floor(((centerOf(day) - extent.start) / span) * 100);
    expect(Array.from(bins).reduce((a, b) => a + b, 0)).toBe(1);
    expect(bins[expected]).toBe(1);
  });

  it('counts a span covering the whole extent once, at its midpoint, not in every bin', () => {
    const bins = densityBins([data], extent, 100);
    expect(Array.from(bins).reduce((a, b) => a + b, 0)).toBe(1);
    expect(bins[Math.floor(((centerOf(data) - extent.start) / span) * 100)]).toBe(1);
  });

  it('stacks events that share a bin', () => {
    const bins = densityBins([windowOf('2024-11-17', '2024-11-17'), windowOf('2024-11-17', '2024-11-17'), windowOf('2024-08-06', '2024-08-06')], extent, 10);
    expect(Math.max(...bins)).toBe(2);
    expect(Array.from(bins).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('leaves out events whose midpoint is outside the extent and puts one at the very end in the last bin', () => {
    const before = { start: extent.start - 2 * DAY, end: extent.start - DAY };
    const atEnd = { start: extent.end, end: extent.end };
    const bins = densityBins([before, atEnd], extent, 50);
    expect(Array.from(bins).reduce((a, b) => a + b, 0)).toBe(1);
    expect(bins[49]).toBe(1);
  });

  it('is empty for zero bins or an empty extent', () => {
    expect(densityBins([autumn], extent, 0)).toHaveLength(0);
    expect(Array.from(densityBins([autumn], { start: extent.start, end: extent.start }, 5))).toEqual([0, 0, 0, 0, 0]);
  });

  it('counts every event inside the extent exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))), fc.integer({ min: 1, max: 400 }), (pairs, count) => {
        const ranges = pairs.map(([a, b]) => ({ start: extent.start + Math.min(a, b) * span, end: extent.start + Math.max(a, b) * span }));
        const bins = densityBins(ranges, extent, count);
        return Array.from(bins).reduce((x, y) => x + y, 0) === ranges.length;
      }),
    );
  });
});

describe('densityPath', () => {
  it('is empty when every bin is empty', () => {
    expect(densityPath(new Uint32Array(10), WIDTH, 40)).toBe('');
  });

  it('draws one bar rising from the bottom to the top for the fullest bin', () => {
    expect(densityPath(Uint32Array.from([0, 2, 0, 0]), 40, 20)).toBe('M10,20V0H20V20Z');
  });

  it('scales bars by the square root of their count', () => {
    expect(densityPath(Uint32Array.from([4, 1]), 20, 20)).toBe('M0,20V0H10V10H20V20Z');
  });

  it('draws each run of occupied bins as one subpath of a single path', () => {
    const d = densityPath(Uint32Array.from([1, 0, 1, 1]), 40, 10);
    expect(d).toBe('M0,10V0H10V10ZM20,10V0H30V0H40V10Z');
    expect(d.match(/M/g)).toHaveLength(2);
  });

  it('keeps a lone event visible beside a crowded bin', () => {
    expect(densityPath(Uint32Array.from([10_000, 1]), 20, 20)).toBe('M0,20V0H10V19H20V20Z');
  });

  it('is empty for a strip with no width', () => {
    expect(densityPath(Uint32Array.from([1]), 0, 20)).toBe('');
  });
});

describe('brushRect', () => {
  it('spans the whole strip for the fitted window', () => {
    const rect = brushRect(extent, extent, WIDTH);
    expect(rect.x).toBeCloseTo(0);
    expect(rect.width).toBeCloseTo(WIDTH);
  });

  it('maps a window inside the extent proportionally', () => {
    const w = { start: extent.start + span / 4, end: extent.start + span * 0.75 };
    const rect = brushRect(w, extent, WIDTH);
    expect(rect.x).toBeCloseTo(WIDTH / 4);
    expect(rect.width).toBeCloseTo(WIDTH / 2);
  });

  it('reaches past the strip, unclipped, when the window is wider than the extent', () => {
    const rect = brushRect({ start: extent.start - span, end: extent.end + span }, extent, WIDTH);
    expect(rect.x).toBeCloseTo(-WIDTH);
    expect(rect.width).toBeCloseTo(3 * WIDTH);
  });

  it('keeps a window of a few hours at least 8 px wide, centred on it', () => {
    const t = at('2024-10-15');
    const rect = brushRect({ start: t, end: t + 3 * HOUR }, extent, WIDTH);
    expect(rect.width).toBe(MIN_BRUSH_WIDTH);
    expect(rect.x + rect.width / 2).toBeCloseTo(((t + 1.5 * HOUR - extent.start) / span) * WIDTH);
  });
});

describe('visibleBrush', () => {
  it('draws a brush inside the strip as it is', () => {
    expect(visibleBrush({ x: 100, width: 200 }, WIDTH)).toEqual({ x: 100, width: 200, clippedStart: false, clippedEnd: false });
  });

  it('clips a brush wider than the strip at both sides and says so', () => {
    expect(visibleBrush({ x: -50, width: 1000 }, WIDTH)).toEqual({ x: 0, width: WIDTH, clippedStart: true, clippedEnd: true });
  });

  it('pins a brush wholly past the end to the last 8 px', () => {
    expect(visibleBrush({ x: 900, width: 30 }, WIDTH)).toEqual({ x: WIDTH - MIN_BRUSH_WIDTH, width: MIN_BRUSH_WIDTH, clippedStart: false, clippedEnd: true });
  });

  it('pins a brush wholly before the start to the first 8 px', () => {
    expect(visibleBrush({ x: -40, width: 30 }, WIDTH)).toEqual({ x: 0, width: MIN_BRUSH_WIDTH, clippedStart: true, clippedEnd: false });
  });
});

describe('windowFromBrushDrag', () => {
  it('moving pans by the dragged fraction of the extent and keeps the span', () => {
    const next = windowFromBrushDrag(autumn, WIDTH / 10, extent, WIDTH, 'move', limits);
    expectWindow(next, { start: autumn.start + span / 10, end: autumn.end + span / 10 });
  });

  it('moving stops at the extent edges', () => {
    expectWindow(windowFromBrushDrag(autumn, 10 * WIDTH, extent, WIDTH, 'move', limits), { start: extent.end - spanOf(autumn), end: extent.end });
    expectWindow(windowFromBrushDrag(autumn, -10 * WIDTH, extent, WIDTH, 'move', limits), { start: extent.start, end: extent.start + spanOf(autumn) });
  });

  it('does not snap back a window that already hangs past an edge, but lets it move inward', () => {
    const hanging = { start: extent.end - 5 * DAY, end: extent.end + 5 * DAY };
    expectWindow(windowFromBrushDrag(hanging, 40, extent, WIDTH, 'move', limits), hanging);
    const inward = windowFromBrushDrag(hanging, -40, extent, WIDTH, 'move', limits);
    expect(inward.start).toBeLessThan(hanging.start);
    expect(spanOf(inward)).toBeCloseTo(spanOf(hanging), -1);
  });

  it('keeps a window wider than the extent covering it', () => {
    const wide = { start: extent.start - span / 2, end: extent.end + span / 2 };
    expectWindow(windowFromBrushDrag(wide, 10 * WIDTH, extent, WIDTH, 'move', limits), { start: extent.start, end: extent.end + span });
  });

  it('dragging the start handle moves only the start', () => {
    const next = windowFromBrushDrag(autumn, -WIDTH / 10, extent, WIDTH, 'start', limits);
    expectWindow(next, { start: autumn.start - span / 10, end: autumn.end });
  });

  it('dragging the end handle moves only the end', () => {
    const next = windowFromBrushDrag(autumn, WIDTH / 20, extent, WIDTH, 'end', limits);
    expectWindow(next, { start: autumn.start, end: autumn.end + span / 20 });
  });

  it('an edge dragged past the other stops at the narrowest window', () => {
    expectWindow(windowFromBrushDrag(autumn, 10 * WIDTH, extent, WIDTH, 'start', limits), { start: autumn.end - limits.minSpan, end: autumn.end });
    expectWindow(windowFromBrushDrag(autumn, -10 * WIDTH, extent, WIDTH, 'end', limits), { start: autumn.start, end: autumn.start + limits.minSpan });
  });

  it('an edge stops at the extent edge', () => {
    expectWindow(windowFromBrushDrag(autumn, -10 * WIDTH, extent, WIDTH, 'start', limits), { start: extent.start, end: autumn.end });
    expectWindow(windowFromBrushDrag(autumn, 10 * WIDTH, extent, WIDTH, 'end', limits), { start: autumn.start, end: extent.end });
  });

  it('an edge stops at the widest window the limits allow', () => {
    const narrow = { ...limits, maxSpan: 40 * DAY };
    expectWindow(windowFromBrushDrag(autumn, -10 * WIDTH, extent, WIDTH, 'start', narrow), { start: autumn.end - 40 * DAY, end: autumn.end });
  });

  it('a strip with no width leaves the window as the limits allow it', () => {
    expectWindow(windowFromBrushDrag(autumn, 50, extent, 0, 'move', limits), autumn);
  });

  it('always returns a window within the limits', () => {
    const targets: BrushTarget[] = ['move', 'start', 'end'];
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: -3 * WIDTH, max: 3 * WIDTH, noNaN: true }),
        fc.constantFrom(...targets),
        (at0, spanRatio, dx, mode) => {
          const start = extent.start + at0 * span;
          const w = { start, end: start + Math.max(spanRatio * span, HOUR) };
          withinLimits(windowFromBrushDrag(w, dx, extent, WIDTH, mode, limits), limits);
        },
      ),
    );
  });
});

describe('windowCenteredAt', () => {
  it('centres the window on the time, keeping its span', () => {
    const t = at('2024-09-01');
    expectWindow(windowCenteredAt(autumn, t, limits), { start: t - spanOf(autumn) / 2, end: t + spanOf(autumn) / 2 });
  });

  it('stops at the furthest centre the limits allow', () => {
    expect(centerOf(windowCenteredAt(autumn, extent.end + 100 * DAY, limits))).toBeCloseTo(limits.maxCenter, -1);
    expect(centerOf(windowCenteredAt(autumn, extent.start - 100 * DAY, limits))).toBeCloseTo(limits.minCenter, -1);
  });

  it('widens a window narrower than the limits allow', () => {
    const t = at('2024-10-15');
    expect(spanOf(windowCenteredAt({ start: t, end: t + HOUR }, t, limits))).toBeCloseTo(limits.minSpan);
  });
});

describe('brushSliderRange', () => {
  it('reports the brush as its start, ranging over the places it can sit in the extent', () => {
    expect(brushSliderRange(autumn, extent, 'move', limits)).toEqual({ min: extent.start, max: extent.end - spanOf(autumn), now: autumn.start });
  });

  it('reports each handle as its edge, kept the narrowest window apart from the other', () => {
    expect(brushSliderRange(autumn, extent, 'start', limits)).toEqual({ min: extent.start, max: autumn.end - limits.minSpan, now: autumn.start });
    expect(brushSliderRange(autumn, extent, 'end', limits)).toEqual({ min: autumn.start + limits.minSpan, max: extent.end, now: autumn.end });
  });

  it('keeps the value between min and max when the window hangs past the extent', () => {
    const wide = { start: extent.start - span, end: extent.end + span };
    for (const target of ['move', 'start', 'end'] as const) {
      const { min, max, now } = brushSliderRange(wide, extent, target, limits);
      expect(min).toBeLessThanOrEqual(now);
      expect(now).toBeLessThanOrEqual(max);
    }
  });
});

describe('keyStep', () => {
  const s = spanOf(autumn);

  it('arrows move the brush by 5% of its span, 25% with Shift', () => {
    expectWindow(keyStep(autumn, 'ArrowRight', false, 'move', extent, limits), { start: autumn.start + 0.05 * s, end: autumn.end + 0.05 * s });
    expectWindow(keyStep(autumn, 'ArrowLeft', false, 'move', extent, limits), { start: autumn.start - 0.05 * s, end: autumn.end - 0.05 * s });
    expectWindow(keyStep(autumn, 'ArrowRight', true, 'move', extent, limits), { start: autumn.start + 0.25 * s, end: autumn.end + 0.25 * s });
  });

  it('Up and Down act as Right and Left, as on any slider', () => {
    expect(keyStep(autumn, 'ArrowUp', false, 'move', extent, limits)).toEqual(keyStep(autumn, 'ArrowRight', false, 'move', extent, limits));
    expect(keyStep(autumn, 'ArrowDown', false, 'move', extent, limits)).toEqual(keyStep(autumn, 'ArrowLeft', false, 'move', extent, limits));
  });

  it('Home and End move the brush to the extent start and end, keeping its span', () => {
    expectWindow(keyStep(autumn, 'Home', false, 'move', extent, limits), { start: extent.start, end: extent.start + s });
    expectWindow(keyStep(autumn, 'End', false, 'move', extent, limits), { start: extent.end - s, end: extent.end });
  });

  it('an arrow at the extent edge leaves the brush where it is', () => {
    const last = { start: extent.end - s, end: extent.end };
    expectWindow(keyStep(last, 'ArrowRight', false, 'move', extent, limits), last);
  });

  it('PageUp and PageDown zoom the brush about its centre, within the limits', () => {
    const inWindow = keyStep(autumn, 'PageUp', false, 'move', extent, limits);
    expect(spanOf(inWindow ?? autumn)).toBeLessThan(s);
    expect(centerOf(inWindow ?? extent)).toBeCloseTo(centerOf(autumn), -1);
    expect(spanOf(keyStep(autumn, 'PageDown', false, 'move', extent, limits) ?? autumn)).toBeGreaterThan(s);
    const widest = { start: centerOf(data) - limits.maxSpan / 2, end: centerOf(data) + limits.maxSpan / 2 };
    expect(spanOf(keyStep(widest, 'PageDown', false, 'move', extent, limits) ?? extent)).toBeCloseTo(limits.maxSpan, -1);
  });

  it('arrows on a handle move only that edge', () => {
    expectWindow(keyStep(autumn, 'ArrowRight', false, 'start', extent, limits), { start: autumn.start + 0.05 * s, end: autumn.end });
    expectWindow(keyStep(autumn, 'ArrowLeft', true, 'end', extent, limits), { start: autumn.start, end: autumn.end - 0.25 * s });
  });

  it('Home and End on a handle take that edge to the ends of its range', () => {
    expectWindow(keyStep(autumn, 'Home', false, 'start', extent, limits), { start: extent.start, end: autumn.end });
    expectWindow(keyStep(autumn, 'End', false, 'end', extent, limits), { start: autumn.start, end: extent.end });
    expectWindow(keyStep(autumn, 'End', false, 'start', extent, limits), { start: autumn.end - limits.minSpan, end: autumn.end });
  });

  it('a handle cannot shrink a window already at the narrowest span', () => {
    const t = at('2024-10-15');
    const tiny = { start: t, end: t + limits.minSpan };
    expectWindow(keyStep(tiny, 'ArrowRight', true, 'start', extent, limits), tiny);
    expectWindow(keyStep(tiny, 'ArrowLeft', true, 'end', extent, limits), tiny);
  });

  it('a handle at the extent edge stays there', () => {
    const first = { start: extent.start, end: endOf('2024-09-30') };
    expectWindow(keyStep(first, 'ArrowLeft', false, 'start', extent, limits), first);
  });

  it('returns null for keys that are not the slider\'s', () => {
    for (const key of ['Enter', ' ', 'a', 'Tab']) {
      expect(keyStep(autumn, key, false, 'move', extent, limits)).toBeNull();
      expect(keyStep(autumn, key, false, 'start', extent, limits)).toBeNull();
    }
  });
});
