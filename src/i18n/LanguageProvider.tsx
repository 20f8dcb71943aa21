import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ENGLISH, I18nContext, type I18n } from './index';
import { LANGUAGES, loadLanguage } from './registry';
import { chooseLanguage } from './choose';
import { readLanguageParam, writeLanguageParam } from '../state/urlState';

function initialLanguage(): string {
  return chooseLanguage(readLanguageParam(window.location.search), navigator.languages ?? [navigator.language], LANGUAGES, (message) => console.warn(message));
}

/**
 * Chooses, loads and provides the interface language, and keeps `<html lang>` in step. Until a language
 * other than English has loaded it shows the loading state, never a flash of English.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [wanted] = useState(initialLanguage);
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

  const setLanguage = useCallback((lang: string) => {
    // The choice goes into the URL first, so links made from now on carry it.
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${writeLanguageParam(window.location.search, lang)}${window.location.hash}`);
    loadLanguage(lang)
      .then(setI18n)
      .catch((error: unknown) => console.warn(error));
  }, []);

  const choice = useMemo(() => (i18n ? { i18n, setLanguage } : null), [i18n, setLanguage]);
  if (!choice) return <div className="loading" role="status" aria-busy="true" />;
  return <I18nContext value={choice}>{children}</I18nContext>;
}
