import { createI18n, DEFAULT_LANGUAGE, ENGLISH, type I18n, type LanguagePack, type Messages } from './index';

// Every file in locales/ is a language, named by its BCP 47 tag. English is in the main bundle; the
// others are separate chunks, fetched only by a reader who wants them.
const lazyLanguages = import.meta.glob<{ default: LanguagePack<Messages> }>(['./locales/*.ts', '!./locales/en.ts']);

const tagOf = (path: string) => path.replace(/^.*\//, '').replace(/\.ts$/, '');
const loaders = new Map(Object.entries(lazyLanguages).map(([path, load]) => [tagOf(path), load]));

/** Every interface language, English first. */
export const LANGUAGES: readonly string[] = [DEFAULT_LANGUAGE, ...[...loaders.keys()].sort()];

/** A language's name in that language, as a reader looks for it: "English", "Українська". */
export function languageName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}

const loaded = new Map<string, Promise<I18n>>([[DEFAULT_LANGUAGE, Promise.resolve(ENGLISH)]]);

/** The language's messages and date locale, loaded once. */
export function loadLanguage(tag: string): Promise<I18n> {
  let pending = loaded.get(tag);
  if (!pending) {
    const load = loaders.get(tag);
    if (!load) return Promise.reject(new Error(`No interface language "${tag}"`));
    pending = load().then((module) => createI18n(tag, module.default));
    // A failed load (offline) may be tried again.
    pending.catch(() => loaded.delete(tag));
    loaded.set(tag, pending);
  }
  return pending;
}
