import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findInNormalized, findVerbatim, normalizeForMatch } from '../../../src/data/textMatch';

describe('normalizeForMatch', () => {
  it('collapses runs of white space of any kind to one space and trims the ends', () => {
    expect(normalizeForMatch('  a \t\n b\u00a0\u00a0c  ').text).toBe('a b c');
  });

  it('folds typographic quotes to straight ones', () => {
    expect(normalizeForMatch('\u201CIt\u2019s\u201D \u2018x\u2019 \u201Ey\u201F \u2032 \u2033').text).toBe('"It\'s" \'x\' "y" \' "');
  });

  it('keeps letter case unless asked to fold it', () => {
    expect(normalizeForMatch('On Sunday').text).toBe('On Sunday');
    expect(normalizeForMatch('On Sunday', true).text).toBe('on sunday');
  });

  it('leaves characters whose lower case changes length as they are, so offsets stay one-to-one', () => {
    const n = normalizeForMatch('\u0130stanbul', true);
    expect(n.text).toBe('\u0130stanbul');
    expect(n.origin).toHaveLength(n.text.length);
  });

  it('maps every normalized character back to a character of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\n', '\t', '\u2019', '\u201C', '"', '.') }), fc.boolean(), (original, foldCase) => {
        const n = normalizeForMatch(original, foldCase);
        expect(n.origin).toHaveLength(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          const from = original[n.origin[i] as number] as string;
          if (n.text[i] === ' ') expect(from).toMatch(/\s/);
          else expect(normalizeForMatch(from, foldCase).text).toBe(n.text[i]);
          if (i > 0) expect(n.origin[i] as number).toBeGreaterThan(n.origin[i - 1] as number);
        }
      }),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe('findVerbatim', () => {
  const text = 'Zelenskyy said on Sunday that, "Strikes are not made with words."';

  it('finds an exact quote and returns its range in the original text', () => {
    const range = findVerbatim(text, 'on Sunday');
    expect(range).toEqual({ start: text.indexOf('on Sunday'), end: text.indexOf('on Sunday') + 'on Sunday'.length });
  });

  it('finds a quote that differs only in white space, with the range in the original text', () => {
    const original = 'said   on\n\nSunday that';
    const range = findVerbatim(original, 'on Sunday');
    expect(range).not.toBeNull();
    expect(original.slice(range?.start, range?.end)).toBe('on\n\nSunday');
  });

  it('finds a quote with curly quotes in a text with straight ones, and the reverse', () => {
    expect(findVerbatim(text, '\u201CStrikes are not made with words.\u201D')).not.toBeNull();
    expect(findVerbatim('It\u2019s \u201Cdone\u201D', 'It\'s "done"')).toEqual({ start: 0, end: 11 });
  });

  it('is case-sensitive unless asked to fold case', () => {
    expect(findVerbatim(text, 'ON SUNDAY')).toBeNull();
    expect(findVerbatim(text, 'ON SUNDAY', true)).not.toBeNull();
  });

  it('does not find a changed word, nor an empty or blank quote', () => {
    expect(findVerbatim(text, 'on Monday')).toBeNull();
    expect(findVerbatim(text, '')).toBeNull();
    expect(findVerbatim(text, '  \n ')).toBeNull();
  });

  it('finds any substring of a text, and the slice it points to normalizes to the quote', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'C', ' ', '\n', '\u2019', "'", '.'), minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (hay, i, j) => {
          const a = i % hay.length;
          const b = a + 1 + (j % (hay.length - a));
          const quote = hay.slice(a, b);
          const range = findVerbatim(hay, quote);
          if (normalizeForMatch(quote).text === '') {
            expect(range).toBeNull();
            return;
          }
          expect(range).not.toBeNull();
          const sliced = hay.slice(range?.start, range?.end);
          expect(normalizeForMatch(sliced).text).toBe(normalizeForMatch(quote).text);
        },
      ),
      { numRuns: 150, seed: 12 },
    );
  });

  it('findInNormalized reuses a normalized text for many quotes', () => {
    const hay = normalizeForMatch(text);
    expect(findInNormalized(hay, 'Zelenskyy')).toEqual({ start: 0, end: 9 });
    expect(findInNormalized(hay, 'words."')).toEqual({ start: text.length - 7, end: text.length });
  });
});
