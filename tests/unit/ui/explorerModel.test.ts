// A large dataset's first view is made ready while the loading screen says "Drawing…", a slice at a time:
// the explorer's first render must then find that very model, with the view its link asks for ready.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateDataset } from '../../../src/data/synthetic';
import { validateDataset } from '../../../src/data/validate';
import { explorerModel, prepareExplorer } from '../../../src/ui/explorerModel';

const { dataset } = validateDataset(generateDataset({ events: 3_000, seed: 8 }));
if (!dataset) throw new Error('the synthetic dataset did not validate');
const actor = dataset.actors[1]?.id ?? '';

afterEach(() => vi.unstubAllGlobals());

describe('the explorer’s model, prepared while a dataset loads', () => {
  it('is the one the explorer then takes, with the view for the link’s filters and its counts ready', async () => {
    vi.stubGlobal('window', { location: { search: `?actors=${actor}&q=talks` } });
    const original = { ...dataset };
    const steps: [number, number][] = [];
    const prepared = await prepareExplorer(original, 'en', null, new AbortController().signal, (done, total) => steps.push([done, total]));
    const model = explorerModel(original, 'en', null, prepared);
    expect(model).toBe(prepared?.model);
    expect(model.isReady({ actors: [actor], query: 'talks' })).toBe(true);
    // The loading screen's bar follows its steps, from none to the last (the view, the paragraphs, each lane).
    expect(steps[0]?.[0]).toBe(0);
    expect(steps.at(-1)?.[0]).toBe(steps.at(-1)?.[1]);
    expect(steps.length).toBeGreaterThan(3);
    expect(steps.map(([done]) => done)).toEqual([...steps.map(([done]) => done)].sort((a, b) => a - b));
    expect(model.isReady({ actors: null, query: '' })).toBe(false);
  });

  it('is made anew for another language or other lanes, and not made at all once cancelled', async () => {
    vi.stubGlobal('window', { location: { search: '' } });
    const original = { ...dataset };
    const prepared = await prepareExplorer(original, 'en', null, new AbortController().signal);
    const model = explorerModel(original, 'en', null, prepared);
    expect(explorerModel(original, 'en', null, prepared)).toBe(model);
    expect(explorerModel(original, 'uk', null, prepared)).not.toBe(model);
    expect(explorerModel(original, 'en', [], prepared)).not.toBe(model);
    // Another dataset (another load of the same file) never takes this one's model.
    expect(explorerModel({ ...dataset }, 'en', null, prepared)).not.toBe(model);

    const cancelled = new AbortController();
    cancelled.abort();
    const other = { ...dataset };
    expect(await prepareExplorer(other, 'en', null, cancelled.signal)).toBeNull();
    expect(explorerModel(other, 'en', null).isReady({ actors: null, query: '' })).toBe(false);
  });
});
