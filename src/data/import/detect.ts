// Which format a text is in, by its content rather than its file name: our dataset JSON (it has
// "sources"), TimelineJS JSON (events with a start_date), TimelineJS2 JSON ({"timeline": {"date": …}}), or
// CSV separated by commas, semicolons or tabs (by its header row).
import { parseJson } from '../parseJson';
import type { Problem } from '../problems';
import type { CsvImportResult } from './csv';
import { csvHeader, isObject, looksLikeTimelineJs, looksLikeTimelineJs2 } from './sniff';
import type { ImportResult } from './shared';
import type { RowProgress } from './csv';

export type ReadText =
  | { kind: 'dataset'; value: unknown }
  | { kind: 'import'; result: ImportResult | CsvImportResult }
  | { kind: 'error'; problem: Problem };

/** JSON that means to be a dataset of ours: an object with an `events` array and `sources` or `actors`. */
export function looksLikeDataset(value: unknown): boolean {
  return isObject(value) && Array.isArray(value.events) && ('sources' in value || 'actors' in value);
}

/**
 * Reads a text in any format we know; an import comes back already converted to our format (`onRows`
 * is told how far a spreadsheet's rows have got).
 */
export async function readAnyFormat(text: string, file?: string, onRows?: RowProgress): Promise<ReadText> {
  // Not JSON-like, and a first line with a delimiter: CSV, whose header says which (or that we cannot read it).
  if (csvHeader(text)) {
    const { convertCsv } = await import('./csv');
    return { kind: 'import', result: convertCsv(text, file, onRows) };
  }
  const parsed = await parseJson(text);
  if (!parsed.ok) return { kind: 'error', problem: parsed.problem };
  return readJsonValue(parsed.value, file);
}

/** Parsed JSON in any format we know: TimelineJS converted (its converter loaded only then), anything else taken as ours. */
export async function readJsonValue(value: unknown, file?: string): Promise<ReadText> {
  if (looksLikeTimelineJs(value)) {
    const { convertTimelineJs } = await import('./timelineJs');
    return { kind: 'import', result: convertTimelineJs(value, file) };
  }
  if (looksLikeTimelineJs2(value)) {
    const { convertTimelineJs2 } = await import('./timelineJs2');
    return { kind: 'import', result: convertTimelineJs2(value, file) };
  }
  return { kind: 'dataset', value };
}
