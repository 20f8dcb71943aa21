import { useId } from 'react';
import { useLanguageChoice } from './index';
import { LANGUAGES, languageName } from './registry';

/** A labelled select of the interface languages, each named in its own language. */
export function LanguageSwitcher() {
  const { i18n, setLanguage } = useLanguageChoice();
  const id = useId();
  return (
    <span className="language-switcher">
      <label htmlFor={id} className="language-label">
        {i18n.t('language.label')}
      </label>
      <select id={id} className="language-select" value={i18n.lang} onChange={(e) => setLanguage(e.target.value)}>
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {languageName(tag)}
          </option>
        ))}
      </select>
    </span>
  );
}
