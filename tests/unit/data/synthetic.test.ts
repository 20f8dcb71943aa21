import { describe, expect, it } from 'vitest';
import { BENCH_ACTORS, createRandom, generateDataset, generateWithStats } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';

const precisionOf = (edtf: string) => (edtf.length === 4 ? 'year' : edtf.length === 7 ? 'month' : 'day');

describe('the benchmark data generator', () => {
  it('gives the same dataset for the same seed, and another for another seed', () => {
    const a = generateDataset({ events: 400, seed: 42 });
    const b = generateDataset({ events: 400, seed: 42 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(generateDataset({ events: 400, seed: 43 }))).not.toBe(JSON.stringify(a));
    expect(createRandom(7)()).toBe(createRandom(7)());
  });

  it('makes exactly N events with unique ids', () => {
    for (const n of [0, 1, 57, 1000]) {
      const { events, sources } = generateDataset({ events: n, seed: 3 });
      expect(events).toHaveLength(n);
      expect(new Set(events.map((e) => e.id)).size).toBe(n);
      expect(sources.length).toBeGreaterThan(0);
    }
  });

  it('refuses impossible options', () => {
    expect(() => generateDataset({ events: -1 })).toThrow(RangeError);
    expect(() => generateDataset({ events: 1.5 })).toThrow(RangeError);
    expect(() => generateDataset({ events: 10, eventsPerSource: 0 })).toThrow(RangeError);
  });

  it('mixes precisions, ~20% intervals, people with memberOf and dense days', () => {
    const n = 5000;
    const { dataset, stats } = generateWithStats({ events: n, seed: 11 });
    const intervals = dataset.events.filter((e) => e.date.includes('/'));
    expect(intervals.length / n).toBeGreaterThanOrEqual(0.15);
    expect(intervals.length / n).toBeLessThanOrEqual(0.25);
    expect(stats.intervals).toBe(intervals.length);

    const single = dataset.events.filter((e) => !e.date.includes('/'));
    const share = (p: string) => single.filter((e) => precisionOf(e.date) === p).length / single.length;
    expect(share('day')).toBeGreaterThan(0.6);
    expect(share('month')).toBeGreaterThan(0.1);
    expect(share('year')).toBeGreaterThan(0.03);
    // Interval bounds of each precision too.
    const bounds = new Set(intervals.flatMap((e) => e.date.split('/').map(precisionOf)));
    expect([...bounds].sort()).toEqual(['day', 'month', 'year']);

    expect(dataset.actors.length).toBeGreaterThanOrEqual(12);
    const kinds = new Set(dataset.actors.map((a) => a.kind));
    expect(kinds).toContain('state');
    expect(kinds).toContain('person');
    expect(kinds).toContain('organization');
    const members = dataset.actors.filter((a) => a.memberOf !== undefined);
    expect(members.some((a) => a.kind === 'person')).toBe(true);
    const used = new Set(dataset.events.flatMap((e) => e.actors));
    for (const member of members) expect(used).toContain(member.id);
    expect(dataset.events.some((e) => e.actors.length > 1)).toBe(true);

    // Bursts: some days hold far more events than the average day.
    const perDay = new Map<string, number>();
    for (const e of single) if (precisionOf(e.date) === 'day') perDay.set(e.date, (perDay.get(e.date) ?? 0) + 1);
    const busiest = Math.max(...perDay.values());
    const average = [...perDay.values()].reduce((a, b) => a + b, 0) / perDay.size;
    expect(busiest).toBeGreaterThanOrEqual(10);
    expect(busiest).toBeGreaterThan(average * 5);
  });

  it('keeps the strings short (a few hundred bytes an event)', () => {
    const text = JSON.stringify(generateDataset({ events: 2000, seed: 5 }));
    expect(text.length / 2000).toBeLessThan(700);
  });

  it('makes a dataset the validator accepts without a single problem', () => {
    const record = generateDataset({ events: 2000, seed: 2024 });
    const result = validateDataset(record);
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.dataset?.events).toHaveLength(2000);
    expect(result.dataset?.actors).toHaveLength(BENCH_ACTORS.length);
    // Quotes are found where they were taken from: every excerpt located, in its own source.
    for (const event of result.dataset?.events ?? []) {
      for (const excerpt of event.excerpts) expect(Number.isInteger(excerpt.paragraph), event.id).toBe(true);
    }
  });

  it('stays valid at the edges of its date range, whatever the seed', () => {
    // A short range puts many intervals against its last day, where their ends have to be moved.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const result = validateDataset(generateDataset({ events: 800, seed, fromYear: 2020, toYear: 2022 }));
      expect(result.problems, `seed ${seed}`).toEqual([]);
    }
  });
});
