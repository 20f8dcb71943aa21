import { describe, expect, it } from 'vitest';
import english from '../../../src/author/i18n/en';
import ukrainian from '../../../src/author/i18n/uk';
import { authorText } from '../../../src/author/i18n/useAuthorText';
import { createI18n, ENGLISH } from '../../../src/i18n';
import uk from '../../../src/i18n/locales/uk';

type Value = string | Partial<Record<Intl.LDMLPluralRule, string>>;
const texts = (v: Value) => (typeof v === 'string' ? [v] : Object.values(v));
const placeholders = (v: Value) => new Set(texts(v).flatMap((s) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])));

describe("the editor's strings", () => {
  it('gives every English message in Ukrainian, not empty, with only the parameters the English one has', () => {
    const en = english as Record<string, Value>;
    const ua = ukrainian as Record<string, Value>;
    expect(Object.keys(ua).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(ua)) {
      for (const text of texts(value)) expect(text?.trim(), key).not.toBe('');
      for (const name of placeholders(value)) expect(placeholders(en[key] as Value).has(name) || name === 'count', `${key} uses {${name}}`).toBe(true);
      if (typeof value !== 'string') expect(Object.keys(value).sort(), key).toEqual(['few', 'many', 'one', 'other']);
    }
  });

  it('speaks the interface language, with its plural forms, and English for a language it has no strings for', () => {
    const ukText = authorText(createI18n('uk', uk));
    expect(ukText('events.problems', { count: 3 })).toBe('3 проблеми');
    expect(ukText('events.problems', { count: 5 })).toBe('5 проблем');
    expect(authorText(ENGLISH)('events.problems', { count: 1 })).toBe('1 problem');
    expect(authorText({ ...ENGLISH, lang: 'fr' })('editor.undo')).toBe('Undo');
  });
});
