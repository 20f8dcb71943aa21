import type { DatasetSource } from '../data/model';
import { formatPublished } from '../data/formatDate';
import type { I18n } from '../i18n';

/** "Outlet, “Title” by Author, Nov 18, 2024": a source as credits and excerpt captions name it. */
export function describeSource(source: DatasetSource, i18n: I18n): string {
  const date = formatPublished(source, i18n);
  return source.author
    ? i18n.t('credit.sourceWithAuthor', { outlet: source.outlet, title: source.title, author: source.author, date })
    : i18n.t('credit.source', { outlet: source.outlet, title: source.title, date });
}
