import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildLanes, decodeLanes, encodeLanes, itemsInRange, laneActorId, laneItems, laneRows, MAX_POINT_ROWS, MAX_SPAN_ROWS, pointTime, shapeOf, type Lane, type LaneEventInput, type LaneItem } from '../../../src/timeline/core/lanes';
import { actor, at, date, DAY_MS, endOf, find, edtfPool, laneEvent, nth, seededRandom, sortByTime } from '../../fixtures/builders';
import { bundledDataset } from '../../fixtures/kursk';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';

const laneOf = (lanes: readonly Lane[], id: string): Lane => find(lanes, (l) => l.actor.id === id, `lane ${id}`);
const itemOf = (lane: Lane, event: number): LaneItem | undefined => laneItems(lane).find((i) => i.event === event);

describe('shapeOf and pointTime', () => {
  it('draws day-precise events as points and month, year and multi-day events as spans', () => {
    expect(shapeOf(date('2024-11-17'))).toBe('point');
    expect(shapeOf(date('2024-11-17T06:30:00Z'))).toBe('point');
    expect(shapeOf(date('2024-11'))).toBe('span');
    expect(shapeOf(date('2023'))).toBe('span');
    expect(shapeOf(date('2024-11-17/2024-11-18'))).toBe('span');
    expect(shapeOf(date('2024-11/2024-11-17'))).toBe('span');
  });

  it('puts a day-precise point in the middle of its day and a timed one at its instant', () => {
    expect(pointTime(date('2024-11-17'))).toBe(at('2024-11-17') + DAY_MS / 2);
    expect(pointTime(date('2024-11-17T06:30:00Z'))).toBe(date('2024-11-17T06:30:00Z').start);
  });
});

describe('laneActorId', () => {
  it('is the state or alliance a person or organization belongs to, else the actor itself', () => {
    expect(laneActorId(actor('joe-biden', 'person', 'united-states'))).toBe('united-states');
    expect(laneActorId(actor('associated-press', 'organization'))).toBe('associated-press');
    expect(laneActorId(actor('nato', 'alliance'))).toBe('nato');
  });
});

describe('buildLanes on the bundled dataset', () => {
  const dataset = bundledDataset();
  const lanes = buildLanes(dataset.events, dataset.actors);
  const indexOf = (id: string) => dataset.events.findIndex((e) => e.id === id);

  it('makes one lane per state or alliance, and per unaffiliated organization, never one per member', () => {
    const ids = lanes.map((l) => l.actor.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const lane of lanes) {
      expect(lane.actor.memberOf, lane.actor.id).toBeUndefined();
      expect(lane.actor.kind === 'person').toBe(false);
    }
    expect(ids).toEqual(expect.arrayContaining(['united-states', 'ukraine', 'russia', 'north-korea', 'nato', 'associated-press']));
    expect(ids).not.toContain('joe-biden');
    expect(ids).not.toContain('white-house');
  });

  it('rolls people and organizations up into their state via memberOf', () => {
    const us = laneOf(lanes, 'united-states');
    expect(us.members.map((m) => m.id)).toEqual(expect.arrayContaining(['united-states', 'joe-biden', 'white-house', 'donald-trump', 'marilyn-strickland']));
    expect(laneOf(lanes, 'ukraine').members.map((m) => m.id)).toEqual(['ukraine', 'volodymyr-zelenskyy']);
    const e = indexOf('white-house-declines-comment');
    expect(itemOf(us, e)?.primary).toBe(true);
  });

  it("gives each event its mark in its first actor's lane and echoes (row -1) in the others", () => {
    dataset.events.forEach((event, index) => {
      const laneIds = [...new Set(event.actors.map((id) => laneActorId(dataset.actorsById.get(id) ?? actor(id))))];
      const [primaryLane, ...others] = laneIds;
      const primary = itemOf(laneOf(lanes, primaryLane as string), index);
      expect(primary?.primary, event.id).toBe(true);
      expect(primary?.row, event.id).toBeGreaterThanOrEqual(0);
      for (const other of others) {
        const echo = itemOf(laneOf(lanes, other), index);
        expect(echo?.primary, `${event.id} in ${other}`).toBe(false);
        expect(echo?.row, `${event.id} in ${other}`).toBe(-1);
      }
      const everywhere = lanes.flatMap((l) => laneItems(l).filter((i) => i.event === index));
      expect(everywhere, event.id).toHaveLength(laneIds.length);
    });
  });

  it('shows an event once per lane even when two of its actors share the lane', () => {
    const e = indexOf('zelenskyy-seeks-long-range-permission');
    expect(laneItems(laneOf(lanes, 'ukraine')).filter((i) => i.event === e)).toHaveLength(1);
    expect(itemOf(laneOf(lanes, 'united-states'), e)?.primary).toBe(false);
  });

  it('orders lanes by how many events they hold, busiest first', () => {
    for (let i = 1; i < lanes.length; i++) expect(laneItems(nth(lanes, i - 1)).length).toBeGreaterThanOrEqual(laneItems(nth(lanes, i)).length);
    expect(nth(lanes, 0).actor.id).toBe('united-states');
  });

  it('marks lanes that carry echoes', () => {
    for (const lane of lanes) expect(lane.hasEchoes).toBe(laneItems(lane).some((i) => !i.primary));
  });
});

describe('buildLanes: rows', () => {
  const states = [actor('a'), actor('b')];

  it('stacks same-day points into as many point rows as there are events that day, up to three', () => {
    const two = buildLanes([laneEvent('2024-11-17', 'a'), laneEvent('2024-11-17', 'a')], states);
    expect(nth(two, 0).pointRows).toBe(2);
    const five = buildLanes(Array.from({ length: 5 }, () => laneEvent('2024-11-17', 'a')), states);
    expect(nth(five, 0).pointRows).toBe(MAX_POINT_ROWS);
    expect(MAX_POINT_ROWS).toBe(3);
  });

  it('needs one point row for points on different days', () => {
    const lanes = buildLanes([laneEvent('2024-11-15', 'a'), laneEvent('2024-11-16', 'a'), laneEvent('2024-11-17', 'a')], states);
    expect(nth(lanes, 0).pointRows).toBe(1);
  });

  it('puts span rows after the point rows', () => {
    const lanes = buildLanes(sortByTime([laneEvent('2024-11-17', 'a'), laneEvent('2024-11', 'a'), laneEvent('2024', 'a')]), states);
    const lane = nth(lanes, 0);
    expect(lane.pointRows).toBe(1);
    expect(lane.spanRows).toBe(2);
    const spanRows = laneItems(lane).filter((i) => i.shape === 'span').map((i) => i.row).sort();
    expect(spanRows).toEqual([1, 2]);
    expect(laneItems(lane).find((i) => i.shape === 'point')?.row).toBe(0);
  });

  it('reuses a span row once the span in it has ended', () => {
    const lanes = buildLanes(sortByTime([laneEvent('2023', 'a'), laneEvent('2024', 'a'), laneEvent('2023-06/2024-06', 'a')]), states);
    expect(nth(lanes, 0).spanRows).toBe(2);
  });

  const pickSpan = edtfPool(99, 300);

  it('never lets two spans in one row overlap in time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 0xffffffff }), fc.integer({ min: 1, max: MAX_SPAN_ROWS }), (seed, n) => {
        const random = seededRandom(seed);
        const events = sortByTime(Array.from({ length: n }, () => laneEvent(pickSpan(random), 'a')));
        const lane = nth(buildLanes(events, states), 0);
        const byRow = new Map<number, LaneItem[]>();
        for (const item of laneItems(lane).filter((i) => i.shape === 'span')) byRow.set(item.row, [...(byRow.get(item.row) ?? []), item]);
        for (const items of byRow.values()) {
          items.sort((x, y) => x.start - y.start);
          for (let i = 1; i < items.length; i++) expect(nth(items, i - 1).end).toBeLessThanOrEqual(nth(items, i).start);
        }
        expect(lane.spanRows).toBeLessThanOrEqual(MAX_SPAN_ROWS);
      }),
      { numRuns: 50, seed: 99 },
    );
  });

  it(`caps span rows at ${MAX_SPAN_ROWS}; spans beyond that share the last row`, () => {
    const lanes = buildLanes(Array.from({ length: MAX_SPAN_ROWS + 6 }, () => laneEvent('2024', 'a')), states);
    const lane = nth(lanes, 0);
    expect(lane.spanRows).toBe(MAX_SPAN_ROWS);
    expect(laneItems(lane).filter((i) => i.row === MAX_SPAN_ROWS - 1)).toHaveLength(7);
  });

  it('skips actors it does not know, and a member of an unknown state gets a lane of its own', () => {
    const lanes = buildLanes([laneEvent('2024', 'ghost', 'a'), laneEvent('2024', 'ghost')], [...states, actor('envoy', 'person', 'atlantis')]);
    expect(lanes.map((l) => l.actor.id)).toEqual(['a']);
    const own = buildLanes([laneEvent('2024', 'envoy')], [...states, actor('envoy', 'person', 'atlantis')]);
    expect(own.map((l) => l.actor.id)).toEqual(['envoy']);
  });

  it('keeps each row’s items in time order with a running maximum of their ends', () => {
    const random = seededRandom(5);
    const pick = edtfPool(5, 100);
    const events = sortByTime(Array.from({ length: 200 }, () => laneEvent(pick(random), random() < 0.7 ? 'a' : 'b', 'a')));
    for (const lane of buildLanes(events, states)) {
      expect(laneRows(lane).reduce((n, row) => n + row.events.length, 0)).toBe(lane.count);
      for (const row of laneRows(lane)) {
        let running = -Infinity;
        row.starts.forEach((start, i) => {
          if (i > 0) expect(start).toBeGreaterThanOrEqual(row.starts[i - 1] as number);
          running = Math.max(running, row.ends[i] as number);
          expect(row.maxEnds[i]).toBe(running);
        });
      }
    }
  });
});

describe('itemsInRange', () => {
  // One lane of 2,000 generated items (points, spans and echoes), the same on every run.
  const random = seededRandom(20241118);
  const pick = edtfPool(20241118, 400);
  const events: LaneEventInput[] = sortByTime(
    Array.from({ length: 2000 }, () => {
      const r = random();
      return laneEvent(pick(random), ...(r < 0.8 ? ['a'] : r < 0.9 ? ['b', 'a'] : ['a', 'b']));
    }),
  );
  const lane = laneOf(buildLanes(events, [actor('a'), actor('b')]), 'a');
  const bruteForce = (from: number, to: number) => laneItems(lane).filter((item) => item.end >= from && item.start <= to);
  const lo = at('1999');
  const hi = endOf('2031');
  const boundary = fc.constantFrom(...laneItems(lane).flatMap((i) => [i.start, i.end]));
  const time = fc.oneof(fc.double({ min: lo, max: hi, noNaN: true }), boundary);

  it('holds 2,000 items of every kind', () => {
    expect(laneItems(lane).length).toBeGreaterThanOrEqual(2000);
    expect(new Set(laneItems(lane).map((i) => `${i.shape}:${i.primary}`))).toEqual(new Set(['point:true', 'span:true', 'point:false', 'span:false']));
  });

  it('returns exactly what a brute-force filter returns, for 500 random windows', () => {
    fc.assert(
      fc.property(time, time, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(itemsInRange(lane, from, to)).toEqual(bruteForce(from, to));
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('includes items that touch the window at either end', () => {
    const item = nth(laneItems(lane), 1000);
    expect(itemsInRange(lane, item.end, item.end + 1)).toContainEqual(item);
    expect(itemsInRange(lane, item.start - 1, item.start)).toContainEqual(item);
  });

  it('returns nothing for a window before or after all items, and for an empty lane', () => {
    expect(itemsInRange(lane, at('1990'), at('1991'))).toEqual([]);
    expect(itemsInRange(lane, at('2040'), at('2041'))).toEqual([]);
    const empty = laneOf(buildLanes([laneEvent('2024', 'a')], [actor('a')]), 'a');
    const none = { ...empty.pointIndex, events: new Int32Array(0), spans: new Uint8Array(0), starts: new Float64Array(0), ends: new Float64Array(0), maxEnds: new Float64Array(0) };
    expect(itemsInRange({ ...empty, pointIndex: none, spanIndex: [], echoIndex: none }, lo, hi)).toEqual([]);
  });
});

describe('encodeLanes / decodeLanes', () => {
  it('gives back the same lanes from their columns, as the worker hands them to the page', () => {
    const dataset = generateDataset({ events: 3000, seed: 7 });
    const checked = validateDataset(dataset).dataset;
    if (!checked) throw new Error('the generated dataset should be valid');
    const lanes = buildLanes(checked.events, checked.actors);
    const decoded = decodeLanes(structuredClone(encodeLanes(lanes)), checked.actorsById);
    expect(decoded).toEqual(lanes);
  });

  it('refuses columns that name an actor the dataset does not have', () => {
    const dataset = validateDataset(generateDataset({ events: 50, seed: 1 })).dataset;
    if (!dataset) throw new Error('the generated dataset should be valid');
    const columns = encodeLanes(buildLanes(dataset.events, dataset.actors));
    expect(decodeLanes(columns, new Map())).toBeNull();
  });
});
