import { describe, expect, it } from 'vitest';
import { datasetJsonChunks, datasetToJson, datasetWithEvents } from '../../../src/export/json';
import { validateDataset } from '../../../src/data/validate';
import { createViewModel, matchingEvents } from '../../../src/state/viewModel';
import { bundledDataset, BUNDLED_TEXT } from '../../fixtures/kursk';
import type { DatasetRecord } from '../../../src/data/model';

const dataset = bundledDataset();
const authored = JSON.parse(BUNDLED_TEXT) as DatasetRecord;
const authoredEvent = (id: string) => authored.events.find((e) => e.id === id);

describe('JSON export', () => {
  it('is a dataset our own validator accepts, holding exactly the filtered events', () => {
    const view = createViewModel(dataset).viewFor({ actors: ['united-states'], query: 'kursk' });
    const shown = matchingEvents(view);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(view.events.length);
    const result = validateDataset(JSON.parse(datasetToJson(dataset, shown)));
    expect(result.problems).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.dataset?.events.map((e) => e.id)).toEqual(shown.map((e) => e.id));
  });

  it('writes events and sources as authored, without what the app derived from them', () => {
    const exported = datasetWithEvents(dataset, dataset.events);
    for (const event of exported.events) expect(event).toEqual(authoredEvent(event.id));
    expect(exported.sources).toEqual(authored.sources);
    expect(exported).not.toHaveProperty('eventsById');
    expect(exported.title).toBe(authored.title);
    expect(exported.description).toBe(authored.description);
  });

  it('keeps only the actors the events name, with the states they belong to', () => {
    const biden = dataset.events.slice(0, 2).map((e) => ({ ...e, actors: ['joe-biden'] }));
    expect(dataset.actorsById.get('joe-biden')?.memberOf).toBe('united-states');
    expect(datasetWithEvents(dataset, biden).actors.map((a) => a.id)).toEqual(['united-states', 'joe-biden']);
  });

  it('carries through fields it does not know about', () => {
    const withExtras = {
      ...dataset,
      origin: { format: 'csv' as const, file: 'a.csv' },
      events: dataset.events.slice(0, 1).map((e) => ({ ...e, translations: { de: { title: 'Titel' } } })),
    };
    const exported = datasetWithEvents(withExtras, withExtras.events) as DatasetRecord & { origin?: unknown; events: { translations?: unknown }[] };
    expect(exported.origin).toEqual({ format: 'csv', file: 'a.csv' });
    expect(exported.events[0]?.translations).toEqual({ de: { title: 'Titel' } });
  });
});

describe('JSON export in pieces', () => {
  it('joins to exactly the text JSON.stringify makes of the exported dataset, for all, some and no events', () => {
    for (const events of [dataset.events, dataset.events.slice(3, 9), []]) {
      const chunks = [...datasetJsonChunks(dataset, events)];
      expect(chunks.join('')).toBe(`${JSON.stringify(datasetWithEvents(dataset, events), null, 2)}\n`);
    }
  });

  it('writes many events in many pieces, none holding them all', () => {
    const first = dataset.events[0];
    if (!first) throw new Error('the bundled dataset has no events');
    const many = Array.from({ length: 20_000 }, (_, i) => ({ ...first, id: `event-${i}` }));
    const chunks = [...datasetJsonChunks(dataset, many)];
    expect(chunks.length).toBeGreaterThan(10);
    const longest = Math.max(...chunks.map((c) => c.length));
    expect(longest * 5).toBeLessThan(chunks.join('').length);
    const parsed = JSON.parse(chunks.join('')) as DatasetRecord;
    expect(parsed.events.map((e) => e.id)).toEqual(many.map((e) => e.id));
  });
});
