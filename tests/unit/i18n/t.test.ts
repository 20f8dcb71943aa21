import { describe, expect, it } from 'vitest';
import { createI18n, ENGLISH } from '../../../src/i18n';
import ukrainian from '../../../src/i18n/locales/uk';

const uk = createI18n('uk', ukrainian);

describe('t()', () => {
  it('fills named parameters, formatting numbers for the language', () => {
    expect(ENGLISH.t('details.position', { position: 3, total: 1234 })).toBe('3 of 1,234');
    expect(uk.t('details.position', { position: 3, total: 1234 })).toBe('3 з 1\u00a0234');
  });

  it('chooses English plural forms by count', () => {
    expect([0, 1, 2, 21].map((count) => ENGLISH.t('events.count', { count }))).toEqual(['0 events', '1 event', '2 events', '21 events']);
  });

  it('chooses the Ukrainian form for 1, 2, 5, 21 and 22 events', () => {
    expect([1, 2, 5, 21, 22, 11, 0].map((count) => uk.t('events.count', { count }))).toEqual([
      '1 подія',
      '2 події',
      '5 подій',
      '21 подія',
      '22 події',
      '11 подій',
      '0 подій',
    ]);
  });

  it('writes lists the language’s way', () => {
    expect(ENGLISH.formatList(['a', 'b', 'c'])).toBe('a, b, and c');
    expect(uk.formatList(['a', 'b', 'c'])).toBe('a, b і c');
  });
});
