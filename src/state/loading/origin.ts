// Where the dataset to show comes from, and what the loader is asked for to show it. Read by the page's
// first script (main.tsx) to start the loader before the rest of the app has arrived, and by App; so it
// reads the address itself (addressBar.ts brings the view's state with it) and imports little.
// The bundled dataset (TIMELINE_DATASET at build time, see build/story.ts) ships as its own file.
import bundledUrl from 'virtual:bundled-dataset';
import type { LoadRequest } from '../../data/loadProtocol';
import type { Problem } from '../../data/problems';
import { MAX_SAMPLE_EVENTS, SAMPLE_SEED, sampleSize } from '../../data/sample';
import { datasetUrl } from '../../data/datasetUrl';

/** Where the dataset on screen came from. */
export type Origin = { kind: 'bundled' } | { kind: 'url'; url: string } | { kind: 'file'; name: string; file: File } | { kind: 'sample'; events: number };

/** The dataset the address names: a `?data=` URL, a `?sample=` size, else the bundled one. */
export function originFromUrl(warn: (message: string) => void = console.warn): Origin {
  const params = new URLSearchParams(window.location.search);
  const data = params.get('data');
  if (data) return { kind: 'url', url: data };
  const sample = params.get('sample');
  if (sample !== null) {
    const events = sampleSize(sample);
    if (events !== null) return { kind: 'sample', events };
    warn(`?sample=${sample} is not a number of events from 1 to ${MAX_SAMPLE_EVENTS}; showing the bundled dataset`);
  }
  return { kind: 'bundled' };
}

/** What the loader is asked for to show a dataset from `origin`, or why it cannot be asked (a `?data=` URL that is not usable). */
export function loadRequestFor(origin: Origin, datasetText?: string): { ok: true; request: LoadRequest } | { ok: false; problem: Problem } {
  switch (origin.kind) {
    case 'sample':
      return { ok: true, request: { kind: 'sample', events: origin.events, seed: SAMPLE_SEED } };
    case 'file':
      return { ok: true, request: { kind: 'file', file: origin.file } };
    case 'url': {
      const url = datasetUrl(origin.url, window.location.href);
      if (!url.ok) return { ok: false, problem: url.problem };
      // The file's name goes into an imported dataset's record of where it came from.
      const fileName = url.url.pathname.split('/').pop();
      return { ok: true, request: { kind: 'url', url: url.url.href, file: fileName ? decodeURIComponent(fileName) : undefined } };
    }
    case 'bundled':
      return { ok: true, request: datasetText !== undefined ? { kind: 'text', text: datasetText } : { kind: 'url', url: new URL(bundledUrl, document.baseURI).href } };
  }
}

/**
 * The load the page's own address asks for (a `?data=` URL, a sample, the bundled dataset), for main.tsx
 * to start with the page: its download then begins while React starts, not after its first render.
 */
export function initialLoadRequest(): LoadRequest | null {
  const made = loadRequestFor(originFromUrl(() => {}));
  return made.ok ? made.request : null;
}

/** Whether the address opens the authoring view (?edit) rather than the reader's. */
export const isEditing = () => new URLSearchParams(window.location.search).has('edit');
