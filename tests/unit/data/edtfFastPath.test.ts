import { describe, expect, it } from 'vitest';
import edtf from 'edtf';
import { parseEventDate } from '../../../src/data/edtfDate';
import { seededRandom } from '../../fixtures/builders';

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');
const year = (y: number) => `${y < 0 ? '-' : ''}${pad(y, 4)}`;

function randomPlain(random: () => number): string {
  const y = Math.floor(random() * 3500) - 500;
  const kind = random();
  if (kind < 0.3) return year(y);
  const m = 1 + Math.floor(random() * 12);
  if (kind < 0.6) return `${year(y)}-${pad(m)}`;
  return `${year(y)}-${pad(m)}-${pad(1 + Math.floor(random() * 28))}`;
}

function viaEdtf(text: string): { start: number; end: number } | null {
  try {
    const value = edtf(text);
    return { start: value.min, end: value.max + 1 };
  } catch {
    return null;
  }
}

describe('plain dates parsed without the grammar agree with edtf', () => {
  it('for 3,000 random years, months and days, BCE included', () => {
    const random = seededRandom(11);
    for (let i = 0; i < 3000; i++) {
      const text = randomPlain(random);
      const ours = parseEventDate(text);
      const theirs = viaEdtf(text);
      expect(ours.ok, text).toBe(theirs !== null);
      if (ours.ok && theirs) expect([ours.date.start, ours.date.end], text).toEqual([theirs.start, theirs.end]);
    }
  });

  it('for 3,000 random intervals: the same span, or both refuse', () => {
    const random = seededRandom(12);
    for (let i = 0; i < 3000; i++) {
      const text = `${randomPlain(random)}/${randomPlain(random)}`;
      const ours = parseEventDate(text);
      const theirs = viaEdtf(text);
      expect(ours.ok, text).toBe(theirs !== null);
      if (ours.ok && theirs) expect([ours.date.start, ours.date.end], text).toEqual([theirs.start, theirs.end]);
    }
  });

  it('keeps the years 0–99 in the first century, not in the 1900s', () => {
    const parsed = parseEventDate('0044-03-15');
    expect(parsed.ok && new Date(parsed.date.start).getUTCFullYear()).toBe(44);
  });
});
