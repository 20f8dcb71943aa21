import { describe, expect, it } from 'vitest';
import { chooseLanguage, matchLanguage } from '../../../src/i18n/choose';
import { readLanguageParam, writeLanguageParam } from '../../../src/state/urlState';

const SUPPORTED = ['en', 'uk', 'pt-BR'];

describe('matchLanguage', () => {
  it('matches a tag in any case, then by language', () => {
    expect(matchLanguage('UK', SUPPORTED)).toBe('uk');
    expect(matchLanguage('uk-UA', SUPPORTED)).toBe('uk');
    expect(matchLanguage('pt', SUPPORTED)).toBe('pt-BR');
    expect(matchLanguage('pt-br', SUPPORTED)).toBe('pt-BR');
    expect(matchLanguage('de-DE', SUPPORTED)).toBeNull();
    expect(matchLanguage('', SUPPORTED)).toBeNull();
  });
});

describe('chooseLanguage', () => {
  it('follows ?lang= first', () => {
    expect(chooseLanguage('uk', ['en-US'], SUPPORTED)).toBe('uk');
  });

  it('reports an unknown ?lang= and falls back to the browser’s languages, in order', () => {
    const warnings: string[] = [];
    expect(chooseLanguage('xx', ['de-DE', 'uk-UA', 'en'], SUPPORTED, (m) => warnings.push(m))).toBe('uk');
    expect(warnings).toEqual([expect.stringContaining('lang=xx')]);
  });

  it('falls back to English when nothing matches', () => {
    expect(chooseLanguage(null, ['de-DE', 'fr'], SUPPORTED)).toBe('en');
    expect(chooseLanguage(null, [], SUPPORTED)).toBe('en');
  });
});

describe('the lang URL parameter', () => {
  it('is read trimmed, and absent when empty', () => {
    expect(readLanguageParam('?lang=uk&event=x')).toBe('uk');
    expect(readLanguageParam('?lang=%20')).toBeNull();
    expect(readLanguageParam('?event=x')).toBeNull();
  });

  it('is written keeping every other parameter', () => {
    expect(writeLanguageParam('?event=a&actors=x,y', 'uk')).toBe('?event=a&actors=x,y&lang=uk');
    expect(writeLanguageParam('?lang=en', 'uk')).toBe('?lang=uk');
  });
});
