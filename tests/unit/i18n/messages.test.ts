import { describe, expect, it } from 'vitest';
import english from '../../../src/i18n/locales/en';
import type { MessageValue } from '../../../src/i18n/messages';

// Every language file, read from disk the way the registry finds them.
const files = import.meta.glob<{ default: { messages: Record<string, MessageValue> } }>('../../../src/i18n/locales/*.ts', { eager: true });
const languages = Object.entries(files).map(([path, module]) => ({ tag: path.replace(/^.*\//, '').replace(/\.ts$/, ''), messages: module.default.messages }));

const placeholders = (value: MessageValue) =>
  new Set((typeof value === 'string' ? [value] : Object.values(value)).flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])));

describe('language files', () => {
  it('include English and Ukrainian', () => {
    expect(languages.map((l) => l.tag)).toEqual(expect.arrayContaining(['en', 'uk']));
  });

  for (const { tag, messages } of languages) {
    describe(tag, () => {
      it('has every English key and no other, none empty', () => {
        expect(Object.keys(messages).sort()).toEqual(Object.keys(english.messages).sort());
        for (const [key, value] of Object.entries(messages)) {
          const texts = typeof value === 'string' ? [value] : Object.values(value);
          for (const text of texts) expect(text?.trim(), `${tag}: ${key}`).not.toBe('');
        }
      });

      it('gives every plural message every form the language uses', () => {
        const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
        for (const [key, value] of Object.entries(messages)) {
          const reference = english.messages[key as keyof typeof english.messages];
          // Plural where English is: a translation may not turn a count into a plain string or back.
          expect(typeof value, `${tag}: ${key}`).toBe(typeof reference);
          if (typeof value !== 'string') expect(Object.keys(value).sort(), `${tag}: ${key}`).toEqual([...categories].sort());
        }
      });

      it('uses only the parameters English passes', () => {
        for (const [key, value] of Object.entries(messages)) {
          const allowed = placeholders(english.messages[key as keyof typeof english.messages]);
          if (typeof english.messages[key as keyof typeof english.messages] !== 'string') allowed.add('count');
          for (const name of placeholders(value)) expect(allowed, `${tag}: ${key} uses {${name}}`).toContain(name);
        }
      });
    });
  }
});
