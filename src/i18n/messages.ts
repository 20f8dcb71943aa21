import type { Locale } from 'date-fns';

/**
 * The shape of a language file. English (locales/en.ts) is the reference: its keys and `{placeholders}`
 * type every other language and every `t()` call.
 */

/** A message that depends on a count: one string per CLDR plural category the language uses. */
export type PluralMessage = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

export type MessageValue = string | PluralMessage;

/** The same keys as `T`, with any string or plural forms as values: what a translation must provide. */
export type MessagesLike<T> = { [K in keyof T]: T[K] extends string ? string : PluralMessage };

export interface LanguagePack<M> {
  messages: M;
  /** date-fns locale for month and weekday names. */
  dateLocale: Locale;
}

/** Names inside `{…}` in a message: "{count} of {total}" → "count" | "total". */
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The parameters a message takes; plural messages always take `count`. */
export type ParamsOf<M> = M extends string ? Placeholders<M> : M extends { other: infer O } ? Placeholders<O> | 'count' : never;
