import { describe, expect, it } from 'vitest';
import { eventsToCsv } from '../../../src/export/csv';
import { loadDatasetFromText } from '../../../src/data/readDataset';
import { createViewModel, matchingEvents } from '../../../src/state/viewModel';
import type { Dataset, TimelineEvent } from '../../../src/data/model';
import { bundledDataset } from '../../fixtures/kursk';

// Round trip: export CSV → import it (detected by content, as a dropped file would be) → the same events.
const dataset = bundledDataset();

/** What the CSV carries of an event, in terms that survive the trip: actors and sources by name or URL. */
function fieldsOf(d: Dataset, events: readonly TimelineEvent[]) {
  return events.map((e) => ({
    id: e.id,
    date: e.date,
    title: e.title,
    summary: e.summary,
    actors: e.actors.map((id) => d.actorsById.get(id)?.name),
    // Quotes are compared as the validator compares them: white space folded.
    excerpts: e.excerpts.map((x) => ({ quote: x.quote.replace(/\s+/g, ' ').trim(), source: d.sourcesById.get(x.source)?.url ?? d.sourcesById.get(x.source)?.title })),
    dateBasis: e.dateBasis?.quote,
  }));
}

async function roundTrip(events: readonly TimelineEvent[]) {
  const result = await loadDatasetFromText(eventsToCsv(dataset, events), 'export.csv');
  expect(result.problems).toEqual([]);
  const back = result.dataset;
  if (!back) throw new Error('the exported CSV did not load');
  // Loading sorts by time; put both sides in the exported order to compare.
  const order = new Map(events.map((e, i) => [e.id, i]));
  return fieldsOf(back, [...back.events].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0)));
}

describe('CSV round trip through the real importer', () => {
  it('gives back every event of the bundled dataset', async () => {
    expect(await roundTrip(dataset.events)).toEqual(fieldsOf(dataset, dataset.events));
  });

  it('gives back exactly the filtered events of a view', async () => {
    const view = createViewModel(dataset).viewFor({ actors: ['north-korea', 'russia'], query: 'missiles' });
    const shown = matchingEvents(view);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(dataset.events.length);
    expect(await roundTrip(shown)).toEqual(fieldsOf(dataset, shown));
  });

  it('survives text a spreadsheet would take for a formula', async () => {
    const hostile = dataset.events.slice(0, 3).map((e, i) => ({ ...e, title: ['=1+1', "'-x", '@cmd'][i] ?? e.title, summary: `+${e.summary}` }));
    expect(await roundTrip(hostile)).toEqual(fieldsOf(dataset, hostile));
  });
});
