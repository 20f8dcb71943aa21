import { csvFormatRows } from 'd3-dsv';
import type { Dataset, TimelineEvent } from '../data/model';
import { guardFormula } from '../data/csvFormula';

/**
 * Our simple CSV of events, the format the CSV importer reads back:
 * `id,date,title,summary,actors,excerpt,source,date_basis`, then `excerpt_2,source_2,…` up to the
 * most excerpts any exported event has. `date` is the EDTF string as authored, `actors` the actor
 * names joined with "; ", `source` the source's URL, or its title when it has none.
 */
export const CSV_COLUMNS = ['id', 'date', 'title', 'summary', 'actors', 'excerpt', 'source', 'date_basis'] as const;

export const ACTOR_SEPARATOR = '; ';

function excerptColumns(count: number): string[] {
  const columns: string[] = [];
  for (let n = 2; n <= count; n++) columns.push(`excerpt_${n}`, `source_${n}`);
  return columns;
}

/** The events as our CSV (RFC 4180 quoting by d3-dsv, formula cells guarded). */
export function eventsToCsv(dataset: Pick<Dataset, 'actorsById' | 'sourcesById'>, events: readonly TimelineEvent[]): string {
  const mostExcerpts = Math.max(1, ...events.map((e) => e.excerpts.length));
  const sourceCell = (id: string) => {
    const source = dataset.sourcesById.get(id);
    return source ? (source.url ?? source.title) : id;
  };
  const rows = events.map((event) => {
    const [first, ...more] = event.excerpts;
    const cells = [
      event.id,
      event.date,
      event.title,
      event.summary,
      event.actors.map((id) => dataset.actorsById.get(id)?.name ?? id).join(ACTOR_SEPARATOR),
      first?.quote ?? '',
      first ? sourceCell(first.source) : '',
      event.dateBasis?.quote ?? '',
    ];
    for (let n = 0; n < mostExcerpts - 1; n++) {
      const excerpt = more[n];
      cells.push(excerpt?.quote ?? '', excerpt ? sourceCell(excerpt.source) : '');
    }
    return cells.map(guardFormula);
  });
  return csvFormatRows([[...CSV_COLUMNS, ...excerptColumns(mostExcerpts)], ...rows]);
}
