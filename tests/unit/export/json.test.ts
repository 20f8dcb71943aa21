import { describe, expect, it } from 'vitest';
import { datasetToJson, datasetWithEvents } from '../../../src/export/json';
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
