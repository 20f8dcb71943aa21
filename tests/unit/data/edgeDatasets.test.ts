// Datasets at the edges: huge strings, deep nesting, floods of bad events, dates far from today, and
// datasets too small to look like timelines. Each must load without throwing and say precisely what is wrong.
import { describe, expect, it } from 'vitest';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { validateDataset } from '../../../src/data/validate';
import { parseEventDate } from '../../../src/data/edtfDate';
import { formatEventDate } from '../../../src/data/formatDate';
import { firstProblems } from '../../../src/data/problems';
import type { ValidationResult } from '../../../src/data/model';
import { nth } from '../../fixtures/builders';
import { buildDataset, manyEvents, sameDayEvents, SOURCE_ID } from '../../fixtures/robust/datasets';

const MEGABYTE = 1024 * 1024;

/** Loads like the app does (text in), failing the test with the error if the loader throws. */
async function load(value: unknown): Promise<ValidationResult> {
  return loadDatasetFromText(typeof value === 'string' ? value : JSON.stringify(value));
}

describe('very long strings', () => {
  it('a 1 MB title is rejected at its path with "at most 120 characters", and the message stays short', async () => {
    const d = buildDataset({ events: [{ id: 'long-title', date: '2024-11-17', title: 'T'.repeat(MEGABYTE) }, { id: 'fine', date: '2024-11-16' }] });
    const result = await load(d);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['fine']);
    expect(result.problems).toEqual([{ path: 'events[0].title', message: expect.stringContaining('at most 120 characters') as unknown as string }]);
    expect(nth(result.problems, 0).message.length).toBeLessThan(200);
    expect(result.rejected.map((r) => r.path)).toEqual(['events[0]']);
  });

  it('a 1 MB summary is accepted whole', async () => {
    const summary = `${'A long summary. '.repeat(MEGABYTE / 16)}`;
    const result = await load(buildDataset({ events: [{ id: 'long-summary', date: '2024-11-17', summary }] }));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events[0]?.summary).toHaveLength(summary.length);
  });

  it('a quote at the end of a 1 MB paragraph is found, quickly', async () => {
    const paragraph = `${'Filler words about nothing in particular. '.repeat(MEGABYTE / 42)}At last, Alphaland signed.`;
    const started = performance.now();
    const result = await load(buildDataset({ events: [{ id: 'needle', date: '2024-11-17', paragraph, quote: 'At last, Alphaland signed.' }] }));
    expect(result.problems).toEqual([]);
    const location = nth(result.dataset?.events[0]?.excerpts ?? [], 0);
    expect(paragraph.slice(location.start, location.end)).toBe('At last, Alphaland signed.');
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('a 1 MB wrong value is described briefly, not echoed', async () => {
    const d = buildDataset({ events: [{ id: 'x', date: '2024-11-17' }] }) as unknown as { events: Record<string, unknown>[] };
    (d.events[0] as Record<string, unknown>).date = 'D'.repeat(MEGABYTE);
    const result = await load(d);
    // The only event is unusable: a heading that says so, then its one problem.
    expect(result.problems).toHaveLength(2);
    expect(nth(result.problems, 1).path).toBe('events[0].date');
    expect(nth(result.problems, 1).message).toContain('not a valid EDTF date');
    expect(nth(result.problems, 1).message.length, 'the message repeats the whole megabyte').toBeLessThan(1000);
  });
});

describe('deep nesting', () => {
  const DEPTH = 10_000;

  it('JSON arrays nested 10,000 levels deep give a problem, not a crash', async () => {
    const result = await load('['.repeat(DEPTH) + ']'.repeat(DEPTH));
    expect(result.dataset).toBeNull();
    expect(result.problems).toEqual([{ path: '(root)', message: expect.stringContaining('must be a JSON object') as unknown as string }]);
  });

  it('objects nested 10,000 levels deep inside an event reject that event only', async () => {
    const d = buildDataset({ events: [{ id: 'deep', date: '2024-11-17' }, { id: 'fine', date: '2024-11-16' }] });
    const text = JSON.stringify(d).replace('"title":"Event deep"', `"title":${'{"a":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`);
    const result = await load(text);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['fine']);
    expect(result.problems).toEqual([{ path: 'events[0].title', message: 'must be a string, not an object' }]);
  });

  it.each([
    ['arrays', '['.repeat(DEPTH)],
    ['objects', '{"a":'.repeat(DEPTH)],
  ])('unclosed %s nested 10,000 levels deep give a located parse problem, not a thrown RangeError', async (_, text) => {
    // loadDatasetFromText is documented never to throw; here the tolerant parser that locates the error recurses.
    let result: ValidationResult | null = null;
    let thrown: unknown = null;
    try {
      result = await load(text);
    } catch (error) {
      thrown = error;
    }
    expect(thrown === null ? 'no throw' : String(thrown)).toBe('no throw');
    expect(result?.dataset).toBeNull();
    expect(result?.problems).toHaveLength(1);
    expect(result?.problems[0]?.message).toMatch(/^not valid JSON/);
  });
});

describe('a flood of bad events', () => {
  it('20,000 invalid events give at least 20,000 problems, shown as the first 100 and a count of the rest', async () => {
    const d = buildDataset({ events: [{ id: 'good', date: '2024-11-17' }] }) as unknown as { events: unknown[] };
    for (let i = 0; i < 20_000; i++) d.events.push({ id: `Bad Id ${i}`, title: '', date: 'soon' });
    const started = performance.now();
    const result = await load(d);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['good']);
    expect(result.rejected).toHaveLength(20_000);
    expect(result.problems.length).toBeGreaterThanOrEqual(20_000);
    const { shown, hidden } = firstProblems(result.problems);
    expect(shown).toHaveLength(100);
    expect(hidden).toBe(result.problems.length - 100);
    expect(shown[0]?.path).toMatch(/^events\[1\]\./);
    for (const problem of shown) expect(problem.path).toMatch(/^events\[\d+\]/);
  });

  it('a dataset that is nothing but 20,000 bad events is not usable, with a heading that says so and every event accounted for', async () => {
    const d = buildDataset() as unknown as { events: unknown[] };
    d.events = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? null : { id: i }));
    const result = await load(d);
    expect(result.dataset).toBeNull();
    expect(result.rejected).toHaveLength(20_000);
    expect(result.problems[0]).toEqual({ path: 'events', message: 'none of the 20,000 events is usable; the problems of each follow' });
    expect(result.problems[1]).toEqual({ path: 'events[0]', message: 'must be an object, not null' });
  });
});

describe('dates far from today', () => {
  it('-0043-03-15 parses and is written "Mar 15, 44 BCE"', () => {
    const parsed = parseEventDate('-0043-03-15');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.date.startPrecision).toBe('day');
    expect(formatEventDate(parsed.date)).toBe('Mar 15, 44 BCE');
  });

  it.each([
    ['0000', '1 BCE'],
    ['-0001', '2 BCE'],
    ['-0043-03', 'March 44 BCE'],
    ['-0050/-0044', 'between 51 BCE and 45 BCE'],
    ['0001', '1'],
  ])('%s is written %j', (edtf, expected) => {
    const parsed = parseEventDate(edtf);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(formatEventDate(parsed.date)).toBe(expected);
  });

  it('a BCE event is kept and sorted before modern ones', async () => {
    const result = await load(buildDataset({ events: [{ id: 'modern', date: '2024-11-17' }, { id: 'ides-of-march', date: '-0043-03-15' }] }));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['ides-of-march', 'modern']);
  });

  it('9999-12-31, the last four-digit day, is accepted', () => {
    const parsed = parseEventDate('9999-12-31');
    expect(parsed.ok && formatEventDate(parsed.date)).toBe('Dec 31, 9999');
  });

  it.each(['Y10000', '10000', 'Y-10000', '+10000', '10000-01-01', '2024/10000', 'Y170000002'])('%s does not throw', (edtf) => {
    expect(() => parseEventDate(edtf)).not.toThrow();
    expect(() => validateDataset(buildDataset({ events: [{ id: 'far', date: edtf }] }))).not.toThrow();
  });

  it('"10000" (year 10000 without EDTF\'s Y prefix) is not taken for 10 seconds after midnight, Jan 1, 1970', () => {
    const parsed = parseEventDate('10000');
    if (parsed.ok) {
      // If accepted at all, it must mean the year 10000.
      expect(parsed.date.startPrecision, `accepted as ${formatEventDate(parsed.date)}`).toBe('year');
      expect(new Date(parsed.date.start).getUTCFullYear()).toBe(10000);
    } else {
      expect(parsed.message).toContain('10000');
    }
  });

  it('other digit-only strings of five or more digits are not accepted as moments in 1970 either', () => {
    const said = ['20240', '99999', '123456'].map((edtf) => {
      const parsed = parseEventDate(edtf);
      return `${edtf}: ${parsed.ok ? `accepted as ${formatEventDate(parsed.date)}` : 'rejected'}`;
    });
    expect(said.filter((line) => line.includes('1970'))).toEqual([]);
  });

  it('"Y10000" (an EDTF long year) is either placed in the year 10000 or rejected without being called a season, set or list', () => {
    const parsed = parseEventDate('Y10000');
    if (parsed.ok) {
      expect(new Date(parsed.date.start).getUTCFullYear()).toBe(10000);
    } else {
      expect(parsed.message).toContain('Y10000');
      expect(parsed.message).not.toMatch(/seasons, sets or lists/);
    }
  });

  it('"2024/10000" is not said to end before it starts', () => {
    const parsed = parseEventDate('2024/10000');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).not.toMatch(/ends \(10000\) before it starts/);
  });
});

describe('small and degenerate datasets', () => {
  it('an empty events list gives a dataset with no events and no problems', async () => {
    const result = await load(buildDataset({ events: [] }));
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.dataset?.events).toEqual([]);
    expect(result.dataset?.sources.map((s) => s.id)).toEqual([SOURCE_ID]);
  });

  it('a dataset with no actors and no events is still a dataset', async () => {
    const d = buildDataset();
    d.actors = [];
    const result = await load(d);
    expect(result.problems).toEqual([]);
    expect(result.dataset?.actors).toEqual([]);
  });

  it('a single event', async () => {
    const result = await load(buildDataset({ events: [{ id: 'only', date: '2024-11-17' }] }));
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(['only']);
  });

  it('all events on one day are all kept, on that day, ordered by id', async () => {
    const result = await load(buildDataset({ events: sameDayEvents(50) }));
    expect(result.problems).toEqual([]);
    const events = result.dataset?.events ?? [];
    expect(events).toHaveLength(50);
    expect(new Set(events.map((e) => e.when.start)).size).toBe(1);
    expect(new Set(events.map((e) => e.when.end)).size).toBe(1);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('a "__proto__" field is reported as unknown and pollutes nothing', async () => {
    const text = JSON.stringify(buildDataset({ events: [{ id: 'x', date: '2024-11-17' }] })).replace('{"id":"x",', '{"__proto__":{"polluted":true},"id":"x",');
    const result = await load(text);
    expect(result.problems).toEqual([
      { path: 'events', message: 'the only event is not usable; its problems follow' },
      { path: 'events[0].__proto__', message: 'unknown field; check its spelling against the schema' },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('large valid datasets', () => {
  it('5,000 events over 100 sources validate within 5 s', async () => {
    const text = JSON.stringify(buildDataset({ events: manyEvents(5000), sources: 100 }));
    const started = performance.now();
    const result = await load(text);
    const elapsed = performance.now() - started;
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events).toHaveLength(5000);
    expect(elapsed).toBeLessThan(5000);
  });

  it('2,000 events quoting one long source validate within 1.5 s (matching is not quadratic in the quote work)', async () => {
    // One source of 2,000 paragraphs, each event quoting words from the middle of its own: a long article turned into a timeline.
    const text = JSON.stringify(buildDataset({ events: manyEvents(2000, { partialQuotes: true }), sources: 1 }));
    const started = performance.now();
    const result = await load(text);
    const elapsed = performance.now() - started;
    expect(result.problems).toEqual([]);
    expect(result.dataset?.events).toHaveLength(2000);
    expect(elapsed, `took ${Math.round(elapsed)} ms`).toBeLessThan(1500);
  });
});
