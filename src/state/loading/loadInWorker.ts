import type { ValidationResult } from '../../data/model';
import type { Problem } from '../../data/problems';
import type { LoadProgress, LoadRequest } from '../../data/loadProtocol';
import { decodeLanes, type Lane, type LaneColumns } from '../../timeline/core/lanes';
import { DatasetAssembler } from './datasetPieces';
import type { WorkerReply } from './workerMessages';
import { prepareLoadWorkerWhenIdle, workerFor } from './spareWorker';

export type { LoadProgress, LoadRequest };

/**
 * A dataset, checked, with its lanes laid out when the worker did that (null: the page lays them out), or
 * the reason its file could not be read at all (download, size, encoding).
 */
export type LoadOutcome = { ok: true; result: ValidationResult; lanes: Lane[] | null } | { ok: false; problem: Problem };

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
  const { worker, asked } = workerFor(request);
  const assembler = new DatasetAssembler();
  let cancel = (): void => undefined;
  try {
    const outcome = await new Promise<{ ok: true; result: ValidationResult; lanes: LaneColumns[] | null } | { ok: false; problem: Problem }>((resolve, reject) => {
      // Cancelling stops the worker where it is (terminated below), not after it has finished.
      cancel = () => reject(new DOMException('cancelled', 'AbortError'));
      if (signal?.aborted) cancel();
      signal?.addEventListener('abort', cancel, { once: true });
      const take = (reply: WorkerReply) => {
        if (reply.kind === 'failed') return resolve({ ok: false, problem: reply.problem });
        const taken = assembler.take(reply);
        if (!taken) return;
        if ('done' in taken) resolve({ ok: true, result: taken.done, lanes: taken.lanes });
        else onProgress?.(taken.progress);
      };
      worker.onmessage = (event: MessageEvent<WorkerReply>) => take(event.data);
      worker.onerror = (event) => reject(new Error(event.message || 'the loader failed to start'));
      if (!asked) return worker.postMessage(request);
      // Asked with the page: what it has said so far is taken first, in order, then the rest as it comes.
      if (asked.failed !== null) return reject(new Error(asked.failed));
      for (const reply of asked.replies) take(reply);
    });
    worker.terminate();
    if (!outcome.ok) return outcome;
    if (!outcome.lanes || !outcome.result.dataset) return { ...outcome, lanes: null };
    // The lanes' rows arrive as typed arrays and stay so: only their actors are looked up.
    return { ...outcome, lanes: decodeLanes(outcome.lanes, outcome.result.dataset.actorsById) };
  } finally {
    worker.terminate();
    // The handlers hold the assembler, with its tables of shared values and the events in the order sent:
    // left on the signal and the worker, they would keep them (tens of megabytes at a million events).
    signal?.removeEventListener('abort', cancel);
    worker.onmessage = null;
    worker.onerror = null;
    // The next dataset the reader opens (a file, a sample) finds a worker started and its script compiled.
    prepareLoadWorkerWhenIdle();
  }
}
