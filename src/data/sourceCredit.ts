import type { DatasetSource } from './model';
import { formatPublished } from './formatDate';
import type { I18n } from '../i18n';

/** "Outlet, “Title” by Author, Nov 18, 2024": a source as credits and excerpt captions name it. */
export function describeSource(source: DatasetSource, i18n: I18n): string {
  const date = formatPublished(source, i18n);
  const { outlet, title, author } = source;
  // An imported quotation may have no publication date.
  if (date === null) return author ? i18n.t('credit.sourceWithAuthorUndated', { outlet, title, author }) : i18n.t('credit.sourceUndated', { outlet, title });
  return author ? i18n.t('credit.sourceWithAuthor', { outlet, title, author, date }) : i18n.t('credit.source', { outlet, title, date });
}
