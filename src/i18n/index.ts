/**
 * Interface languages. Every string the interface shows goes through `t()`:
 *
 *   const { t } = useI18n();                       // in a component
 *   t('details.heading')                           // "Event details"
 *   t('details.position', { position: 3, total: 12 })  // "3 of 12"; numbers are formatted for the language
 *   t('events.count', { count: 5 })                // plural forms chosen by Intl.PluralRules: "5 events", "5 подій"
 *
 * Add a string: add its key to locales/en.ts (the reference; TypeScript then asks every other language
 * for it) and its translation to each other file in locales/. Pure functions take the `I18n` as a parameter.
 * Add a language: add one file, locales/<BCP 47 tag>.ts, shaped like locales/uk.ts; registry.ts finds it.
 * Dates: `formatEventDate(date, i18n)` and friends in data/formatDate.ts use the language's date-fns locale.
 */
import { createContext, useContext } from 'react';
import type { Locale } from 'date-fns';
import english, { type EnglishMessages } from './locales/en';
import type { LanguagePack, MessagesLike, MessageValue, ParamsOf } from './messages';

export type MessageKey = keyof EnglishMessages;
export type Messages = MessagesLike<EnglishMessages>;
export type { LanguagePack };

/** A message's parameters, by name; messages without `{…}` take none. */
export type MessageArgs<K extends MessageKey> = [ParamsOf<EnglishMessages[K]>] extends [never]
  ? []
  : [params: Record<ParamsOf<EnglishMessages[K]>, string | number>];

export interface I18n {
  /** BCP 47 tag of the interface language, for `lang` attributes. */
  lang: string;
  dateLocale: Locale;
  t<K extends MessageKey>(key: K, ...args: MessageArgs<K>): string;
  /** "1,234" / "1 234", as the language writes numbers. */
  formatNumber(n: number, options?: Intl.NumberFormatOptions): string;
  /** "A, B and C" / "A, B і C". */
  formatList(items: readonly string[]): string;
}

/** A value made when first asked for, then kept. */
function onFirstUse<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function createI18n(lang: string, pack: LanguagePack<Messages>): I18n {
  // Made when first used: a formatter loads its language's data as it is made (a number format's took
  // ~20 ms on a cold page), which the page's start, English made with the app's script, need not wait for.
  const plural = onFirstUse(() => new Intl.PluralRules(lang));
  const numbers = onFirstUse(() => new Intl.NumberFormat(lang));
  const list = onFirstUse(() => new Intl.ListFormat(lang, { type: 'conjunction' }));
  const messages: Readonly<Record<string, MessageValue>> = pack.messages;
  const t = (key: MessageKey, params?: Record<string, string | number>): string => {
    const message = messages[key] ?? '';
    const count = params?.count;
    const text = typeof message === 'string' ? message : ((typeof count === 'number' ? message[plural().select(count)] : undefined) ?? message.other);
    if (!params) return text;
    // A named parameter the message does not use is fine; one it uses but was not given stays visible.
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? numbers().format(value) : value;
    });
  };
  return {
    lang,
    dateLocale: pack.dateLocale,
    t: t as I18n['t'],
    formatNumber: (n, options) => (options ? new Intl.NumberFormat(lang, options).format(n) : numbers().format(n)),
    formatList: (items) => list().format(items),
  };
}

export const DEFAULT_LANGUAGE = 'en';

/** English is always there, in the main bundle: the default, and the fallback while another loads. */
export const ENGLISH: I18n = createI18n(DEFAULT_LANGUAGE, english);

export interface LanguageChoice {
  i18n: I18n;
  /** Switches the interface language (loading it first); null goes back to the reader's own. */
  setLanguage: (lang: string) => void;
}

export const I18nContext = createContext<LanguageChoice>({ i18n: ENGLISH, setLanguage: () => {} });

/** The interface language: `t`, the date locale and number formats. */
export function useI18n(): I18n {
  return useContext(I18nContext).i18n;
}

export function useLanguageChoice(): LanguageChoice {
  return useContext(I18nContext);
}
