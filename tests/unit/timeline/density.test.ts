import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bandOutline,
  bandPath,
  binAt,
  binEdges,
  binStepFor,
  countIn,
  densePer100px,
  densityIndex,
  isQuiet,
  laneAt,
  layoutDensity,
  MIN_BIN_PX,
  MIN_DENSE_EVENTS,
} from '../../../src/timeline/core/density';
import { bandsFor, layoutTimeline } from '../../../src/timeline/core/layout';
import { buildLanes, type LaneEventInput, laneItems } from '../../../src/timeline/core/lanes';
import { GEOMETRY, TOUCH_GEOMETRY } from '../../../src/timeline/core/geometry';
import { dataExtent, DAY, fitWindow, HOUR } from '../../../src/timeline/core/timeWindow';
import { actor, at, laneEvent, nth, seededRandom, sortByTime, windowOf } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';

const actors = [actor('north'), actor('south')];

/** `n` day-precise events spread by a seeded random over 2020–2023, most in `north`, a few in `south`. */
function denseEvents(n: number, seed = 1): LaneEventInput[] {
  const random = seededRandom(seed);
  const start = at('2020-01-01');
  const span = at('2024-01-01') - start;
  const events: LaneEventInput[] = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(start + Math.floor(random() * (span / DAY)) * DAY).toISOString().slice(0, 10);
    events.push(laneEvent(day, i % 20 === 0 ? 'south' : 'north'));
  }
  return sortByTime(events);
}

describe('bin steps', () => {
  it('picks the shortest calendar step whose bins are at least MIN_BIN_PX wide', () => {
    // Four years across 1,000 px: 4 px is about 6 days, so a week.
    expect(binStepFor((4 * 365 * DAY) / 1000)).toEqual({ unit: 'week', count: 1 });
    // Fourteen years across 750 px: 4 px is about 27 days, so a month.
    expect(binStepFor((14 * 365 * DAY) / 750)).toEqual({ unit: 'month', count: 1 });
    // A day across 800 px: hours.
    expect(binStepFor(DAY / 800)).toEqual({ unit: 'hour', count: 1 });
  });

  it('never makes bins narrower than MIN_BIN_PX, whatever the zoom', () => {
    fc.assert(
      fc.property(fc.double({ min: HOUR / 1000, max: (200 * 365 * DAY) / 100, noNaN: true }), (msPerPx) => {
        const step = binStepFor(msPerPx);
        const edges = binEdges(at('2000-01-01'), at('2000-01-01') + msPerPx * 400, step);
        for (let i = 0; i + 1 < edges.length; i++) expect((nth(edges, i + 1) - nth(edges, i)) / msPerPx).toBeGreaterThanOrEqual(MIN_BIN_PX * 0.9);
      }),
    );
  });

  it('aligns month bins to the calendar and covers the window, so bins stay put while panning', () => {
    const edges = binEdges(at('2021-02-10'), at('2021-05-03'), { unit: 'month', count: 3 });
    expect(edges.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(['2021-01-01', '2021-04-01', '2021-07-01']);
  });

  it('starts weeks on Mondays and reads years before 100 as themselves', () => {
    const [monday] = binEdges(at('2024-11-14'), at('2024-11-30'), { unit: 'week', count: 1 });
    expect(new Date(monday ?? NaN).toISOString().slice(0, 10)).toBe('2024-11-11');
    const [first] = binEdges(at('0044-03-15'), at('0045-01-01'), { unit: 'month', count: 12 });
    expect(new Date(first ?? NaN).getUTCFullYear()).toBe(44);
  });

  it('gives no edges for a window that is empty or not a number', () => {
    expect(binEdges(5, 5, { unit: 'day', count: 1 })).toEqual([]);
    expect(binEdges(NaN, 10, { unit: 'month', count: 1 })).toEqual([]);
  });
});

describe('counting', () => {
  it('counts each own event once, at its middle, and leaves echoes to their own lane', () => {
    const events = sortByTime([laneEvent('2020-01-10', 'north', 'south'), laneEvent('2020/2021', 'north'), laneEvent('2020-03-01', 'south')]);
    const [north, south] = ['north', 'south'].map((id) => buildLanes(events, actors).find((l) => l.actor.id === id));
    if (!north || !south) throw new Error('lanes missing');
    expect(densityIndex(north).length).toBe(2);
    // The shared event is north's (its first actor): south counts only its own.
    expect(densityIndex(south).length).toBe(1);
    // The two-year span counts at its middle, the turn of 2021.
    expect(countIn(densityIndex(north), at('2020-12-01'), at('2021-02-01'))).toBe(1);
    expect(countIn(densityIndex(north), at('2020-01-10'), at('2020-01-11'))).toBe(1);
  });

  it('bins add up to the events whose middle falls in them, and each bin count is the range count', () => {
    const lanes = buildLanes(denseEvents(5000), actors);
    const window = windowOf('2021-03-05', '2022-08-20');
    const density = layoutDensity({ bands: bandsFor(lanes), window, width: 900, geometry: GEOMETRY });
    const north = nth(density.lanes, 0);
    const times = densityIndex(nth(lanes, 0));
    for (const bin of north.bins) expect(bin.count).toBe(countIn(times, bin.start, bin.end));
    const first = nth(north.bins, 0);
    const last = nth(north.bins, north.bins.length - 1);
    expect(north.bins.reduce((sum, b) => sum + b.count, 0)).toBe(countIn(times, first.start, last.end));
    expect(first.start).toBeLessThanOrEqual(window.start);
    expect(last.end).toBeGreaterThanOrEqual(window.end);
  });
});

describe('which lanes are bands', () => {
  it('draws a lane as a band only when it holds more events per 100 px than its point rows can show', () => {
    const lanes = buildLanes(denseEvents(4000), actors);
    const window = fitWindow(dataExtent(lanes.flatMap((l) => laneItems(l))) ?? windowOf('2020', '2023'));
    const density = layoutDensity({ bands: bandsFor(lanes), window, width: 800, geometry: GEOMETRY });
    // north: 3,800 events over 800 px; south: 200, about 25 per 100 px, over the 16.7 the point rows hold.
    expect(density.lanes.map((l) => l.laneId)).toEqual(['north', 'south']);
    expect(densePer100px(GEOMETRY)).toBeCloseTo(16.7, 1);
    // Zoomed in to a month, north's ~80 events are shown as marks again, and south's few too.
    const month = layoutDensity({ bands: bandsFor(lanes), window: windowOf('2021-06-01', '2021-07-01'), width: 800, geometry: GEOMETRY });
    expect(month.lanes).toEqual([]);
    expect(month.dense.size).toBe(0);
  });

  it('needs fewer events per 100 px for fingers, whose marks stand further apart', () => {
    expect(densePer100px(TOUCH_GEOMETRY)).toBeLessThan(densePer100px(GEOMETRY));
  });

  it('never draws the bundled article as bands, at its opening view or fitted', () => {
    const dataset = bundledDataset();
    const lanes = buildLanes(dataset.events, dataset.actors);
    const fitted = fitWindow(dataExtent(dataset.events.map((e) => e.when)) ?? windowOf('2022', '2024'));
    for (const window of [dataset.openingWindow ?? fitted, fitted]) {
      for (const [width, geometry] of [
        [800, GEOMETRY],
        [360, TOUCH_GEOMETRY],
      ] as const) {
        expect(layoutDensity({ bands: bandsFor(lanes), window, width, geometry }).lanes).toEqual([]);
      }
    }
  });

  it(`leaves a lane of fewer than ${MIN_DENSE_EVENTS} events in view as marks, however narrow the plot`, () => {
    const events = sortByTime(Array.from({ length: MIN_DENSE_EVENTS - 1 }, (_, i) => laneEvent(`2020-01-${String((i % 28) + 1).padStart(2, '0')}`, 'north')));
    const lanes = buildLanes(events, actors);
    expect(layoutDensity({ bands: bandsFor(lanes), window: windowOf('2020-01-01', '2020-02-01'), width: 50, geometry: GEOMETRY }).lanes).toEqual([]);
  });
});

describe('levels, places and paths', () => {
  const lanes = buildLanes(denseEvents(6000, 7), actors);
  const layout = layoutTimeline({ lanes, window: windowOf('2020-01-01', '2024-01-01'), width: 1000, labelWidth: () => 50 });
  const density = layoutDensity({ bands: layout.bands, window: windowOf('2020-01-01', '2024-01-01'), width: 1000, geometry: GEOMETRY });

  it('scales levels linearly against the fullest bin of all bands, so bar heights compare across lanes', () => {
    const all = density.lanes.flatMap((l) => l.bins);
    expect(Math.max(...all.map((b) => b.count))).toBe(density.max);
    for (const bin of all) expect(bin.level).toBeCloseTo(bin.count / density.max, 10);
    // The sparse lane is drawn lower than the busy one: one scale for all lanes, so they compare.
    const [north, south] = density.lanes;
    expect(Math.max(...(south?.bins ?? []).map((b) => b.level))).toBeLessThan(Math.max(...(north?.bins ?? []).map((b) => b.level)));
  });

  it("sits in its lane's first row, below the header, where the binned point clusters stand", () => {
    for (const lane of density.lanes) {
      const band = layout.bands.find((b) => b.lane.actor.id === lane.laneId);
      if (!band) throw new Error(`no band for ${lane.laneId}`);
      expect(lane.top).toBe(band.top + GEOMETRY.laneHeader);
      expect(lane.bottom).toBe(lane.top + GEOMETRY.pointRow);
      const binned = layout.marks.filter((m) => m.laneId === lane.laneId && m.type === 'cluster' && m.binned && m.shape === 'point');
      expect(binned.length).toBeGreaterThan(0);
      for (const mark of binned) {
        expect(mark.y).toBeGreaterThan(lane.top);
        expect(mark.y).toBeLessThan(lane.bottom);
      }
    }
  });

  it('quietens the binned clusters of dense lanes only, never a single event', () => {
    const quiet = layout.marks.filter((m) => isQuiet(m, density));
    expect(quiet.length).toBeGreaterThan(0);
    for (const mark of quiet) expect(mark.type === 'cluster' && mark.binned && density.dense.has(mark.laneId)).toBe(true);
    for (const mark of layout.marks) if (mark.type === 'event') expect(isQuiet(mark, density)).toBe(false);
    expect(layout.marks.some((m) => isQuiet(m, { dense: new Set() }))).toBe(false);
  });

  it('finds the bin under the pointer, and the lane under it', () => {
    const north = nth(density.lanes, 0);
    const bin = nth(north.bins, 10);
    expect(binAt(north, (bin.x + bin.x2) / 2)).toBe(bin);
    expect(binAt(north, -50)).toBeNull();
    expect(laneAt(density, (north.top + north.bottom) / 2)).toBe(north);
    expect(laneAt(density, -1)).toBeNull();
  });

  it('names the busiest bin', () => {
    const north = nth(density.lanes, 0);
    expect(north.busiest?.count).toBe(Math.max(...north.bins.map((b) => b.count)));
  });

  it('draws each band as stepped bars inside the plot, from the lane bottom up', () => {
    const north = nth(density.lanes, 0);
    const path = bandPath(north, 1000);
    expect(path.startsWith('M')).toBe(true);
    const numbers = [...path.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(Math.max(1000, north.bottom));
    }
    // Every vertical coordinate is within the lane's rows.
    for (const match of path.matchAll(/V(-?\d+(?:\.\d+)?)/g)) {
      const y = Number(match[1]);
      expect(y).toBeGreaterThanOrEqual(north.top - 0.05);
      expect(y).toBeLessThanOrEqual(north.bottom + 0.05);
    }
    expect(bandOutline(north, 1000)).toMatch(/^M[\d.]+,[\d.]+H/);
  });

  it('gives an empty path for a lane whose bins are all outside the plot', () => {
    const north = nth(density.lanes, 0);
    expect(bandPath({ ...north, bins: north.bins.map((b) => ({ ...b, x: b.x + 5000, x2: b.x2 + 5000 })) }, 1000)).toBe('');
  });
});
