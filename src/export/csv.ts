import { csvFormatRows } from 'd3-dsv';
import type { Dataset, TimelineEvent } from '../data/model';

/**
 * Our simple CSV of events, the format the CSV importer reads back:
 * `id,date,title,summary,actors,excerpt,source,date_basis`, then `excerpt_2,source_2,…` up to the
 * most excerpts any exported event has. `date` is the EDTF string as authored, `actors` the actor
 * names joined with "; ", `source` the source's URL, or its title when it has none.
 */
export const CSV_COLUMNS = ['id', 'date', 'title', 'summary', 'actors', 'excerpt', 'source', 'date_basis'] as const;

export const ACTOR_SEPARATOR = '; ';

/**
 * Spreadsheet formula injection: Excel, LibreOffice and Sheets run a cell that starts with one of
 * these as a formula. OWASP's CSV Injection page and ASVS 5.0 (1.2.10) say to prefix such a cell with
 * a single quote, which spreadsheets show as text. Summaries and quotes can legitimately start with
 * "-" or "+" (and negative EDTF years do), so the guard must be undone on import without loss:
 * a cell that already starts with apostrophes before a trigger gets one more, and the importer strips
 * exactly one apostrophe from any cell matching `'+` followed by a trigger (see unguardFormula).
 */
const FORMULA_START = /^'*[=+\-@\t\r\0]/;
const GUARDED_START = /^'+[=+\-@\t\r\0]/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of guardFormula, for the importer: `unguardFormula(guardFormula(s)) === s` for every s. */
export function unguardFormula(cell: string): string {
  return GUARDED_START.test(cell) ? cell.slice(1) : cell;
}

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
      event.dateBasis.quote,
    ];
    for (let n = 0; n < mostExcerpts - 1; n++) {
      const excerpt = more[n];
      cells.push(excerpt?.quote ?? '', excerpt ? sourceCell(excerpt.source) : '');
    }
    return cells.map(guardFormula);
  });
  return csvFormatRows([[...CSV_COLUMNS, ...excerptColumns(mostExcerpts)], ...rows]);
}
