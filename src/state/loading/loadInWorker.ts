import type { ValidationResult } from '../../data/model';
import type { Problem } from '../../data/problems';
import type { LoadProgress, LoadRequest } from '../../data/loadProtocol';
import { decodeLaneSteps, type Lane, type LaneColumns } from '../../timeline/core/lanes';
import { DatasetAssembler } from './datasetPieces';
import { finishInSlices } from '../../timeline/core/steps';
import type { WorkerReply } from './workerMessages';

export type { LoadProgress, LoadRequest };

/**
 * A dataset, checked, with its lanes laid out when the worker did that (null: the page lays them out), or
 * the reason its file could not be read at all (download, size, encoding).
 */
export type LoadOutcome = { ok: true; result: ValidationResult; lanes: Lane[] | null } | { ok: false; problem: Problem };

/** Started ahead of need (see `prepareLoadWorker`) so its script loads while the page starts. */
let spareWorker: Worker | null = null;

const startWorker = () => new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });

/** Starts a worker now, for the next `loadDataset`, so that its script is fetched alongside the app's. */
export function prepareLoadWorker(): void {
  if (typeof Worker !== 'undefined' && !spareWorker) spareWorker = startWorker();
}

/**
 * Downloads or reads, parses and checks a dataset in a Web Worker where there is one (the page stays
 * responsive, never holds the file's text, and the validator stays out of the initial bundle); elsewhere,
 * in this thread, loaded on demand.
 */
export async function loadDataset(request: LoadRequest, onProgress?: (progress: LoadProgress) => void, signal?: AbortSignal): Promise<LoadOutcome> {
  if (typeof Worker === 'undefined') {
    const { runLoadRequest } = await import('../../data/runLoadRequest');
    const outcome = await runLoadRequest(request, onProgress);
    return outcome.ok ? { ...outcome, lanes: null } : outcome;
  }
  const worker = spareWorker ?? startWorker();
  spareWorker = null;
  const assembler = new DatasetAssembler();
  try {
    const outcome = await new Promise<{ ok: true; result: ValidationResult; lanes: LaneColumns[] | null } | { ok: false; problem: Problem }>((resolve, reject) => {
      // Cancelling stops the worker where it is (terminated below), not after it has finished.
      if (signal?.aborted) reject(new DOMException('cancelled', 'AbortError'));
      signal?.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')), { once: true });
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const reply = event.data;
        if (reply.kind === 'failed') return resolve({ ok: false, problem: reply.problem });
        const taken = assembler.take(reply);
        if (!taken) return;
        if ('done' in taken) resolve({ ok: true, result: taken.done, lanes: taken.lanes });
        else onProgress?.(taken.progress);
      };
      worker.onerror = (event) => reject(new Error(event.message || 'the loader failed to start'));
      worker.postMessage(request);
    });
    worker.terminate();
    if (!outcome.ok) return outcome;
    if (!outcome.lanes || !outcome.result.dataset) return { ...outcome, lanes: null };
    // A million events' lane items, decoded at once, held the page for over a second: a slice at a time.
    const lanes = await finishInSlices(decodeLaneSteps(outcome.lanes, outcome.result.dataset.actorsById), signal ?? new AbortController().signal);
    if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    return { ...outcome, lanes: lanes ?? null };
  } finally {
    worker.terminate();
    // The next dataset the reader opens (a file, a sample) finds a worker started and its script compiled.
    prepareLoadWorker();
  }
}
