import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3-dsv';
import { ACTOR_SEPARATOR, eventsToCsv, unguardFormula } from '../../../src/export/csv';
import { createViewModel, matchingEvents } from '../../../src/state/viewModel';
import { bundledDataset } from '../../fixtures/kursk';
import type { TimelineEvent } from '../../../src/data/model';

// Round trip: export CSV → read it back → the same events. Until the CSV importer is merged, the
// reading side is d3-dsv's csvParse plus the documented mapping (names → actors, URL/title → source).
const dataset = bundledDataset();
const actorIdByName = new Map(dataset.actors.map((a) => [a.name, a.id]));
const sourceIdByRef = new Map(dataset.sources.flatMap((s) => [[s.title, s.id], ...(s.url ? [[s.url, s.id] as const] : [])]));

function readBack(csv: string) {
  return csvParse(csv, (raw) => {
    const row = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, unguardFormula(v ?? '')]));
    const excerpts = [['excerpt', 'source'], ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`excerpt_${n}`, `source_${n}`])]
      .filter(([q]) => (row[q ?? ''] ?? '') !== '')
      .map(([q, s]) => ({ source: sourceIdByRef.get(row[s ?? ''] ?? ''), quote: row[q ?? ''] }));
    return {
      id: row.id,
      date: row.date,
      title: row.title,
      summary: row.summary,
      actors: (row.actors ?? '').split(ACTOR_SEPARATOR).map((name) => actorIdByName.get(name)),
      excerpts,
      dateBasisQuote: row.date_basis,
    };
  });
}

const fieldsOf = (events: readonly TimelineEvent[]) =>
  events.map((e) => ({ id: e.id, date: e.date, title: e.title, summary: e.summary, actors: e.actors, excerpts: e.excerpts, dateBasisQuote: e.dateBasis.quote }));

describe('CSV round trip', () => {
  it('gives back every event of the bundled dataset', () => {
    expect([...readBack(eventsToCsv(dataset, dataset.events))]).toEqual(fieldsOf(dataset.events));
  });

  it('gives back exactly the filtered events of a view', () => {
    const view = createViewModel(dataset).viewFor({ actors: ['north-korea', 'russia'], query: 'missiles' });
    const shown = matchingEvents(view);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(dataset.events.length);
    expect([...readBack(eventsToCsv(dataset, shown))]).toEqual(fieldsOf(shown));
  });

  it('survives text a spreadsheet would take for a formula', () => {
    const hostile = dataset.events.slice(0, 3).map((e, i) => ({ ...e, title: ['=1+1', "'-x", '@cmd'][i] ?? e.title, summary: `+${e.summary}` }));
    expect([...readBack(eventsToCsv(dataset, hostile))]).toEqual(fieldsOf(hostile));
  });
});
