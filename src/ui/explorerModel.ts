// The explorer's view model, made before its first render where a dataset is large. Made in that render,
// a million events' first view (its lanes' index, facet counts, the source panel's paragraph index and the
// density of each lane) was three tasks of 120–350 ms after the loading screen had gone; made here, while
// the loading screen says "Drawing…", it is a slice at a time, and the first render finds it ready.
import type { Dataset } from '../data/model';
import { localizeDataset } from '../data/localizeDataset';
import { createViewModel, type ViewModel } from '../state/viewModel';
import { filtersFromUrl, parseViewParams } from '../state/urlState';
import { densityIndex } from '../timeline/core/density';
import type { Lane } from '../timeline/core/lanes';
import { prepareParagraphExcerpts } from './sourceSegments';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The model prepared for a dataset as loaded, in a language, with its lanes. The loader keeps it beside the
 * dataset and hands it to the explorer: not in a WeakMap keyed by the dataset, whose million-event value the
 * garbage collector then marked in one pause of about 400 ms (as an ephemeron) at the end of loading.
 */
export interface PreparedExplorer {
  readonly original: Dataset;
  readonly lang: string;
  readonly lanes: readonly Lane[] | null;
  readonly model: ViewModel;
}

/** The view model of a dataset as loaded, in the reader's language: the one prepared for it, or a new one. */
export function explorerModel(original: Dataset, lang: string, lanes: readonly Lane[] | null, prepared: PreparedExplorer | null = null): ViewModel {
  if (prepared && prepared.original === original && prepared.lang === lang && prepared.lanes === lanes) return prepared.model;
  return createViewModel(localizeDataset(original, lang), lanes);
}

/**
 * Makes the explorer's first view of a dataset ready a slice at a time, for the filters the page's URL asks
 * for; resolves with it when it is, or with null when `signal` aborts. `onStep` is told how many of its steps
 * are done, of how many (the view, the paragraph index, then each lane's density).
 */
export async function prepareExplorer(
  original: Dataset,
  lang: string,
  lanes: readonly Lane[] | null,
  signal: AbortSignal,
  onStep: (done: number, total: number) => void = () => {},
): Promise<PreparedExplorer | null> {
  const model = createViewModel(localizeDataset(original, lang), lanes);
  const steps = 2 + (lanes?.length ?? model.dataset.actors.length);
  onStep(0, steps);
  await nextTask();
  const filters = filtersFromUrl(model.dataset, parseViewParams(window.location.search));
  if (!(await model.prepareView(filters, signal))) return null;
  onStep(1, steps);
  await prepareParagraphExcerpts(model.dataset, signal);
  const laid = model.viewFor(filters).lanes ?? [];
  const total = 2 + laid.length;
  onStep(2, total);
  for (let i = 0; i < laid.length; i++) {
    if (signal.aborted) return null;
    densityIndex(laid[i] as Lane);
    onStep(3 + i, total);
    await nextTask();
  }
  return signal.aborted ? null : { original, lang, lanes, model };
}
