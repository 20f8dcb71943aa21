import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import type { EventDate, Precision } from './edtfDate';

// EDTF dates are calendar dates, not instants in the reader's zone: always format in UTC.
const utc = (ms: number) => new UTCDate(ms);

const DAY = 86_400_000;

/** Year for display; EDTF's astronomical year 0 is 1 BCE. */
export function formatYear(ms: number): string {
  const year = utc(ms).getUTCFullYear();
  return year <= 0 ? `${1 - year} BCE` : String(year);
}

const patterns: Record<Precision, { long: string; short: string }> = {
  // 'y', not 'yyyy': the year 800 is "800", as on the axis.
  year: { long: 'y', short: 'y' },
  month: { long: 'MMMM y', short: 'MMM y' },
  day: { long: 'MMM d, y', short: 'MMM d, y' },
  time: { long: "MMM d, y, HH:mm 'UTC'", short: "MMM d, y, HH:mm 'UTC'" },
};

/** One bound of a date written at its precision; `style` short abbreviates months ("Feb 2022"). */
export function formatAtPrecision(ms: number, precision: Precision, style: 'long' | 'short' = 'long'): string {
  const date = utc(ms);
  if (date.getUTCFullYear() <= 0) {
    // date-fns writes era years oddly for BCE; keep it plain.
    const year = formatYear(ms);
    if (precision === 'year') return year;
    const month = format(date, style === 'long' ? 'MMMM' : 'MMM');
    return precision === 'month' ? `${month} ${year}` : `${format(date, 'MMM d')}, ${year}`;
  }
  return format(date, patterns[precision][style]);
}

/** An event's date written no more precisely than it is known: "2023", "February 2022", "Nov 17, 2024". */
export function formatEventDate(date: EventDate): string {
  const prefix = date.qualified ? 'about ' : '';
  if (date.kind === 'date') return prefix + formatAtPrecision(date.start, date.startPrecision);
  const from = formatAtPrecision(date.start, date.startPrecision, 'short');
  const to = formatAtPrecision(date.end - 1, date.endPrecision, 'short');
  return `${prefix}between ${from} and ${to}`;
}

/** A span of time named as coarsely as its ends allow: "Nov 17, 2024", "March 2023", "2023", "2022–2024". */
export function formatTimeRange(start: number, end: number): string {
  const a = utc(start);
  const b = utc(Math.max(start, end - 1));
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
  const sameDay = sameMonth && a.getUTCDate() === b.getUTCDate();
  if (sameDay && end - start <= DAY) return formatAtPrecision(start, 'day');
  if (sameMonth) {
    return a.getUTCDate() === 1 && end - start >= 27 * DAY
      ? formatAtPrecision(start, 'month')
      : `${format(a, 'MMM d')}–${format(b, 'd')}, ${formatYear(start)}`;
  }
  if (sameYear) {
    return a.getUTCMonth() === 0 && b.getUTCMonth() === 11 ? formatYear(start) : `${format(a, 'MMM')}–${format(b, 'MMM')} ${formatYear(start)}`;
  }
  return `${formatYear(start)}–${formatYear(end - 1)}`;
}

/** A source's publication date as a reader sees it ("Nov 18, 2024"); null when an imported quotation has none. */
export function formatPublished(source: { publishedDate?: EventDate }): string | null {
  return source.publishedDate ? formatAtPrecision(source.publishedDate.start, source.publishedDate.startPrecision) : null;
}
