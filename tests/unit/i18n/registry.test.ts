import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageName, loadLanguage } from '../../../src/i18n/registry';

describe('the language registry', () => {
  it('finds every file in locales/, English first', () => {
    expect(LANGUAGES[0]).toBe('en');
    expect(LANGUAGES).toContain('uk');
  });

  it('names each language in that language', () => {
    expect(languageName('en')).toBe('English');
    expect(languageName('uk')).toBe('Українська');
  });

  it('loads a language with its messages and date locale, once', async () => {
    const first = loadLanguage('uk');
    expect(loadLanguage('uk')).toBe(first);
    const uk = await first;
    expect(uk.lang).toBe('uk');
    expect(uk.t('timeline.zoomIn')).toBe('Збільшити');
    expect(uk.dateLocale.code).toBe('uk');
  });

  it('refuses a language it does not have', async () => {
    await expect(loadLanguage('xx')).rejects.toThrow('xx');
  });
});
