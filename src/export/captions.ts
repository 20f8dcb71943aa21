import type { Dataset } from '../data/model';
import { formatAtPrecision } from '../data/formatDate';
import type { Precision } from '../data/edtfDate';
import { describeSource } from '../data/sourceCredit';
import { ENGLISH, type I18n } from '../i18n';
import type { Filters } from '../state/filters';
import { DAY, type TimeWindow } from '../timeline/core/timeWindow';

// The sentences a picture carries: what it shows, what it leaves out, and whose reporting it draws.

const YEAR = 365.25 * DAY;

function windowPrecision(window: TimeWindow): Precision {
  const span = window.end - window.start;
  return span > 30 * YEAR ? 'year' : span > 3 * YEAR ? 'month' : 'day';
}

/** "Feb 3, 2022 – Dec 1, 2024": the visible window, as precisely as its length warrants. */
export function describeWindow(window: TimeWindow, i18n: I18n = ENGLISH): string {
  const precision = windowPrecision(window);
  return i18n.t('overview.range', { start: formatAtPrecision(window.start, precision, 'short', i18n), end: formatAtPrecision(window.end - 1, precision, 'short', i18n) });
}

/** "The Epoch Times, “Title”, Nov 18, 2024, https://…": one line per source, the way the masthead credits them. */
export function sourceCredits(dataset: Dataset, i18n: I18n = ENGLISH, max = 3): string[] {
  const named = dataset.sources.slice(0, max).map((s) => (s.url ? `${describeSource(s, i18n)}, ${s.url}` : describeSource(s, i18n)));
  const more = dataset.sources.length - named.length;
  return more > 0 ? [...named, i18n.t('picture.moreSources', { count: more })] : named;
}

/** What the picture leaves out or fades, said in its subtitle. */
export function describeFilters(filters: Filters, dataset: Dataset, i18n: I18n = ENGLISH): string | undefined {
  const parts: string[] = [];
  if (filters.actors !== null) {
    const names = filters.actors.map((id) => dataset.actorsById.get(id)?.name ?? id);
    parts.push(names.length === 0 ? i18n.t('picture.noActors') : i18n.t('picture.onlyActors', { actors: i18n.formatList(names) }));
  }
  const query = filters.query.trim();
  if (query !== '') parts.push(i18n.t('picture.searchFaded', { query }));
  return parts.length > 0 ? `${parts.join('. ')}.` : undefined;
}
