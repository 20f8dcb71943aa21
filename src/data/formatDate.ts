import { format } from 'date-fns';
import { UTCDate } from '@date-fns/utc';
import type { EventDate, Precision } from './edtfDate';
import { ENGLISH, type I18n, type MessageKey } from '../i18n';

// EDTF dates are calendar dates, not instants in the reader's zone: always format in UTC.
const utc = (ms: number) => new UTCDate(ms);

const DAY = 86_400_000;

/** `format` with the language's own pattern (from its messages) and month names. */
export function formatPattern(date: Date, pattern: MessageKey & `date.pattern.${string}`, i18n: I18n = ENGLISH): string {
  return format(date, i18n.t(pattern), { locale: i18n.dateLocale });
}

/** Year for display; EDTF's astronomical year 0 is 1 BCE. */
export function formatYear(ms: number, i18n: I18n = ENGLISH): string {
  const year = utc(ms).getUTCFullYear();
  return year <= 0 ? i18n.t('date.bce', { year: String(1 - year) }) : String(year);
}

// 'y', not 'yyyy': the year 800 is "800", as on the axis.
const patterns = {
  month: { long: 'date.pattern.month', short: 'date.pattern.monthShort' },
  day: { long: 'date.pattern.day', short: 'date.pattern.day' },
  time: { long: 'date.pattern.time', short: 'date.pattern.time' },
} as const;

/** One bound of a date written at its precision; `style` short abbreviates months ("Feb 2022"). */
export function formatAtPrecision(ms: number, precision: Precision, style: 'long' | 'short' = 'long', i18n: I18n = ENGLISH): string {
  const date = utc(ms);
  if (precision === 'year') return formatYear(ms, i18n);
  if (date.getUTCFullYear() <= 0) {
    // date-fns writes era years oddly for BCE; keep it plain.
    const year = formatYear(ms, i18n);
    if (precision === 'month') return i18n.t('date.bceMonth', { month: formatPattern(date, style === 'long' ? 'date.pattern.monthName' : 'date.pattern.monthNameShort', i18n), year });
    return i18n.t('date.bceDay', { dayMonth: formatPattern(date, 'date.pattern.dayMonth', i18n), year });
  }
  return formatPattern(date, patterns[precision][style], i18n);
}

/** An event's date written no more precisely than it is known: "2023", "February 2022", "Nov 17, 2024". */
export function formatEventDate(date: EventDate, i18n: I18n = ENGLISH): string {
  const text =
    date.kind === 'date'
      ? formatAtPrecision(date.start, date.startPrecision, 'long', i18n)
      : i18n.t('date.between', {
          from: formatAtPrecision(date.start, date.startPrecision, 'short', i18n),
          to: formatAtPrecision(date.end - 1, date.endPrecision, 'short', i18n),
        });
  return date.qualified ? i18n.t('date.about', { date: text }) : text;
}

/** A span of time named as coarsely as its ends allow: "Nov 17, 2024", "March 2023", "2023", "2022–2024". */
export function formatTimeRange(start: number, end: number, i18n: I18n = ENGLISH): string {
  const a = utc(start);
  const b = utc(Math.max(start, end - 1));
  const sameYear = a.getUTCFullYear() === b.getUTCFullYear();
  const sameMonth = sameYear && a.getUTCMonth() === b.getUTCMonth();
  const sameDay = sameMonth && a.getUTCDate() === b.getUTCDate();
  if (sameDay && end - start <= DAY) return formatAtPrecision(start, 'day', 'long', i18n);
  const year = formatYear(start, i18n);
  if (sameMonth) {
    return a.getUTCDate() === 1 && end - start >= 27 * DAY
      ? formatAtPrecision(start, 'month', 'long', i18n)
      : i18n.t('date.rangeInMonth', { month: format(a, 'MMM', { locale: i18n.dateLocale }), fromDay: String(a.getUTCDate()), toDay: String(b.getUTCDate()), year });
  }
  if (sameYear) {
    return a.getUTCMonth() === 0 && b.getUTCMonth() === 11
      ? year
      : i18n.t('date.rangeInYear', { from: formatPattern(a, 'date.pattern.monthNameShort', i18n), to: formatPattern(b, 'date.pattern.monthNameShort', i18n), year });
  }
  return i18n.t('date.rangeYears', { from: year, to: formatYear(end - 1, i18n) });
}

/** A source's publication date as a reader sees it ("Nov 18, 2024"); null when an imported quotation has none. */
export function formatPublished(source: { publishedDate?: EventDate }, i18n: I18n = ENGLISH): string | null {
  return source.publishedDate ? formatAtPrecision(source.publishedDate.start, source.publishedDate.startPrecision, 'long', i18n) : null;
}
