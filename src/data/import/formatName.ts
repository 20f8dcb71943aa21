import type { ImportFormat } from '../schema';

// Kept apart from the converters, so the page can name a format without loading them.
const FORMAT_NAMES: Record<ImportFormat, string> = {
  'timelinejs-json': 'TimelineJS file',
  'timelinejs-csv': 'TimelineJS spreadsheet',
  csv: 'CSV file',
};

/** How a reader is told the format: "TimelineJS file". */
export function formatName(format: ImportFormat): string {
  return FORMAT_NAMES[format];
}
