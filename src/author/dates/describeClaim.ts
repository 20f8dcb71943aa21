import { parseEventDate } from '../../data/edtfDate';
import { formatAtPrecision } from '../../data/formatDate';
import type { I18n } from '../../i18n';
import type { AuthorText } from '../i18n/useAuthorText';

/** What a date claims, in words: "Claims a day: Nov 17, 2024", "Claims only a span: from Feb 2022 to Nov 18, 2024". */
export function describeClaim(edtf: string, t: AuthorText, i18n: I18n): string {
  const parsed = parseEventDate(edtf);
  if (!parsed.ok) return t('event.claims.invalid');
  const d = parsed.date;
  const qualified = d.qualified ? ` ${t('event.claims.qualified')}` : '';
  if (d.kind === 'interval') {
    // The end bound is exclusive: its last instant names the last day, month or year it covers.
    return t('event.claims.interval', { from: formatAtPrecision(d.start, d.startPrecision, 'long', i18n), to: formatAtPrecision(d.end - 1, d.endPrecision, 'long', i18n) }) + qualified;
  }
  return t(`event.claims.${d.startPrecision}`, { date: formatAtPrecision(d.start, d.startPrecision, 'long', i18n) }) + qualified;
}
