import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandsFor, chain, GEOMETRY, laneHeight, layoutTimeline, rowY, type EventMark, type Mark, type TimelineLayout } from '../../../src/timeline/core/layout';
import { buildLanes, type Lane, type LaneEventInput, laneItems } from '../../../src/timeline/core/lanes';
import { markExtent } from '../../../src/timeline/core/labels';
import { createTimeScale } from '../../../src/timeline/core/timeScale';
import { dataExtent, fitWindow, type TimeWindow } from '../../../src/timeline/core/timeWindow';
import type { Actor } from '../../../src/data/schema';
import { actor, at, DAY_MS, find, HOUR_MS, edtfPool, laneEvent, nth, seededRandom, sortByTime, windowOf, YEAR_MS } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';

const labelWidth = (event: number) => 40 + ((event * 37) % 160);
const eventsOf = (mark: Mark): number[] => (mark.type === 'event' ? [mark.event] : Array.from(mark.events));
const box = (label: { x: number; width: number }) => ({ from: label.x, to: label.x + label.width });
const overlaps = (a: { from: number; to: number }, b: { from: number; to: number }) => a.from < b.to && b.from < a.to;
const EPS = 1e-6;

/** The invariants every layout must keep, whatever the data, window and width. */
function checkLayout(lanes: readonly Lane[], window: TimeWindow, width: number, layout: TimelineLayout): void {
  // Every event overlapping the window appears exactly once among its primary lane's marks, and nowhere else.
  const seen = new Map<number, string[]>();
  for (const mark of layout.marks) for (const e of eventsOf(mark)) seen.set(e, [...(seen.get(e) ?? []), mark.laneId]);
  for (const lane of lanes) {
    for (const item of laneItems(lane)) {
      if (!item.primary) continue;
      const where = seen.get(item.event) ?? [];
      const inView = item.start <= window.end && item.end >= window.start;
      if (inView) expect(where, `event ${item.event} in view`).toEqual([lane.actor.id]);
      else expect(where.length, `event ${item.event} out of view`).toBeLessThanOrEqual(1);
    }
  }
  for (const [event, where] of seen) {
    const lane = find(lanes, (l) => l.actor.id === nth(where, 0));
    expect(laneItems(lane).some((i) => i.event === event && i.primary), `event ${event} drawn only in its primary lane`).toBe(true);
  }

  // Keyboard focus: every drawn event maps to the mark that holds it; echoes never take focus.
  const keys = new Set(layout.marks.map((m) => m.key));
  expect(new Set(layout.marks.map((m) => m.key)).size).toBe(layout.marks.length);
  for (const mark of layout.marks) for (const e of eventsOf(mark)) expect(layout.focusKeyOfEvent.get(e)).toBe(mark.key);
  for (const key of layout.focusKeyOfEvent.values()) {
    expect(key.startsWith('echo:')).toBe(false);
    expect(keys.has(key)).toBe(true);
  }

  // Echoes: each non-primary item in view is in exactly one echo of its lane.
  for (const lane of lanes) {
    const echoes = layout.echoes.filter((e) => e.laneId === lane.actor.id);
    for (const item of laneItems(lane).filter((i) => !i.primary && i.start <= window.end && i.end >= window.start)) {
      expect(echoes.filter((e) => e.events.includes(item.event))).toHaveLength(1);
    }
    for (const echo of echoes) for (const e of echo.events) expect(laneItems(lane).some((i) => i.event === e && !i.primary)).toBe(true);
  }

  // Labels: inside the axis, clear of each other and of other marks in their row.
  const rows = new Map<string, Mark[]>();
  for (const mark of layout.marks) rows.set(`${mark.laneId}:${mark.row}`, [...(rows.get(`${mark.laneId}:${mark.row}`) ?? []), mark]);
  for (const rowMarks of rows.values()) {
    const labelled = rowMarks.filter((m): m is Extract<Mark, { type: 'event' }> => m.type === 'event' && m.label !== null);
    for (const mark of labelled) {
      const b = box(mark.label as { x: number; width: number });
      expect(b.from).toBeGreaterThanOrEqual(-EPS);
      expect(b.to).toBeLessThanOrEqual(width + EPS);
      for (const other of rowMarks) {
        if (other === mark) continue;
        expect(overlaps(b, markExtent(other)), `label of ${mark.key} covers ${other.key}`).toBe(false);
        if (other.type === 'event' && other.label) expect(overlaps(b, box(other.label)), `labels of ${mark.key} and ${other.key}`).toBe(false);
      }
    }
  }

  // Marks sit inside their lane's band.
  for (const mark of layout.marks) {
    const band = find(layout.bands, (b) => b.lane.actor.id === mark.laneId);
    expect(mark.y).toBeGreaterThan(band.top);
    expect(mark.y).toBeLessThan(band.top + band.height);
  }
}

describe('bands and rows', () => {
  const dataset = bundledDataset();
  const lanes = buildLanes(dataset.events, dataset.actors);

  it('stacks lane bands top to bottom, each as tall as its rows', () => {
    const bands = bandsFor(lanes);
    let top = 0;
    for (const band of bands) {
      expect(band.top).toBe(top);
      const l = band.lane;
      expect(band.height).toBe(laneHeight(l));
      expect(laneHeight(l)).toBe(GEOMETRY.laneHeader + l.pointRows * GEOMETRY.pointRow + l.spanRows * GEOMETRY.spanRow + (l.hasEchoes ? GEOMETRY.echoRail : 0) + GEOMETRY.lanePadding);
      top += band.height;
    }
    // Laid out, rows of long context bars are thin, so the whole is shorter than every row at full height.
    const layout = layoutTimeline({ lanes, window: fitWindow(windowOf('2022-02', '2024-11-18')), width: 1000, labelWidth });
    expect(layout.height).toBeLessThan(top);
    let laidTop = 0;
    for (const band of layout.bands) {
      expect(band.top).toBe(laidTop);
      laidTop += band.height;
    }
    expect(layout.height).toBe(laidTop);
  });

  it('draws a span across most of the view as a thin context bar, unlabelled, in a thin row', () => {
    const layout = layoutTimeline({ lanes, window: fitWindow(windowOf('2022-02', '2024-11-18')), width: 1000, labelWidth });
    const long = layout.marks.filter((m): m is EventMark => m.type === 'event' && m.context);
    expect(long.length).toBeGreaterThan(0);
    for (const mark of long) {
      expect(mark.x2 - mark.x).toBeGreaterThan(600);
      expect(mark.label).toBeNull();
    }
    const short = layout.marks.filter((m): m is EventMark => m.type === 'event' && m.shape === 'span' && !m.context);
    for (const mark of short) expect(Math.min(mark.x2, 1000) - Math.max(mark.x, 0)).toBeLessThanOrEqual(600);
  });

  it('labels a selected context bar, and any selected event, even where no free place is left', () => {
    const window = fitWindow(windowOf('2022-02', '2024-11-18'));
    const first = layoutTimeline({ lanes, window, width: 1000, labelWidth });
    const context = first.marks.find((m): m is EventMark => m.type === 'event' && m.context);
    if (!context) throw new Error('expected a context bar');
    const selected = layoutTimeline({ lanes, window, width: 1000, labelWidth, priority: [context.event] });
    const mark = selected.marks.find((m): m is EventMark => m.type === 'event' && m.event === context.event);
    expect(mark?.label).not.toBeNull();
    const unlabelled = first.marks.filter((m): m is EventMark => m.type === 'event' && m.label === null && !m.context);
    for (const m of unlabelled) {
      const again = layoutTimeline({ lanes, window, width: 1000, labelWidth, priority: [m.event] });
      expect(again.marks.find((x): x is EventMark => x.type === 'event' && x.event === m.event)?.label).not.toBeNull();
    }
  });

  it('places point rows above span rows, and the echo rail below both', () => {
    const band = find(bandsFor(lanes), (b) => b.lane.pointRows > 0 && b.lane.spanRows > 1 && b.lane.hasEchoes);
    const { pointRows } = band.lane;
    expect(rowY(band, 0)).toBeLessThan(rowY(band, pointRows));
    expect(rowY(band, pointRows)).toBeLessThan(rowY(band, pointRows + 1));
    expect(rowY(band, pointRows + band.lane.spanRows - 1)).toBeLessThan(rowY(band, -1));
  });

  it('gives an empty timeline zero height', () => {
    expect(layoutTimeline({ lanes: [], window: windowOf('2024', '2024'), width: 800, labelWidth }).height).toBe(0);
  });
});

describe('chain', () => {
  it('groups items whose extents come closer than the gap, left to right', () => {
    const xs = [0, 10, 25, 60, 61, 100];
    expect(chain(xs, (x) => x, (x) => x, 18)).toEqual([[0, 10, 25], [60, 61], [100]]);
  });

  it('uses the right edge reached so far, so a long item pulls later ones in', () => {
    const items = [{ l: 0, r: 100 }, { l: 50, r: 60 }, { l: 105, r: 110 }, { l: 200, r: 210 }];
    expect(chain(items, (i) => i.l, (i) => i.r, 10).map((g) => g.length)).toEqual([3, 1]);
  });
});

describe('clusters', () => {
  const actors = [actor('a')];
  // Four events on consecutive days: one point row, so they cluster when close and split when apart.
  const lanes = buildLanes(['2024-11-14', '2024-11-15', '2024-11-16', '2024-11-17'].map((d) => laneEvent(d, 'a')), actors);

  it('form when points are closer than GEOMETRY.pointGap', () => {
    const window = windowOf('2022', '2025');
    const scale = createTimeScale(window, 1000);
    expect(scale.toX(at('2024-11-15')) - scale.toX(at('2024-11-14'))).toBeLessThan(GEOMETRY.pointGap);
    const layout = layoutTimeline({ lanes, window, width: 1000, labelWidth });
    expect(layout.marks).toHaveLength(1);
    const mark = nth(layout.marks, 0);
    expect(mark.type).toBe('cluster');
    expect(eventsOf(mark)).toEqual([0, 1, 2, 3]);
    if (mark.type === 'cluster') {
      expect(mark.start).toBe(at('2024-11-14') + DAY_MS / 2);
      expect(mark.end).toBe(at('2024-11-17') + DAY_MS / 2);
    }
    for (const e of [0, 1, 2, 3]) expect(layout.focusKeyOfEvent.get(e)).toBe(mark.key);
  });

  it('split into single marks when zooming in', () => {
    const window = windowOf('2024-11-10', '2024-11-20');
    const scale = createTimeScale(window, 1000);
    expect(scale.toX(at('2024-11-15')) - scale.toX(at('2024-11-14'))).toBeGreaterThanOrEqual(GEOMETRY.pointGap);
    const layout = layoutTimeline({ lanes, window, width: 1000, labelWidth });
    expect(layout.marks.map((m) => m.type)).toEqual(['event', 'event', 'event', 'event']);
    expect(new Set(layout.focusKeyOfEvent.values()).size).toBe(4);
  });

  it('split progressively: zooming in never merges what was apart', () => {
    let previous = 0;
    for (const days of [2000, 500, 120, 30, 10, 4]) {
      const window = { start: at('2024-11-16') - (days * DAY_MS) / 2, end: at('2024-11-16') + (days * DAY_MS) / 2 };
      const count = layoutTimeline({ lanes, window, width: 1000, labelWidth }).marks.length;
      expect(count).toBeGreaterThanOrEqual(previous);
      previous = count;
    }
    expect(previous).toBe(4);
  });

  it('stack same-day points in rows instead of clustering them, at any zoom', () => {
    const two = buildLanes([laneEvent('2024-11-17', 'a'), laneEvent('2024-11-17', 'a')], actors);
    for (const window of [windowOf('2020', '2029'), windowOf('2024-11-17', '2024-11-17')]) {
      const layout = layoutTimeline({ lanes: two, window, width: 1000, labelWidth });
      expect(layout.marks.map((m) => [m.type, m.row])).toEqual([
        ['event', 0],
        ['event', 1],
      ]);
    }
  });

  it('cluster more same-day points than there are rows', () => {
    const five = buildLanes(Array.from({ length: 5 }, () => laneEvent('2024-11-17', 'a')), actors);
    const layout = layoutTimeline({ lanes: five, window: windowOf('2024-11-17', '2024-11-17'), width: 1000, labelWidth });
    expect(layout.marks).toHaveLength(1);
    expect(eventsOf(nth(layout.marks, 0))).toHaveLength(5);
  });
});

describe('echoes', () => {
  it('draw an event shared with another lane on that lane’s rail, never as a focusable mark', () => {
    const lanes = buildLanes([laneEvent('2024-11-17', 'a', 'b'), laneEvent('2024-11-17', 'b')], [actor('a'), actor('b')]);
    const layout = layoutTimeline({ lanes, window: windowOf('2024-11-10', '2024-11-20'), width: 1000, labelWidth });
    const echo = find(layout.echoes, (e) => e.laneId === 'b');
    expect(echo.events).toEqual([0]);
    const bandB = find(layout.bands, (b) => b.lane.actor.id === 'b');
    expect(echo.y).toBe(rowY(bandB, -1));
    expect(layout.focusKeyOfEvent.get(0)?.startsWith('event:')).toBe(true);
    expect(find(layout.marks, (m) => m.type === 'event' && m.event === 0).laneId).toBe('a');
  });
});

describe('layoutTimeline on the bundled dataset', () => {
  const dataset = bundledDataset();
  const lanes = buildLanes(dataset.events, dataset.actors);
  const extent = dataExtent(dataset.events.map((e) => e.when)) as TimeWindow;

  it.each([
    ['the fitted window', fitWindow(extent)],
    ['November 2024', windowOf('2024-11', '2024-11')],
    ['Nov 14–19, 2024', windowOf('2024-11-14', '2024-11-19')],
    ['a few hours on Nov 17', { start: at('2024-11-17') + 10 * HOUR_MS, end: at('2024-11-17') + 14 * HOUR_MS }],
    ['2023 alone', windowOf('2023', '2023')],
  ])('keeps every invariant in %s', (_, window) => {
    for (const width of [360, 1000, 1600]) checkLayout(lanes, window, width, layoutTimeline({ lanes, window, width, labelWidth }));
  });

  it('keeps every invariant for random windows and widths', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: Math.log(3 * HOUR_MS), max: Math.log(6 * YEAR_MS), noNaN: true }), fc.integer({ min: 240, max: 2400 }), (c, logSpan, width) => {
        const span = Math.exp(logSpan);
        const center = extent.start + c * (extent.end - extent.start);
        const window = { start: center - span / 2, end: center + span / 2 };
        checkLayout(lanes, window, width, layoutTimeline({ lanes, window, width, labelWidth }));
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it("gives the selected event its label even when a neighbour's label would take its place", () => {
    // Zelenskyy on Friday (Nov 15) and on Sunday (Nov 17) share Ukraine's point row; with 190px labels on
    // a 600px axis, Friday's label to the right leaves Sunday's no room on either side.
    const window = windowOf('2024-11-14', '2024-11-18');
    const friday = dataset.events.findIndex((e) => e.id === 'zelenskyy-hopes-for-diplomatic-end');
    const sunday = dataset.events.findIndex((e) => e.id === 'zelenskyy-says-missiles-will-speak');
    const labelOf = (layout: TimelineLayout, event: number) => {
      const mark = find(layout.marks, (m) => m.type === 'event' && m.event === event);
      return mark.type === 'event' ? mark.label : null;
    };
    const plain = layoutTimeline({ lanes, window, width: 600, labelWidth: () => 190 });
    expect(labelOf(plain, friday)?.side).toBe('right');
    expect(labelOf(plain, sunday)).toBeNull();
    const selected = layoutTimeline({ lanes, window, width: 600, labelWidth: () => 190, priority: [sunday] });
    expect(labelOf(selected, sunday)?.side).toBe('left');
    checkLayout(lanes, window, 600, selected);
  });

  it('never lets another label keep the selected event from its label, only marks and the axis ends', () => {
    const window = windowOf('2024-11-14', '2024-11-19');
    for (const width of [420, 600, 900]) {
      const plain = layoutTimeline({ lanes, window, width, labelWidth: () => 150 });
      for (const mark of plain.marks) {
        if (mark.type !== 'event' || mark.shape !== 'point') continue;
        const withPriority = layoutTimeline({ lanes, window, width, labelWidth: () => 150, priority: [mark.event] });
        const same = find(withPriority.marks, (m) => m.type === 'event' && m.event === mark.event);
        if (same.type !== 'event' || same.label !== null) continue;
        // labels.ts keeps a few pixels (6) between a label and other marks.
        const blocked = (b: { from: number; to: number }) =>
          b.from < 0 || b.to > width || withPriority.marks.some((o) => o !== same && o.laneId === same.laneId && o.row === same.row && overlaps({ from: b.from - 6, to: b.to + 6 }, markExtent(o)));
        const right = { from: same.x + GEOMETRY.labelOffset, to: same.x + GEOMETRY.labelOffset + 150 };
        const left = { from: same.x - GEOMETRY.labelOffset - 150, to: same.x - GEOMETRY.labelOffset };
        expect(blocked(right) && blocked(left), `${dataset.events[mark.event]?.id ?? mark.event} should win its label`).toBe(true);
      }
    }
  });
});

describe('layoutTimeline on generated data', () => {
  const actors: Actor[] = [actor('s1'), actor('s2'), actor('s3', 'alliance'), actor('p1', 'person', 's1'), actor('o1', 'organization'), actor('o2', 'organization', 's2')];
  const ids = actors.map((a) => a.id);
  const pick = edtfPool(2024, 400);

  it('keeps every invariant for random datasets, windows and widths', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 0xffffffff }),
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: Math.log(3 * HOUR_MS), max: Math.log(40 * YEAR_MS), noNaN: true }),
        fc.integer({ min: 200, max: 2000 }),
        (seed, n, c, logSpan, width) => {
          const random = seededRandom(seed);
          const events: LaneEventInput[] = sortByTime(
            Array.from({ length: n }, () => {
              const count = 1 + Math.floor(random() * 3);
              const chosen = [...new Set(Array.from({ length: count }, () => nth(ids, Math.floor(random() * ids.length))))];
              // Many same-day events, to exercise stacking and clustering.
              const edtf = random() < 0.3 ? `2024-11-${String(10 + Math.floor(random() * 10))}` : pick(random);
              return laneEvent(edtf, ...chosen);
            }),
          );
          const lanes = buildLanes(events, actors);
          const extent = dataExtent(events.map((e) => e.when)) as TimeWindow;
          const span = Math.exp(logSpan);
          const center = extent.start + c * (extent.end - extent.start);
          const window = { start: center - span / 2, end: center + span / 2 };
          const priority = [Math.floor(random() * n)];
          checkLayout(lanes, window, width, layoutTimeline({ lanes, window, width, labelWidth, priority }));
        },
      ),
      { numRuns: 60, seed: 2024 },
    );
  });

  it('does work proportional to what is in view: a far-away window yields no marks', () => {
    const random = seededRandom(8);
    const events = sortByTime(Array.from({ length: 500 }, () => laneEvent(pick(random), 's1')));
    const lanes = buildLanes(events, actors);
    const layout = layoutTimeline({ lanes, window: windowOf('1900', '1901'), width: 1000, labelWidth });
    expect(layout.marks).toEqual([]);
    expect(layout.bands).toHaveLength(1);
  });
});

describe('createTimeScale', () => {
  const window = windowOf('2024-11-01', '2024-11-30');
  const scale = createTimeScale(window, 900);

  it('maps the window onto [0, width]', () => {
    expect(scale.toX(window.start)).toBe(0);
    expect(scale.toX(window.end)).toBeCloseTo(900, 9);
    expect(scale.toX(at('2024-11-16'))).toBeCloseTo(450, 9);
  });

  it('maps times outside the window outside [0, width]', () => {
    expect(scale.toX(at('2024-10-01'))).toBeLessThan(0);
    expect(scale.toX(at('2024-12-15'))).toBeGreaterThan(900);
  });

  it('toTime inverts toX', () => {
    fc.assert(
      fc.property(fc.double({ min: -2000, max: 3000, noNaN: true }), (x) => {
        expect(scale.toX(scale.toTime(x))).toBeCloseTo(x, 3);
      }),
      { numRuns: 50, seed: 1 },
    );
  });
});
