// Which format a text is in, by its content rather than its file name: our dataset JSON (it has
// "sources"), TimelineJS JSON (events with a start_date), or CSV (by its header row).
import { parseJson } from '../parseJson';
import type { Problem } from '../problems';
import { convertCsv, csvHeader } from './csv';
import { convertTimelineJs, looksLikeTimelineJs } from './timelineJs';
import type { ImportResult } from './shared';

export type ReadText = { kind: 'dataset'; value: unknown } | { kind: 'import'; result: ImportResult } | { kind: 'error'; problem: Problem };

/** Reads a text in any format we know; an import comes back already converted to our format. */
export async function readAnyFormat(text: string, file?: string): Promise<ReadText> {
  // Not JSON-like, and a first line with commas: CSV, whose header says which (or that we cannot read it).
  if (csvHeader(text)) return { kind: 'import', result: convertCsv(text, file) };
  const parsed = await parseJson(text);
  if (!parsed.ok) return { kind: 'error', problem: parsed.problem };
  if (looksLikeTimelineJs(parsed.value)) return { kind: 'import', result: convertTimelineJs(parsed.value, file) };
  return { kind: 'dataset', value: parsed.value };
}
