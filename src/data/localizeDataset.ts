import type { Dataset, TimelineEvent } from './model';
import { matchLanguage } from '../i18n/choose';

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
  // A reader of the dataset's own language needs no translation; nor does one the author wrote none for.
  // Either way the dataset itself is returned: a copy of a million events is a copy too many.
  if (matchLanguage(lang, [own]) !== null) return dataset;
  const pick = <T extends Partial<Record<string, string>>>(translations: Readonly<Record<string, T>> | undefined) => {
    const found = translationFor(translations, lang);
    return <O extends string | undefined>(field: keyof T, original: O): [string | O, string] => {
      const translated = found?.text[field];
      return found && translated !== undefined ? [translated, found.lang] : [original, own];
    };
  };
  let eventsById: Map<string, TimelineEvent> | null = null;
  const events = dataset.events.map((event): TimelineEvent => {
    if (!event.translations || translationFor(event.translations, lang) === null) return event;
    const field = pick(event.translations);
    const [title, titleLang] = field('title', event.title);
    const [summary, summaryLang] = field('summary', event.summary);
    const localized = { ...event, title, summary, textLang: { title: titleLang, summary: summaryLang } };
    (eventsById ??= new Map(dataset.eventsById)).set(event.id, localized);
    return localized;
  });
  const field = pick(dataset.translations);
  const [title, titleLang] = field('title', dataset.title);
  const [description, descriptionLang] = field('description', dataset.description);
  if (eventsById === null && titleLang === own && descriptionLang === own) return dataset;
  return {
    ...dataset,
    title,
    ...(description !== undefined ? { description } : {}),
    textLang: { title: titleLang, description: descriptionLang },
    // Events without a translation are the dataset's own objects; textLangOf gives them its language.
    events: eventsById === null ? dataset.events : events,
    eventsById: eventsById ?? dataset.eventsById,
  };
}

/** The language a localized text is in: what `localizeDataset` recorded, else the dataset's own. */
export function textLangOf(dataset: Dataset, event: TimelineEvent | null, field: 'title' | 'summary'): string {
  return event?.textLang?.[field] ?? dataset.language ?? 'en';
}
