import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../../src/state/searchIndex';
import { matchesQuery, searchTextOf } from '../../../src/state/filters';
import { validateDataset } from '../../../src/data/validate';
import { generateDataset } from '../../../src/data/synthetic';
import type { Dataset } from '../../../src/data/model';

function syntheticDataset(events: number): Dataset {
  const result = validateDataset(generateDataset({ events, seed: 3 }));
  if (!result.dataset) throw new Error('the synthetic dataset did not validate');
  return result.dataset;
}

const dataset = syntheticDataset(3_000);
const expected = (query: string) => Uint8Array.from(dataset.events, (e) => (matchesQuery(searchTextOf(e, dataset.actorsById), query) ? 1 : 0));

describe('the search index', () => {
  it('finds the same events as matching each event on its own, for an empty query nothing to filter', () => {
    const index = createSearchIndex(dataset);
    for (const query of ['kessa', 'ARLAND took', 'nothing like this', 'a']) expect(index.matchesNow(query)).toEqual(expected(query));
    expect(index.matchesNow('   ')).toBeNull();
  });

  it('finds the same events a slice at a time, also for a query that extends an earlier one', async () => {
    const index = createSearchIndex(dataset);
    for (const query of ['ar', 'arl', 'arland', 'arland t', 'borovia']) {
      const bits = await index.matchesInSlices(query, new AbortController().signal, 1);
      expect(bits).toEqual(expected(query));
    }
  });

  it('gives the page a turn between slices and stops when aborted, remembering nothing half done', async () => {
    const index = createSearchIndex(dataset);
    const controller = new AbortController();
    const running = index.matchesInSlices('kessa', controller.signal, 0.01);
    // The first slice ran synchronously; the abort lands before the second.
    controller.abort();
    expect(await running).toBeUndefined();
    expect(index.remembered('kessa')).toBeUndefined();
    await index.matchesInSlices('kessa', new AbortController().signal);
    expect(index.remembered('kessa')).toEqual(expected('kessa'));
  });

  it('folds accents, case and a word-final sigma as each event’s own text does, and never matches across two events’ texts', () => {
    // Titles written to catch a piece of many events folded in one call: one text's end and the next one's start
    // spell the query together; a NUL inside a text; letters that fold to more or fewer characters.
    const titles = ['ends with kes', 'sa starts this one', 'KYÏV İstanbul ΟΔΟΣ', 'a nul\u0000inside', 'ﬁnal ǅemal'];
    const events = dataset.events.map((e, i) => (i >= 100 && i < 100 + titles.length ? { ...e, title: 'x', summary: titles[i - 100] ?? '', actors: [], excerpts: [] } : e));
    const index = createSearchIndex({ events, actorsById: dataset.actorsById });
    const each = (query: string) => Uint8Array.from(events, (e) => (matchesQuery(searchTextOf(e, dataset.actorsById), query) ? 1 : 0));
    for (const query of ['kessa', 'kes', 'kyiv', 'istanbul', 'οδοσ', 'ΟΔΟΣ', 'nul inside', 'final', 'dzemal', 'inside', 'nul\u0000inside', 'sa\u0000sa']) expect(index.matchesNow(query), query).toEqual(each(query));
    expect(index.matchesNow('kes')?.[100]).toBe(1);
    expect(index.matchesNow('kessa')?.[100]).toBe(0);
  });
});
