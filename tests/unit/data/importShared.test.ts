import { describe, expect, it } from 'vitest';
import { htmlToText, slugify, UniqueIds } from '../../../src/data/import/shared';

describe('htmlToText', () => {
  it('drops a tag whole even when a quoted attribute holds ">"', () => {
    expect(htmlToText('<a title="a > b" href="x">link</a> text')).toBe('link text');
  });

  it('keeps table cells apart and rows on lines of their own', () => {
    expect(htmlToText('<table><tr><td>Kyiv</td><td>2022</td></tr><tr><th>Kharkiv</th><th>2023</th></tr></table>')).toBe('Kyiv 2022\nKharkiv 2023');
  });

  it("keeps an image's alt text, which is what the image says to a reader", () => {
    expect(htmlToText('Before<img src="map.png" alt="Map of the front">after')).toBe('Before Map of the front after');
  });

  it('drops script and style content, also when the tag is never closed', () => {
    expect(htmlToText('<p>kept</p><style>p { color: red }</style><script>alert(1)</script>also kept')).toBe('kept\nalso kept');
    expect(htmlToText('<p>kept</p><script>alert(1) <p>not text</p>')).toBe('kept');
    expect(htmlToText('<p>kept</p><style>p {}')).toBe('kept');
  });

  it('decodes entities, drops comments and keeps text that merely looks like a tag', () => {
    expect(htmlToText('a &amp; b <!-- note --> &lt;c&gt; 3 < 4')).toBe('a & b <c> 3 < 4');
    expect(htmlToText('plain text, no markup')).toBe('plain text, no markup');
  });
});

describe('slugify', () => {
  it('transliterates Cyrillic, Greek and accented Latin rather than dropping them', () => {
    expect(slugify('Україна')).toBe('ukrayina');
    expect(slugify('Битва за Київ')).toMatch(/^bitva-za-ki/);
    expect(slugify('Ελλάδα')).toBe('ellada');
    expect(slugify('Rózsa Péter')).toBe('rozsa-peter');
  });

  it('is empty when nothing can be written in Latin letters or digits', () => {
    expect(slugify('—!?')).toBe('');
  });

  it('leaves a slug as it is, and cuts a long one as any name is cut', () => {
    expect(slugify('ev-12')).toBe('ev-12');
    expect(slugify('2024-russia-strikes')).toBe('2024-russia-strikes');
    const long = `${'a'.repeat(40)}-${'b'.repeat(40)}`;
    expect(slugify(long)).toBe(`${'a'.repeat(40)}-${'b'.repeat(19)}`);
    expect(slugify('Ev-12')).toBe('ev-12');
  });
});

describe('UniqueIds', () => {
  it('numbers repeated names in order, skipping numbers already taken in their own right', () => {
    const ids = new UniqueIds();
    expect(['Battle', 'Battle', 'Battle 3', 'Battle', 'Battle'].map((name) => ids.take(name, 'event'))).toEqual(['battle', 'battle-2', 'battle-3', 'battle-4', 'battle-5']);
  });

  it('falls back to the fallback name, then to "item"', () => {
    const ids = new UniqueIds();
    expect([ids.take('', 'event'), ids.take('!!', 'event'), ids.take('', '')]).toEqual(['event', 'event-2', 'item']);
  });

  it('hands out 20,000 ids for one repeated headline, all distinct', () => {
    const ids = new UniqueIds();
    const taken = Array.from({ length: 20_000 }, () => ids.take('Battle', 'event'));
    expect(new Set(taken).size).toBe(20_000);
    expect(taken.at(-1)).toBe('battle-20000');
  });
});
