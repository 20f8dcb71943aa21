import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  centerOf,
  clampWindow,
  DAY,
  dataExtent,
  fitWindow,
  frameRange,
  HOUR,
  MIN_SPAN,
  panWindow,
  revealRange,
  sameWindow,
  spanOf,
  zoomLimitsFor,
  zoomWindow,
  type TimeWindow,
} from '../../../src/timeline/core/timeWindow';
import { at, date, endOf, windowOf } from '../../fixtures/builders';

const extent = windowOf('2022-02', '2024-11-18');
const limits = zoomLimitsFor(extent);
const closeTo = (a: number, b: number, tolerance = 1e-6 * Math.max(1, Math.abs(b))) => Math.abs(a - b) <= tolerance;

describe('dataExtent', () => {
  it('is null when there are no events', () => {
    expect(dataExtent([])).toBeNull();
  });

  it('runs from the earliest start to the latest end', () => {
    expect(dataExtent([date('2024-11-17'), date('2022-02/2024-11-18'), date('2023')])).toEqual(extent);
  });
});

describe('fitWindow', () => {
  it('shows the whole extent with a little air either side', () => {
    const fit = fitWindow(extent);
    const pad = spanOf(extent) * 0.04;
    expect(fit.start).toBeCloseTo(extent.start - pad, -1);
    expect(fit.end).toBeCloseTo(extent.end + pad, -1);
  });

  it('makes a zero-length extent at least a day wide, centred on it', () => {
    const t = at('2024-11-17');
    const fit = fitWindow({ start: t, end: t });
    expect(spanOf(fit)).toBeGreaterThanOrEqual(DAY);
    expect(centerOf(fit)).toBe(t);
  });

  it('makes a one-hour extent at least a day wide too', () => {
    expect(spanOf(fitWindow({ start: at('2024-11-17'), end: at('2024-11-17') + HOUR }))).toBeGreaterThanOrEqual(DAY);
  });
});

describe('zoomLimitsFor', () => {
  it('lets the reader zoom from a few hours to several times the fitted window', () => {
    expect(limits.minSpan).toBe(MIN_SPAN);
    expect(MIN_SPAN).toBe(3 * HOUR);
    expect(limits.maxSpan).toBeGreaterThanOrEqual(4 * spanOf(fitWindow(extent)));
  });

  it('allows at least a week of zoom-out even for a one-day dataset', () => {
    expect(zoomLimitsFor(date('2024-11-17')).maxSpan).toBeGreaterThanOrEqual(7 * DAY);
  });

  it('keeps the window centre within reach of the data', () => {
    expect(limits.minCenter).toBeLessThan(extent.start);
    expect(limits.maxCenter).toBeGreaterThan(extent.end);
  });
});

describe('clampWindow', () => {
  it('widens a window narrower than minSpan around its centre', () => {
    const t = at('2024-11-17');
    const w = clampWindow({ start: t, end: t + HOUR }, limits);
    expect(spanOf(w)).toBe(limits.minSpan);
    expect(centerOf(w)).toBe(t + HOUR / 2);
  });

  it('narrows a window wider than maxSpan around its centre', () => {
    const w = clampWindow({ start: limits.minCenter, end: limits.maxCenter + 100 * 365 * DAY }, limits);
    expect(spanOf(w)).toBe(limits.maxSpan);
  });

  it('brings a window panned far away back so its centre is at the nearest limit', () => {
    const w = clampWindow(windowOf('2030-01-01', '2030-01-31'), limits);
    expect(centerOf(w)).toBe(limits.maxCenter);
    expect(spanOf(w)).toBeCloseTo(spanOf(windowOf('2030-01-01', '2030-01-31')), -1);
  });

  it('turns a reversed, empty or non-finite window into a valid one', () => {
    for (const bad of [
      { start: at('2024-11-18'), end: at('2024-11-17') },
      { start: at('2024-11-17'), end: at('2024-11-17') },
      { start: Number.NaN, end: Number.NaN },
      { start: -Infinity, end: Infinity },
    ]) {
      const w = clampWindow(bad, limits);
      expect(Number.isFinite(w.start) && Number.isFinite(w.end)).toBe(true);
      expect(spanOf(w)).toBeGreaterThanOrEqual(limits.minSpan);
      expect(spanOf(w)).toBeLessThanOrEqual(limits.maxSpan);
    }
  });

  it('leaves a window already within the limits as it is', () => {
    const w = windowOf('2024-11-01', '2024-11-30');
    expect(clampWindow(w, limits)).toEqual(w);
  });
});

describe('zoomWindow', () => {
  it('zooms in by the factor around the centre when no anchor is given', () => {
    const w = windowOf('2024-01', '2024-12');
    const z = zoomWindow(w, 2, limits);
    expect(spanOf(z)).toBeCloseTo(spanOf(w) / 2, -1);
    expect(centerOf(z)).toBeCloseTo(centerOf(w), -1);
  });

  it('keeps the time under the pointer at the same screen position', () => {
    const w = windowOf('2024-01', '2024-12');
    const anchor = at('2024-03-10');
    const ratio = (anchor - w.start) / spanOf(w);
    for (const factor of [2, 0.5, 1.3, 10]) {
      const z = zoomWindow(w, factor, limits, anchor);
      expect(closeTo((anchor - z.start) / spanOf(z), ratio)).toBe(true);
    }
  });

  it('keeps the anchor fixed on screen for any zoom that stays within the limits', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (a, b, c, logFactor) => {
        const span = limits.minSpan + c * (spanOf(extent) - limits.minSpan);
        const start = extent.start + a * (spanOf(extent) - span);
        const w = { start, end: start + span };
        const anchor = start + b * span;
        const z = zoomWindow(w, 2 ** logFactor, limits, anchor);
        expect(spanOf(z)).toBeGreaterThanOrEqual(limits.minSpan - 1);
        expect(spanOf(z)).toBeLessThanOrEqual(limits.maxSpan + 1);
        const centreClamped = closeTo(centerOf(z), limits.minCenter, 1) || closeTo(centerOf(z), limits.maxCenter, 1);
        if (!centreClamped) expect(closeTo((anchor - z.start) / spanOf(z), b, 1e-6)).toBe(true);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('stops at minSpan when zooming in too far, still keeping the anchor in place', () => {
    const w = windowOf('2024-11-17', '2024-11-17');
    const anchor = w.start + spanOf(w) / 4;
    const z = zoomWindow(w, 1e6, limits, anchor);
    expect(spanOf(z)).toBeCloseTo(limits.minSpan, -1);
    expect(closeTo((anchor - z.start) / spanOf(z), 0.25)).toBe(true);
  });

  it('stops at maxSpan when zooming out too far', () => {
    const z = zoomWindow(fitWindow(extent), 1e-6, limits);
    expect(spanOf(z)).toBeCloseTo(limits.maxSpan, -1);
  });
});

describe('panWindow', () => {
  it('moves both ends by the same amount', () => {
    const w = windowOf('2024-11-01', '2024-11-30');
    const p = panWindow(w, 2 * DAY, limits);
    expect(p.start - w.start).toBeCloseTo(2 * DAY, -1);
    expect(p.end - w.end).toBeCloseTo(2 * DAY, -1);
  });

  it('stops when the data would leave the view', () => {
    const w = windowOf('2024-11-01', '2024-11-30');
    const p = panWindow(w, 50 * 365 * DAY, limits);
    expect(centerOf(p)).toBe(limits.maxCenter);
    const q = panWindow(w, -50 * 365 * DAY, limits);
    expect(centerOf(q)).toBe(limits.minCenter);
  });
});

describe('revealRange', () => {
  const w = windowOf('2024-06-01', '2024-06-30');
  const margin = spanOf(w) * 0.1;

  it('returns the same window when the range is already comfortably inside', () => {
    expect(revealRange(w, windowOf('2024-06-10', '2024-06-12'), limits)).toBe(w);
  });

  it('pans right just enough to show a range past the right edge, with a margin', () => {
    const range = windowOf('2024-07-10', '2024-07-10');
    const r = revealRange(w, range, limits);
    expect(spanOf(r)).toBeCloseTo(spanOf(w), -1);
    expect(r.end - margin).toBeCloseTo(range.end, -1);
  });

  it('pans left just enough to show a range before the left edge, with a margin', () => {
    const range = windowOf('2024-05-02', '2024-05-02');
    const r = revealRange(w, range, limits);
    expect(spanOf(r)).toBeCloseTo(spanOf(w), -1);
    expect(r.start + margin).toBeCloseTo(range.start, -1);
  });

  it('zooms out, centred on the range, when the range cannot fit', () => {
    const range = windowOf('2023-01', '2023-12');
    const r = revealRange(w, range, limits);
    expect(r.start).toBeLessThanOrEqual(range.start);
    expect(r.end).toBeGreaterThanOrEqual(range.end);
    expect(centerOf(r)).toBeCloseTo(centerOf(range), -1);
  });
});

describe('frameRange', () => {
  it('frames a range closely, centred, with a quarter of its span either side', () => {
    const range = windowOf('2024-11-15', '2024-11-17');
    const f = frameRange(range, limits);
    expect(centerOf(f)).toBeCloseTo(centerOf(range), -1);
    expect(spanOf(f)).toBeCloseTo(spanOf(range) * 1.5, -1);
  });

  it('frames an instant with at least minSpan', () => {
    const t = date('2024-11-17T12:00:00Z').start;
    const f = frameRange({ start: t, end: t }, limits);
    expect(spanOf(f)).toBeGreaterThanOrEqual(limits.minSpan);
    expect(f.start).toBeLessThan(t);
    expect(f.end).toBeGreaterThan(t);
  });
});

describe('sameWindow', () => {
  it('treats windows within the tolerance as the same', () => {
    const a: TimeWindow = windowOf('2024-11-17', '2024-11-18');
    expect(sameWindow(a, { start: a.start + 1, end: a.end - 1 })).toBe(true);
    expect(sameWindow(a, { start: a.start + 2, end: a.end })).toBe(false);
    expect(sameWindow(a, { start: a.start + 999, end: a.end }, 1000)).toBe(true);
  });

  it('compares both ends', () => {
    const a = windowOf('2024-11-17', '2024-11-18');
    expect(sameWindow(a, { start: a.start, end: endOf('2024-11-19') })).toBe(false);
  });
});
