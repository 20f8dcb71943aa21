import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { excerptsByParagraph, paragraphExcerpts } from '../../../src/ui/sourceSegments';

const { dataset } = validateDataset(generateDataset({ events: 3_000, seed: 5 }));
if (!dataset) throw new Error('the synthetic dataset did not validate');

describe('the source panel’s index of excerpts by paragraph', () => {
  it('finds the excerpts of the paragraphs shown as a pass over every event finds them, in the same order', () => {
    // The opening paragraphs, the ones around a few events' excerpts, and some no event quotes or no source has.
    const shown = new Map<string, Set<number>>();
    const add = (sourceId: string, paragraph: number) => shown.set(sourceId, (shown.get(sourceId) ?? new Set()).add(paragraph));
    for (let p = -2; p < 40; p++) add(dataset.sources[0]?.id ?? '', p);
    for (const event of dataset.events.filter((_, i) => i % 97 === 0)) for (const at of event.excerpts) for (let p = at.paragraph - 15; p <= at.paragraph + 15; p++) add(at.source, p);
    add('no-such-source', 0);
    const indexed = paragraphExcerpts(dataset).only(shown);
    expect(indexed.size).toBeGreaterThan(10);
    expect(indexed).toEqual(excerptsByParagraph(dataset.events, shown));
  });

  it('is made once for a dataset’s events and answers every later selection from it', () => {
    expect(paragraphExcerpts(dataset)).toBe(paragraphExcerpts({ ...dataset }));
  });
});
