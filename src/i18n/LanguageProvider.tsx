import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ENGLISH, I18nContext, type I18n } from './index';
import { LANGUAGES, loadLanguage } from './registry';
import { chooseLanguage } from './choose';

interface LanguageProviderProps {
  /** The language the page's address asks for (`?lang=uk`), if any; else the browser's languages decide. */
  requested: string | null;
  /** Told of the reader's choice before it loads, so that the address carries it (main.tsx writes it there). */
  onChoose: (lang: string) => void;
  children: ReactNode;
}

/**
 * Chooses, loads and provides the interface language, and keeps `<html lang>` in step. Until a language
 * other than English has loaded it shows the loading state, never a flash of English.
 */
export function LanguageProvider({ requested, onChoose, children }: LanguageProviderProps) {
  const [wanted] = useState(() => chooseLanguage(requested, navigator.languages ?? [navigator.language], LANGUAGES, (message) => console.warn(message)));
  const [i18n, setI18n] = useState<I18n | null>(() => (wanted === ENGLISH.lang ? ENGLISH : null));

  useEffect(() => {
    if (wanted === ENGLISH.lang) return;
    let current = true;
    loadLanguage(wanted)
      .then((loaded) => current && setI18n(loaded))
      .catch((error: unknown) => {
        console.warn(error);
        if (current) setI18n(ENGLISH);
      });
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (i18n) document.documentElement.lang = i18n.lang;
  }, [i18n]);

  const setLanguage = useCallback(
    (lang: string) => {
      // The choice goes into the URL first, so links made from now on carry it.
      onChoose(lang);
      loadLanguage(lang)
        .then(setI18n)
        .catch((error: unknown) => console.warn(error));
    },
    [onChoose],
  );

  const choice = useMemo(() => (i18n ? { i18n, setLanguage } : null), [i18n, setLanguage]);
  if (!choice) return <div className="loading" role="status" aria-busy="true" />;
  return <I18nContext value={choice}>{children}</I18nContext>;
}
