import { describe, expect, it } from 'vitest';
import { buildLanes, itemStart, type LaneEventInput, laneItems } from '../../../src/timeline/core/lanes';
import { DENSE_ITEMS, layoutTimeline, type ClusterMark, type Mark } from '../../../src/timeline/core/layout';
import { actor, at, date, seededRandom, sortByTime, windowOf } from '../../fixtures/builders';

const DAY = 86_400_000;
const actors = [actor('north'), actor('south'), actor('north-leader', 'person', 'north')];

/** 20,000 day-precise events and 4,000 month spans over three years, with bursts on a few days. */
function denseEvents(seed = 7): LaneEventInput[] {
  const random = seededRandom(seed);
  const t0 = at('2022-01-01');
  const events: LaneEventInput[] = [];
  for (let i = 0; i < 20_000; i++) {
    const burst = random() < 0.2;
    const day = burst ? 400 + Math.floor(random() * 3) : Math.floor(random() * 1095);
    const iso = new Date(t0 + day * DAY).toISOString().slice(0, 10);
    events.push({ actors: [random() < 0.5 ? 'north' : random() < 0.5 ? 'south' : 'north-leader'], when: date(iso) });
  }
  for (let i = 0; i < 4_000; i++) {
    const month = Math.floor(random() * 36);
    const iso = `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
    events.push({ actors: [random() < 0.5 ? 'north' : 'south'], when: date(iso) });
  }
  return sortByTime(events);
}

const events = denseEvents();
const lanes = buildLanes(events, actors);
const layoutAt = (window: { start: number; end: number }, priority: number[] = []) =>
  layoutTimeline({ lanes, window, width: 1200, labelWidth: () => 80, priority, itemStartOf: (i) => itemStart((events[i] as LaneEventInput).when) });

const countOf = (mark: Mark) => (mark.type === 'event' ? 1 : mark.count);

describe('dense rows are summarised by time bins', () => {
  it('keeps the number of marks bounded by the width, however many events are in view', () => {
    const layout = layoutAt(windowOf('2021-12-01', '2025-02-01'));
    expect(events.length).toBeGreaterThan(20 * DENSE_ITEMS);
    // Per row at most one mark per 30 px bin (plus spill-over at the edges).
    const rows = lanes.reduce((n, l) => n + 1 + l.spanRows, 0);
    expect(layout.marks.length).toBeLessThanOrEqual(rows * (1200 / 30 + 2));
    expect(layout.marks.some((m) => m.type === 'cluster' && m.binned)).toBe(true);
  });

  it('still accounts for every event drawn in its own lane exactly once', () => {
    const window = windowOf('2021-06-01', '2025-06-01');
    const layout = layoutAt(window);
    const primaryInView = lanes.reduce((n, lane) => n + laneItems(lane).filter((i) => i.primary).length, 0);
    const counted = layout.marks.reduce((n, m) => n + countOf(m), 0);
    expect(counted).toBe(primaryInView);
  });

  it('keeps a bin’s cluster under the same key while panning, so marks do not jump', () => {
    const a = layoutAt(windowOf('2023-01-01', '2024-01-01'));
    const b = layoutAt(windowOf('2023-01-15', '2024-01-15'));
    const keysA = new Set(a.marks.filter((m): m is ClusterMark => m.type === 'cluster' && m.binned).map((m) => m.key));
    const shared = b.marks.filter((m) => m.type === 'cluster' && m.binned && keysA.has(m.key));
    expect(shared.length).toBeGreaterThan(10);
  });

  it('finds a selected event inside a cluster too dense to list its events', () => {
    const window = windowOf('2021-12-01', '2025-02-01');
    const plain = layoutAt(window);
    const dense = plain.marks.find((m): m is ClusterMark => m.type === 'cluster' && m.binned && m.events.length === 0);
    if (!dense) throw new Error('expected a cluster too large to list');
    const lane = lanes.find((l) => l.actor.id === dense.laneId);
    const row = dense.shape === 'point' ? lane?.pointIndex : lane?.spanIndex[dense.row - (lane?.pointRows ?? 0)];
    const inside = row?.events[Math.floor((dense.range[0] + dense.range[1]) / 2)];
    if (inside === undefined) throw new Error('no event in the middle of the cluster');
    expect(layoutAt(window, [inside]).focusKeyOfEvent.get(inside)).toBe(dense.key);
  });

  it('lists a binned cluster’s events as a view of its row, so a frame copies none of them', () => {
    const layout = layoutAt(windowOf('2021-12-01', '2025-02-01'));
    const listed = layout.marks.filter((m): m is ClusterMark => m.type === 'cluster' && m.binned && m.events.length > 0);
    expect(listed.length).toBeGreaterThan(0);
    for (const mark of listed) {
      const lane = lanes.find((l) => l.actor.id === mark.laneId);
      const row = mark.shape === 'point' ? lane?.pointIndex : lane?.spanIndex[mark.row - (lane?.pointRows ?? 0)];
      expect(mark.events.buffer).toBe(row?.events.buffer);
      expect(Array.from(mark.events)).toEqual(Array.from(row?.events.subarray(mark.range[0], mark.range[1]) ?? []));
    }
  });

  it('splits into single events when zoomed in on a quiet stretch', () => {
    const layout = layoutAt(windowOf('2023-06-10', '2023-06-12'));
    expect(layout.marks.some((m) => m.type === 'event')).toBe(true);
    expect(layout.marks.every((m) => m.type === 'event' || !m.binned || m.count > 0)).toBe(true);
  });
});
