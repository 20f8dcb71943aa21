// Hostile inputs, doubled: every import and validation path must grow linearly (or n log n), so that a
// file crafted or grown large cannot stall the page. Each case times the same work at n/2 and at 2n (two
// doublings); per doubling a quadratic path takes about 4 times as long, a linear one about 2. A loaded
// machine's caches and garbage collector make even linear work grow faster at these sizes, so the growth
// is compared with that of a linear reference on the same inputs (copying them and writing them as JSON):
// per doubling the work may grow at most 1.6 times as fast as the reference (linear work measured up to
// 1.4; the old quadratic id counter gives 1.95 to 2.0). Times are this process's CPU time, the least of
// interleaved runs.
import { describe, expect, it } from 'vitest';
import { convertTimelineJs } from '../../../src/data/import/timelineJs';
import { validateImport } from '../../../src/data/readDataset';
import { validateDataset } from '../../../src/data/validate';
import { buildDataset, manyEvents } from '../../fixtures/robust/datasets';

const RUNS = 4;
/**
 * How much faster than the linear reference the work may grow per doubling. Inputs are quadrupled (two
 * doublings) so that the noise of one measurement is spread over twice the growth: per doubling, a
 * quadratic path grows 2 times as fast as the reference, linear work about as fast.
 */
const MAX_RELATIVE_GROWTH = 1.6;
const SCALE = 4;

function cpuTime(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return used.user + used.system;
}

/** The least time of each function, runs interleaved so that a burst of load hits both alike. */
function fastestOf(runs: (() => void)[]): number[] {
  const best = runs.map(() => Infinity);
  for (let r = 0; r < RUNS; r++) runs.forEach((run, i) => (best[i] = Math.min(best[i] ?? Infinity, cpuTime(run))));
  return best;
}

const reference = (input: unknown) => void JSON.stringify(structuredClone(input));

/** How much the work and the linear reference grow per doubling of the input (measured over two doublings). */
function relativeGrowth<T>(make: (n: number) => T, work: (input: T) => void, n: number): { work: number; reference: number } {
  const small = make(n / 2);
  const large = make((n / 2) * SCALE);
  work(small);
  work(large);
  const [w1 = 1, w2 = 1, r1 = 1, r2 = 1] = fastestOf([() => work(small), () => work(large), () => reference(small), () => reference(large)]);
  const perDoubling = (ratio: number) => Math.sqrt(ratio);
  return { work: perDoubling(w2 / w1), reference: perDoubling(r2 / r1) };
}

const importTimelineJs = (value: unknown) => {
  validateImport(convertTimelineJs(value, 'hostile.json'));
};
const slide = (i: number, text: string, headline = `Slide ${i}`) => ({ start_date: { year: 1900 + (i % 100) }, text: { headline, text } });

const cases: { name: string; n: number; make: (n: number) => unknown; work: (input: unknown) => void }[] = [
  {
    name: 'TimelineJS text full of unclosed tags, script and style',
    n: 50_000,
    make: (n) => ({ events: [slide(0, `${'<p>a <b>bold <i>'.repeat(n)}<script>${'x <style> <p>'.repeat(n)}`), slide(1, `<style>${'a{}'.repeat(n)}`)] }),
    work: importTimelineJs,
  },
  {
    name: 'TimelineJS slides that all have the same headline',
    n: 4_000,
    make: (n) => ({ events: Array.from({ length: n }, (_, i) => slide(i, 'The same again.', 'Battle')) }),
    work: importTimelineJs,
  },
  {
    name: 'TimelineJS slides that all have the same unique_id',
    n: 4_000,
    make: (n) => ({ events: Array.from({ length: n }, (_, i) => ({ ...slide(i, 'Again.'), unique_id: 'same' })) }),
    work: importTimelineJs,
  },
  {
    name: 'events that all have the same id',
    n: 2_000,
    make: (n) => {
      const dataset = buildDataset({ events: manyEvents(n) });
      for (const event of dataset.events) event.id = 'same';
      return dataset;
    },
    work: (input) => void validateDataset(input),
  },
  {
    name: 'the same event given over and over (same words, same paragraph)',
    n: 2_000,
    make: (n) => buildDataset({ events: Array.from({ length: n }, (_, i) => ({ id: `copy-${i}`, date: '2024-11-17', paragraph: 'Alphaland and Betastan met again.', title: 'Met again' })) }),
    work: (input) => void validateDataset(input),
  },
  {
    name: 'many events quoting one source, each from the middle of its own paragraph',
    n: 2_000,
    make: (n) => buildDataset({ events: manyEvents(n, { partialQuotes: true }), sources: 1 }),
    work: (input) => void validateDataset(input),
  },
  {
    name: 'one very long paragraph, quoted at places spread over it',
    n: 200_000,
    make: (n) => {
      const words = Array.from({ length: n / 10 }, (_, i) => `word${i}`);
      const paragraph = `${words.join(' ')}.`;
      const dataset = buildDataset({ paragraphs: [paragraph] });
      const source = dataset.sources[0];
      if (!source) throw new Error('no source');
      dataset.events = Array.from({ length: 40 }, (_, k) => {
        const at = Math.floor(((k + 1) / 41) * words.length);
        const quote = words.slice(at, at + 5).join(' ');
        return { id: `quote-${k}`, title: `Quote ${k}`, summary: 'A piece of the long paragraph.', date: '2024-11-17', dateBasis: { quote, explanation: 'Said there.' }, actors: ['alpha'], attribution: { kind: 'publication', detail: 'The Robust Gazette' }, excerpts: [{ source: source.id, quote }] };
      });
      return dataset;
    },
    work: (input) => void validateDataset(input),
  },
];

describe('hostile inputs, doubled, take about twice as long, as linear work does, not four times', { timeout: 60_000 }, () => {
  it.each(cases)('$name', ({ make, work, n }) => {
    const growth = relativeGrowth(make, work, n);
    expect(growth.work / growth.reference, `doubling took ${growth.work.toFixed(2)}× as long, the reference ${growth.reference.toFixed(2)}×`).toBeLessThan(MAX_RELATIVE_GROWTH);
  });
});
