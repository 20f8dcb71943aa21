// Which format a text or parsed JSON is in, told cheaply from its content. Kept apart from the converters,
// which load only when a file needs them: a dataset of our own never downloads the TimelineJS or CSV code.
import { detectDelimiter, readRecords, type CsvDelimiter } from './csvRecords';

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A TimelineJS JSON object: `events` whose items have a `start_date` (or none, to be reported). */
export function looksLikeTimelineJs(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value.events) || 'sources' in value) return false;
  // With no events, only a title slide (with text or media) or eras say it is TimelineJS.
  const titleSlide = isObject(value.title) && ('text' in value.title || 'media' in value.title);
  return value.events.length === 0 ? titleSlide || Array.isArray(value.eras) : value.events.some((e) => isObject(e) && 'start_date' in e);
}

/** A TimelineJS2 file: an object whose `timeline` holds a `date` array. */
export function looksLikeTimelineJs2(value: unknown): value is { timeline: Record<string, unknown> } {
  return isObject(value) && isObject(value.timeline) && Array.isArray(value.timeline.date);
}

/** The header row of a text that might be CSV and the delimiter it uses; null when the text is JSON-like. */
export function csvHeader(text: string): { header: string[]; delimiter: CsvDelimiter } | null {
  const body = text.replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(body)) return null;
  const delimiter = detectDelimiter(body.split(/\r?\n|\r/, 1)[0] ?? '');
  if (delimiter === null) return null;
  return { header: readRecords(body.split(/\r?\n|\r/, 1)[0] ?? '', delimiter)[0]?.cells ?? [], delimiter };
}
