import { csvFormatRows } from 'd3-dsv';
import type { Dataset, TimelineEvent } from '../data/model';
import { guardFormula } from '../data/csvFormula';
import { STEP_MASK } from '../timeline/core/steps';

/** Told how far a file being written has come, from 0 to 1 (the share of its events written). */
export type OnProgress = (fraction: number) => void;

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

/** What a spreadsheet needs to read the file as UTF-8 (Excel guesses a legacy code page without it). */
export const UTF8_BOM = '\uFEFF';

/** Rows go out in pieces of this many, so that no single string holds a million events. */
const ROWS_PER_CHUNK = 500;

/**
 * The events as our CSV (RFC 4180 quoting by d3-dsv, formula cells guarded), in pieces: the header
 * line, then a few hundred rows at a time, each ending with a line break except the last. Empty
 * pieces come while the events are counted first: each piece is a place for a writer to pause.
 */
export function* csvChunks(dataset: Pick<Dataset, 'actorsById' | 'sourcesById'>, events: readonly TimelineEvent[], onProgress?: OnProgress): Generator<string> {
  // A loop, not Math.max(...): spreading a million arguments overflows the call stack.
  let mostExcerpts = 1;
  for (let i = 0; i < events.length; i++) {
    if ((i & STEP_MASK) === 0) yield '';
    mostExcerpts = Math.max(mostExcerpts, (events[i] as TimelineEvent).excerpts.length);
  }
  const sourceCell = (id: string) => {
    const source = dataset.sourcesById.get(id);
    return source ? (source.url ?? source.title) : id;
  };
  const row = (event: TimelineEvent) => {
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
  };
  yield csvFormatRows([[...CSV_COLUMNS, ...excerptColumns(mostExcerpts)]]);
  for (let from = 0; from < events.length; from += ROWS_PER_CHUNK) {
    const rows = csvFormatRows(events.slice(from, from + ROWS_PER_CHUNK).map(row));
    onProgress?.(Math.min(1, (from + ROWS_PER_CHUNK) / events.length));
    yield `\n${rows}`;
  }
}

/** The pieces of a CSV file: the byte-order mark that makes spreadsheets read UTF-8 (Cyrillic, accents), then the text. */
export function* csvFileChunks(dataset: Pick<Dataset, 'actorsById' | 'sourcesById'>, events: readonly TimelineEvent[], onProgress?: OnProgress): Generator<string> {
  yield UTF8_BOM;
  yield* csvChunks(dataset, events, onProgress);
}

/** The events as our CSV text, in one string (for small sets and tests; files are made from csvChunks). */
export function eventsToCsv(dataset: Pick<Dataset, 'actorsById' | 'sourcesById'>, events: readonly TimelineEvent[]): string {
  return [...csvChunks(dataset, events)].join('');
}
