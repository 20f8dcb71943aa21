import type { Dataset, TimelineEvent } from '../data/model';
import { matchLanguage } from './choose';

/** The translation for the reader's language, if the author gave one ("uk" also serves "uk-UA"). */
export function translationFor<T>(translations: Readonly<Record<string, T>> | undefined, lang: string): { lang: string; text: T } | null {
  if (!translations) return null;
  const tag = matchLanguage(lang, Object.keys(translations));
  const text = tag === null ? undefined : translations[tag];
  return tag !== null && text !== undefined ? { lang: tag, text } : null;
}

/**
 * The dataset as a reader of `lang` sees it: titles, summaries and the description in their language
 * where the author translated them, the original elsewhere, each with the language it is in (`textLang`)
 * so the page can mark it. Excerpts and date bases stay verbatim. Ids, dates and order never change.
 */
export function localizeDataset(dataset: Dataset, lang: string): Dataset {
  const own = dataset.language ?? 'en';
  const wanted = matchLanguage(lang, [own]) === null ? lang : null;
  const datasetTranslation = wanted === null ? null : translationFor(dataset.translations, wanted);
  const events = dataset.events.map((event): TimelineEvent => {
    const translation = wanted === null ? null : translationFor(event.translations, wanted);
    const title = translation?.text.title;
    const summary = translation?.text.summary;
    return {
      ...event,
      title: title ?? event.title,
      summary: summary ?? event.summary,
      textLang: { title: title !== undefined && translation ? translation.lang : own, summary: summary !== undefined && translation ? translation.lang : own },
    };
  });
  const title = datasetTranslation?.text.title;
  const description = datasetTranslation?.text.description;
  return {
    ...dataset,
    title: title ?? dataset.title,
    ...(description !== undefined || dataset.description !== undefined ? { description: description ?? dataset.description } : {}),
    textLang: {
      title: title !== undefined && datasetTranslation ? datasetTranslation.lang : own,
      description: description !== undefined && datasetTranslation ? datasetTranslation.lang : own,
    },
    events,
    eventsById: new Map(events.map((e) => [e.id, e])),
  };
}

/** The language a localized text is in: what `localizeDataset` recorded, else the dataset's own. */
export function textLangOf(dataset: Dataset, event: TimelineEvent | null, field: 'title' | 'summary'): string {
  return event?.textLang?.[field] ?? dataset.language ?? 'en';
}
