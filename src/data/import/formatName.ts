import type { ImportFormat } from '../schema';
import type { I18n } from '../../i18n';

// Kept apart from the converters, so the page can name a format without loading them.
const FORMAT_NAMES: Record<ImportFormat, string> = {
  'timelinejs-json': 'TimelineJS file',
  'timelinejs-csv': 'TimelineJS spreadsheet',
  csv: 'CSV file',
};

/** How a reader is told the format: "TimelineJS file"; in the interface language when one is given (the CLI and problem lists stay English). */
export function formatName(format: ImportFormat, i18n?: Pick<I18n, 't'>): string {
  return i18n ? i18n.t(`format.${format}`) : FORMAT_NAMES[format];
}
