import { useMemo } from 'react';
import { createI18n, useI18n, type I18n, type LanguagePack, type Messages } from '../../i18n';
import type { ParamsOf } from '../../i18n/messages';
import english, { type AuthorMessages } from './en';
import ukrainian from './uk';

export type AuthorKey = keyof AuthorMessages;
type Args<K extends AuthorKey> = [ParamsOf<AuthorMessages[K]>] extends [never] ? [] : [params: Record<ParamsOf<AuthorMessages[K]>, string | number>];
export type AuthorText = <K extends AuthorKey>(key: K, ...args: Args<K>) => string;

const PACKS: Record<string, Readonly<Record<AuthorKey, unknown>>> = { en: english, uk: ukrainian };

/**
 * The editor's strings in the interface language (English where the editor has no translation), through the
 * app's own translator: the same placeholders, plural rules and number formats.
 */
export function authorText(i18n: I18n): AuthorText {
  const lang = PACKS[i18n.lang] ? i18n.lang : 'en';
  // createI18n is typed by the reader's keys; the editor's pack has the same shape with its own keys.
  const pack = { messages: PACKS[lang], dateLocale: i18n.dateLocale } as unknown as LanguagePack<Messages>;
  const translator = createI18n(lang, pack);
  return ((key: AuthorKey, params?: Record<string, string | number>) => (translator.t as (k: string, p?: Record<string, string | number>) => string)(key, params)) as AuthorText;
}

export function useAuthorText(): AuthorText {
  const i18n = useI18n();
  return useMemo(() => authorText(i18n), [i18n]);
}
