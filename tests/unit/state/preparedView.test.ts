import { laneItems } from '../../../src/timeline/core/lanes';
import { describe, expect, it } from 'vitest';
import { createViewModel, SLICED_FROM, type FilteredView } from '../../../src/state/viewModel';
import type { Filters } from '../../../src/state/filters';
import { validateDataset } from '../../../src/data/validate';
import { generateDataset } from '../../../src/data/synthetic';
import type { Dataset } from '../../../src/data/model';

function syntheticDataset(events: number): Dataset {
  const result = validateDataset(generateDataset({ events, seed: 4 }));
  if (!result.dataset) throw new Error('the synthetic dataset did not validate');
  return result.dataset;
}

const dataset = syntheticDataset(SLICED_FROM);
const someActors = (n: number) => dataset.actors.slice(0, n).map((a) => a.id);

/** What a view shows, as plain values: events, hits, lanes with their rows, and the index. */
const shown = (view: FilteredView) => ({
  events: view.events.map((e) => e.id),
  hits: view.hits === null ? null : Array.from(view.hits),
  lanes: view.lanes?.map((lane) => ({ actor: lane.actor.id, rows: [lane.pointRows, lane.spanRows], items: laneItems(lane).map((i) => [i.event, i.row, i.start, i.end, i.primary]) })),
  order: view.order,
  fit: view.fit,
});

/** Counts the page's turns (tasks that ran) while `work` runs. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await work;
  running = false;
  return turns;
}

describe('filters prepared a slice at a time', { timeout: 60_000 }, () => {
  it.each<[string, Filters]>([
    ['one actor', { actors: someActors(1), query: '' }],
    ['three actors and a search', { actors: someActors(3), query: 'kessa' }],
    ['a search alone', { actors: null, query: 'arland' }],
  ])('give the page turns while preparing %s, and then the same view as filtering at once', async (_, filters) => {
    const model = createViewModel(dataset);
    model.viewFor({ actors: null, query: '' });
    expect(model.isReady(filters)).toBe(false);
    let ready = false;
    // A budget of 0 ms: every step of the work is a slice of its own.
    const turns = await turnsDuring(model.prepareView(filters, new AbortController().signal, 0).then((r) => (ready = r)));
    expect(ready).toBe(true);
    // The events are read a few thousand at a time, with a turn for the page after each.
    expect(turns).toBeGreaterThan(3);
    expect(model.isReady(filters)).toBe(true);
    expect(shown(model.viewFor(filters))).toEqual(shown(createViewModel(dataset).viewFor(filters)));
    // The filter's counts per actor follow the search, prepared with it.
    expect(model.actorCounts(filters.query)).toEqual(createViewModel(dataset).actorCounts(filters.query));
  });

  it('stop when aborted, leaving the view to be computed as before', async () => {
    const model = createViewModel(dataset);
    const filters: Filters = { actors: someActors(2), query: '' };
    const controller = new AbortController();
    const preparing = model.prepareView(filters, controller.signal, 0);
    controller.abort();
    expect(await preparing).toBe(false);
    expect(model.isReady(filters)).toBe(false);
    expect(shown(model.viewFor(filters))).toEqual(shown(createViewModel(dataset).viewFor(filters)));
  });

  it('keep the unfiltered view and the last two others ready, so Clear filters and going back are immediate', async () => {
    const model = createViewModel(dataset);
    const all: Filters = { actors: null, query: '' };
    model.viewFor(all);
    const choices = [1, 2, 3].map((n): Filters => ({ actors: someActors(n), query: '' }));
    for (const filters of choices) await model.prepareView(filters, new AbortController().signal);
    expect(choices.map((f) => model.isReady(f))).toEqual([false, true, true]);
    expect(model.isReady(all)).toBe(true);
  });
});
