import { describe, expect, it } from 'vitest';
import { MAX_SAMPLE_EVENTS, readCount, sampleSize } from '../../../src/data/sample';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';

describe('counts as people write them (?sample=, the bench and npm run gen)', () => {
  it('reads digits with underscores and k / m suffixes, and nothing else', () => {
    expect(readCount('10_000')).toBe(10_000);
    expect(readCount('10k')).toBe(10_000);
    expect(readCount('2M')).toBe(2_000_000);
    for (const text of [undefined, null, '', 'k', '_1', '1e3', '-1', '1.5k']) expect(readCount(text), String(text)).toBeNull();
  });
});

describe('?sample= sizes', () => {
  it('reads plain counts and k / m suffixes', () => {
    expect(sampleSize('100000')).toBe(100_000);
    expect(sampleSize('100k')).toBe(100_000);
    expect(sampleSize('1M')).toBe(1_000_000);
    expect(sampleSize(' 250 ')).toBe(250);
  });

  it('refuses anything else, and sizes past the limit', () => {
    for (const text of [null, '', 'lots', '-5', '0', '1.5k', '2m', String(MAX_SAMPLE_EVENTS + 1)]) expect(sampleSize(text), String(text)).toBeNull();
  });
});

describe('validation progress', () => {
  it('reports events checked in rising order, ending with all of them', () => {
    const record = generateDataset({ events: 5000, seed: 3 });
    const seen: [number, number][] = [];
    const result = validateDataset(record, (done, total) => seen.push([done, total]));
    expect(result.problems).toEqual([]);
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, total]) => total === 5000)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([5000, 5000]);
  });
});
